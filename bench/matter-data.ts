// Matters (居民说事) for the bench's datasets: a running service in community c1 (the personas'
// community) over two years, most closed, a queue of open ones at both levels, some overdue,
// seconded, with photos; and the photos themselves in the data folder's cloud storage for the
// matters a first page can show (the recent ones and the personas' own). Keys and derived fields
// come from the matter store itself, so the daily limit and the queue order hold as reports would
// hold them.
import {
  MATTER_CATEGORIES,
  MATTER_OVERDUE_HOURS,
  MATTER_PURGE_DAYS,
  MAX_REPORTS_PER_DAY,
  type MatterLevel,
  type MatterStatus,
} from '../src/contract/matter'
import { uploadFolderOf } from '../src/contract/files'
import { derived, type MatterDoc } from '../cloudfunctions/src/matter/store'
import { shanghaiDate } from '../cloudfunctions/src/lib/time'
import { codePng } from '../emulator/openapi/png'
import { FileStore, fileIdOf } from '../emulator/storage/files'

type Doc = Record<string, unknown>
const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface MatterGen {
  rnd: () => number
  pick: <T>(list: T[]) => T
}

// cumulative shares of a running service: most closed, a queue waiting, some in hand, a few to rate
const SHARES: [MatterStatus, number][] = [
  ['reported', 0.03],
  ['handling', 0.04],
  ['resolved', 0.03],
  ['closed', 0.84],
  ['withdrawn', 0.06],
]

function draw(g: MatterGen): MatterStatus {
  let r = g.rnd()
  for (const [s, share] of SHARES) if ((r -= share) < 0) return s
  return 'closed'
}

/** Recent matters (and the personas' own) get their photos stored: a first page shows them. */
const PHOTO_DAYS = 30

/** The cloud path of a matter's n-th photo (under its reporter's uploads). */
const photoPath = (reporter: string, id: string, n: number) =>
  `${uploadFolderOf(reporter)}/${id}-${n}.png`

interface Shape {
  status: MatterStatus
  level: MatterLevel
  overdue: boolean
  createdAt: number
  acceptedAt: number | null
  resolvedAt: number | null
  endedAt: number | null
}

function shapeOf(g: MatterGen, status: MatterStatus, now: number): Shape {
  const none = { acceptedAt: null, resolvedAt: null, endedAt: null }
  if (status === 'reported') {
    const community = g.rnd() < 0.3
    const age = community ? 25 + g.rnd() * 100 : g.rnd() * 23
    return {
      status,
      level: community ? 'community' : 'grid',
      overdue: community && age > MATTER_OVERDUE_HOURS,
      createdAt: now - age * HOUR,
      ...none,
    }
  }
  if (status === 'handling') {
    const acceptedAt = now - g.rnd() * 120 * HOUR
    return {
      status,
      level: g.rnd() < 0.2 ? 'community' : 'grid',
      overdue: now - acceptedAt > MATTER_OVERDUE_HOURS * HOUR,
      createdAt: acceptedAt - g.rnd() * 20 * HOUR,
      acceptedAt,
      resolvedAt: null,
      endedAt: null,
    }
  }
  if (status === 'resolved') {
    const resolvedAt = now - g.rnd() * 6 * DAY
    return {
      status,
      level: 'grid',
      overdue: false,
      createdAt: resolvedAt - 3 * DAY,
      acceptedAt: resolvedAt - 2 * DAY,
      resolvedAt,
      endedAt: null,
    }
  }
  const endedAt = now - (1 + g.rnd() * 700) * DAY
  if (status === 'withdrawn') {
    return { status, level: 'grid', overdue: false, createdAt: endedAt - DAY, ...none, endedAt }
  }
  return {
    status,
    level: g.rnd() < 0.15 ? 'community' : 'grid',
    overdue: false,
    createdAt: endedAt - 9 * DAY,
    acceptedAt: endedAt - 8 * DAY,
    resolvedAt: endedAt - 7 * DAY,
    endedAt,
  }
}

const BY: Record<MatterLevel, string> = { grid: '网格员 刘网格员', community: '社区两委' }

const HANDLER: Record<MatterLevel, string> = {
  grid: 'demo-gridworker-1',
  community: 'demo-committee-1',
}

function timelineOf(shape: Shape): MatterDoc['timeline'] {
  const by = BY[shape.level]
  const steps = [
    { at: new Date(shape.createdAt), type: 'reported', text: '居民反映了问题', by: '居民' },
  ]
  if (shape.acceptedAt !== null)
    steps.push({ at: new Date(shape.acceptedAt), type: 'accepted', text: '已受理', by })
  if (shape.resolvedAt !== null)
    steps.push({ at: new Date(shape.resolvedAt), type: 'resolved', text: '已办结', by })
  return steps as MatterDoc['timeline']
}

/** One matter document of `shape`, reported by `reporter` (a resident document of the dataset). */
export function matterDoc(
  id: string,
  reporter: Doc,
  shape: Shape,
  hold: string,
  photos: number,
  seconders: string[],
  category: string,
  now: number
): MatterDoc {
  const at = (t: number | null) => (t === null ? null : new Date(t))
  const purged = shape.endedAt !== null && now - shape.endedAt > MATTER_PURGE_DAYS * DAY
  const handled = shape.acceptedAt !== null
  const reporterId = reporter._id as string
  const waitingSince = shape.acceptedAt ?? shape.createdAt
  const timeline = timelineOf(shape)
  const doc: MatterDoc = {
    _id: id,
    category: category as MatterDoc['category'],
    content: '小区3号楼门口的路灯坏了一个多星期，晚上出门很黑，老人走路不安全。',
    photos: purged
      ? []
      : Array.from({ length: photos }, (_x, n) => fileIdOf(photoPath(reporterId, id, n))),
    place: '3号楼门口',
    status: shape.status,
    level: shape.level,
    overdue: shape.overdue,
    gridId: reporter.gridId as string,
    gridName: reporter.gridName as string,
    communityId: reporter.communityId as string,
    reporterOpenid: reporterId,
    reporterNickname: reporter.nickname as string,
    reporterName: reporter.realName as string,
    reporterPhone: purged ? null : (reporter.phone as string),
    reporterBuildingName: reporter.buildingName as string,
    reporterRoom: purged ? null : (reporter.room as string),
    seconds: seconders.length,
    seconders,
    handlerOpenid: handled ? HANDLER[shape.level] : null,
    handler: handled ? BY[shape.level] : null,
    escalateReason: shape.level === 'community' ? '涉及多个网格，需要社区协调' : null,
    resolution: shape.resolvedAt ? '已更换灯泡，恢复照明' : null,
    rating: shape.status === 'closed' && rated(id) ? 5 : null,
    comment: null,
    reopenReason: null,
    deliberationId: null,
    hold,
    waitingSince: new Date(waitingSince),
    queue: '',
    queueAt: null,
    board: true,
    live: [],
    deliberatingIn: '',
    purged,
    createdAt: new Date(shape.createdAt),
    acceptedAt: at(shape.acceptedAt),
    resolvedAt: at(shape.resolvedAt),
    endedAt: at(shape.endedAt),
    updatedAt: new Date(shape.endedAt ?? shape.resolvedAt ?? shape.acceptedAt ?? shape.createdAt),
    timeline,
  }
  return { ...doc, ...derived(doc) }
}

/** Most closed matters were rated (a stable choice per id). */
const rated = (id: string) => id.charCodeAt(id.length - 1) % 5 !== 0

/**
 * `count` matters reported by `reporters` (verified residents of one community), seconded by
 * their neighbours: at most MAX_REPORTS_PER_DAY per reporter and Asia/Shanghai day.
 */
export function mattersFor(
  g: MatterGen,
  count: number,
  reporters: Doc[],
  now: number
): MatterDoc[] {
  const perDay = new Map<string, number>()
  const out: MatterDoc[] = []
  for (let i = 0; i < count; i++) {
    const id = `m-${String(i).padStart(7, '0')}`
    const reporter = g.pick(reporters)
    const shape = shapeOf(g, draw(g), now)
    // the reporter's place among their reports of that day; a full day moves the report back a day
    let key = ''
    for (;;) {
      const day = shanghaiDate(new Date(shape.createdAt))
      const n = perDay.get(`${reporter._id}#${day}`) ?? 0
      if (n < MAX_REPORTS_PER_DAY) {
        perDay.set(`${reporter._id}#${day}`, n + 1)
        key = `${reporter._id}#${day}#${n}`
        break
      }
      for (const k of ['createdAt', 'acceptedAt', 'resolvedAt', 'endedAt'] as const) {
        if (shape[k] !== null) shape[k] = shape[k]! - DAY
      }
    }
    const r = g.rnd()
    const photos = r < 0.5 ? 0 : r < 0.8 ? 1 : r < 0.93 ? 2 : 3
    const seconders = Array.from({ length: Math.floor(g.rnd() ** 3 * 12) }, () => g.pick(reporters))
      .map((u) => u._id as string)
      .filter((s, n, all) => s !== reporter._id && all.indexOf(s) === n)
    out.push(
      matterDoc(id, reporter, shape, key, photos, seconders, g.pick([...MATTER_CATEGORIES]), now)
    )
  }
  return out
}

/** A small PNG per label. */
const photoBytes = (label: string) => codePng(label, 'pages/index/index', 200)

/**
 * Stores the photos a first page can show (matters of the last PHOTO_DAYS days and the demo
 * personas' own) in the data folder's cloud storage, as uploads of their reporters.
 */
export function writeMatterPhotos(dataDir: string, matters: Doc[], now = Date.now()): number {
  const store = new FileStore(dataDir, () => now)
  const bytes = [photoBytes('matter-a'), photoBytes('matter-b'), photoBytes('matter-c')]
  let n = 0
  for (const m of matters as unknown as MatterDoc[]) {
    const recent = now - new Date(m.createdAt).getTime() < PHOTO_DAYS * DAY
    if (!recent && !m.reporterOpenid.startsWith('demo-')) continue
    m.photos.forEach((fileID, k) => {
      const cloudPath = fileID.replace(/^cloud:\/\/[^/]+\//, '')
      store.put(cloudPath, bytes[k % bytes.length], {
        owner: m.reporterOpenid,
        name: `${k}.png`,
      })
      n++
    })
  }
  return n
}
