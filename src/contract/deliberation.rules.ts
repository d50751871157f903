import type { ChoiceRule, CrossRule, IntRule, TextRule } from './rules'

// Plain data of the `deliberation` domain (居民议事 and votes, docs/contract.md §4.4) that both sides
// read (no zod: the main package imports it): abilities, counts, templates, phases, units,
// outcomes, limits, and the input rules the schemas (deliberation.ts) and the pages' checks share.

/** What the viewer may do in the deliberation domain, decided on the server (`user.me` → `can`). */
export const DELIBERATION_ABILITIES = [
  /** Read topics of their grid and community, discuss and vote (verified residents; staff read). */
  'deliberation.view',
  /** Open topics (the committee for its community and its grids, a grid worker for their grids). */
  'deliberation.create',
  /** Moderate discussions, enter meeting votes (staff; meeting votes: the committee). */
  'deliberation.moderate',
] as const

/** Counts of the deliberation domain that `user.counts` may answer. */
export const DELIBERATION_COUNTS = [
  /** Topics of the viewer's grid and community in discussion or voting. */
  'deliberation.open',
  /** Topics of the viewer's grid and community in voting. */
  'deliberation.voting',
  /** Comments hidden by reports and waiting for a moderator, where the viewer is staff. */
  'deliberation.reported',
] as const

/**
 * Subscribe-message templates the deliberation flow sends, with the suffix of the variables that
 * name their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const DELIBERATION_TEMPLATES = {
  /** To the eligible who subscribed: voting has opened. */
  votingOpened: 'VOTING_OPENED',
  /** To those who took part or subscribed: the result is published. */
  resultPublished: 'RESULT_PUBLISHED',
} as const

/** What each audited step of the deliberation domain is called in a person's data export. */
export const DELIBERATION_AUDIT_LABELS: Record<string, string> = {
  'deliberation.create': '发起议题',
  'deliberation.comment': '发表议事评论',
  'deliberation.reportComment': '举报评论',
  'deliberation.autoHide': '评论因多人举报暂时隐藏',
  'deliberation.hideComment': '隐藏评论',
  'deliberation.restoreComment': '恢复评论',
  'deliberation.openVoting': '开始投票',
  'deliberation.vote': '参与投票',
  'deliberation.recordInPerson': '录入会议投票',
  'deliberation.close': '结束投票',
  'deliberation.followUp': '发起下一轮议题',
  'deliberation.addUpdate': '发布决议执行情况',
}

export const DELIBERATION_PHASES = ['discussion', 'voting', 'closed'] as const
export type DeliberationPhase = (typeof DELIBERATION_PHASES)[number]
export const DELIBERATION_PHASE_LABELS: Record<DeliberationPhase, string> = {
  discussion: '讨论中',
  voting: '投票中',
  closed: '已结束',
}

export const VOTE_UNITS = ['resident', 'household'] as const
export type VoteUnit = (typeof VOTE_UNITS)[number]
export const VOTE_UNIT_LABELS: Record<VoteUnit, string> = {
  resident: '每位居民一票',
  household: '每户一票',
}

export const TOPIC_SCOPE_TYPES = ['grid', 'community'] as const
export type TopicScopeType = (typeof TOPIC_SCOPE_TYPES)[number]

export const VOTE_OUTCOMES = ['decided', 'tie', 'noQuorum'] as const
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number]
export const VOTE_OUTCOME_LABELS: Record<VoteOutcome, string> = {
  decided: '已形成决议',
  tie: '票数相同，未形成决议',
  noQuorum: '参与人数未达到要求',
}

export const BALLOT_ORIGINS = ['online', 'meeting'] as const
export type BallotOrigin = (typeof BALLOT_ORIGINS)[number]
export const BALLOT_ORIGIN_LABELS: Record<BallotOrigin, string> = {
  online: '线上投票',
  meeting: '会议投票',
}

export const TOPIC_LIST_SCOPES = ['open', 'closed'] as const
export type TopicListScope = (typeof TOPIC_LIST_SCOPES)[number]

/** Distinct users' reports that hide a comment until a moderator decides. */
export const REPORTS_TO_HIDE = 3
/** Options per topic. */
export const MIN_OPTIONS = 2
export const MAX_OPTIONS = 10
/** Ballots one `recordInPerson` call may enter. */
export const MAX_MEETING_VOTES = 200
/** The voting window ends at most this many days ahead (as built: §4.4 leaves it open). */
export const MAX_TOPIC_DAYS = 365

const DAY_MS = 86_400_000

/** `deliberation.create` and `followUp` (and `matter.toDeliberation`). */
export const TOPIC_RULES = {
  title: {
    required: '请填写议题标题',
    type: '标题格式不正确',
    blank: '请填写议题标题',
    min: { value: 2, message: '标题至少 2 个字' },
    max: { value: 40, message: '标题最多 40 个字' },
  },
  background: {
    required: '请填写议题背景',
    type: '背景格式不正确',
    max: { value: 2000, message: '背景最多 2000 个字' },
  },
  option: {
    required: '请填写选项',
    type: '选项格式不正确',
    blank: '选项不能为空',
    min: { value: 1, message: '选项不能为空' },
    max: { value: 30, message: '每个选项最多 30 个字' },
  },
  scopeType: { values: TOPIC_SCOPE_TYPES, message: '请选择议题范围' },
  scopeId: {
    required: '请选择议题范围',
    type: '议题范围格式不正确',
    blank: '请选择议题范围',
    max: { value: 64, message: '议题范围格式不正确' },
  },
  discussionEndsAt: {
    required: '请选择讨论截止时间',
    type: '讨论截止时间格式不正确',
    blank: '请选择讨论截止时间',
    max: { value: 40, message: '讨论截止时间格式不正确' },
    instant: '讨论截止时间格式不正确',
  },
  votingEndsAt: {
    required: '请选择投票截止时间',
    type: '投票截止时间格式不正确',
    blank: '请选择投票截止时间',
    max: { value: 40, message: '投票截止时间格式不正确' },
    instant: '投票截止时间格式不正确',
  },
  unit: { values: VOTE_UNITS, message: '请选择投票方式' },
  matterId: {
    type: '关联的居民说事格式不正确',
    max: { value: 64, message: '关联的居民说事格式不正确' },
  },
} as const satisfies Record<string, TextRule | ChoiceRule>

export const TOPIC_QUORUM: IntRule = {
  required: '请填写参与率要求',
  int: '参与率要求必须是 0–100 的整数',
  min: { value: 0, message: '参与率要求最低 0%' },
  max: { value: 100, message: '参与率要求最高 100%' },
}

/** Between the fields of a topic: now < discussionEndsAt < votingEndsAt, and 2–10 distinct options. */
export const TOPIC_CROSS: readonly CrossRule<'options' | 'discussionEndsAt' | 'votingEndsAt'>[] = [
  {
    kind: 'list',
    field: 'options',
    min: MIN_OPTIONS,
    max: MAX_OPTIONS,
    message: `请填写 ${MIN_OPTIONS}–${MAX_OPTIONS} 个选项`,
    distinct: '选项不能重复',
  },
  {
    kind: 'within',
    field: 'discussionEndsAt',
    from: 'now',
    maxMs: MAX_TOPIC_DAYS * DAY_MS,
    message: `讨论截止时间必须晚于现在，且在 ${MAX_TOPIC_DAYS} 天以内`,
  },
  {
    kind: 'before',
    field: 'discussionEndsAt',
    than: 'votingEndsAt',
    message: '讨论截止时间必须早于投票截止时间',
  },
  {
    kind: 'within',
    field: 'votingEndsAt',
    from: 'now',
    maxMs: MAX_TOPIC_DAYS * DAY_MS,
    message: `投票截止时间必须晚于现在，且在 ${MAX_TOPIC_DAYS} 天以内`,
  },
]

/** The other inputs of the domain. */
export const DELIBERATION_RULES = {
  comment: {
    required: '请填写评论内容',
    type: '评论格式不正确',
    blank: '请填写评论内容',
    min: { value: 1, message: '请填写评论内容' },
    max: { value: 500, message: '评论最多 500 个字' },
  },
  hideReason: {
    required: '请填写隐藏原因',
    type: '原因格式不正确',
    blank: '请填写隐藏原因',
    max: { value: 100, message: '原因最多 100 个字' },
  },
  update: {
    required: '请填写执行情况',
    type: '执行情况格式不正确',
    blank: '请填写执行情况',
    max: { value: 500, message: '执行情况最多 500 个字' },
  },
  receipt: {
    required: '请填写投票回执',
    type: '回执格式不正确',
    blank: '请填写投票回执',
    max: { value: 64, message: '回执格式不正确' },
  },
  voterOpenid: {
    required: '请选择居民',
    type: '居民格式不正确',
    blank: '请选择居民',
    max: { value: 64, message: '居民格式不正确' },
  },
} as const satisfies Record<string, TextRule>

export const OPTION_INDEX: IntRule = {
  required: '请选择一个选项',
  int: '选项不正确',
  min: { value: 0, message: '选项不正确' },
  max: { value: MAX_OPTIONS - 1, message: '选项不正确' },
}

export const MEETING_VOTES_CROSS: readonly CrossRule<'votes'>[] = [
  {
    kind: 'list',
    field: 'votes',
    min: 1,
    max: MAX_MEETING_VOTES,
    message: `每次录入 1–${MAX_MEETING_VOTES} 张选票`,
  },
]
