import type { ChoiceRule, CrossRule, IntRule, TextRule } from './rules'
import { PHONE_RE } from './user.rules'

// Plain data of the `errand` domain (红色代办, docs/contract.md §4.1) that both sides read (no zod:
// the main package imports it): abilities, counts, templates, types, slots, statuses, levels,
// limits, and the input rules the schemas (errand.ts) and the pages' live checks share.

/** What the viewer may do in the errand domain, decided on the server (`user.me` → `can`). */
export const ERRAND_ABILITIES = [
  /** Book an errand for themselves (verified residents). */
  'errand.book',
  /** One-tap help (一键求助): verified residents. */
  'errand.help',
  /** Book for a resident without a smartphone (a grid worker of their grid, the committee). */
  'errand.bookFor',
  /** See the pool and accept errands (red agents). */
  'errand.accept',
  /** The staff view of the errands of the grids or community the viewer serves. */
  'errand.manage',
] as const

/** Counts of the errand domain that `user.counts` may answer (absent = not the viewer's concern). */
export const ERRAND_COUNTS = [
  /** Errands waiting in the viewer's pool (a red agent): their grid's, and the community's escalated ones. */
  'errand.pool',
  /** Errands the viewer (an agent) accepted and has not completed yet. */
  'errand.assigned',
  /** The viewer's own open errands (requested or accepted). */
  'errand.open',
  /** The viewer's own completed errands waiting for their sign-off (销单). */
  'errand.toConfirm',
  /** Unaccepted errands escalated above the grid, in the grids or community the viewer serves. */
  'errand.escalated',
  /** Accepted errands not completed 48 h after acceptance, where the viewer serves. */
  'errand.overdue',
  /** Errands closed this calendar year in the viewer's grid. */
  'errand.closedThisYear',
] as const

/**
 * Subscribe-message templates the errand flow sends, with the suffix of the variables that name
 * their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const ERRAND_TEMPLATES = {
  /** To the booker: a red agent accepted their errand. */
  errandAccepted: 'ERRAND_ACCEPTED',
  /** To the booker: the agent completed it, please sign off. */
  errandCompleted: 'ERRAND_COMPLETED',
  /** To the booker: nobody accepted it before its slot ended. */
  errandExpired: 'ERRAND_EXPIRED',
  /** To red agents: an errand entered their pool (escalation, or one-tap help). */
  errandPool: 'ERRAND_POOL',
  /** To staff: an errand was escalated to their level, a help call came in, or one is overdue. */
  errandAlert: 'ERRAND_ALERT',
} as const

/** What each audited step of the errand domain is called in a person's data export. */
export const ERRAND_AUDIT_LABELS: Record<string, string> = {
  'errand.book': '预约代办',
  'errand.help': '一键求助',
  'errand.bookFor': '代居民预约代办',
  'errand.accept': '接单',
  'errand.release': '退回代办',
  'errand.complete': '办结代办',
  'errand.confirm': '销单评价',
  'errand.cancel': '取消代办',
  'errand.escalate': '代办升级',
  'errand.expire': '代办过期',
  'errand.overdue': '代办超时',
  'errand.autoClose': '自动销单',
  'errand.purge': '清除代办个人信息',
}

/** The types a resident books (codes and labels are normative). */
export const ERRAND_TYPES = [
  'bill',
  'medicine',
  'shopping',
  'certificate',
  'parcel',
  'escort',
  'other',
] as const
export type ErrandBookType = (typeof ERRAND_TYPES)[number]
/** Every type an errand may have: `help` is made only by the one-tap `help` action. */
export type ErrandType = ErrandBookType | 'help'

export const ERRAND_TYPE_LABELS: Record<ErrandType, string> = {
  bill: '代缴费',
  medicine: '代购药',
  shopping: '代买菜/日用品',
  certificate: '代办证明',
  parcel: '代取快递',
  escort: '陪同就医',
  other: '其他',
  help: '一键求助',
}

/** What each type covers, shown under its tile (`errand.types`). */
export const ERRAND_TYPE_HINTS: Record<ErrandType, string> = {
  bill: '水电燃气、话费、物业费等',
  medicine: '按处方或常用药到药店代购',
  shopping: '买菜、米面油、日用品送上门',
  certificate: '到社区或街道代办证明材料',
  parcel: '到驿站或快递柜代取送上门',
  escort: '陪同到医院挂号、看病、取药',
  other: '其他需要帮忙跑腿的事',
  help: '紧急情况一键通知网格员和红色代办员',
}

export const ERRAND_SLOTS = ['morning', 'afternoon', 'evening'] as const
export type ErrandSlot = (typeof ERRAND_SLOTS)[number]
export const ERRAND_SLOT_LABELS: Record<ErrandSlot, string> = {
  morning: '上午',
  afternoon: '下午',
  evening: '晚上',
}
/** Each slot's hours, Asia/Shanghai ('HH:mm'). */
export const ERRAND_SLOT_HOURS: Record<ErrandSlot, { start: string; end: string }> = {
  morning: { start: '08:00', end: '12:00' },
  afternoon: { start: '12:00', end: '18:00' },
  evening: { start: '18:00', end: '21:00' },
}
export const ERRAND_SLOT_ENDS: Record<ErrandSlot, string> = {
  morning: ERRAND_SLOT_HOURS.morning.end,
  afternoon: ERRAND_SLOT_HOURS.afternoon.end,
  evening: ERRAND_SLOT_HOURS.evening.end,
}

export const ERRAND_STATUSES = [
  'requested',
  'accepted',
  'completed',
  'closed',
  'cancelled',
  'expired',
] as const
export type ErrandStatus = (typeof ERRAND_STATUSES)[number]
export const ERRAND_STATUS_LABELS: Record<ErrandStatus, string> = {
  requested: '待接单',
  accepted: '办理中',
  completed: '待销单',
  closed: '已办结',
  cancelled: '已取消',
  expired: '已过期',
}
/** Statuses that count against a resident's open errands (MAX_OPEN_ERRANDS). */
export const OPEN_ERRAND_STATUSES: readonly ErrandStatus[] = ['requested', 'accepted']
/** Statuses after which an errand's phone, room and detail are purged (ERRAND_PURGE_DAYS). */
export const ENDED_ERRAND_STATUSES: readonly ErrandStatus[] = ['closed', 'cancelled', 'expired']

export const ERRAND_LEVELS = ['grid', 'community', 'committee'] as const
export type ErrandLevel = (typeof ERRAND_LEVELS)[number]
export const ERRAND_LEVEL_LABELS: Record<ErrandLevel, string> = {
  grid: '网格',
  community: '社区',
  committee: '两委',
}

export const ERRAND_SCOPES = ['mine', 'pool', 'assigned', 'managed'] as const
export type ErrandScope = (typeof ERRAND_SCOPES)[number]

/** At most this many open (requested or accepted) errands per resident; `help` does not count. */
export const MAX_OPEN_ERRANDS = 2
/** At most this many accepted errands per agent for one date + slot. */
export const MAX_ACCEPTED_PER_SLOT = 2
/** A date from today to today + this many days (Asia/Shanghai). */
export const ERRAND_BOOK_AHEAD_DAYS = 14
/** One-tap help: at most one per this many minutes per resident. */
export const HELP_INTERVAL_MINUTES = 10
/** Unaccepted this long after booking → level `community`; then → level `committee`. */
export const ESCALATE_TO_COMMUNITY_HOURS = 4
export const ESCALATE_TO_COMMITTEE_HOURS = 24
/** Accepted and not completed this long after acceptance → `overdue`. */
export const ERRAND_OVERDUE_HOURS = 48
/** Completed and not confirmed for this many days → `closed` by the timer. */
export const ERRAND_AUTO_CLOSE_DAYS = 3
/** Phone, room and detail purged this many days after `closed`, `cancelled` or `expired`. */
export const ERRAND_PURGE_DAYS = 30
/**
 * A help errand (made for today, whatever the hour) expires when nobody accepted it this long
 * after it was made, rather than at the end of its slot (as built: §4.1 leaves it open).
 */
export const HELP_EXPIRE_HOURS = 24

const DAY_MS = 86_400_000

/** `errand.book` / `errand.bookFor`. */
export const ERRAND_RULES = {
  type: { values: ERRAND_TYPES, message: '请选择代办类型' },
  detail: {
    required: '请填写需要帮忙办的事',
    type: '代办内容格式不正确',
    blank: '请填写需要帮忙办的事',
    min: { value: 1, message: '请填写需要帮忙办的事' },
    max: { value: 300, message: '代办内容最多 300 个字' },
  },
  date: {
    required: '请选择日期',
    type: '日期格式不正确',
    blank: '请选择日期',
    max: { value: 10, message: '日期格式不正确' },
    pattern: { re: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式不正确' },
    day: '日期不存在',
  },
  slot: { values: ERRAND_SLOTS, message: '请选择时段' },
  /** A contact for this errand (e.g. a daughter's); optional. */
  phone: {
    type: '联系电话格式不正确',
    pattern: { re: PHONE_RE, message: '请填写 11 位手机号' },
  },
  /** bookFor only. */
  residentOpenid: {
    required: '请选择要代为预约的居民',
    type: '居民格式不正确',
    max: { value: 64, message: '居民格式不正确' },
  },
} as const satisfies Record<string, TextRule | ChoiceRule>

/** Between the fields of a booking: a date in range, a slot not yet over. */
export const ERRAND_BOOK_CROSS: readonly CrossRule<'date' | 'slot'>[] = [
  {
    kind: 'within',
    field: 'date',
    from: 'today',
    maxMs: ERRAND_BOOK_AHEAD_DAYS * DAY_MS,
    message: `只能预约今天起 ${ERRAND_BOOK_AHEAD_DAYS} 天内的日期`,
  },
  {
    kind: 'slotOpen',
    date: 'date',
    slot: 'slot',
    ends: ERRAND_SLOT_ENDS,
    message: '这个时段已经过了，请选择其他时段',
  },
]

const reason = { type: '原因格式不正确', max: { value: 100, message: '原因最多 100 个字' } }

/** The dialogs of an errand's steps. */
export const ERRAND_STEP_RULES = {
  /** `errand.release`: required. */
  releaseReason: { ...reason, required: '请填写退回原因', blank: '请填写退回原因' },
  /** `errand.cancel`: optional. */
  cancelReason: reason,
  /** `errand.complete`: optional. */
  note: { type: '说明格式不正确', max: { value: 200, message: '办结说明最多 200 个字' } },
  /** `errand.confirm`: optional. */
  comment: { type: '评价格式不正确', max: { value: 200, message: '评价最多 200 个字' } },
  /** `errand.help`: optional. */
  helpNote: { type: '说明格式不正确', max: { value: 100, message: '说明最多 100 个字' } },
} as const satisfies Record<string, TextRule>

export const ERRAND_RATING: IntRule = {
  required: '请给出评分',
  int: '评分必须是 1–5 的整数',
  min: { value: 1, message: '评分最低 1 分' },
  max: { value: 5, message: '评分最高 5 分' },
}
