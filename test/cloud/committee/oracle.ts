import {
  addMonths,
  DASHBOARD_FIGURES,
  GOOD_RATING,
  type DashboardFigures,
  type DashboardNowFigure,
  type DashboardNumbers,
} from '@/contract/committee'
import type { TestEmulator } from '../../helpers/emulator'
import { ms, raw, shanghaiMonth, stepsOf, type Doc } from './helpers'

// The dashboard's figures counted apart from the server: straight from the raw collections, by
// the definitions of docs/contract.md §4.5 (src/contract/committee.rules.ts), each event in the
// Asia/Shanghai month it happened. Used by the dashboard test and the bench.

/** One thing that happened: a figure, in a month, at a grid (null: community-wide). */
interface Event {
  /** null for an errand's first acceptance, which counts only towards the median */
  figure: keyof DashboardNumbers | null
  month: string
  communityId: string
  gridId: string | null
  value: number
  /** For an errand's first acceptance: whole minutes from booking. */
  acceptMinutes?: number
}

export interface Raw {
  now: number
  events: Event[]
  /** Live state per grid: open wishes, overdue errands, open matters. */
  live: { gridId: string; figure: DashboardNowFigure }[]
}

const gridOf = (d: Doc): string | null => (d.gridId ? String(d.gridId) : null)

/** The signed (not waitlisted) volunteers of an activity: the first `quota` of the arrivals kept. */
export function signedOf(a: Doc): number {
  const kept: string[] = []
  for (const e of (a.queue ?? []) as string[]) {
    if (e.startsWith('-')) {
      const i = kept.indexOf(e.slice(1))
      if (i >= 0) kept.splice(i, 1)
    } else if (!kept.includes(e)) kept.push(e)
  }
  return Math.min(Number(a.quota), kept.length)
}

/** What the readers below write to. */
class Collector {
  events: Event[] = []
  live: Raw['live'] = []
  /** Every wish, errand and activity by `<source>:<id>`: the grid of the hours earned on it. */
  items = new Map<string, Doc>()

  add(figure: Event['figure'], at: unknown, d: Doc, value = 1, extra: Partial<Event> = {}) {
    this.events.push({
      figure,
      month: shanghaiMonth(at),
      communityId: String(d.communityId),
      gridId: gridOf(d),
      value,
      ...extra,
    })
  }

  rated(at: unknown, d: Doc) {
    if (d.rating === null || d.rating === undefined) return
    this.add('ratings', at, d)
    if (Number(d.rating) >= GOOD_RATING) this.add('goodRatings', at, d)
  }
}

function wishes(c: Collector, docs: Doc[]) {
  for (const w of docs) {
    c.items.set(`wish:${w._id}`, w)
    c.add('wishesPosted', w.createdAt, w)
    if (w.status === 'done' && w.doneAt) {
      c.add('wishesLit', w.doneAt, w)
      c.rated(w.doneAt, w)
    }
    if (w.status === 'open') c.live.push({ gridId: w.gridId, figure: 'wishesOpen' })
  }
}

function errands(c: Collector, docs: Doc[]) {
  for (const e of docs) {
    c.items.set(`errand:${e._id}`, e)
    c.add('errandsBooked', e.createdAt, e)
    if (e.status === 'closed' && e.endedAt) {
      c.add('errandsClosed', e.endedAt, e)
      c.rated(e.endedAt, e)
    }
    const [overdue] = stepsOf(e, 'overdue')
    if (overdue) c.add('errandsOverdue', overdue.at, e)
    // The first acceptance (a release and a new acceptance do not count again).
    const [accepted] = stepsOf(e, 'accepted')
    if (accepted) {
      const minutes = Math.floor((ms(accepted.at) - ms(e.createdAt)) / 60_000)
      c.add(null, accepted.at, e, 0, { acceptMinutes: minutes })
    }
    if (e.status === 'accepted' && e.overdue) {
      c.live.push({ gridId: e.gridId, figure: 'errandsOverdue' })
    }
  }
}

function matters(c: Collector, docs: Doc[]) {
  for (const m of docs) {
    c.add('mattersReported', m.createdAt, m)
    if (m.resolvedAt) c.add('mattersResolved', m.resolvedAt, m)
    if (m.status === 'closed' && m.endedAt) c.rated(m.endedAt, m)
    if (['reported', 'handling', 'deliberating'].includes(m.status)) {
      c.live.push({ gridId: m.gridId, figure: 'mattersOpen' })
    }
  }
}

function activities(c: Collector, docs: Doc[], now: number) {
  for (const a of docs) {
    c.items.set(`activity:${a._id}`, a)
    if (ms(a.endAt) > now) continue
    c.add('activitiesHeld', a.endAt, a)
    c.add('attendanceExpected', a.endAt, a, signedOf(a))
    c.add('attendanceConfirmed', a.endAt, a, ((a.attendees ?? []) as string[]).length)
  }
}

/** Hours belong to the grid of what they were earned on (a community activity: no grid). */
function hours(c: Collector, ledger: Doc[]) {
  for (const l of ledger) {
    const item = c.items.get(`${l.source}:${l.refId}`)
    const place = { communityId: l.communityId, gridId: item?.gridId ?? null }
    c.add('volunteerHours', l.at, place, Number(l.hours))
  }
}

function topics(c: Collector, docs: Doc[], votes: Doc[]) {
  const rolls = new Map<string, number>()
  for (const v of votes) {
    // the roll (one entry per ballot cast in these tests; the ballots are in bins)
    rolls.set(v.topicId, (rolls.get(v.topicId) ?? 0) + 1)
  }
  for (const t of docs) {
    if (t.phase !== 'closed' || !t.closedAt) continue
    c.add('topicsClosed', t.closedAt, t)
    c.add('votesCast', t.closedAt, t, rolls.get(t._id) ?? 0)
    c.add('votersEligible', t.closedAt, t, Number(t.eligibleCount ?? 0))
  }
}

/** Reads every collection the figures come from and lists what happened when. */
export async function readRaw(emu: TestEmulator): Promise<Raw> {
  const now = emu.emulator.clock.now()
  const [w, e, m, ledger, a, t, votes] = await Promise.all(
    [
      'wishes',
      'errands',
      'matters',
      'volunteerLedger',
      'volunteerActivities',
      'deliberations',
      'deliberationVotes',
    ].map((name) => raw(emu, name))
  )
  const c = new Collector()
  wishes(c, w)
  errands(c, e)
  matters(c, m)
  activities(c, a, now)
  hours(c, ledger)
  topics(c, t, votes)
  return { now, events: c.events, live: c.live }
}

/** Which events a row counts: a community, and its grids (and the community-wide ones or not). */
export interface RowScope {
  communityId: string
  grids: string[]
  communityWide: boolean
}

const inScope = (s: RowScope, e: { communityId: string; gridId: string | null }) =>
  e.communityId === s.communityId &&
  (e.gridId === null || e.gridId === '' ? s.communityWide : s.grids.includes(e.gridId))

/** ⌈n/2⌉-th smallest, or null. */
export const median = (xs: number[]): number | null => {
  if (!xs.length) return null
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.ceil(sorted.length / 2) - 1]
}

/** The figures of a row over a set of months. */
export function figuresOf(r: Raw, s: RowScope, months: string[]): DashboardFigures {
  const numbers = Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, 0])) as DashboardNumbers
  const minutes: number[] = []
  for (const e of r.events) {
    if (!months.includes(e.month) || !inScope(s, e)) continue
    if (e.figure) numbers[e.figure] += e.value
    if (e.acceptMinutes !== undefined) minutes.push(e.acceptMinutes)
  }
  const ratio = (a: number, b: number) => (b ? a / b : null)
  return {
    ...numbers,
    acceptMedianMinutes: median(minutes),
    satisfaction: ratio(numbers.goodRatings, numbers.ratings),
    attendanceRate: ratio(numbers.attendanceConfirmed, numbers.attendanceExpected),
    turnout: ratio(numbers.votesCast, numbers.votersEligible),
  }
}

export function nowOf(r: Raw, grids: string[]): Record<DashboardNowFigure, number> {
  const out = { wishesOpen: 0, errandsOverdue: 0, mattersOpen: 0 }
  for (const l of r.live) if (grids.includes(l.gridId)) out[l.figure] += 1
  return out
}

/** Every month from `from` to `to`, inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m)
  return out
}

/** Rates compared to 9 places: the server may divide in another order. */
export const rounded = <T>(v: T): T =>
  JSON.parse(
    JSON.stringify(v, (_k, x) =>
      typeof x === 'number' && !Number.isInteger(x) ? Number(x.toFixed(9)) : x
    )
  ) as T
