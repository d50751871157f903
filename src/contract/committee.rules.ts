import type { CrossRule, TextRule } from './rules'

// Plain data of the `committee` domain (the committee console, docs/contract.md §4.5) that both
// sides read (no zod): the dashboard's figures, the ledgers' kinds, and the limits of their
// ranges. The abilities and the work queue's kinds are in committee.queue.ts (the main package
// reads only those), re-exported here.
export * from './committee.queue'

/**
 * The dashboard's figures for one grid (or the total) over one month or a range of months.
 * Each is attributed to the month (Asia/Shanghai) of its own event, named below.
 */
export const DASHBOARD_FIGURES = [
  /** Wishes posted (createdAt). */
  'wishesPosted',
  /** Wishes lit: fulfilled and confirmed by the resident (confirmedAt). */
  'wishesLit',
  /** Errands booked (createdAt). */
  'errandsBooked',
  /** Errands signed off by the resident or closed (closedAt). */
  'errandsClosed',
  /** Errands that became overdue (the timer's overdue mark). */
  'errandsOverdue',
  /** Matters reported (createdAt). */
  'mattersReported',
  /** Matters resolved by staff (resolvedAt). */
  'mattersResolved',
  /** Ratings given on wishes, errands and matters (when rated). */
  'ratings',
  /** Of those, ratings of 4 or 5. */
  'goodRatings',
  /** Volunteer hours credited (activities, wishes, errands; when credited). */
  'volunteerHours',
  /** Activities that ended (endAt). */
  'activitiesHeld',
  /** Volunteers signed up (not waitlisted) for those activities. */
  'attendanceExpected',
  /** Volunteers whose attendance was confirmed at those activities. */
  'attendanceConfirmed',
  /** Deliberation topics whose voting closed (closedAt). */
  'topicsClosed',
  /** Votes cast on those topics (online and at meetings). */
  'votesCast',
  /** Residents or households on those topics' rolls. */
  'votersEligible',
] as const
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number]

export const DASHBOARD_FIGURE_LABELS: Record<DashboardFigure, string> = {
  wishesPosted: '新增微心愿',
  wishesLit: '点亮微心愿',
  errandsBooked: '预约代办',
  errandsClosed: '办结代办',
  errandsOverdue: '超时代办',
  mattersReported: '居民说事',
  mattersResolved: '办结说事',
  ratings: '评价数',
  goodRatings: '好评数',
  volunteerHours: '志愿服务时长',
  activitiesHeld: '开展活动',
  attendanceExpected: '活动报名',
  attendanceConfirmed: '活动到场',
  topicsClosed: '完成议事',
  votesCast: '议事投票',
  votersEligible: '应投票人数',
}

/** Live figures: the state now, from the domains' kept counters (not per month). */
export const DASHBOARD_NOW = [
  /** Wishes open now (wish.openNow). */
  'wishesOpen',
  /** Errands overdue now (errand.overdue). */
  'errandsOverdue',
  /** Matters open now (matter.open). */
  'mattersOpen',
] as const
export type DashboardNowFigure = (typeof DASHBOARD_NOW)[number]

export const DASHBOARD_NOW_LABELS: Record<DashboardNowFigure, string> = {
  wishesOpen: '未点亮心愿',
  errandsOverdue: '当前超时代办',
  mattersOpen: '未办结说事',
}

/** At most this many months in one dashboard range. */
export const DASHBOARD_MAX_MONTHS = 24
/** Without `from`: this many months ending with `to` (default: the current month). */
export const DASHBOARD_DEFAULT_MONTHS = 12
/** How often the committee timer recomputes the current (and previous) month's figures. */
export const DASHBOARD_REFRESH_MINUTES = 10
/** A rating of at least this counts as satisfied. */
export const GOOD_RATING = 4

/** The ledgers (台账) `export` writes. */
export const EXPORT_KINDS = ['wishes', 'errands', 'matters', 'hours', 'activities'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  wishes: '微心愿台账',
  errands: '红色代办台账',
  matters: '居民说事台账',
  hours: '志愿服务时长台账',
  activities: '志愿活动台账',
}
/** At most this many days in one ledger's range (inclusive). */
export const EXPORT_MAX_DAYS = 366
/** At most this many rows in one spreadsheet: a larger range is refused with a hint to narrow it. */
export const EXPORT_MAX_ROWS = 50_000
/** Where ledgers are saved in cloud storage; the timer deletes them after EXPORT_KEEP_HOURS. */
export const EXPORT_FOLDER = 'exports'
export const EXPORT_KEEP_HOURS = 24

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** 'YYYY-MM' naming a real month. */
export const isMonth = (v: string): boolean => MONTH_RE.test(v)

/** Months from `from` to `to` inclusive ('YYYY-MM'; 0 or less when `to` is before `from`). */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  return (ty - fy) * 12 + (tm - fm) + 1
}

/** 'YYYY-MM' plus `n` months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

const monthRule = (label: string): TextRule => ({
  type: `${label}格式不正确`,
  blank: `请选择${label}`,
  max: { value: 7, message: `${label}格式不正确` },
  pattern: { re: MONTH_RE, message: `${label}格式不正确` },
})

const dayRule = (label: string): TextRule => ({
  required: `请选择${label}`,
  type: `${label}格式不正确`,
  blank: `请选择${label}`,
  max: { value: 10, message: `${label}格式不正确` },
  pattern: { re: /^\d{4}-\d{2}-\d{2}$/, message: `${label}格式不正确` },
  day: `${label}不存在`,
})

export const COMMITTEE_RULES = {
  /** Dashboard range: months 'YYYY-MM', both optional. */
  fromMonth: monthRule('起始月份'),
  toMonth: monthRule('结束月份'),
  /** Export range: days 'YYYY-MM-DD' (Asia/Shanghai), inclusive. */
  fromDay: dayRule('开始日期'),
  toDay: dayRule('结束日期'),
  kind: { values: EXPORT_KINDS, message: '请选择台账类型' },
  /** Admins only (they moderate no community): which community. */
  communityId: {
    type: '社区格式不正确',
    max: { value: 64, message: '社区格式不正确' },
  } satisfies TextRule,
} as const

/**
 * An admin's community (`communityId` of `dashboard` and `export`, field `communityId`): `choose`
 * when they name none and have none of their own (shown next to a community picker, else as the
 * page's error), `missing` when the one named does not exist.
 */
export const COMMUNITY_MESSAGES = {
  choose: '请选择社区（您本人未绑定社区）',
  missing: '社区不存在',
}

export const DASHBOARD_RANGE_MESSAGES = {
  order: '结束月份不能早于起始月份',
  span: `一次最多查看 ${DASHBOARD_MAX_MONTHS} 个月`,
  future: '结束月份不能晚于本月',
}

/** The month ('YYYY-MM') an instant falls in, Asia/Shanghai. */
export const shanghaiMonth = (ms: number): string =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7)

/**
 * What is wrong with a dashboard range of two well-formed months (said at field `to`), or null.
 * `currentMonth` given: a `to` after it is refused too (the server's clock decides in the end).
 */
export function dashboardRangeIssue(
  from: string,
  to: string,
  currentMonth?: string
): string | null {
  const span = monthSpan(from, to)
  if (span < 1) return DASHBOARD_RANGE_MESSAGES.order
  if (span > DASHBOARD_MAX_MONTHS) return DASHBOARD_RANGE_MESSAGES.span
  if (currentMonth && to > currentMonth) return DASHBOARD_RANGE_MESSAGES.future
  return null
}

/** Between an export's days: in order, at most EXPORT_MAX_DAYS, not in the future. */
export const EXPORT_CROSS: readonly CrossRule<'from' | 'to'>[] = [
  { kind: 'before', field: 'from', than: 'to', orEqual: true, message: '开始日期不能晚于结束日期' },
  {
    kind: 'within',
    field: 'to',
    from: 'from',
    maxMs: (EXPORT_MAX_DAYS - 1) * 86_400_000,
    message: `结束日期须在开始日期起 ${EXPORT_MAX_DAYS} 天内`,
  },
  { kind: 'before', field: 'from', than: 'today', orEqual: true, message: '开始日期不能晚于今天' },
]
