import {
  addMonths,
  DASHBOARD_DEFAULT_MONTHS,
  DASHBOARD_FIGURES,
  DASHBOARD_MAX_MONTHS,
  DASHBOARD_RANGE_MESSAGES,
  GOOD_RATING,
  shanghaiMonth,
  type DashboardFigure,
  type DashboardFigures,
} from '@/contract/committee'

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

/** 'YYYY-MM' of an instant in Asia/Shanghai (the contract's `shanghaiMonth`, for a Date). */
export const monthOf = (at: Date): string => shanghaiMonth(at.getTime())

/** The first month the dashboard may show (DASHBOARD_MAX_MONTHS back, the current one included). */
export const oldestMonth = (now = new Date()) => addMonths(monthOf(now), 1 - DASHBOARD_MAX_MONTHS)

/** The range after defaults, or the field and message that refuse it. */
export function rangeOf(
  input: { from?: string; to?: string },
  current: string
): { from: string; to: string } | { field: 'from' | 'to'; message: string } {
  if (input.to && input.to > current)
    return { field: 'to', message: DASHBOARD_RANGE_MESSAGES.future }
  if (input.from && input.from > current) {
    return { field: 'from', message: DASHBOARD_RANGE_MESSAGES.future }
  }
  if (input.from && input.to) return { from: input.from, to: input.to }
  if (input.from) {
    const last = addMonths(input.from, DASHBOARD_MAX_MONTHS - 1)
    return { from: input.from, to: last < current ? last : current }
  }
  const to = input.to ?? current
  return { from: addMonths(to, 1 - DASHBOARD_DEFAULT_MONTHS), to }
}

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

/** Where a source's events are added: a month's bucket of a grid, and the grids of items by id. */
class Tally {
  readonly months = new Map<string, MonthFigures>()
  /** `<ledger source>:<id>` → its grid: the hours credited for an item count in its grid. */
  readonly gridOf = new Map<string, unknown>()
  constructor(
    private readonly fromMonth: string,
    readonly now: number
  ) {}

  bucket(at: Date | null, gridId: unknown): Bucket | null {
    if (!at) return null
    const month = monthOf(at)
    if (month < this.fromMonth) return null
    const m = this.months.get(month) ?? { grids: {}, community: emptyBucket() }
    this.months.set(month, m)
    if (typeof gridId !== 'string' || !gridId) return m.community
    return (m.grids[gridId] ??= emptyBucket())
  }

  add(at: Date | null, gridId: unknown, figure: DashboardFigure, n = 1) {
    const b = n ? this.bucket(at, gridId) : null
    if (b) b[figure] += n
  }

  rate(at: Date | null, gridId: unknown, rating: unknown) {
    if (typeof rating !== 'number') return
    this.add(at, gridId, 'ratings')
    if (rating >= GOOD_RATING) this.add(at, gridId, 'goodRatings')
  }
}

const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

const ADD: Record<keyof Sources, (t: Tally, d: Raw) => void> = {
  wishes(t, w) {
    t.gridOf.set(`wish:${String(w._id)}`, w.gridId)
    t.add(when(w.createdAt), w.gridId, 'wishesPosted')
    if (w.status !== 'done') return
    t.add(when(w.doneAt), w.gridId, 'wishesLit')
    t.rate(when(w.doneAt), w.gridId, w.rating)
  },
  errands(t, e) {
    t.gridOf.set(`errand:${String(e._id)}`, e.gridId)
    const booked = when(e.createdAt)
    t.add(booked, e.gridId, 'errandsBooked')
    if (e.status === 'closed') t.add(when(e.endedAt), e.gridId, 'errandsClosed')
    t.add(stepAt(e, 'overdue'), e.gridId, 'errandsOverdue')
    t.rate(when(e.endedAt), e.gridId, e.rating)
    // The first acceptance (a released errand is accepted again later): the timeline's first.
    const accepted = stepAt(e, 'accepted') ?? when(e.acceptedAt)
    const b = booked ? t.bucket(accepted, e.gridId) : null
    if (!b || !accepted || !booked) return
    const minutes = String(Math.max(0, Math.floor((+accepted - +booked) / 60_000)))
    b.acceptMinutes[minutes] = (b.acceptMinutes[minutes] ?? 0) + 1
  },
  matters(t, m) {
    t.add(when(m.createdAt), m.gridId, 'mattersReported')
    t.add(when(m.resolvedAt), m.gridId, 'mattersResolved')
    t.rate(stepAt(m, 'rated'), m.gridId, m.rating)
  },
  activities(t, a) {
    t.gridOf.set(`activity:${String(a._id)}`, a.gridId)
    const ended = when(a.endAt)
    if (!ended || ended.getTime() > t.now) return
    t.add(ended, a.gridId, 'activitiesHeld')
    t.add(ended, a.gridId, 'attendanceExpected', signedUp(a.queue, a.quota))
    t.add(ended, a.gridId, 'attendanceConfirmed', ((a.attendees as unknown[]) ?? []).length)
  },
  // Credited for an activity, a wish or an errand: in that item's grid when it is among the
  // sources (changed in the months recomputed), else with the community-wide items.
  ledger(t, h) {
    const grid = t.gridOf.get(`${String(h.source)}:${String(h.refId)}`)
    t.add(when(h.at), grid, 'volunteerHours', number(h.hours))
  },
  topics(t, d) {
    const closed = when(d.closedAt)
    t.add(closed, d.gridId, 'topicsClosed')
    t.add(closed, d.gridId, 'votesCast', number(d.turnout))
    t.add(closed, d.gridId, 'votersEligible', number(d.eligibleCount))
  },
}

/** The ledger last: it reads the grids of the items the others saw. */
const ORDER: (keyof Sources)[] = ['wishes', 'errands', 'matters', 'activities', 'topics', 'ledger']

/**
 * The figures of every month from `fromMonth` on (earlier events are left out: their months are
 * not being recomputed); an activity counts once it has ended by `now`. A grid of '' (or none) counts in `community`.
 */
export function figuresOf(
  src: Sources,
  fromMonth: string,
  now = new Date()
): Map<string, MonthFigures> {
  const t = new Tally(fromMonth, now.getTime())
  for (const key of ORDER) for (const d of src[key]) ADD[key](t, d)
  return t.months
}

/**
 * The month documents of a community from `fromMonth` to `toMonth` ('YYYY-MM'), zeros for a month
 * without events: what the timer writes, and the demo seed.
 */
export function monthDocs(
  communityId: string,
  figures: Map<string, MonthFigures>,
  fromMonth: string,
  toMonth: string,
  computedAt: Date
) {
  const out: (MonthFigures & {
    _id: string
    communityId: string
    month: string
    computedAt: Date
  })[] = []
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) {
    const m = figures.get(month) ?? { grids: {}, community: emptyBucket() }
    out.push({ _id: `${communityId}:${month}`, communityId, month, ...m, computedAt })
  }
  return out
}

/** The month documents of every community of a whole data set (the demo seed, a bench). */
export function statsFor(data: Record<string, unknown[]>, fromMonth: string, now: Date) {
  const docs = (name: string) => (data[name] ?? []) as Raw[]
  return docs('communities').flatMap((c) => {
    const of = (name: string) => docs(name).filter((d) => d.communityId === c._id)
    const sources: Sources = {
      wishes: of('wishes'),
      errands: of('errands'),
      matters: of('matters'),
      activities: of('volunteerActivities'),
      ledger: of('volunteerLedger'),
      topics: of('deliberations'),
    }
    const id = String(c._id)
    return monthDocs(id, figuresOf(sources, fromMonth, now), fromMonth, monthOf(now), now)
  })
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
