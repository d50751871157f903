import type { CountKey } from './viewer'

// The part of the `committee` domain (docs/contract.md §4.5) the main package reads: the viewer's
// abilities and the work queue's kinds and labels (首页's 待办). Apart from committee.rules.ts so the
// dashboard's and the ledgers' rules stay in their subpackage. Plain data, no zod.

/** What the viewer may do in the console, decided on the server (`user.me` → `can`). */
export const COMMITTEE_ABILITIES = [
  /** The one work queue (`moderationQueue`): staff (grid workers, the committee, admins). */
  'committee.queue',
  /** The dashboard: the committee (its community), grid workers (their grids), admins. */
  'committee.dashboard',
  /** The ledgers as spreadsheets (`export`): the committee and admins only. */
  'committee.export',
] as const

/** The console keeps no count of its own: its queue reads the domains' counters. */
export const COMMITTEE_COUNTS = [] as const

export const COMMITTEE_AUDIT_LABELS: Record<string, string> = {
  'committee.export': '导出台账',
}

/**
 * The queues one member of staff may serve, most urgent first (the order `moderationQueue`
 * answers them in). Each names the count key of `user.counts` it shares its number with.
 */
export const QUEUE_KINDS = [
  /** Errands accepted but not signed off in time, or past their slot (errand.overdue). */
  'errandOverdue',
  /** Errands nobody accepted in time, escalated to the caller's level (errand.escalated). */
  'errandEscalated',
  /** Matters waiting at the caller's level, overdue first (matter.queue). */
  'matter',
  /** Discussion comments reported and awaiting a moderator (deliberation.reported). */
  'comment',
  /** Residents waiting to be verified (user.toVerify). */
  'resident',
  /** Wishes waiting for review (wish.toReview). */
  'wish',
  /** Volunteer applications waiting for review (volunteer.toReview). */
  'volunteer',
] as const
export type QueueKind = (typeof QUEUE_KINDS)[number]

export const QUEUE_LABELS: Record<QueueKind, string> = {
  errandOverdue: '超时未办结的代办',
  errandEscalated: '无人接单的代办',
  matter: '待受理的居民说事',
  comment: '被举报的议事评论',
  resident: '待认证的居民',
  wish: '待审核的微心愿',
  volunteer: '待审核的志愿者申请',
}

/** The count of `user.counts` each queue shares its number with: a queue is served when that count is. */
export const QUEUE_COUNT_KEYS: Record<QueueKind, CountKey> = {
  errandOverdue: 'errand.overdue',
  errandEscalated: 'errand.escalated',
  matter: 'matter.queue',
  comment: 'deliberation.reported',
  resident: 'user.toVerify',
  wish: 'wish.toReview',
  volunteer: 'volunteer.toReview',
}

/** How many of each queue's first items `moderationQueue` answers (oldest / most urgent first). */
export const QUEUE_FIRST_ITEMS = 3
