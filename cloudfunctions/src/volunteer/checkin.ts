import { CheckinInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { checkinDenial } from './policy'
import { codeAccepted } from './code'
import { activities, activityById, joinedOne, type ActivityDoc } from './store'
import { NOT_SEEN, activityView, factsOf } from './view'

const TWICE = '您已经签到过了'

/**
 * A signed volunteer checks in with the code on the organizer's screen (this minute's or the
 * last), from 30 minutes before the start to the end. Conditional on not checked in yet.
 */
export const checkin = action(
  CheckinInput,
  async ({ actor, input, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const facts = a ? factsOf(a, actor) : null
    const no = refuse(checkinDenial(actor, a, facts, now), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有正式报名的志愿者可以签到',
      CONFLICT: facts?.checkedIn ? TWICE : '不在签到时间内（开始前 30 分钟至活动结束）',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (!codeAccepted(a.secret, input.code, now)) {
      return fail('INVALID_INPUT', '签到码不正确或已过期，请以现场屏幕为准', 'code')
    }
    const _ = db().command
    const res = await activities()
      .where({ _id: a._id, checkins: _.neq(actor.openid) })
      .update({
        data: { checkins: _.push([actor.openid]), checkinTimes: _.push([now]) },
      })
    if (res.stats.updated !== 1) return fail('CONFLICT', TWICE)
    audit('volunteer.checkin', a._id)
    const after: ActivityDoc = {
      ...a,
      checkins: [...(a.checkins ?? []), actor.openid],
      checkinTimes: [...(a.checkinTimes ?? []), now],
    }
    return ok(activityView(actor, after, now))
  },
  { gate: 'verified', load: (input) => [activityById(input.activityId)] }
)
