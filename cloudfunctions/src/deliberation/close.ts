import { TopicIdInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { denial } from './policy'
import { closeOf } from './phases'
import { joinedTopic, topicById } from './store'
import { NOT_SEEN, topicView } from './view'

/**
 * The creator or the committee closes the vote early: the tally is sealed now (counts, outcome
 * and tally hash, from one aggregation of the ballots) and the result published.
 */
export const close = action(
  TopicIdInput,
  async ({ actor, joined, audit }) => {
    const t = joinedTopic(joined)
    const no = refuse(denial('close', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有发起人或社区两委可以结束投票',
      CONFLICT: t?.phase === 'discussion' ? '议题还没有开始投票' : '投票已经结束',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const now = await closeOf(t, '投票已结束，结果已公布')
    if (!now) return fail('CONFLICT', '投票已经结束')
    audit('deliberation.close', t._id, { turnout: now.turnout, outcome: now.outcome })
    return ok(topicView(actor, now))
  },
  { load: (input) => [topicById(input.id)] }
)
