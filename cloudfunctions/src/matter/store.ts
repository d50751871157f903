import {
  MAX_REPORTS_PER_DAY,
  OPEN_MATTER_STATUSES,
  type MatterCategory,
  type MatterLevel,
  type MatterStatus,
  type MatterTimelineEntry,
} from '@/contract/matter'
import { randomBytes } from 'node:crypto'
import { db, deleteFiles, type Doc } from '../lib/cloud'
import { count, moveCounted } from '../lib/counting'
import { insertUnderLimit, type Step } from '../lib/store'
import type { Actor } from '../lib/actor'
import type { Join } from '../lib/load'
import { placeNamesOf, type ResidentSnapshot } from '../lib/places'
import type { PersonalDataEntry } from '../lib/personal-data'
import { shanghaiDate } from '../lib/time'
import { matterCounted } from './counters'
import { queueKey } from './policy'
import { matterExport, matterLine } from './view'
import type { TopicDoc } from '../deliberation/store'

// The `matters` collection: one document per matter with a snapshot of the reporter taken when
// they reported, the residents who seconded it, and an embedded timeline whose entries say who
// acted as the public sees them. A unique key (`hold`) holds the daily report limit.

export type MatterStep = Step<MatterTimelineEntry['type']> & {
  /** Who acted, as the public sees them ('网格员 小李', '社区两委', '居民', '系统'). */
  by: string
}

export interface MatterDoc {
  _id: string
  category: MatterCategory
  content: string
  /** Cloud file IDs of the reporter's own uploads (emptied when the photos are deleted). */
  photos: string[]
  place: string | null
  status: MatterStatus
  level: MatterLevel
  overdue: boolean
  gridId: string
  gridName: string
  communityId: string
  reporterOpenid: string
  reporterNickname: string
  reporterName: string
  reporterPhone: string | null
  reporterBuildingName: string
  reporterRoom: string | null
  seconds: number
  /** Who said 我也遇到 (never shown: `mySecond` and the unique second come from it). */
  seconders: string[]
  handlerOpenid: string | null
  /** The handler as the public sees them ('网格员 小李', '社区两委'). */
  handler: string | null
  escalateReason: string | null
  resolution: string | null
  rating: number | null
  comment: string | null
  reopenReason: string | null
  deliberationId: string | null
  /**
   * Unique. The report's place among its reporter's reports of the day, `<openid>#<date>#<n>`
   * (n < MAX_REPORTS_PER_DAY): kept for good, so the limit holds however many race.
   */
  hold: string
  /** Since when it waits at its level: reported, reopened, escalated, or accepted. */
  waitingSince: Date
  /** The staff queue it is in while reported or handling (`g:<grid>`, `c:<community>`), else ''. */
  queue: string
  /** The queue's order: `waitingSince`, moved far back when overdue (overdue first); null off it. */
  queueAt: Date | null
  /** On the public board (not withdrawn). */
  board: boolean
  /** The reporter while it is theirs to follow (open or waiting for their rating), for counts. */
  live: string[]
  /** Its community while in deliberation, else '': read with the committee for its counts. */
  deliberatingIn: string
  purged: boolean
  createdAt: Date
  acceptedAt: Date | null
  resolvedAt: Date | null
  endedAt: Date | null
  updatedAt: Date
  timeline: MatterStep[]
}

export const matters = () => db().collection<MatterDoc>('matters')

const OVERDUE_FIRST_MS = 50 * 365 * 24 * 3600_000

/**
 * The fields derived from the state, written with every change so that each list and count
 * reads one index: the queue and its order, the board, and who follows it.
 */
export function derived(m: MatterDoc): Partial<MatterDoc> {
  const queue = queueKey(m)
  const since = new Date(m.waitingSince).getTime()
  // In deliberation it is no longer overdue (see matterCounters), whatever the flag kept.
  const overdue = m.overdue && m.status !== 'deliberating'
  return {
    queue,
    queueAt: queue ? new Date(overdue ? since - OVERDUE_FIRST_MS : since) : null,
    board: m.status !== 'withdrawn',
    live:
      OPEN_MATTER_STATUSES.includes(m.status) || m.status === 'resolved' ? [m.reporterOpenid] : [],
    deliberatingIn: m.status === 'deliberating' ? m.communityId : '',
  }
}

const exported = (owner: Actor, doc: Doc) => matterExport(owner, doc as unknown as MatterDoc)
const line = (owner: Actor, doc: Doc) => matterLine(owner, doc as unknown as MatterDoc)

/**
 * A deleted reporter's photos leave cloud storage before their records are anonymised (which
 * empties `photos`), and their seconds leave the matters they seconded.
 */
async function eraseMatterFiles(openid: string, deletedAt: Date): Promise<void> {
  const _ = db().command
  // A resident reports at most MAX_REPORTS_PER_DAY a day: one read holds years of them.
  const { data } = await matters()
    .where({ reporterOpenid: openid })
    .field({ photos: true, createdAt: true })
    .limit(1000)
    .get()
  const files = data
    .filter((m) => new Date(m.createdAt).getTime() <= deletedAt.getTime())
    .flatMap((m) => m.photos ?? [])
  if (files.length) await deleteFiles(files)
  await matters()
    .where({ seconders: openid })
    .update({ data: { seconders: _.pull(openid) } })
}

/** Where a matter holds a person's data: exported as their views show it, anonymised on deletion. */
export const MATTER_PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: 'matters',
    ownerField: 'reporterOpenid',
    exported,
    summary: { title: '我反映的居民说事', line },
    anonymize: {
      reporterName: '已注销用户',
      reporterNickname: '已注销用户',
      reporterPhone: null,
      reporterRoom: null,
      reporterBuildingName: '',
      photos: [],
    },
    erase: eraseMatterFiles,
  },
]

/** The report keys of a resident for one Asia/Shanghai day (at most MAX_REPORTS_PER_DAY). */
export const holdsOf = (openid: string, day: string): string[] =>
  Array.from({ length: MAX_REPORTS_PER_DAY }, (_x, n) => `${openid}#${day}#${n}`)

/** Reads the reporter's reports of today by their keys with the caller (see lib/load). */
export const heldToday = (openid: string, at: Date = new Date()): Join => ({
  as: 'held',
  from: 'matters',
  field: 'hold',
  equals: holdsOf(openid, shanghaiDate(at)),
})

/** The join that reads the target matter with the caller (see lib/load). */
export const matterById = (id: string): Join => ({
  as: 'matter',
  from: 'matters',
  field: '_id',
  equals: id,
})

/**
 * The deliberation topics the target matter became (every round, by their `matterId`), read with
 * it: what its view shows of the vote, its outcome and the committee's updates.
 */
export const roundsOfMatter: Join = {
  as: 'rounds',
  from: 'deliberations',
  field: 'matterId',
  targetField: '_id',
}

/** The rounds `roundsOfMatter` read with the matter. */
export const joinedRounds = (joined: Record<string, Doc[]>): TopicDoc[] =>
  (joined.rounds ?? []) as unknown as TopicDoc[]

/** The matter `matterById` read with the caller, or null. */
export const joinedMatter = (joined: Record<string, Doc[]>): MatterDoc | null =>
  (joined.matter?.[0] as unknown as MatterDoc | undefined) ?? null

/**
 * Moves `m` from `from` with one conditional write (see lib/store `transition`), with the derived
 * fields, and keeps the counters. The matter as it is now, or null if a concurrent change won.
 */
export async function move(
  m: MatterDoc,
  from: MatterStatus,
  guard: Partial<MatterDoc>,
  changes: Partial<MatterDoc>,
  step: MatterStep
): Promise<MatterDoc | null> {
  const all = { ...changes, ...derived({ ...m, ...changes }) }
  return moveCounted<MatterDoc>(matterCounted, m, from, guard, all, step)
}

export const step = (type: MatterStep['type'], text: string, by: string, at = new Date()) => ({
  at,
  type,
  text,
  by,
})

// Reporting a matter.

export interface MatterDraft {
  category: MatterCategory
  content: string
  photos: string[]
  place: string | null
}

/** An id for a new matter: the request's (so a second delivery fails on `_id`) or a fresh one. */
export const newMatterId = (fromRequest: string | undefined): string =>
  fromRequest ?? randomBytes(16).toString('hex')

/**
 * Inserts a new reported matter into the first of `holds` the insert can take (see
 * lib/store `insertUnderLimit`). The stored matter, `'limit'` when every key of the day is taken,
 * `'duplicate'` when this request already created it.
 */
export async function insertMatter(
  reporter: ResidentSnapshot,
  draft: MatterDraft,
  holds: string[],
  first: MatterStep,
  id: string
): Promise<MatterDoc | 'limit' | 'duplicate'> {
  const names = await placeNamesOf(reporter)
  const base = draftMatter(reporter, names, draft, first, id)
  return insertUnderLimit(holds, async (hold) => {
    const doc: MatterDoc = { ...base, hold }
    await matters().add({ data: { ...doc } })
    await count(matterCounted, null, doc)
    return doc
  })
}

export function draftMatter(
  r: ResidentSnapshot,
  names: { gridName: string; buildingName: string },
  d: MatterDraft,
  first: MatterStep,
  id: string
): MatterDoc {
  const doc: MatterDoc = {
    _id: id,
    category: d.category,
    content: d.content,
    photos: d.photos,
    place: d.place,
    status: 'reported',
    level: 'grid',
    overdue: false,
    gridId: r.gridId ?? '',
    gridName: names.gridName,
    communityId: r.communityId ?? '',
    reporterOpenid: r._id,
    reporterNickname: r.nickname ?? '',
    reporterName: r.realName ?? '',
    reporterPhone: r.phone || null,
    reporterBuildingName: names.buildingName,
    reporterRoom: r.room || null,
    seconds: 0,
    seconders: [],
    handlerOpenid: null,
    handler: null,
    escalateReason: null,
    resolution: null,
    rating: null,
    comment: null,
    reopenReason: null,
    deliberationId: null,
    hold: id,
    waitingSince: first.at,
    queue: '',
    queueAt: null,
    board: true,
    live: [],
    deliberatingIn: '',
    purged: false,
    createdAt: first.at,
    acceptedAt: null,
    resolvedAt: null,
    endedAt: null,
    updatedAt: first.at,
    timeline: [first],
  }
  return { ...doc, ...derived(doc) }
}
