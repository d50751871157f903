import { VoteInput, type VoteResult } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { denial } from './policy'
import {
  binBallots,
  castFor,
  joinedRollCount,
  joinedTopic,
  rollCount,
  storeRoll,
  topicById,
  unstoreRoll,
} from './store'
import { NOT_SEEN, topicView } from './view'

const VOTED = '您已经投过票了，投票后不能修改'
const HOUSEHOLD_VOTED = '您家已有人投过票了，每户只能投一票'
/** The ballot could not be put in the box: the vote is taken back, the voter may try again. */
const BOX_UNAVAILABLE = '投票箱暂时无法写入，您的投票未计入，请稍后重试'

/**
 * A resident on the roll casts their ballot, once (per household on a household topic), final.
 * First the roll entry (who): its unique key decides, so exactly one vote goes in however many
 * requests race. Then the ballot (option, receipt) at a random place in a random bin, apart
 * from the roll; if that fails the roll entry is taken back. The live turnout is the roll's size,
 * counted with the caller's read (the topic document is not written). A crash between the roll
 * entry and the ballot leaves a roll entry without a ballot: that resident cannot vote again, the
 * live turnout counts them, the sealed tally (ballots counted) does not. The receipt goes back in this answer only: it is stored with nobody, not even in the
 * request's record (a repeated requestId answers `receipt: null`; the app keeps the first
 * answer's).
 */
export const vote = action(
  VoteInput,
  async ({ actor, input, joined, audit }) => {
    const t = joinedTopic(joined)
    const household = t?.unit === 'household'
    const no = refuse(denial('vote', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: t?.votingOpenedAt
        ? '您不在本次投票的名单上（投票开始后认证的居民不能参与本次投票）'
        : '只有本议题范围内已认证的居民可以投票',
      CONFLICT: t?.phase === 'discussion' ? '议题还在讨论中，尚未开始投票' : '投票已经结束',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (input.optionIndex >= t.options.length) {
      return fail('INVALID_INPUT', '选项不正确', 'optionIndex')
    }
    const cast = castFor(t, actor.user!, input.optionIndex, 'online')
    const [stored] = await storeRoll([cast.roll])
    if (!stored) return fail('CONFLICT', household ? HOUSEHOLD_VOTED : VOTED)
    const turnout = joinedRollCount(joined)
    const binned = await binBallots(t, turnout, [cast.ballot]).catch(() => false)
    if (!binned) {
      await unstoreRoll([cast.roll])
      return fail('CONFLICT', BOX_UNAVAILABLE)
    }
    // The audit entry says who voted on which topic: never how.
    audit('deliberation.vote', t._id, {})
    const now = { ...t, turnout: turnout + 1 }
    const receipt = cast.ballot.receipt
    return ok<VoteResult>({ receipt, topic: topicView(actor, now, { roll: cast.roll, receipt }) })
  },
  {
    gate: 'verified',
    load: (input) => [topicById(input.id), rollCount(input.id)],
    replay: (r) => ({
      receipt: null as unknown as string,
      topic: { ...r.topic, myVote: { ...r.topic.myVote, receipt: undefined } },
    }),
  }
)
