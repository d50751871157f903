import {
  ERRAND_SLOT_ENDS,
  HELP_EXPIRE_HOURS,
  MAX_ACCEPTED_PER_SLOT,
  MAX_OPEN_ERRANDS,
  OPEN_ERRAND_STATUSES,
  type ErrandLevel,
  type ErrandSlot,
  type ErrandStatus,
  type ErrandTimelineEntry,
  type ErrandType,
} from '@/contract/errand'
import { randomBytes } from 'node:crypto'
import { db, type Doc } from '../lib/cloud'
import { count, moveCounted } from '../lib/counting'
import { isDuplicateKey, ownerStep, type Step } from '../lib/store'
import type { Actor, UserDoc } from '../lib/actor'
import type { Join } from '../lib/load'
import { grids } from '../lib/places'
import type { PersonalDataEntry } from '../lib/personal-data'
import { errandCounted } from './counters'
import { actsForBooker, poolKey } from './policy'
import { errandExport, errandLine } from './view'

// The `errands` collection: one document per errand with a snapshot of the booker (and the
// agent) taken when they acted, so views need no extra reads, and an embedded timeline. Three
// unique keys hold the limits by how the data is written (see `hold` and `seat`).

export type TimelineDoc = Step<ErrandTimelineEntry['type']>

export interface ErrandDoc {
  _id: string
  type: ErrandType
  /** null once purged. */
  detail: string | null
  status: ErrandStatus
  level: ErrandLevel
  urgent: boolean
  overdue: boolean
  /** 'YYYY-MM-DD', Asia/Shanghai. */
  date: string
  slot: ErrandSlot
  gridId: string
  gridName: string
  communityId: string
  /** When it expires unaccepted: the end of its date + slot (a help errand: HELP_EXPIRE_HOURS). */
  expiresAt: Date
  /**
   * Unique. The booker's place among their open errands, `<openid>#<n>` (n < MAX_OPEN_ERRANDS),
   * while requested or accepted, the errand's own id once it leaves them; a help errand holds
   * `help#<openid>#<10-minute bucket>` for good (one per 10 minutes, not among the open ones).
   */
  hold: string
  /** Unique. `<agent>#<date>#<slot>#<n>` (n < MAX_ACCEPTED_PER_SLOT) while accepted, else its id. */
  seat: string
  /** The pool it waits in while requested (`g:<grid>` or `c:<community>`), else ''. */
  pool: string
  /** Its grid while a help errand waits at level grid (counted per agent), else ''. */
  helpPool: string
  /** Who has it under way: the booker until it ends, the agent while accepted. */
  live: string[]
  bookerOpenid: string
  bookerNickname: string
  bookerName: string
  bookerPhone: string | null
  bookerBuildingName: string
  bookerRoom: string | null
  /** Another phone for this errand (a daughter's); null when none or purged. */
  contactPhone: string | null
  filedBy: string | null
  agentOpenid: string | null
  agentNickname: string | null
  agentName: string | null
  agentPhone: string | null
  releaseReason: string | null
  completeNote: string | null
  rating: number | null
  comment: string | null
  cancelReason: string | null
  purged: boolean
  createdAt: Date
  acceptedAt: Date | null
  completedAt: Date | null
  endedAt: Date | null
  updatedAt: Date
  timeline: TimelineDoc[]
}

export const errands = () => db().collection<ErrandDoc>('errands')

const exported = (owner: Actor, doc: Doc) => errandExport(owner, doc as unknown as ErrandDoc)
const line = (owner: Actor, doc: Doc) => errandLine(owner, doc as unknown as ErrandDoc)

/** Where an errand holds a person's data: exported as their views show it, anonymised on deletion. */
export const ERRAND_PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: 'errands',
    ownerField: 'bookerOpenid',
    exported,
    summary: { title: '我预约的红色代办', line },
    anonymize: {
      bookerName: '已注销用户',
      bookerNickname: '已注销用户',
      bookerPhone: null,
      bookerRoom: null,
      bookerBuildingName: '',
      contactPhone: null,
      detail: null,
    },
  },
  {
    collection: 'errands',
    ownerField: 'agentOpenid',
    exported,
    summary: { title: '我接的红色代办', line },
    anonymize: { agentName: '已注销用户', agentNickname: '已注销用户', agentPhone: null },
  },
]

/** The open-errand keys of a booker (at most MAX_OPEN_ERRANDS). */
export const holdsOf = (openid: string): string[] =>
  Array.from({ length: MAX_OPEN_ERRANDS }, (_x, n) => `${openid}#${n}`)

/** The capacity keys of an agent for one date + slot (at most MAX_ACCEPTED_PER_SLOT). */
export const seatsOf = (openid: string, date: string, slot: ErrandSlot): string[] =>
  Array.from({ length: MAX_ACCEPTED_PER_SLOT }, (_x, n) => `${openid}#${date}#${slot}#${n}`)

/**
 * The fields derived from the state, written with every change so that each list and count
 * reads one index: the pool, the help pool, who has it under way, and the keys it gives back.
 */
export function derived(e: ErrandDoc): Partial<ErrandDoc> {
  const requested = e.status === 'requested'
  const bookerLive = requested || e.status === 'accepted' || e.status === 'completed'
  const out: Partial<ErrandDoc> = {
    pool: requested ? poolKey(e) : '',
    helpPool: requested && e.type === 'help' && e.level === 'grid' ? e.gridId : '',
    live: [
      ...(bookerLive ? [e.bookerOpenid] : []),
      ...(e.status === 'accepted' && e.agentOpenid ? [e.agentOpenid] : []),
    ],
  }
  if (e.type !== 'help' && !OPEN_ERRAND_STATUSES.includes(e.status)) out.hold = e._id
  if (e.status !== 'accepted') out.seat = e._id
  return out
}

/** The join that reads the target errand with the caller (see lib/load). */
export const errandById = (id: string): Join => ({
  as: 'errand',
  from: 'errands',
  field: '_id',
  equals: id,
})

/** The errands someone has under way (booked and not ended, or accepted), read with the caller. */
export const liveOf = (openid: string, as = 'live'): Join => ({
  as,
  from: 'errands',
  field: 'live',
  equals: openid,
})

/** Reads the booker's open errands by their keys with the caller (see lib/load). */
export const heldOf = (openid: string): Join => ({
  as: 'held',
  from: 'errands',
  field: 'hold',
  equals: holdsOf(openid),
})

/** The booker's keys no open errand holds (a racing booking may still take one: the insert tells). */
export function freeHolds(openid: string, joined: Record<string, Doc[]>): string[] {
  const taken = new Set(joinedList(joined, 'held').map((e) => e.hold))
  return holdsOf(openid).filter((h) => !taken.has(h))
}

/** The errand `errandById` read with the caller, or null. */
export const joinedErrand = (joined: Record<string, Doc[]>): ErrandDoc | null =>
  (joined.errand?.[0] as unknown as ErrandDoc | undefined) ?? null

export const joinedList = (joined: Record<string, Doc[]>, as: string): ErrandDoc[] =>
  (joined[as] ?? []) as unknown as ErrandDoc[]

/**
 * Moves `e` from `from` with one conditional write (see lib/store `transition`), with the derived
 * fields, and keeps the counters. The errand as it is now, or null if a concurrent change won.
 */
export async function move(
  e: ErrandDoc,
  from: ErrandStatus,
  guard: Partial<Pick<ErrandDoc, 'bookerOpenid' | 'agentOpenid' | 'filedBy'>>,
  changes: Partial<ErrandDoc>,
  step: TimelineDoc
): Promise<ErrandDoc | null> {
  const all = { ...changes, ...derived({ ...e, ...changes }) }
  return moveCounted<ErrandDoc>(errandCounted, e, from, guard, all, step)
}

/**
 * A step the booker takes, or the staff member who filed it takes on their behalf: the timeline
 * entry, the guard for the conditional write, and what the audit entry adds (`onBehalfOf`).
 */
export function bookerStep(
  actor: Actor,
  e: ErrandDoc,
  type: TimelineDoc['type'],
  text: { booker: string; filer: string }
): {
  step: TimelineDoc
  guard: Partial<Pick<ErrandDoc, 'bookerOpenid' | 'filedBy'>>
  detail: { onBehalfOf?: string }
} {
  const owner = { field: 'bookerOpenid' as const, openid: e.bookerOpenid }
  const words = { owner: text.booker, filer: text.filer }
  return ownerStep(actor.openid, owner, actsForBooker(actor, e), type, words)
}

// Creating an errand.

export type Booker = Pick<
  UserDoc,
  | '_id'
  | 'nickname'
  | 'realName'
  | 'phone'
  | 'gridId'
  | 'gridName'
  | 'communityId'
  | 'buildingId'
  | 'buildingName'
  | 'room'
>

export interface Draft {
  type: ErrandType
  detail: string
  date: string
  slot: ErrandSlot
  phone?: string
  urgent: boolean
  expiresAt: Date
  filedBy: string | null
}

const SHANGHAI = '+08:00'

/** The end of a date's slot, as an instant. */
export const slotEnd = (date: string, slot: ErrandSlot): Date =>
  new Date(`${date}T${ERRAND_SLOT_ENDS[slot]}:00${SHANGHAI}`)

export const helpExpiry = (at: Date): Date => new Date(at.getTime() + HELP_EXPIRE_HOURS * 3600_000)

/** An id for a new errand: the request's (so a second delivery fails on `_id`) or a fresh one. */
export const newErrandId = (fromRequest: string | undefined): string =>
  fromRequest ?? randomBytes(16).toString('hex')

/**
 * Inserts a new requested errand into the first of `holds` the insert can take: another booking
 * racing for the same key fails on the unique index and the next is tried, so the limit holds
 * however many race. The stored errand, `'limit'` when every key is taken, `'duplicate'` when
 * this request already created it.
 */
export async function insertErrand(
  booker: Booker,
  draft: Draft,
  holds: string[],
  step: TimelineDoc,
  id: string
): Promise<ErrandDoc | 'limit' | 'duplicate'> {
  const names = await placeOf(booker)
  const base = draftErrand(booker, names, draft, step, id)
  for (const hold of holds) {
    const doc: ErrandDoc = { ...base, hold }
    try {
      await errands().add({ data: { ...doc } })
      await count(errandCounted, null, doc)
      return doc
    } catch (err) {
      if (isDuplicateKey(err, '_id_')) return 'duplicate'
      if (!isDuplicateKey(err)) throw err
    }
  }
  return 'limit'
}

/** The names of the booker's grid and building, from their profile (a lookup only for an old one). */
async function placeOf(b: Booker): Promise<{ gridName: string; buildingName: string }> {
  if (b.gridName && b.buildingName) return { gridName: b.gridName, buildingName: b.buildingName }
  const { data } = await grids()
    .where({ _id: b.gridId ?? '' })
    .limit(1)
    .get()
  return {
    gridName: b.gridName || data[0]?.name || '',
    buildingName:
      b.buildingName || data[0]?.buildings.find((x) => x.id === b.buildingId)?.name || '',
  }
}

function draftErrand(
  b: Booker,
  names: { gridName: string; buildingName: string },
  d: Draft,
  step: TimelineDoc,
  id: string
): ErrandDoc {
  const doc: ErrandDoc = {
    _id: id,
    type: d.type,
    detail: d.detail,
    status: 'requested',
    level: 'grid',
    urgent: d.urgent,
    overdue: false,
    date: d.date,
    slot: d.slot,
    gridId: b.gridId ?? '',
    gridName: names.gridName,
    communityId: b.communityId ?? '',
    expiresAt: d.expiresAt,
    hold: id,
    seat: id,
    pool: '',
    helpPool: '',
    live: [],
    bookerOpenid: b._id,
    bookerNickname: b.nickname ?? '',
    bookerName: b.realName ?? '',
    bookerPhone: b.phone || null,
    bookerBuildingName: names.buildingName,
    bookerRoom: b.room || null,
    contactPhone: d.phone || null,
    filedBy: d.filedBy,
    agentOpenid: null,
    agentNickname: null,
    agentName: null,
    agentPhone: null,
    releaseReason: null,
    completeNote: null,
    rating: null,
    comment: null,
    cancelReason: null,
    purged: false,
    createdAt: step.at,
    acceptedAt: null,
    completedAt: null,
    endedAt: null,
    updatedAt: step.at,
    timeline: [step],
  }
  return { ...doc, ...derived(doc), hold: doc.hold }
}
