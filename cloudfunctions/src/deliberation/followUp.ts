import { FollowUpInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { entry } from '../lib/store'
import { denial } from './policy'
import { draftTopic, scopeLoads } from './draft'
import { joinedTopic, topicById, topics } from './store'
import { NOT_SEEN, topicView } from './view'

/**
 * After a tie or no quorum, who may open topics there opens the next round: a new topic linked
 * both ways (`previousId`, `nextId`), once per closed round (a conditional write on `nextId`).
 */
export const followUp = action(
  FollowUpInput,
  async ({ actor, input, joined, audit }) => {
    const old = joinedTopic(joined)
    const no = refuse(denial('followUp', actor, old, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有社区两委或本网格的网格员可以发起下一轮议题',
      CONFLICT: '只有未形成决议（票数相同或参与人数不足）且尚未发起下一轮的议题可以发起下一轮',
    })
    if (no || !old) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const { id: _id, ...fields } = input
    const drafted = await draftTopic(actor, fields, joined, {
      matterId: old.matterId,
      previousId: old._id,
      text: '上一轮未形成决议，发起新一轮议题',
    })
    if (!drafted.ok) return fail(drafted.code, drafted.message, drafted.field)
    const t = drafted.doc
    const _ = db().command
    const step = entry(t.createdAt, 'followedUp', '已发起下一轮议题')
    const linked = await topics()
      .where({ _id: old._id, phase: 'closed', nextId: null })
      .update({ data: { nextId: t._id, updatedAt: step.at, timeline: _.push([step]) } })
    if (linked.stats.updated !== 1) return fail('CONFLICT', '这个议题已经发起过下一轮')
    await topics().add({ data: { ...t } })
    audit('deliberation.followUp', t._id, { previousId: old._id })
    return ok(topicView(actor, t))
  },
  {
    load: (input) => [topicById(input.id), ...scopeLoads(input.scope)],
  }
)
