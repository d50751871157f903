import type { ChoiceRule, CrossRule, IntRule, TextRule } from './rules'

// Plain data of the `volunteer` domain (志愿服务, docs/contract.md §4.2) that both sides read (no
// zod: the main package imports it): abilities, counts, templates, statuses, limits, the hours
// ledger's defaults, and the input rules the schemas (volunteer.ts) and the pages' live checks share.

/** What the viewer may do in the volunteer domain, decided on the server (`user.me` → `can`). */
export const VOLUNTEER_ABILITIES = [
  /** Apply to become a volunteer (a verified resident who has not applied, or was refused). */
  'volunteer.register',
  /** Review applications (the committee of the community). */
  'volunteer.review',
  /** Publish activities (the committee for its community, a grid worker for their grids). */
  'volunteer.publish',
  /** Sign up for activities (approved volunteers). */
  'volunteer.signup',
  /** Open one's service record: hours, stars, entries, printable proof (verified residents). */
  'volunteer.record',
  /** The committee's 双报到 ledger per work unit, and the community's ledger settings. */
  'volunteer.ledger',
] as const

/** Counts of the volunteer domain that `user.counts` may answer (absent = not the viewer's concern). */
export const VOLUNTEER_COUNTS = [
  /** Applications waiting for the viewer's review. */
  'volunteer.toReview',
  /** Upcoming activities of the viewer's grid and community still open for signup. */
  'volunteer.upcoming',
  /** Upcoming activities the viewer is signed up for (or waitlisted). */
  'volunteer.signedUp',
] as const

/**
 * Subscribe-message templates the volunteer flow sends, with the suffix of the variables that
 * name their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const VOLUNTEER_TEMPLATES = {
  /** To the applicant: approved or not. */
  volunteerReviewed: 'VOLUNTEER_REVIEWED',
  /** To a waitlisted volunteer moved up into a place. */
  signupPromoted: 'SIGNUP_PROMOTED',
  /** To a volunteer: hours credited (attendance confirmed). */
  hoursCredited: 'HOURS_CREDITED',
} as const

/** What each audited step of the volunteer domain is called in a person's data export. */
export const VOLUNTEER_AUDIT_LABELS: Record<string, string> = {
  'volunteer.register': '申请成为志愿者',
  'volunteer.reviewVolunteer': '审核志愿者申请',
  'volunteer.approve': '通过志愿者申请',
  'volunteer.reject': '驳回志愿者申请',
  'volunteer.createActivity': '发布志愿活动',
  'volunteer.signup': '报名志愿活动',
  'volunteer.cancelSignup': '取消报名',
  'volunteer.promote': '候补转为正式报名',
  'volunteer.checkin': '活动签到',
  'volunteer.confirmAttendance': '确认出勤并记录时长',
  'volunteer.feedback': '活动评价',
  'volunteer.summary': '发布活动总结',
  'volunteer.updateSettings': '修改时长与星级设置',
  'volunteer.credit': '记录服务时长',
}

/** A volunteer application (`volunteer.status` on the user). */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
}

export const SIGNUP_STATUSES = ['signed', 'waitlisted', 'cancelled'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  signed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
}

/** An activity's phase, from its times and the clock (not stored). */
export const ACTIVITY_PHASES = ['signup', 'closed', 'ongoing', 'ended'] as const
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number]
export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  signup: '报名中',
  closed: '报名已截止',
  ongoing: '进行中',
  ended: '已结束',
}

export const ACTIVITY_SCOPE_TYPES = ['grid', 'community'] as const
export type ActivityScopeType = (typeof ACTIVITY_SCOPE_TYPES)[number]

export const ACTIVITY_LIST_SCOPES = ['upcoming', 'mine', 'past', 'managed'] as const
export type ActivityListScope = (typeof ACTIVITY_LIST_SCOPES)[number]

/** Where an hours-ledger entry comes from. */
export const LEDGER_SOURCES = ['activity', 'wish', 'errand'] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]
export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = {
  activity: '志愿活动',
  wish: '微心愿',
  errand: '红色代办',
}

/** A signup may be cancelled until this many hours before the start. */
export const CANCEL_SIGNUP_HOURS = 2
/** Check-in opens this many minutes before the start and closes at the end. */
export const CHECKIN_OPENS_MINUTES = 30
/** The check-in code rotates every this many seconds (the previous one is still accepted). */
export const CHECKIN_CODE_SECONDS = 60
/** An activity lasts at most this many hours. */
export const MAX_ACTIVITY_HOURS = 24
/** `roster`: a page's size by default and at most (the quota's maximum: one page holds every signed volunteer). */
export const ROSTER_PAGE = { default: 100, max: 500 } as const
/** `confirmAttendance`: at most this many volunteers per call (the quota's maximum). */
export const ATTENDANCE_MAX = 500

/** The ledger's defaults; a community's settings (`updateSettings`) may change them. */
export const DEFAULT_LEDGER_SETTINGS = {
  /** Hours to the claimer of a wish that reaches `done`. */
  wishHours: 1,
  /** Hours to the agent of an errand that reaches `closed`. */
  errandHours: 1,
  /** Cumulative hours for 1–5 stars. */
  starThresholds: [100, 300, 600, 1000, 1500],
} as const

const HOUR_MS = 3_600_000

/** `volunteer.register`. */
export const REGISTER_RULES = {
  /** One skill (each of `skills`). */
  skill: {
    required: '请填写特长',
    type: '特长格式不正确',
    blank: '特长不能为空',
    max: { value: 10, message: '每项特长最多 10 个字' },
  },
  workUnit: {
    type: '工作单位格式不正确',
    max: { value: 30, message: '工作单位最多 30 个字' },
  },
} as const satisfies Record<string, TextRule>

export const REGISTER_CROSS: readonly CrossRule<'skills' | 'partyMember' | 'workUnit'>[] = [
  {
    kind: 'list',
    field: 'skills',
    min: 1,
    max: 5,
    message: '请填写 1–5 项特长',
    distinct: '特长不能重复',
  },
  {
    kind: 'requiredIf',
    field: 'workUnit',
    when: 'partyMember',
    is: true,
    message: '在职党员请填写工作单位（双报到）',
  },
]

/** `volunteer.reviewVolunteer` (a reason is required when refusing). */
export const REVIEW_RULES = {
  openid: {
    required: '请选择申请人',
    type: '申请人格式不正确',
    max: { value: 64, message: '申请人格式不正确' },
  },
  reason: { type: '原因格式不正确', max: { value: 100, message: '原因最多 100 个字' } },
} as const satisfies Record<string, TextRule>

export const REVIEW_CROSS: readonly CrossRule<'approve' | 'reason'>[] = [
  {
    kind: 'requiredIf',
    field: 'reason',
    when: 'approve',
    is: false,
    message: '请填写不通过的原因',
  },
]

/** `volunteer.createActivity`. */
export const ACTIVITY_RULES = {
  title: {
    required: '请填写活动名称',
    min: { value: 2, message: '活动名称至少 2 个字' },
    max: { value: 30, message: '活动名称最多 30 个字' },
  },
  description: {
    type: '活动介绍格式不正确',
    max: { value: 1000, message: '活动介绍最多 1000 个字' },
  },
  location: {
    required: '请填写活动地点',
    blank: '请填写活动地点',
    min: { value: 1, message: '请填写活动地点' },
    max: { value: 50, message: '活动地点最多 50 个字' },
  },
  startAt: {
    required: '请选择开始时间',
    type: '开始时间格式不正确',
    blank: '请选择开始时间',
    max: { value: 40, message: '开始时间格式不正确' },
    instant: '开始时间格式不正确',
  },
  endAt: {
    required: '请选择结束时间',
    type: '结束时间格式不正确',
    blank: '请选择结束时间',
    max: { value: 40, message: '结束时间格式不正确' },
    instant: '结束时间格式不正确',
  },
  signupDeadline: {
    required: '请选择报名截止时间',
    type: '报名截止时间格式不正确',
    blank: '请选择报名截止时间',
    max: { value: 40, message: '报名截止时间格式不正确' },
    instant: '报名截止时间格式不正确',
  },
  scopeType: { values: ACTIVITY_SCOPE_TYPES, message: '请选择活动范围' },
  scopeId: {
    required: '请选择网格或社区',
    type: '活动范围格式不正确',
    blank: '请选择网格或社区',
    max: { value: 64, message: '活动范围格式不正确' },
  },
} as const satisfies Record<string, TextRule | ChoiceRule>

export const ACTIVITY_QUOTA: IntRule = {
  required: '请填写招募人数',
  int: '招募人数必须是整数',
  min: { value: 1, message: '招募人数至少 1 人' },
  max: { value: 500, message: '招募人数最多 500 人' },
}

export const ACTIVITY_HOURS: IntRule = {
  required: '请填写服务时长',
  int: '服务时长以 0.5 小时为单位',
  step: 0.5,
  min: { value: 0.5, message: '服务时长至少 0.5 小时' },
  max: { value: 24, message: '服务时长最多 24 小时' },
}

/** ISO times: a start in the future (within a year), deadline ≤ start < end ≤ start + 24 h. */
export const ACTIVITY_CROSS: readonly CrossRule<'startAt' | 'endAt' | 'signupDeadline'>[] = [
  {
    kind: 'within',
    field: 'startAt',
    from: 'now',
    maxMs: 366 * 24 * HOUR_MS,
    message: '开始时间必须晚于现在，且在一年以内',
  },
  { kind: 'before', field: 'startAt', than: 'endAt', message: '开始时间必须早于结束时间' },
  {
    kind: 'within',
    field: 'endAt',
    from: 'startAt',
    maxMs: MAX_ACTIVITY_HOURS * HOUR_MS,
    message: `活动最长 ${MAX_ACTIVITY_HOURS} 小时，结束时间须在开始后 ${MAX_ACTIVITY_HOURS} 小时内`,
  },
  {
    kind: 'before',
    field: 'signupDeadline',
    than: 'startAt',
    orEqual: true,
    message: '报名截止时间不能晚于开始时间',
  },
]

/** The check-in code: 6 digits. */
export const CHECKIN_CODE_RULE: TextRule = {
  required: '请输入签到码',
  type: '签到码格式不正确',
  blank: '请输入签到码',
  pattern: { re: /^\d{6}$/, message: '签到码是 6 位数字' },
}

export const FEEDBACK_RATING: IntRule = {
  required: '请给出评分',
  int: '评分必须是 1–5 的整数',
  min: { value: 1, message: '评分最低 1 分' },
  max: { value: 5, message: '评分最高 5 分' },
}

export const FEEDBACK_RULES = {
  comment: { type: '评价格式不正确', max: { value: 200, message: '评价最多 200 个字' } },
  summary: {
    required: '请填写活动总结',
    blank: '请填写活动总结',
    min: { value: 1, message: '请填写活动总结' },
    max: { value: 1000, message: '活动总结最多 1000 个字' },
  },
} as const satisfies Record<string, TextRule>

/** `volunteer.updateSettings`. */
export const SETTINGS_HOURS: IntRule = {
  required: '请填写时长',
  int: '时长以 0.5 小时为单位',
  step: 0.5,
  min: { value: 0, message: '时长不能为负数' },
  max: { value: 24, message: '时长最多 24 小时' },
}
export const STAR_THRESHOLD: IntRule = {
  required: '请填写星级所需时长',
  int: '星级所需时长必须是整数',
  min: { value: 1, message: '星级所需时长至少 1 小时' },
  max: { value: 100_000, message: '星级所需时长最多 100000 小时' },
}
/** Thresholds for 1–5 stars, each above the last. */
export const STAR_THRESHOLDS_CROSS: readonly CrossRule<'starThresholds'>[] = [
  { kind: 'list', field: 'starThresholds', min: 5, max: 5, message: '请填写 1–5 星各自所需的时长' },
]
