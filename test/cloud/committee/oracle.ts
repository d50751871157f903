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

/** Reads every collection the figures come from and lists what happened when. */
export async function readRaw(emu: TestEmulator): Promise<Raw> {
  const now = emu.emulator.clock.now()
  const [wishes, errands, matters, ledger, activities, topics, votes] = await Promise.all(
    [
      'wishes',
      'errands',
      'matters',
      'volunteerLedger',
      'volunteerActivities',
      'deliberations',
      'deliberationVotes',
    ].map((c) => raw(emu, c))
  )
  const events: Event[] = []
  const live: Raw['live'] = []
  const add = (
    figure: Event['figure'],
    at: unknown,
    d: Doc,
    value = 1,
    extra: Partial<Event> = {}
  ) =>
    events.push({
      figure,
      month: shanghaiMonth(at),
      communityId: String(d.communityId),
      gridId: gridOf(d),
      value,
      ...extra,
    })
  const rated = (at: unknown, d: Doc) => {
    if (d.rating === null || d.rating === undefined) return
    add('ratings', at, d)
    if (Number(d.rating) >= GOOD_RATING) add('goodRatings', at, d)
  }

  const gridOfItem = new Map<string, Doc>()
  for (const w of wishes) {
    gridOfItem.set(`wish:${w._id}`, w)
    add('wishesPosted', w.createdAt, w)
    if (w.status === 'done' && w.doneAt) {
      add('wishesLit', w.doneAt, w)
      rated(w.doneAt, w)
    }
    if (w.status === 'open') live.push({ gridId: w.gridId, figure: 'wishesOpen' })
  }
  for (const e of errands) {
    gridOfItem.set(`errand:${e._id}`, e)
    add('errandsBooked', e.createdAt, e)
    if (e.status === 'closed' && e.endedAt) {
      add('errandsClosed', e.endedAt, e)
      rated(e.endedAt, e)
    }
    const [overdue] = stepsOf(e, 'overdue')
    if (overdue) add('errandsOverdue', overdue.at, e)
    const [accepted] = stepsOf(e, 'accepted')
    if (accepted) {
      const minutes = Math.floor((ms(accepted.at) - ms(e.createdAt)) / 60_000)
      add(null, accepted.at, e, 0, { acceptMinutes: minutes })
    }
    if (e.status === 'accepted' && e.overdue)
      live.push({ gridId: e.gridId, figure: 'errandsOverdue' })
  }
  for (const m of matters) {
    add('mattersReported', m.createdAt, m)
    if (m.resolvedAt) add('mattersResolved', m.resolvedAt, m)
    if (m.status === 'closed' && m.endedAt) rated(m.endedAt, m)
    if (['reported', 'handling', 'deliberating'].includes(m.status)) {
      live.push({ gridId: m.gridId, figure: 'mattersOpen' })
    }
  }
  for (const a of activities) {
    gridOfItem.set(`activity:${a._id}`, a)
    if (ms(a.endAt) > now) continue
    add('activitiesHeld', a.endAt, a)
    add('attendanceExpected', a.endAt, a, signedOf(a))
    add('attendanceConfirmed', a.endAt, a, ((a.attendees ?? []) as string[]).length)
  }
  // Hours belong to the grid of what they were earned on (a community activity: no grid).
  for (const l of ledger) {
    const item = gridOfItem.get(`${l.source}:${l.refId}`)
    add(
      'volunteerHours',
      l.at,
      { communityId: l.communityId, gridId: item?.gridId ?? null },
      Number(l.hours)
    )
  }
  const rolls = new Map<string, number>()
  for (const v of votes)
    if (v.kind === 'roll') rolls.set(v.topicId, (rolls.get(v.topicId) ?? 0) + 1)
  for (const t of topics) {
    if (t.phase !== 'closed' || !t.closedAt) continue
    add('topicsClosed', t.closedAt, t)
    add('votesCast', t.closedAt, t, rolls.get(t._id) ?? 0)
    add('votersEligible', t.closedAt, t, Number(t.eligibleCount ?? 0))
  }
  return { now, events, live }
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
