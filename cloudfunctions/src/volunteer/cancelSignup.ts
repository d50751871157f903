import { CANCEL_SIGNUP_HOURS, OnActivityInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db, updateAndReturn } from '../lib/cloud'
import { cancelDenial } from './policy'
import { ACTIVITIES, activityById, joinedOne, release, signedOf, type ActivityDoc } from './store'
import { tellPromoted } from './notify'
import { NOT_SEEN, activityView, factsOf } from './view'

const TOO_LATE = `活动开始前 ${CANCEL_SIGNUP_HOURS} 小时内不能取消报名`

/**
 * A signed or waitlisted volunteer cancels, until 2 h before the start: the departure is
 * appended to the signup log with one conditional write that returns the log after it. The log
 * just before and just after that step says who moved up into the freed place - exactly one per
 * cancel of a signed volunteer, however many cancel at once - and they are told. Positions
 * behind close up by themselves; the volunteer's time is given back.
 */
export const cancelSignup = action(
  OnActivityInput,
  async ({ actor, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const facts = a ? factsOf(a, actor) : null
    const holds = facts?.standing && facts.standing.status !== 'cancelled'
    const no = refuse(cancelDenial(actor, a, facts, now), {
      NOT_FOUND: NOT_SEEN,
      CONFLICT: holds ? TOO_LATE : '您没有报名这个活动',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const _ = db().command
    const gone = `-${actor.openid}`
    const after = await updateAndReturn<ActivityDoc>(
      ACTIVITIES,
      { _id: a._id, queue: actor.openid, left: _.neq(actor.openid) },
      { queue: _.push([gone]), left: _.push([actor.openid]), updatedAt: now }
    )
    if (!after) return fail('CONFLICT', '您已经取消了报名')
    // Their time is free again (and no longer counted as theirs in `volunteer.signedUp`).
    await release(actor.openid, a._id)
    const step = after.queue.indexOf(gone)
    const before = new Set(signedOf(after, step))
    const promoted = signedOf(after, step + 1).filter((o) => !before.has(o))
    audit('volunteer.cancelSignup', a._id, {
      from: facts?.standing?.status ?? null,
      ...(promoted.length ? { promoted: promoted[0] } : {}),
    })
    await Promise.all(promoted.map((o) => tellPromoted(o, after)))
    return ok(activityView(actor, after, now))
  },
  { gate: 'verified', load: (input) => [activityById(input.activityId)] }
)
