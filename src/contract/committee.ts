import { z } from 'zod'
import { EmptyInput, type Action } from './common'
import {
  COMMITTEE_RULES as R,
  dashboardRangeIssue,
  EXPORT_CROSS,
  type DashboardFigure,
  type DashboardNowFigure,
  type ExportKind,
  type QueueKind,
} from './committee.rules'
import { withCross, zOptionalText, zText } from './zod-rules'

// The committee console (docs/contract.md §4.5): one work queue, the dashboard, the ledgers.

// The plain data (queue kinds, figures, ledger kinds, limits) is imported from here by the functions.
export * from './committee.rules'

export const DashboardInput = z
  .object({
    from: zOptionalText(R.fromMonth),
    to: zOptionalText(R.toMonth),
    /** Admins only: the community to show (others see their own; given by others: ignored). */
    communityId: zOptionalText(R.communityId),
  })
  .superRefine((v, ctx) => {
    if (!v.from || !v.to) return
    const issue = dashboardRangeIssue(v.from, v.to)
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['to'] })
  })
export type DashboardInput = z.infer<typeof DashboardInput>

export const ExportInput = withCross(
  z.object({
    kind: z.enum(R.kind.values, R.kind.message),
    from: zText(R.fromDay),
    to: zText(R.toDay),
    communityId: zOptionalText(R.communityId),
  }),
  EXPORT_CROSS
)
export type ExportInput = z.infer<typeof ExportInput>

/** One item waiting in a queue, as little as the to-do list shows; personal data masked. */
export interface QueueItem {
  kind: QueueKind
  /** The item's id in its own domain (a resident's openid for `resident`, a comment's id for `comment`). */
  id: string
  /** One line: the wish's or matter's title, the errand's type and day, 张* for a resident. */
  title: string
  /** Where it is: the grid's name (and building, never the room). */
  place: string | null
  /** Since when it has waited (ISO): reported, escalated, applied, flagged. */
  since: string
  /** Past its deadline (an overdue matter, an errand past its slot). */
  overdue: boolean
  /** For `comment`: the topic it belongs to (the page to open). */
  topicId?: string
}

export interface QueueSection {
  kind: QueueKind
  /** The number waiting: the same kept counter `user.counts` answers. */
  count: number
  /** The first QUEUE_FIRST_ITEMS, most urgent first. */
  items: QueueItem[]
}

/** `moderationQueue`: every queue the caller serves (and only those), most urgent kind first. */
export interface WorkQueue {
  /** Sum of every section's count. */
  total: number
  sections: QueueSection[]
}

export type DashboardNumbers = Record<DashboardFigure, number>

/** Figures for a span, with the derived rates (null when there is nothing to divide by). */
export interface DashboardFigures extends DashboardNumbers {
  /** Median minutes from booking to first acceptance of the errands accepted in the span. */
  acceptMedianMinutes: number | null
  /** goodRatings / ratings, 0–1. */
  satisfaction: number | null
  /** attendanceConfirmed / attendanceExpected, 0–1. */
  attendanceRate: number | null
  /** votesCast / votersEligible, 0–1. */
  turnout: number | null
}

export interface DashboardRow {
  /** A grid's id, or null for the total row. */
  gridId: string | null
  /** The grid's name, or 合计. */
  name: string
  /** Over the whole range. */
  figures: DashboardFigures
  /** One entry per month of `months`, same order. */
  byMonth: DashboardFigures[]
  /** Live state from the kept counters. */
  now: Record<DashboardNowFigure, number>
}

export interface Dashboard {
  communityId: string
  /** The range shown ('YYYY-MM', inclusive), after defaults. */
  from: string
  to: string
  /** Every month of the range, oldest first. */
  months: string[]
  /** The grids the caller sees (a grid worker: theirs), by name. */
  grids: DashboardRow[]
  /**
   * The caller's total: every grid they see plus, for the committee and admins, community-wide
   * activities and topics (which belong to no grid).
   */
  total: DashboardRow
  /** When the monthly figures were last computed (the timer), ISO; null if never. */
  computedAt: string | null
}

/** A ledger written to cloud storage. */
export interface ExportResult {
  kind: ExportKind
  fileID: string
  /** A temporary download URL. */
  url: string
  /** e.g. 微心愿台账_2026-01-01_2026-06-30.xlsx */
  fileName: string
  rows: number
  /** When `url` stops working (ISO). */
  expiresAt: string
}

export interface CommitteeApi {
  moderationQueue: Action<typeof EmptyInput, WorkQueue>
  dashboard: Action<typeof DashboardInput, Dashboard>
  export: Action<typeof ExportInput, ExportResult>
}
