import type { ChoiceRule, CrossRule, IntRule, TextRule } from './rules'

// Plain data of the `matter` domain (居民说事 · 我要说, docs/contract.md §4.3) that both sides read
// (no zod: the main package imports it): abilities, counts, templates, categories, statuses,
// levels, limits, and the input rules the schemas (matter.ts) and the pages' live checks share.

/** What the viewer may do in the matter domain, decided on the server (`user.me` → `can`). */
export const MATTER_ABILITIES = [
  /** Report a matter (verified residents). */
  'matter.report',
  /** Read the public board of their grid and community (verified residents, staff). */
  'matter.board',
  /** The staff queue: a grid worker's grids at level grid, the committee's community at level community. */
  'matter.handle',
] as const

/** Counts of the matter domain that `user.counts` may answer (absent = not the viewer's concern). */
export const MATTER_COUNTS = [
  /** The viewer's own matters still open (reported, handling, deliberating). */
  'matter.mine',
  /** The viewer's own resolved matters waiting for their rating. */
  'matter.toRate',
  /** Matters waiting to be accepted at the viewer's level, where they serve. */
  'matter.queue',
  /** Matters accepted and being handled (or in deliberation) at the viewer's level, where they serve. */
  'matter.handling',
  /** Matters overdue at the viewer's level, where they serve (see MATTER_OVERDUE_HOURS). */
  'matter.overdue',
  /** Open matters (reported, handling or in deliberation) on the board of the viewer's grid. */
  'matter.open',
  /** Matters of the viewer's grid resolved (rated or closed) this calendar year. */
  'matter.resolvedThisYear',
] as const

/**
 * Subscribe-message templates the matter flow sends, with the suffix of the variables that name
 * their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const MATTER_TEMPLATES = {
  /** To the reporter: a grid worker (or the committee) took the matter on. */
  matterAccepted: 'MATTER_ACCEPTED',
  /** To the reporter: a progress note on their matter. */
  matterReplied: 'MATTER_REPLIED',
  /** To the reporter: resolved, please rate it. */
  matterResolved: 'MATTER_RESOLVED',
  /** To staff: a new matter in their grid, or one escalated to their level. */
  matterAlert: 'MATTER_ALERT',
} as const

/** What each audited step of the matter domain is called in a person's data export. */
export const MATTER_AUDIT_LABELS: Record<string, string> = {
  'matter.report': '反映问题（居民说事）',
  'matter.second': '附议“我也遇到”',
  'matter.accept': '受理居民说事',
  'matter.reply': '回复处理进展',
  'matter.resolve': '办结居民说事',
  'matter.escalate': '上报社区',
  'matter.toDeliberation': '转为居民议事',
  'matter.rate': '评价处理结果',
  'matter.reopen': '重新反映',
  'matter.withdraw': '撤回居民说事',
  'matter.autoEscalate': '超时未受理自动上报社区',
  'matter.autoClose': '超时未评价自动办结',
  'matter.overdue': '超时未处理提醒',
  'matter.purge': '清除居民说事照片与个人信息',
}

/** Categories (codes and labels are normative). */
export const MATTER_CATEGORIES = [
  'environment',
  'facility',
  'safety',
  'neighbour',
  'property',
  'parking',
  'suggestion',
  'other',
] as const
export type MatterCategory = (typeof MATTER_CATEGORIES)[number]
export const MATTER_CATEGORY_LABELS: Record<MatterCategory, string> = {
  environment: '环境卫生',
  facility: '设施维修',
  safety: '安全隐患',
  neighbour: '邻里纠纷',
  property: '物业服务',
  parking: '停车管理',
  suggestion: '意见建议',
  other: '其他',
}
/** What each category covers, shown under its tile. */
export const MATTER_CATEGORY_HINTS: Record<MatterCategory, string> = {
  environment: '垃圾堆放、楼道杂物、污水异味',
  facility: '路灯、电梯、门禁、健身器材损坏',
  safety: '消防通道、电动车充电、高空坠物',
  neighbour: '噪音扰民、漏水、宠物纠纷',
  property: '保洁、保安、维修响应',
  parking: '乱停乱放、占用车位、充电桩',
  suggestion: '对社区建设的想法和建议',
  other: '其他需要反映的事',
}

export const MATTER_STATUSES = [
  'reported',
  'handling',
  'resolved',
  'closed',
  'deliberating',
  'withdrawn',
] as const
export type MatterStatus = (typeof MATTER_STATUSES)[number]
export const MATTER_STATUS_LABELS: Record<MatterStatus, string> = {
  reported: '待受理',
  handling: '处理中',
  resolved: '待评价',
  closed: '已办结',
  deliberating: '议事中',
  withdrawn: '已撤回',
}
/** Statuses a matter is still open in (the reporter's `matter.mine`, the board's `matter.open` counts reported + handling). */
export const OPEN_MATTER_STATUSES: readonly MatterStatus[] = [
  'reported',
  'handling',
  'deliberating',
]
/** Statuses after which photos and the reporter's details are purged (MATTER_PURGE_DAYS). */
export const ENDED_MATTER_STATUSES: readonly MatterStatus[] = ['closed', 'withdrawn']

export const MATTER_LEVELS = ['grid', 'community'] as const
export type MatterLevel = (typeof MATTER_LEVELS)[number]
export const MATTER_LEVEL_LABELS: Record<MatterLevel, string> = {
  grid: '网格处理',
  community: '社区处理',
}

export const MATTER_SCOPES = ['mine', 'grid', 'community', 'queue'] as const
export type MatterScope = (typeof MATTER_SCOPES)[number]

/** Photos per matter. */
export const MAX_MATTER_PHOTOS = 3
/** At most this many reports per resident per calendar day (Asia/Shanghai). */
export const MAX_REPORTS_PER_DAY = 5
/** Reported and unaccepted this long at level grid → level community (timer). */
export const MATTER_ESCALATE_HOURS = 24
/**
 * A matter is `overdue` (first in the staff queue): unaccepted this long at level community, or
 * accepted and not resolved this long after acceptance (as built: §4.3 leaves it open).
 */
export const MATTER_OVERDUE_HOURS = 72
/** The reporter may reopen (or rate) within this many days of `resolved`; then the timer closes it. */
export const MATTER_REOPEN_DAYS = 7
export const MATTER_AUTO_CLOSE_DAYS = MATTER_REOPEN_DAYS
/** Photos deleted and the reporter's name and room purged this many days after closed or withdrawn. */
export const MATTER_PURGE_DAYS = 90

/** `matter.report`. */
export const MATTER_RULES = {
  category: { values: MATTER_CATEGORIES, message: '请选择问题类别' },
  content: {
    required: '请描述遇到的问题',
    type: '问题描述格式不正确',
    blank: '请描述遇到的问题',
    min: { value: 5, message: '问题描述至少 5 个字' },
    max: { value: 500, message: '问题描述最多 500 个字' },
  },
  /** One cloud file ID of the reporter's own upload (checked on the server, see files.ts). */
  photo: {
    required: '照片格式不正确',
    type: '照片格式不正确',
    blank: '照片格式不正确',
    max: { value: 300, message: '照片格式不正确' },
  },
  place: {
    type: '位置格式不正确',
    max: { value: 50, message: '位置最多 50 个字' },
  },
} as const satisfies Record<string, TextRule | ChoiceRule>

export const MATTER_REPORT_CROSS: readonly CrossRule<'photos'>[] = [
  {
    kind: 'list',
    field: 'photos',
    min: 0,
    max: MAX_MATTER_PHOTOS,
    message: `最多上传 ${MAX_MATTER_PHOTOS} 张照片`,
    distinct: '同一张照片只能上传一次',
  },
]

const reason = (what: string, max: number): TextRule => ({
  required: `请填写${what}`,
  type: `${what}格式不正确`,
  blank: `请填写${what}`,
  max: { value: max, message: `${what}最多 ${max} 个字` },
})

/** The dialogs of a matter's steps. */
export const MATTER_STEP_RULES = {
  /** `matter.reply`: a progress note. */
  reply: reason('处理进展', 300),
  /** `matter.resolve`: how it was resolved. */
  resolve: reason('处理结果', 300),
  /** `matter.escalate`: why the grid cannot solve it. */
  escalateReason: reason('上报原因', 200),
  /** `matter.reopen`: why it is not solved. */
  reopenReason: reason('重新反映的原因', 200),
  /** `matter.rate`: optional. */
  comment: { type: '评价格式不正确', max: { value: 200, message: '评价最多 200 个字' } },
} as const satisfies Record<string, TextRule>

export const MATTER_RATING: IntRule = {
  required: '请给出评分',
  int: '评分必须是 1–5 的整数',
  min: { value: 1, message: '评分最低 1 分' },
  max: { value: 5, message: '评分最高 5 分' },
}
