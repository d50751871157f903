import {
  DASHBOARD_FIGURES,
  GOOD_RATING,
  type DashboardFigure,
  type DashboardFigures,
} from '@/contract/committee'
import { shanghaiDate } from '../lib/time'

// The dashboard's figures from the raw documents, per month (Asia/Shanghai) and grid, each event
// in the month it happened (see DASHBOARD_FIGURES). Pure: the timer and the demo seed use it, and
// the dashboard combines the stored months with `combine` / `derive`.

/** The numbers of one grid (or the community-wide items) in one month. */
export type Bucket = Record<DashboardFigure, number> & {
  /** Minutes from booking to first acceptance → how many errands: the median of merged months. */
  acceptMinutes: Record<string, number>
}

/** One stored month of a community: a bucket per grid, and one for community-wide items. */
export interface MonthFigures {
  grids: Record<string, Bucket>
  community: Bucket
}

export const emptyBucket = (): Bucket => ({
  ...(Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, 0])) as Record<DashboardFigure, number>),
  acceptMinutes: {},
})

const SHANGHAI_MS = 8 * 3600_000

/** 'YYYY-MM' of an instant in Asia/Shanghai. */
export const monthOf = (at: Date): string => shanghaiDate(at).slice(0, 7)

/** The instant a month ('YYYY-MM', Asia/Shanghai) begins. */
export function monthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_MS)
}

const when = (v: unknown): Date | null => {
  if (v instanceof Date) return v
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v)
  return null
}

type Raw = Record<string, unknown>
type Step = { at?: unknown; type?: unknown }
const stepAt = (doc: Raw, type: string): Date | null =>
  when(((doc.timeline as Step[] | undefined) ?? []).find((s) => s.type === type)?.at)

/** The raw documents of a community the figures are computed from (any that changed since). */
export interface Sources {
  wishes: Raw[]
  errands: Raw[]
  matters: Raw[]
  activities: Raw[]
  ledger: Raw[]
  topics: Raw[]
}

/** Which fields of each source the figures read (the timer reads only these). */
export const SOURCE_FIELDS: Record<keyof Sources, string[]> = {
  wishes: ['gridId', 'status', 'createdAt', 'doneAt', 'rating'],
  errands: ['gridId', 'status', 'createdAt', 'endedAt', 'acceptedAt', 'rating', 'timeline'],
  matters: ['gridId', 'createdAt', 'resolvedAt', 'rating', 'timeline'],
  activities: ['gridId', 'endAt', 'quota', 'queue', 'attendees'],
  ledger: ['source', 'refId', 'hours', 'at'],
  topics: ['gridId', 'closedAt', 'turnout', 'eligibleCount'],
}

/** Signed up and not waitlisted: the first `quota` of who is still on the signup log. */
export function signedUp(queue: unknown, quota: unknown): number {
  const on: string[] = []
  for (const e of Array.isArray(queue) ? (queue as string[]) : []) {
    if (e.startsWith('-')) {
      const at = on.indexOf(e.slice(1))
      if (at >= 0) on.splice(at, 1)
    } else on.push(e)
  }
  return Math.min(on.length, typeof quota === 'number' ? quota : on.length)
}

/**
 * The figures of every month from `fromMonth` on (earlier events are left out: their months are
 * not being recomputed). A grid of '' (or none) counts in `community`.
 */
export function figuresOf(src: Sources, fromMonth: string): Map<string, MonthFigures> {
  const months = new Map<string, MonthFigures>()
  const bucket = (at: Date, gridId: unknown): Bucket | null => {
    const month = monthOf(at)
    if (month < fromMonth) return null
    const m = months.get(month) ?? { grids: {}, community: emptyBucket() }
    months.set(month, m)
    if (typeof gridId !== 'string' || !gridId) return m.community
    return (m.grids[gridId] ??= emptyBucket())
  }
  const add = (at: Date | null, gridId: unknown, figure: DashboardFigure, n = 1) => {
    const b = at && n ? bucket(at, gridId) : null
    if (b) b[figure] += n
  }
  const rate = (at: Date | null, gridId: unknown, rating: unknown) => {
    if (typeof rating !== 'number') return
    add(at, gridId, 'ratings')
    if (rating >= GOOD_RATING) add(at, gridId, 'goodRatings')
  }
  const gridOf = new Map<string, unknown>()

  for (const w of src.wishes) {
    gridOf.set(`wish:${String(w._id)}`, w.gridId)
    add(when(w.createdAt), w.gridId, 'wishesPosted')
    if (w.status === 'done') {
      add(when(w.doneAt), w.gridId, 'wishesLit')
      rate(when(w.doneAt), w.gridId, w.rating)
    }
  }
  for (const e of src.errands) {
    gridOf.set(`errand:${String(e._id)}`, e.gridId)
    const booked = when(e.createdAt)
    add(booked, e.gridId, 'errandsBooked')
    if (e.status === 'closed') add(when(e.endedAt), e.gridId, 'errandsClosed')
    add(stepAt(e, 'overdue'), e.gridId, 'errandsOverdue')
    rate(when(e.endedAt), e.gridId, e.rating)
    const accepted = stepAt(e, 'accepted') ?? when(e.acceptedAt)
    const b = accepted && booked ? bucket(accepted, e.gridId) : null
    if (b && accepted && booked) {
      const minutes = String(Math.max(0, Math.floor((+accepted - +booked) / 60_000)))
      b.acceptMinutes[minutes] = (b.acceptMinutes[minutes] ?? 0) + 1
    }
  }
  for (const m of src.matters) {
    add(when(m.createdAt), m.gridId, 'mattersReported')
    add(when(m.resolvedAt), m.gridId, 'mattersResolved')
    rate(stepAt(m, 'rated'), m.gridId, m.rating)
  }
  for (const a of src.activities) {
    gridOf.set(`activity:${String(a._id)}`, a.gridId)
    const ended = when(a.endAt)
    if (!ended || ended.getTime() > Date.now()) continue
    add(ended, a.gridId, 'activitiesHeld')
    add(ended, a.gridId, 'attendanceExpected', signedUp(a.queue, a.quota))
    add(ended, a.gridId, 'attendanceConfirmed', ((a.attendees as unknown[]) ?? []).length)
  }
  for (const h of src.ledger) {
    // Credited for an activity, a wish or an errand: in that item's grid when it is known here.
    const grid = gridOf.get(`${String(h.source)}:${String(h.refId)}`)
    add(when(h.at), grid, 'volunteerHours', typeof h.hours === 'number' ? h.hours : 0)
  }
  for (const t of src.topics) {
    const closed = when(t.closedAt)
    add(closed, t.gridId, 'topicsClosed')
    add(closed, t.gridId, 'votesCast', typeof t.turnout === 'number' ? t.turnout : 0)
    add(closed, t.gridId, 'votersEligible', Number(t.eligibleCount ?? 0) || 0)
  }
  return months
}

/** The sum of buckets (histograms merged). */
export function combine(buckets: readonly Bucket[]): Bucket {
  const out = emptyBucket()
  for (const b of buckets) {
    for (const f of DASHBOARD_FIGURES) out[f] += b[f] ?? 0
    for (const [m, n] of Object.entries(b.acceptMinutes ?? {})) {
      out.acceptMinutes[m] = (out.acceptMinutes[m] ?? 0) + n
    }
  }
  return out
}

/** The ⌈n/2⌉-th smallest minute of a histogram; null when empty. */
export function medianOf(histogram: Record<string, number>): number | null {
  const entries = Object.entries(histogram)
    .map(([m, n]) => [Number(m), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
  const total = entries.reduce((s, [, n]) => s + n, 0)
  if (!total) return null
  let seen = 0
  for (const [m, n] of entries) {
    seen += n
    if (seen >= Math.ceil(total / 2)) return m
  }
  return null
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null)

/** The figures of a bucket with its derived rates. */
export function derive(b: Bucket): DashboardFigures {
  const numbers = Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, b[f] ?? 0])) as Record<
    DashboardFigure,
    number
  >
  return {
    ...numbers,
    acceptMedianMinutes: medianOf(b.acceptMinutes ?? {}),
    satisfaction: ratio(numbers.goodRatings, numbers.ratings),
    attendanceRate: ratio(numbers.attendanceConfirmed, numbers.attendanceExpected),
    turnout: ratio(numbers.votesCast, numbers.votersEligible),
  }
}
