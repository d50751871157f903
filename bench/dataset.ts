// A believable dataset, written straight into an emulator data folder (nedb files, one JSON line
// per document) before the emulator starts: far faster than inserting through the API.
//
// Shape: the demo data (its personas keep their roles) plus 4 communities of 6 grids of 6
// buildings; thousands of residents (6% waiting for verification, 5% approved volunteers);
// `wishes` wishes by many authors, statuses in the proportions of a running service (most done,
// a queue of pending ones, some open, claimed, fulfilled, rejected, cancelled), claimed by
// volunteers of the same community who are not the author; the 3-active-wishes slot rule holds.
// Half as many errands as wishes, all in c1, booked by its residents and run by its red agents
// (half the volunteers), in the proportions of a running service (see errand-data.ts).
// Volunteer activities, a 2,000-entry service record and the honor roll (see volunteer-data.ts).
// As many matters (居民说事) as wishes, all in c1, with the recent ones' photos in cloud storage
// (see matter-data.ts).
import { countersFor } from '../cloudfunctions/src/lib/counts'
import fs from 'node:fs'
import path from 'node:path'
import { demoData } from '../emulator/seed'
import { errandsFor } from './errand-data'
import { mattersFor, writeMatterPhotos } from './matter-data'
import { topicsFor } from './deliberation-data'
import { activitiesFor, recordOf, rollOf } from './volunteer-data'

type Doc = Record<string, unknown>

export interface Dataset {
  wishes: number
  /** errands, all in community c1 (half as many as wishes) */
  errands: number
  /** matters, all in community c1 (as many as wishes) */
  matters: number
  residents: number
  /** verified residents of community c1 (the demo personas' community), for load clients */
  c1Residents: string[]
  /** documents per collection */
  counts: Record<string, number>
}

// cumulative shares: pending 4%, open 12%, claimed 8%, fulfilled 4%, done 58%, rejected 4%,
// cancelled 10%
const STATUS_SHARES: [string, number][] = [
  ['pending', 0.04],
  ['open', 0.12],
  ['claimed', 0.08],
  ['fulfilled', 0.04],
  ['done', 0.58],
  ['rejected', 0.04],
  ['cancelled', 0.1],
]
export const ACTIVE = new Set(['pending', 'open', 'claimed', 'fulfilled'])
const CATEGORIES = ['daily', 'study', 'health', 'companionship', 'other']
const COMMUNITIES = ['c1', 'c2', 'c3', 'c4']
const COMMUNITY_NAMES: Record<string, string> = {
  c1: '幸福里社区',
  c2: '和平社区',
  c3: '光明社区',
  c4: '东风社区',
}
const GRIDS_PER_COMMUNITY = 6
const DAY = 86_400_000

// Deterministic pseudo-random numbers (mulberry32), so that runs compare.
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Residents for a dataset of `wishes` wishes: about one per 4 wishes, at least 3,000. */
export const residentsFor = (wishes: number) =>
  Math.min(30_000, Math.max(3000, Math.round(wishes / 4)))

export interface Gen {
  rnd: () => number
  pick: <T>(list: T[]) => T
  at: (daysAgo: number) => Date
}

// The demo grids stay (g1, g2 in c1; g3 in c2); the rest are generated.
function places(demo: Record<string, Doc[]>): { communities: Doc[]; grids: Doc[] } {
  const grids: Doc[] = [...demo.grids]
  for (const c of COMMUNITIES) {
    const have = grids.filter((g) => g.communityId === c).length
    for (let n = have + 1; n <= GRIDS_PER_COMMUNITY; n++) {
      const id = `${c}-g${n}`
      grids.push({
        _id: id,
        name: `第${n}网格`,
        communityId: c,
        communityName: COMMUNITY_NAMES[c],
        buildings: Array.from({ length: 6 }, (_, b) => ({
          id: `${id}-b${b + 1}`,
          name: `${b + 1}号楼`,
        })),
      })
    }
  }
  const communities: Doc[] = COMMUNITIES.map((c) => ({
    _id: c,
    name: COMMUNITY_NAMES[c],
    streetId: 's1',
    streetName: '红旗街道',
  }))
  return { communities, grids }
}

export function resident(g: Gen, i: number, grid: Doc): Doc {
  const building = g.pick(grid.buildings as { id: string; name: string }[])
  const openid = `r-${String(i).padStart(6, '0')}`
  const pending = g.rnd() < 0.06
  const volunteer = !pending && g.rnd() < 0.05
  const boundAt = g.at(g.rnd() * 700)
  return {
    _id: openid,
    openid,
    nickname: `邻居${i}`,
    realName: `居民${i}`,
    phone: `139${String(i).padStart(8, '0')}`,
    roles: volunteer
      ? ['resident', 'volunteer', ...(g.rnd() < 0.5 ? ['redAgent'] : [])]
      : ['resident'],
    bindStatus: pending ? 'pending' : 'verified',
    gridId: grid._id,
    gridName: grid.name,
    communityId: grid.communityId,
    communityName: grid.communityName,
    buildingId: building.id,
    buildingName: building.name,
    room: String(100 * (1 + Math.floor(g.rnd() * 18)) + 1 + Math.floor(g.rnd() * 4)),
    workerGridIds: [],
    elderMode: g.rnd() < 0.15,
    boundAt,
    verifiedAt: pending ? null : boundAt,
    verifiedBy: pending ? null : 'demo-gridworker-1',
    createdAt: boundAt,
    updatedAt: boundAt,
    ...(volunteer
      ? { volunteer: { status: 'approved', partyMember: g.rnd() < 0.5, skills: ['跑腿'] } }
      : {}),
  }
}

export function drawStatus(g: Gen): string {
  let r = g.rnd()
  for (const [s, share] of STATUS_SHARES) if ((r -= share) < 0) return s
  return 'cancelled'
}

export function wish(
  g: Gen,
  i: number,
  author: Doc,
  status: string,
  slot: string,
  claimer?: Doc
): Doc {
  const id = `w-${String(i).padStart(7, '0')}`
  // spread over two years; active ones are recent
  const created = g.at(ACTIVE.has(status) ? g.rnd() * 30 : 30 + g.rnd() * 700)
  const later = (d: number) => new Date(created.getTime() + d * DAY)
  const has = (...s: string[]) => s.includes(status)
  const when = <T>(cond: boolean, value: T): T | null => (cond ? value : null)
  return {
    _id: id,
    title: `心愿 ${i}`,
    content: '想请志愿者帮忙修一下楼道的灯，晚上回家太黑了。',
    category: g.pick(CATEGORIES),
    status,
    gridId: author.gridId,
    gridName: author.gridName,
    communityId: author.communityId,
    slot: slot || id,
    authorOpenid: author._id,
    authorNickname: author.nickname,
    authorName: author.realName,
    authorPhone: author.phone,
    authorBuildingName: author.buildingName,
    authorRoom: author.room,
    filedBy: when(g.rnd() < 0.05, 'demo-gridworker-1'),
    claimerOpenid: when(!!claimer, claimer?._id),
    claimerNickname: when(!!claimer, claimer?.nickname),
    claimerName: when(!!claimer, claimer?.realName),
    claimerPhone: when(!!claimer, claimer?.phone),
    reviewedBy: when(!has('pending'), 'demo-gridworker-1'),
    rejectReason: when(has('rejected'), '不属于心愿范围'),
    releaseReason: null,
    fulfillNote: when(has('fulfilled', 'done'), '已完成'),
    rating: when(has('done'), 4 + Math.round(g.rnd())),
    thanks: when(has('done'), '谢谢你们！'),
    autoConfirmed: false,
    createdAt: created,
    reviewedAt: when(!has('pending'), later(0.2)),
    claimedAt: when(!!claimer, later(1)),
    fulfilledAt: when(has('fulfilled', 'done'), later(3)),
    doneAt: when(has('done'), later(4)),
    cancelledAt: when(has('cancelled'), later(2)),
    updatedAt: later(4),
    timeline: [{ at: created, type: 'created', text: '发布了心愿' }],
  }
}

function volunteersByCommunity(users: Doc[]): Map<unknown, Doc[]> {
  const by = new Map<unknown, Doc[]>()
  for (const u of users) {
    if ((u.volunteer as { status?: string } | undefined)?.status !== 'approved') continue
    const list = by.get(u.communityId) ?? []
    list.push(u)
    by.set(u.communityId, list)
  }
  return by
}

export function generate(
  wishCount: number,
  now = Date.now()
): { data: Record<string, Doc[]>; meta: Dataset } {
  const rnd = random(20260601 + wishCount)
  const g: Gen = {
    rnd,
    pick: (list) => list[Math.floor(rnd() * list.length)],
    at: (daysAgo) => new Date(now - daysAgo * DAY),
  }
  const demo = demoData(new Date(now))
  const { communities, grids } = places(demo)

  const users: Doc[] = [...demo.users]
  const residentCount = residentsFor(wishCount)
  for (let i = 0; i < residentCount; i++) users.push(resident(g, i, g.pick(grids)))
  const verified = users.filter((u) => u.bindStatus === 'verified')
  const volunteersBy = volunteersByCommunity(verified)

  // A quarter of the residents (the demo ones among them) write 3/4 of the wishes.
  const prolific = verified.slice(0, Math.ceil(verified.length / 4))
  const active = new Map<unknown, number>()
  const wishes: Doc[] = []
  for (let i = 0; i < wishCount; i++) {
    const author = rnd() < 0.75 ? g.pick(prolific) : g.pick(verified)
    let status = drawStatus(g)
    // each author holds at most 3 active wishes (slots <openid>#0..2); beyond, it is done
    const holds = active.get(author._id) ?? 0
    if (ACTIVE.has(status) && holds >= 3) status = 'done'
    const slot = ACTIVE.has(status) ? `${author._id}#${holds}` : ''
    if (slot) active.set(author._id, holds + 1)
    const pool = (volunteersBy.get(author.communityId) ?? []).filter((v) => v !== author)
    const claims = ['claimed', 'fulfilled', 'done'].includes(status) && pool.length > 0
    wishes.push(wish(g, i, author, status, slot, claims ? g.pick(pool) : undefined))
  }
  wishes.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime())

  // Errands: a running service in c1, the personas' community (their pool and staff views).
  const c1 = verified.filter((u) => u.communityId === 'c1')
  const agents = c1.filter((u) => (u.roles as string[]).includes('redAgent'))
  const errandCount = Math.round(wishCount / 2)
  const errands = errandsFor(g, errandCount, c1, agents, now) as unknown as Doc[]
  errands.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime())

  // Matters: c1's residents report as many as there are wishes (the board, queues, mine).
  const matters = mattersFor(g, wishCount, c1, now) as unknown as Doc[]
  matters.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime())

  // Volunteers: c1's activities, demo-volunteer-1's long record (2,000 entries), and the honor
  // roll's volunteers (a tenth as many as wishes: 10,000 at 100k).
  const record = recordOf(g, 'demo-volunteer-1', 2000, now)
  const roll = rollOf(g, Math.round(wishCount / 10), now)
  const volunteer = {
    volunteerActivities: activitiesFor(g, Math.max(50, Math.round(wishCount / 20)), now),
    volunteerLedger: record.entries,
    volunteerTotals: [record.totals, ...roll.totals],
    volunteerYears: [...record.years, ...roll.years],
  } as unknown as Record<string, Doc[]>

  // Deliberation: a history of topics in c1 with small ballot boxes (see deliberation-data.ts).
  const delib = topicsFor(g, Math.max(50, Math.round(wishCount / 100)), now)
  const deliberation = {
    deliberations: delib.topics,
    deliberationVotes: delib.votes,
    deliberationBallots: delib.bins,
  } as unknown as Record<string, Doc[]>

  const base = {
    communities,
    grids,
    users,
    wishes,
    errands,
    matters,
    ...volunteer,
    ...deliberation,
  }
  // The kept counters, as the demo seed writes them (the app reads counts from these).
  const data = { ...base, audit: [], counters: countersFor(base) as unknown as Doc[] }
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]))
  const c1Residents = verified.filter((u) => u.communityId === 'c1').map((u) => u._id as string)
  const meta = {
    wishes: wishCount,
    errands: errandCount,
    matters: wishCount,
    residents: residentCount,
    c1Residents,
    counts,
  }
  return { data, meta }
}

// nedb's own serialisation: Dates as {"$$date": ms}, one document per line.
function line(doc: Doc): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key, value) {
    const raw = this[key]
    return raw instanceof Date ? { $$date: raw.getTime() } : value
  })
}

/** Writes the dataset as the emulator's data folder (which must be new or empty). */
export function writeDataDir(dir: string, data: Record<string, Doc[]>): void {
  fs.mkdirSync(dir, { recursive: true })
  for (const [name, docs] of Object.entries(data)) {
    const fd = fs.openSync(path.join(dir, `${name}.db`), 'w')
    const CHUNK = 2000
    for (let i = 0; i < docs.length; i += CHUNK) {
      fs.writeSync(
        fd,
        docs
          .slice(i, i + CHUNK)
          .map(line)
          .join('\n') + '\n'
      )
    }
    fs.closeSync(fd)
  }
  if (data.matters) writeMatterPhotos(dir, data.matters)
}
