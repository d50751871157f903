// Errands for the bench's datasets: a running service in community c1 (the personas' community)
// and, for the timer's cost, batches of errands due on one path each. Keys and derived fields
// come from the errand store itself, so the limits hold as a booking would hold them.
import {
  ERRAND_AUTO_CLOSE_DAYS,
  ERRAND_OVERDUE_HOURS,
  ERRAND_PURGE_DAYS,
  ERRAND_SLOTS,
  ERRAND_TYPES,
  ESCALATE_TO_COMMUNITY_HOURS,
  type ErrandLevel,
  type ErrandSlot,
  type ErrandStatus,
} from '../src/contract/errand'
import { derived, slotEnd, type ErrandDoc } from '../cloudfunctions/src/errand/store'
import { shanghaiDate } from '../cloudfunctions/src/lib/time'

type Doc = Record<string, unknown>
const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface ErrandGen {
  rnd: () => number
  pick: <T>(list: T[]) => T
}

// cumulative shares of a running service: most closed, a few waiting, under way, to sign off
const SHARES: [ErrandStatus, number][] = [
  ['requested', 0.02],
  ['accepted', 0.02],
  ['completed', 0.02],
  ['closed', 0.74],
  ['cancelled', 0.12],
  ['expired', 0.08],
]

function draw(g: ErrandGen): ErrandStatus {
  let r = g.rnd()
  for (const [s, share] of SHARES) if ((r -= share) < 0) return s
  return 'closed'
}

const dayOf = (now: number, offset: number) => shanghaiDate(new Date(now + offset * DAY))

interface Shape {
  status: ErrandStatus
  level: ErrandLevel
  createdAt: number
  date: string
  slot: ErrandSlot
  acceptedAt: number | null
  completedAt: number | null
  endedAt: number | null
  overdue?: boolean
  purged?: boolean
}

/** One errand document of `shape`, booked by `booker`, run by `agent` (if it got that far). */
export function errandDoc(
  id: string,
  booker: Doc,
  shape: Shape,
  agent: Doc | null,
  hold: string,
  seat: string,
  type: string = ERRAND_TYPES[0]
): ErrandDoc {
  const at = (t: number | null) => (t === null ? null : new Date(t))
  const purged = !!shape.purged
  const doc: ErrandDoc = {
    _id: id,
    type: type as ErrandDoc['type'],
    detail: purged ? null : '帮忙到社区药房买一盒降压药，处方放在门口信箱里。',
    status: shape.status,
    level: shape.level,
    urgent: false,
    overdue: !!shape.overdue,
    date: shape.date,
    slot: shape.slot,
    gridId: booker.gridId as string,
    gridName: booker.gridName as string,
    communityId: booker.communityId as string,
    expiresAt: slotEnd(shape.date, shape.slot),
    hold,
    seat,
    pool: '',
    helpPool: '',
    live: [],
    bookerOpenid: booker._id as string,
    bookerNickname: booker.nickname as string,
    bookerName: booker.realName as string,
    bookerPhone: purged ? null : (booker.phone as string),
    bookerBuildingName: booker.buildingName as string,
    bookerRoom: purged ? null : (booker.room as string),
    contactPhone: null,
    filedBy: null,
    agentOpenid: (agent?._id as string) ?? null,
    agentNickname: (agent?.nickname as string) ?? null,
    agentName: (agent?.realName as string) ?? null,
    agentPhone: (agent?.phone as string) ?? null,
    releaseReason: null,
    completeNote: shape.completedAt ? '已办好' : null,
    rating: shape.status === 'closed' ? 5 : null,
    comment: shape.status === 'closed' ? '谢谢！' : null,
    cancelReason: shape.status === 'cancelled' ? '家人帮忙办了' : null,
    purged,
    createdAt: new Date(shape.createdAt),
    acceptedAt: at(shape.acceptedAt),
    completedAt: at(shape.completedAt),
    endedAt: at(shape.endedAt),
    updatedAt: new Date(shape.endedAt ?? shape.completedAt ?? shape.acceptedAt ?? shape.createdAt),
    timeline: [{ at: new Date(shape.createdAt), type: 'booked', text: '居民预约了代办' }],
  }
  const { hold: _h, seat: _s, ...rest } = derived(doc)
  return { ...doc, ...rest }
}

/** A believable history for a status, relative to `now`. */
function shapeOf(g: ErrandGen, status: ErrandStatus, now: number): Shape {
  const slot = g.pick([...ERRAND_SLOTS])
  if (status === 'requested') {
    const r = g.rnd()
    const level: ErrandLevel = r < 0.7 ? 'grid' : r < 0.95 ? 'community' : 'committee'
    const age = level === 'grid' ? g.rnd() * 3 : level === 'community' ? 5 + g.rnd() * 15 : 25
    const date = dayOf(now, 2 + Math.floor(g.rnd() * 10))
    const base = { acceptedAt: null, completedAt: null, endedAt: null }
    return { status, level, createdAt: now - age * HOUR, date, slot, ...base }
  }
  if (status === 'accepted' || status === 'completed') {
    const acceptedAt = now - g.rnd() * 40 * HOUR
    const completedAt = status === 'completed' ? acceptedAt + g.rnd() * 2 * HOUR : null
    const date = dayOf(now, Math.floor(g.rnd() * 4))
    const base = { level: 'grid' as const, endedAt: null }
    return {
      status,
      createdAt: acceptedAt - 2 * HOUR,
      date,
      slot,
      acceptedAt,
      completedAt,
      ...base,
    }
  }
  const endedAt = now - (1 + g.rnd() * 700) * DAY
  const ran = status === 'closed'
  const createdAt = endedAt - (ran ? 2 : 1) * DAY
  return {
    status,
    level: 'grid',
    createdAt,
    date: dayOf(createdAt, 1),
    slot,
    acceptedAt: ran ? createdAt + HOUR : null,
    completedAt: ran ? createdAt + 5 * HOUR : null,
    endedAt,
    purged: now - endedAt > ERRAND_PURGE_DAYS * DAY,
  }
}

/**
 * `count` errands booked by `bookers` (verified residents of one community) and run by `agents`
 * (its red agents): at most 2 open per booker, at most 2 accepted per agent and date + slot.
 */
export function errandsFor(
  g: ErrandGen,
  count: number,
  bookers: Doc[],
  agents: Doc[],
  now: number
): ErrandDoc[] {
  const open = new Map<unknown, number>()
  const seats = new Map<string, number>()
  const out: ErrandDoc[] = []
  for (let i = 0; i < count; i++) {
    const id = `e-${String(i).padStart(7, '0')}`
    const booker = g.pick(bookers)
    let status = draw(g)
    const held = open.get(booker._id) ?? 0
    const isOpen = status === 'requested' || status === 'accepted'
    if (isOpen && held >= 2) status = 'closed'
    const shape = shapeOf(g, status, now)
    const hold = isOpen && held < 2 ? `${booker._id}#${held}` : id
    if (hold !== id) open.set(booker._id, held + 1)
    const runs = ['accepted', 'completed', 'closed'].includes(status)
    let agent = runs ? g.pick(agents.filter((a) => a._id !== booker._id)) : null
    let seat = id
    if (status === 'accepted' && agent) {
      const key = `${agent._id}#${shape.date}#${shape.slot}`
      const n = seats.get(key) ?? 0
      if (n < 2) {
        seats.set(key, n + 1)
        seat = `${key}#${n}`
      } else agent = null
    }
    if (status === 'accepted' && !agent) {
      out.push(errandDoc(id, booker, shapeOf(g, 'closed', now), g.pick(agents), id, id))
      continue
    }
    out.push(errandDoc(id, booker, shape, agent, hold, seat, g.pick([...ERRAND_TYPES])))
  }
  return out
}

export const TIMER_PATHS = ['escalate', 'expire', 'overdue', 'autoClose', 'purge'] as const
export type TimerPath = (typeof TIMER_PATHS)[number]

/** `n` errands all due on one path of the errand timer at `now`. */
export function dueErrands(
  path: TimerPath,
  n: number,
  bookers: Doc[],
  agents: Doc[],
  now: number
): ErrandDoc[] {
  const out: ErrandDoc[] = []
  for (let i = 0; i < n; i++) {
    const id = `due-${path}-${String(i).padStart(5, '0')}`
    // bookers hold at most 2 open each, agents at most 2 per date + slot: an agent takes 60
    // errands (10 dates × 3 slots × 2) before the next takes over
    const booker = bookers[i % bookers.length]
    const holdN = Math.floor(i / bookers.length)
    const agent = agents[Math.floor(i / 60) % agents.length]
    const future = dayOf(now, 3 + (i % 10))
    const slot = ERRAND_SLOTS[Math.floor(i / 10) % 3]
    if (holdN > 1 || Math.floor(i / 60) >= agents.length) {
      throw new Error('dueErrands: too few bookers or agents for the limits to hold')
    }
    const ago = (h: number) => now - h * HOUR
    const shapes: Record<TimerPath, Shape> = {
      escalate: {
        status: 'requested',
        level: 'grid',
        createdAt: ago(ESCALATE_TO_COMMUNITY_HOURS + 1),
        date: future,
        slot,
        acceptedAt: null,
        completedAt: null,
        endedAt: null,
      },
      expire: {
        status: 'requested',
        level: 'community',
        createdAt: ago(72),
        date: dayOf(now, -2),
        slot,
        acceptedAt: null,
        completedAt: null,
        endedAt: null,
      },
      overdue: {
        status: 'accepted',
        level: 'grid',
        createdAt: ago(ERRAND_OVERDUE_HOURS + 3),
        date: future,
        slot,
        acceptedAt: ago(ERRAND_OVERDUE_HOURS + 1),
        completedAt: null,
        endedAt: null,
      },
      autoClose: {
        status: 'completed',
        level: 'grid',
        createdAt: ago(ERRAND_AUTO_CLOSE_DAYS * 24 + 10),
        date: dayOf(now, -ERRAND_AUTO_CLOSE_DAYS - 1),
        slot,
        acceptedAt: ago(ERRAND_AUTO_CLOSE_DAYS * 24 + 8),
        completedAt: ago(ERRAND_AUTO_CLOSE_DAYS * 24 + 1),
        endedAt: null,
      },
      purge: {
        status: 'closed',
        level: 'grid',
        createdAt: ago((ERRAND_PURGE_DAYS + 3) * 24),
        date: dayOf(now, -ERRAND_PURGE_DAYS - 2),
        slot,
        acceptedAt: ago((ERRAND_PURGE_DAYS + 2) * 24),
        completedAt: ago((ERRAND_PURGE_DAYS + 2) * 24 - 2),
        endedAt: ago((ERRAND_PURGE_DAYS + 1) * 24),
      },
    }
    const shape = shapes[path]
    const open = shape.status === 'requested' || shape.status === 'accepted'
    const runs = shape.status !== 'requested'
    const hold = open ? `${booker._id}#${holdN}` : id
    const seat =
      shape.status === 'accepted'
        ? `${agent._id}#${shape.date}#${shape.slot}#${Math.floor(i / 30) % 2}`
        : id
    out.push(errandDoc(id, booker, shape, runs ? agent : null, hold, seat))
  }
  return out
}
