import { LEDGER_SOURCES, type LedgerSource } from '@/contract/volunteer'
import type { Doc } from '../lib/cloud'
import {
  joinedAll,
  joinedOne,
  settingsOf,
  type LedgerDoc,
  type SettingsDoc,
  type TotalsDoc,
} from './store'
import { round1, starsOf } from './policy'

// A volunteer's record as of now: the totals the timer keeps plus the entries it has not summed
// yet (a few at most), so hours show the moment they are credited.

export interface RecordNow {
  total: number
  entryCount: number
  bySource: Record<LedgerSource, number>
  stars: number
  nextStar: { stars: number; hoursNeeded: number } | null
  pending: LedgerDoc[]
  firstAt: Date | null
}

export function recordNow(joined: Record<string, Doc[]>, communityId: string | null): RecordNow {
  const t = joinedOne<TotalsDoc>(joined, 'totals')
  const pending = joinedAll<LedgerDoc>(joined, 'pending').filter((e) => !e.credited)
  const settings = settingsOf(communityId ?? '', joinedOne<SettingsDoc>(joined, 'settings'))
  const bySource = Object.fromEntries(
    LEDGER_SOURCES.map((s) => [s, t?.bySource?.[s] ?? 0])
  ) as Record<LedgerSource, number>
  for (const e of pending) bySource[e.source] = round1(bySource[e.source] + e.hours)
  const total = round1((t?.total ?? 0) + pending.reduce((n, e) => n + e.hours, 0))
  const firsts = [t?.firstAt, ...pending.map((e) => e.at)].filter(Boolean) as Date[]
  const firstAt = firsts.length
    ? new Date(Math.min(...firsts.map((d) => new Date(d).getTime())))
    : null
  return {
    total,
    entryCount: (t?.entryCount ?? 0) + pending.length,
    bySource,
    ...starsOf(total, settings.starThresholds),
    pending,
    firstAt,
  }
}
