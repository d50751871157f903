import { FeedbackInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { riskyField } from '../lib/screen'
import { activities, activityById, joinedOne, type ActivityDoc } from './store'
import { NOT_SEEN, activityView, visible } from './view'

/** An attendee rates the activity, once (conditional on not having rated it yet). */
export const feedback = action(
  FeedbackInput,
  async ({ actor, input, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    if (!a || !visible(actor, a)) return fail('NOT_FOUND', NOT_SEEN)
    if (!a.confirmedAt || !(a.attendees ?? []).includes(actor.openid)) {
      return fail('FORBIDDEN', '只有参加了活动的志愿者可以评价')
    }
    if ((a.feedbackBy ?? []).includes(actor.openid)) return fail('CONFLICT', '您已经评价过了')
    if (input.comment && (await riskyField(actor.openid, { comment: input.comment }, 2))) {
      return fail('CONTENT_REJECTED', '评价包含不适宜的信息，请修改', 'comment')
    }
    const item = {
      openid: actor.openid,
      rating: input.rating,
      comment: input.comment ?? '',
      at: now,
    }
    const _ = db().command
    const res = await activities()
      .where({ _id: a._id, feedbackBy: _.neq(actor.openid) })
      .update({ data: { feedback: _.push([item]), feedbackBy: _.push([actor.openid]) } })
    if (res.stats.updated !== 1) return fail('CONFLICT', '您已经评价过了')
    audit('volunteer.feedback', a._id, { rating: input.rating })
    const after: ActivityDoc = {
      ...a,
      feedback: [...(a.feedback ?? []), item],
      feedbackBy: [...(a.feedbackBy ?? []), actor.openid],
    }
    return ok(activityView(actor, after, now))
  },
  { gate: 'verified', load: (input) => [activityById(input.activityId)] }
)
