import { z } from 'zod'
import { idSchema, pageInput, type Action, type Can } from './common'
import type { Page } from './errors'
import {
  DELIBERATION_RULES as R,
  MEETING_VOTES_CROSS,
  OPTION_INDEX,
  TOPIC_CROSS,
  TOPIC_LIST_SCOPES,
  TOPIC_QUORUM,
  TOPIC_RULES,
  TOPIC_SCOPE_TYPES,
  VOTE_UNITS,
  type BallotOrigin,
  type DeliberationPhase,
  type TopicScopeType,
  type VoteOutcome,
  type VoteUnit,
} from './deliberation.rules'
import { withCross, zInt, zOptionalText, zText } from './zod-rules'

// 居民议事 (docs/contract.md §4.4): topics with a discussion, then a secret vote per resident or
// per household against a roll frozen when voting opens, meeting votes in the same box, sealed
// results until close, receipts anyone can check, follow-up rounds and updates on the decision.

// The plain data (phases, units, outcomes, limits) is imported from here by the functions.
export * from './deliberation.rules'

const topicId = idSchema('议题')
const commentId = idSchema('评论')

/** The fields of a new topic: `create`, `followUp` and `matter.toDeliberation` share them. */
export const topicFields = {
  title: zText(TOPIC_RULES.title),
  background: zText(TOPIC_RULES.background),
  scope: z.object(
    {
      type: z.enum(TOPIC_SCOPE_TYPES, TOPIC_RULES.scopeType.message),
      id: zText(TOPIC_RULES.scopeId),
    },
    '请选择议题范围'
  ),
  options: z.array(zText(TOPIC_RULES.option), '请填写选项'),
  discussionEndsAt: zText(TOPIC_RULES.discussionEndsAt),
  votingEndsAt: zText(TOPIC_RULES.votingEndsAt),
  unit: z.enum(VOTE_UNITS, TOPIC_RULES.unit.message),
  quorum: zInt(TOPIC_QUORUM),
}

export const CreateTopicInput = withCross(
  z.object({ ...topicFields, matterId: zOptionalText(TOPIC_RULES.matterId) }),
  TOPIC_CROSS
)
export type CreateTopicInput = z.infer<typeof CreateTopicInput>

export const FollowUpInput = withCross(z.object({ id: topicId, ...topicFields }), TOPIC_CROSS)
export type FollowUpInput = z.infer<typeof FollowUpInput>

export const ListTopicsInput = z.object({
  scope: z.enum(TOPIC_LIST_SCOPES, '列表范围不正确').optional(),
  ...pageInput,
})
export type ListTopicsInput = z.infer<typeof ListTopicsInput>

export const TopicIdInput = z.object({ id: topicId })
export type TopicIdInput = z.infer<typeof TopicIdInput>

export const CommentInput = z.object({ id: topicId, content: zText(R.comment) })
export type CommentInput = z.infer<typeof CommentInput>

export const ListCommentsInput = z.object({ id: topicId, ...pageInput })
export type ListCommentsInput = z.infer<typeof ListCommentsInput>

export const CommentIdInput = z.object({ commentId })
export type CommentIdInput = z.infer<typeof CommentIdInput>

export const HideCommentInput = z.object({ commentId, reason: zText(R.hideReason) })
export type HideCommentInput = z.infer<typeof HideCommentInput>

export const VoteInput = z.object({ id: topicId, optionIndex: zInt(OPTION_INDEX) })
export type VoteInput = z.infer<typeof VoteInput>

export const RecordInPersonInput = withCross(
  z.object({
    id: topicId,
    votes: z.array(
      z.object({ openid: zText(R.voterOpenid), optionIndex: zInt(OPTION_INDEX) }, '选票格式不正确'),
      '选票格式不正确'
    ),
  }),
  MEETING_VOTES_CROSS
)
export type RecordInPersonInput = z.infer<typeof RecordInPersonInput>

export const VerifyReceiptInput = z.object({ id: topicId, receipt: zText(R.receipt) })
export type VerifyReceiptInput = z.infer<typeof VerifyReceiptInput>

export const AddUpdateInput = z.object({ id: topicId, text: zText(R.update) })
export type AddUpdateInput = z.infer<typeof AddUpdateInput>

// Results

export type TopicActionKey =
  | 'comment'
  | 'openVoting'
  | 'vote'
  | 'recordInPerson'
  | 'close'
  | 'result'
  | 'followUp'
  | 'addUpdate'
  | 'moderate'

export interface TopicScope {
  type: TopicScopeType
  id: string
  /** The grid's or the community's name. */
  name: string
}

/** The viewer's part in the vote. Never which option: that is known only to the receipt's holder. */
export interface MyVote {
  voted: boolean
  /** Another member of the viewer's household voted (household topics): the viewer cannot. */
  byHousehold: boolean
  /** The receipt: only in the answer to the viewer's own `vote` (it is stored nowhere with them). */
  receipt?: string
  /** Household topics: who in the household voted, as the household knows them (nickname); else null. */
  householdVoter: string | null
  /** On the roll frozen when voting opened (null before). */
  eligible: boolean | null
}

export interface TopicUpdate {
  at: string
  text: string
}

export interface TopicTimelineEntry {
  at: string
  type:
    'created' | 'votingOpened' | 'meetingVotes' | 'closed' | 'followedUp' | 'update' | 'fromMatter'
  /** A short Chinese line, without personal data. */
  text: string
}

export interface Topic {
  id: string
  title: string
  background: string
  scope: TopicScope
  options: string[]
  phase: DeliberationPhase
  discussionEndsAt: string
  votingEndsAt: string
  unit: VoteUnit
  /** Percent of eligible voters who must vote. */
  quorum: number
  /** Voters (or households) on the roll; null before voting opens. */
  eligibleCount: number | null
  /** Ballots cast so far (online and meeting), live. Per-option counts only in `result`. */
  turnout: number
  /** Ballots needed to meet the quorum; null before voting opens. */
  quorumNeeded: number | null
  myVote: MyVote
  /** After close: the outcome (the counts are in `result`); else null. */
  outcome: VoteOutcome | null
  /** The matter this topic came from (居民说事), or null. */
  matterId: string | null
  /** The round this one follows up, and the round that followed it. */
  previousId: string | null
  nextId: string | null
  commentCount: number
  /** Who opened it, as the public sees them ('社区两委', '网格员 小李'). */
  createdBy: string
  updates: TopicUpdate[]
  createdAt: string
  votingOpenedAt: string | null
  closedAt: string | null
  timeline: TopicTimelineEntry[]
  can: Can<TopicActionKey>
}

export type TopicPage = Page<Topic>

export interface TopicComment {
  id: string
  topicId: string
  /** The author's nickname (no real name, no room). */
  author: string
  /** The text; null when hidden (staff still see it). */
  content: string | null
  hidden: boolean
  /** Why it is hidden: the moderator's reason, or '多人举报，等待处理'. */
  hiddenReason: string | null
  /** Waiting for a moderator after REPORTS_TO_HIDE reports. */
  awaitingReview: boolean
  /** Staff only: how many reported it; else null. */
  reportCount: number | null
  mine: boolean
  myReport: boolean
  createdAt: string
  can: Can<'report' | 'hide' | 'restore'>
}

export type CommentPage = Page<TopicComment>

export interface VoteResult {
  receipt: string
  topic: Topic
}

export type MeetingVoteOutcome =
  | { index: number; ok: true; receipt: string }
  | { index: number; ok: false; error: { code: string; message: string } }

export interface RecordInPersonResult {
  /** One per entry of `votes`, in order. */
  entries: MeetingVoteOutcome[]
  topic: Topic
}

export interface TopicResult {
  /** Ballots per option, in the order of `options`. */
  counts: number[]
  turnout: number
  eligibleCount: number
  quorumMet: boolean
  outcome: VoteOutcome
  /** The winning option's index when `decided`. */
  winner?: number
  byOrigin: Record<BallotOrigin, number>
  /** sha256 (hex) of the `receipt:optionIndex` pairs, sorted, joined by '\n'. */
  tallyHash: string
}

export interface ReceiptCheck {
  counted: boolean
  optionIndex?: number
  origin?: BallotOrigin
}

/** The `deliberation` function's actions (registered in api.ts). */
export interface DeliberationApi {
  create: Action<typeof CreateTopicInput, Topic>
  list: Action<typeof ListTopicsInput, TopicPage>
  get: Action<typeof TopicIdInput, Topic>
  comment: Action<typeof CommentInput, TopicComment>
  listComments: Action<typeof ListCommentsInput, CommentPage>
  reportComment: Action<typeof CommentIdInput, TopicComment>
  hideComment: Action<typeof HideCommentInput, TopicComment>
  restoreComment: Action<typeof CommentIdInput, TopicComment>
  openVoting: Action<typeof TopicIdInput, Topic>
  vote: Action<typeof VoteInput, VoteResult>
  recordInPerson: Action<typeof RecordInPersonInput, RecordInPersonResult>
  close: Action<typeof TopicIdInput, Topic>
  result: Action<typeof TopicIdInput, TopicResult>
  verifyReceipt: Action<typeof VerifyReceiptInput, ReceiptCheck>
  followUp: Action<typeof FollowUpInput, Topic>
  addUpdate: Action<typeof AddUpdateInput, Topic>
}
