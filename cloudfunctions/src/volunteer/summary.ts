import { SummaryInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { entry } from '../lib/store'
import { riskyField } from '../lib/screen'
import { manageDenial } from './policy'
import { activities, activityById, joinedOne, type ActivityDoc } from './store'
import { NOT_SEEN, activityView } from './view'

/** The organizer's public report on the activity, once it has started (a new one replaces it). */
export const summary = action(
  SummaryInput,
  async ({ actor, input, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const no = refuse(manageDenial(actor, a), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有活动的组织者、社区两委和网格活动的网格员可以发布总结',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (now.getTime() < new Date(a.startAt).getTime()) {
      return fail('CONFLICT', '活动开始后才能发布总结')
    }
    if (await riskyField(actor.openid, { text: input.text }, 3)) {
      return fail('CONTENT_REJECTED', '总结包含不适宜的信息，请修改', 'text')
    }
    const step = entry(now, 'summary', '组织者发布了活动总结')
    const _ = db().command
    const text = { text: input.text, at: now }
    await activities()
      .where({ _id: a._id })
      .update({ data: { summary: text, updatedAt: now, timeline: _.push([step]) } })
    audit('volunteer.summary', a._id)
    const after = { ...a, summary: text, timeline: [...(a.timeline ?? []), step] }
    return ok(activityView(actor, after, now))
  },
  { load: (input) => [activityById(input.activityId)] }
)
