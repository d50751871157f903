import { USER_ABILITIES, USER_AUDIT_LABELS, USER_COUNTS } from './user.rules'
import { WISH_ABILITIES, WISH_AUDIT_LABELS, WISH_COUNTS } from './wish.rules'
import { ERRAND_ABILITIES, ERRAND_AUDIT_LABELS, ERRAND_COUNTS } from './errand.rules'
import { VOLUNTEER_ABILITIES, VOLUNTEER_AUDIT_LABELS, VOLUNTEER_COUNTS } from './volunteer.rules'
import { MATTER_ABILITIES, MATTER_AUDIT_LABELS, MATTER_COUNTS } from './matter.rules'
import {
  DELIBERATION_ABILITIES,
  DELIBERATION_AUDIT_LABELS,
  DELIBERATION_COUNTS,
} from './deliberation.rules'
import { COMMITTEE_ABILITIES, COMMITTEE_AUDIT_LABELS, COMMITTEE_COUNTS } from './committee.queue'

// The registries of what a viewer may do and which counts home can show: one line per domain.
// Plain data, no zod (the main package imports it).

export const ABILITIES = [
  ...USER_ABILITIES,
  ...WISH_ABILITIES,
  ...ERRAND_ABILITIES,
  ...VOLUNTEER_ABILITIES,
  ...MATTER_ABILITIES,
  ...DELIBERATION_ABILITIES,
  ...COMMITTEE_ABILITIES,
] as const
export type Ability = (typeof ABILITIES)[number]

/** The viewer's own abilities, built on the server from each domain's pure policy. */
export type ViewerCan = Record<Ability, boolean>

export const COUNT_KEYS = [
  ...USER_COUNTS,
  ...WISH_COUNTS,
  ...ERRAND_COUNTS,
  ...VOLUNTEER_COUNTS,
  ...MATTER_COUNTS,
  ...DELIBERATION_COUNTS,
  ...COMMITTEE_COUNTS,
] as const
export type CountKey = (typeof COUNT_KEYS)[number]

/**
 * `user.counts`: every count home and the tabs show, in one call. A key is absent when it is not
 * the viewer's concern (no grid, not staff); present keys are read from kept counters.
 */
export interface ViewerCounts {
  /** The calendar year (Asia/Shanghai) that "this year" counts refer to. */
  year: number
  counts: Partial<Record<CountKey, number>>
}

/** What each audited step is called in a person's data export (`user.exportMyData`). */
export const AUDIT_LABELS: Record<string, string> = {
  ...USER_AUDIT_LABELS,
  ...WISH_AUDIT_LABELS,
  ...ERRAND_AUDIT_LABELS,
  ...VOLUNTEER_AUDIT_LABELS,
  ...MATTER_AUDIT_LABELS,
  ...DELIBERATION_AUDIT_LABELS,
  ...COMMITTEE_AUDIT_LABELS,
}
