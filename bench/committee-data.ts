// The committee console's bench data: one community (c1) of `residents` residents over six grids
// and a year of activity with at least `perDomain` items in each domain - wishes, errands,
// matters, volunteer hours (ledger entries, with the activities they came from) and deliberation
// votes - made by the other benches' generators (dataset.ts, errand-data.ts, matter-data.ts,
// volunteer-data.ts, deliberation-data.ts), which spread their items over two years: each makes
// twice as many and only the last year's are kept. Written straight into a data folder (see
// dataset.ts `writeDataDir`) with the kept counters; no dashboard months yet (the timer's first
// run computes them).
import { countersFor } from '../cloudfunctions/src/lib/counts'
import { demoData } from '../emulator/seed'
import { ACTIVE, drawStatus, random, resident, wish, type Gen } from './dataset'
import { topicsFor } from './deliberation-data'
import { errandsFor } from './errand-data'
import { mattersFor } from './matter-data'
import { activitiesFor, recordOf } from './volunteer-data'

type Doc = Record<string, unknown>
const DAY = 86_400_000
const HOUR = 3_600_000

/** c1's grids: the demo's g1, g2 and four more (the ones volunteer-data.ts names). */
function c1Grids(demo: Record<string, Doc[]>): Doc[] {
  const grids = [...demo.grids]
  for (let n = 3; n <= 6; n++) {
    const id = `c1-g${n}`
    grids.push({
      _id: id,
      name: `第${'一二三四五六'[n - 1]}网格`,
      communityId: 'c1',
      communityName: '幸福里社区',
      buildings: Array.from({ length: 6 }, (_, b) => ({
        id: `${id}-b${b + 1}`,
        name: `${(n - 1) * 6 + b + 1}号楼`,
      })),
    })
  }
  return grids
}

export interface CommitteeDataset {
  residents: number
  /** items of the last year, per domain */
  items: Record<string, number>
  /** documents per collection */
  counts: Record<string, number>
  /**
   * The longest range of days ending today whose wishes ledger holds at most `maxRows` rows
   * (the export bench's range), and its row count.
   */
  exportRange: { from: string; to: string; rows: number }
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)

/** The latest first day such that the wishes of c1 from it to today are at most `max`. */
function rangeOf(wishes: Doc[], now: number, max: number) {
  const times = wishes
    .filter((w) => w.communityId === 'c1')
    .map((w) => (w.createdAt as Date).getTime())
    .sort((a, b) => b - a)
  let from = shanghaiDay(now)
  let rows = 0
  for (let day = 0; day < 366; day++) {
    const candidate = shanghaiDay(now - day * DAY)
    const start = Date.parse(`${candidate}T00:00:00+08:00`)
    let n = 0
    while (n < times.length && times[n] >= start) n++
    if (n > max) break
    from = candidate
    rows = n
  }
  return { from, to: shanghaiDay(now), rows }
}

export function committeeData(
  residentCount: number,
  perDomain: number,
  exportRows: number,
  now = Date.now()
): { data: Record<string, Doc[]>; meta: CommitteeDataset } {
  const rnd = random(20261126)
  const g: Gen = {
    rnd,
    pick: (list) => list[Math.floor(rnd() * list.length)],
    at: (daysAgo) => new Date(now - daysAgo * DAY),
  }
  const yearAgo = now - 365 * DAY
  const inYear = (at: unknown) => (at as Date).getTime() >= yearAgo
  const demo = demoData(new Date(now))
  const grids = c1Grids(demo)
  const c1GridDocs = grids.filter((x) => x.communityId === 'c1')

  const users: Doc[] = [...demo.users]
  for (let i = 0; i < residentCount; i++) users.push(resident(g, i, g.pick(c1GridDocs)))
  // The generated residents act (the demo personas' own items keep their unique keys).
  const c1 = users.filter((u) => String(u._id).startsWith('r-') && u.bindStatus === 'verified')
  const volunteers = c1.filter((u) => (u.volunteer as { status?: string })?.status === 'approved')
  const agents = c1.filter((u) => (u.roles as string[]).includes('redAgent'))

  // Wishes: twice as many over two years; the 3-active-wishes slots hold.
  const active = new Map<unknown, number>()
  const wishes: Doc[] = [...demo.wishes]
  for (let i = 0; i < 2 * perDomain; i++) {
    const author = g.pick(c1)
    let status = drawStatus(g)
    const holds = active.get(author._id) ?? 0
    if (ACTIVE.has(status) && holds >= 3) status = 'done'
    const slot = ACTIVE.has(status) ? `${author._id}#${holds}` : ''
    const claims = ['claimed', 'fulfilled', 'done'].includes(status)
    const claimer = claims ? g.pick(volunteers.filter((v) => v !== author)) : undefined
    const w = wish(g, i, author, status, slot, claimer)
    if (!inYear(w.createdAt)) continue
    if (slot) active.set(author._id, holds + 1)
    wishes.push(w)
  }

  const errands = [
    ...demo.errands,
    ...(errandsFor(g, 2 * perDomain, c1, agents, now) as unknown as Doc[]).filter((e) =>
      inYear(e.createdAt)
    ),
  ]
  const matters = [
    ...demo.matters,
    ...(mattersFor(g, 2 * perDomain, c1, now) as unknown as Doc[]).filter((m) =>
      inYear(m.createdAt)
    ),
  ]

  // Volunteers: activities with their signups and attendance; hours credited to many
  // volunteers (100 entries each over two years), with their totals (the ledger's names).
  const activities = (activitiesFor(g, Math.round(perDomain / 5), now) as unknown as Doc[])
    .filter((a) => inYear(a.startAt) || (a.startAt as Date).getTime() > now)
    .map((a) => {
      const queue = Array.from({ length: 12 }, () => g.pick(volunteers)._id as string).filter(
        (o, n, all) => all.indexOf(o) === n
      )
      const past = (a.endAt as Date).getTime() < now
      return { ...a, queue, attendees: past ? queue.slice(0, Math.floor(queue.length * 0.8)) : [] }
    })
  const ledger: Doc[] = []
  const totals: Doc[] = []
  const years: Doc[] = []
  for (const v of volunteers.slice(0, Math.ceil((2 * perDomain) / 100))) {
    const r = recordOf(g, v._id as string, 100, now)
    ledger.push(...(r.entries as unknown as Doc[]).filter((l) => inYear(l.at)))
    totals.push({ ...r.totals, nickname: v.nickname, name: v.realName })
    years.push(...(r.years as unknown as Doc[]))
  }

  // Deliberation: topics with 12 ballots each; votes (the roll) are the domain's items (a
  // little over twice as many: the closed ones spread over two years, the open ones recent).
  const delib = topicsFor(g, Math.ceil((2.2 * perDomain) / 12), now)
  const topics = (delib.topics as unknown as Doc[]).filter(
    (t) => inYear(t.createdAt) || t.phase !== 'closed'
  )
  const kept = new Set(topics.map((t) => t._id))
  const votes = (delib.votes as unknown as Doc[]).filter((v) => kept.has(v.topicId))

  // The demo's kept counters and dashboard months are of the demo data alone: both are made
  // again below (the counters) and by the committee timer's first run (the months).
  const { counters: _counters, stats: _stats, ...demoRest } = demo
  const base: Record<string, Doc[]> = {
    ...demoRest,
    grids,
    users,
    wishes,
    errands,
    matters,
    volunteerActivities: activities,
    volunteerLedger: ledger,
    volunteerTotals: totals,
    volunteerYears: years,
    deliberations: [...(demo.deliberations ?? []), ...topics],
    deliberationVotes: [...(demo.deliberationVotes ?? []), ...votes],
    deliberationComments: demo.deliberationComments ?? [],
  }
  const data = { ...base, audit: [], counters: countersFor(base) as unknown as Doc[] }
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]))
  return {
    data,
    meta: {
      residents: residentCount,
      items: {
        wishes: wishes.length,
        errands: errands.length,
        matters: matters.length,
        'volunteer hours': ledger.length,
        activities: activities.length,
        'deliberation votes': votes.filter((v) => v.kind === 'roll').length,
        topics: topics.length,
      },
      counts,
      exportRange: rangeOf(wishes, now, exportRows),
    },
  }
}
