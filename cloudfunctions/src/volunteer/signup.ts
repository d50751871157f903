import { OnActivityInput, type SignupResult } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { findById } from '../lib/store'
import { signupDenial } from './policy'
import {
  ACTIVITIES,
  activities,
  activityById,
  joinedAll,
  joinedOne,
  liveOf,
  standingOf,
  type ActivityDoc,
} from './store'
import { NOT_SEEN, factsOf } from './view'

const ONCE = '您已经报名过这个活动'
const CLOSED = '报名已截止'
const OVERLAP = '您报名的其他活动与这个活动时间冲突'

const overlaps = (a: ActivityDoc, b: ActivityDoc) =>
  new Date(a.startAt).getTime() < new Date(b.endAt).getTime() &&
  new Date(b.startAt).getTime() < new Date(a.endAt).getTime()

/**
 * An approved volunteer of the activity's community signs up before the deadline, once, and not
 * for two activities at the same time. The arrival is appended to the activity's signup log
 * with one atomic write, conditional on the volunteer not being in it yet; the log read back
 * says where they stood on arrival: the first `quota` still in are signed, the rest wait with
 * positions 1, 2, 3… in arrival order, however many race.
 */
export const signup = action(
  OnActivityInput,
  async ({ actor, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const facts = a ? factsOf(a, actor) : null
    const no = refuse(signupDenial(actor, a, facts, now), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有本社区已通过审核的志愿者可以报名',
      CONFLICT: facts?.standing ? ONCE : CLOSED,
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const busy = joinedAll<ActivityDoc>(joined, 'live').filter((b) => {
      const st = standingOf(b, actor.openid)?.status
      return b._id !== a._id && (st === 'signed' || st === 'waitlisted')
    })
    if (busy.some((b) => overlaps(a, b))) return fail('CONFLICT', OVERLAP)

    const _ = db().command
    const res = await activities()
      .where({ _id: a._id, queue: _.neq(actor.openid) })
      .update({
        data: { queue: _.push([actor.openid]), live: _.push([actor.openid]), updatedAt: now },
      })
    if (res.stats.updated !== 1) return fail('CONFLICT', ONCE)
    const after = await findById<ActivityDoc>(ACTIVITIES, a._id)
    const arrival = (after?.queue ?? []).indexOf(actor.openid)
    const standing = after ? standingOf(after, actor.openid, arrival + 1) : null
    if (!standing || standing.status === 'cancelled') return fail('CONFLICT', ONCE)
    audit('volunteer.signup', a._id, { status: standing.status })
    const out: SignupResult = { status: standing.status }
    if (standing.position) out.position = standing.position
    return ok(out)
  },
  {
    gate: 'verified',
    load: (input, openid) => [activityById(input.activityId), liveOf(openid)],
  }
)
