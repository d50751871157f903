import { TopicIdInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { denial } from './policy'
import { joinedTopic, topicById } from './store'
import { openVotingOf } from './phases'
import { eligibleJoins, joinedEligible } from './roll'
import { NOT_SEEN, topicView } from './view'

/**
 * The creator or the committee ends the discussion early and opens the vote: the roll is frozen
 * now (its size counted once, with the topic's read; who may vote is decided by verification
 * time, see policy).
 */
export const openVoting = action(
  TopicIdInput,
  async ({ actor, joined, audit }) => {
    const t = joinedTopic(joined)
    const no = refuse(denial('openVoting', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有发起人或社区两委可以开始投票',
      CONFLICT: '议题已经开始投票或已结束',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const count = joinedEligible(t, joined)
    const now = await openVotingOf(t, '发起人提前结束讨论，开始投票', count)
    if (!now) return fail('CONFLICT', '议题已经开始投票或已结束')
    audit('deliberation.openVoting', t._id, { eligibleCount: now.eligibleCount })
    return ok(topicView(actor, now))
  },
  { load: (input) => [topicById(input.id), ...eligibleJoins()] }
)
