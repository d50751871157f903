import {
  MATTER_CATEGORY_LABELS,
  MATTER_LEVEL_LABELS,
  MATTER_STATUS_LABELS,
  type Matter,
  type MatterPhoto,
  type MatterReporter,
} from '@/contract/matter'
import { maskName } from '@/contract/mask'
import type { Actor } from '../lib/actor'
import { tempFileUrls } from '../lib/cloud'
import { iso, shanghaiTime } from '../lib/time'
import { contactCan } from '../lib/policy'
import { canOf, hasSeconded, reopenUntil, seesReporterContact } from './policy'
import type { MatterDoc } from './store'
import type { TopicDoc } from '../deliberation/store'
import { roundsView } from './deliberation'

/** What anyone who may not see a matter is told, whether or not it exists. */
export const NOT_SEEN = '这条说事不存在或您无权查看'

/** Temporary URLs of photos, by file ID (null: gone). */
export type PhotoUrls = Map<string, string | null>

/**
 * The temporary URLs a response shows, in one storage call: every photo of a single matter
 * (`all`), or the cover of each matter of a page.
 */
export async function photoUrls(list: MatterDoc[], all: boolean): Promise<PhotoUrls> {
  const files = list.flatMap((m) => (all ? (m.photos ?? []) : (m.photos ?? []).slice(0, 1)))
  return files.length ? tempFileUrls(files) : new Map()
}

/** The reporter from the snapshot: building for everyone, name, room and phone on need. */
const reporterOf = (actor: Actor, m: MatterDoc): MatterReporter => {
  const full = seesReporterContact(actor, m)
  const phone = full ? m.reporterPhone || null : null
  return {
    nickname: m.reporterNickname,
    name: full ? m.reporterName : maskName(m.reporterName),
    buildingName: m.reporterBuildingName || null,
    room: full ? m.reporterRoom || null : null,
    phone,
    can: contactCan(actor, m.reporterOpenid, phone),
  }
}

/** What became of it in deliberation, and its own timeline with the rounds' steps, oldest first. */
function withRounds(m: MatterDoc, rounds?: readonly TopicDoc[]) {
  const { summary, steps } = rounds ? roundsView(m, rounds) : { summary: null, steps: [] }
  const timeline = [...(m.timeline ?? []), ...steps].sort(
    (a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()
  )
  return { summary, timeline, id: summary?.id ?? m.deliberationId ?? null }
}

/**
 * A matter as `actor` may see it: the reporter masked unless they need them, photos with their
 * temporary URLs (`urls`: every photo for `get`, the cover for a list), `can` for buttons, and,
 * given the deliberation rounds read with it (`get`, changes), what became of it there.
 */
export function matterView(
  actor: Actor,
  m: MatterDoc,
  urls: PhotoUrls = new Map(),
  all = true,
  rounds?: readonly TopicDoc[]
): Matter {
  const files = m.photos ?? []
  const photos: MatterPhoto[] = (all ? files : files.slice(0, 1)).map((fileID) => ({
    fileID,
    url: urls.get(fileID) ?? null,
  }))
  const now = new Date()
  const delib = withRounds(m, rounds)
  return {
    id: m._id,
    category: m.category,
    content: m.content,
    photos,
    photoCount: files.length,
    place: m.place ?? null,
    status: m.status,
    level: m.level,
    overdue: !!m.overdue && m.status !== 'deliberating',
    gridId: m.gridId,
    gridName: m.gridName,
    communityId: m.communityId,
    reporter: reporterOf(actor, m),
    mine: m.reporterOpenid === actor.openid,
    seconds: m.seconds ?? 0,
    mySecond: hasSeconded(actor, m),
    handler: m.handler ?? null,
    escalateReason: m.escalateReason ?? null,
    resolution: m.resolution ?? null,
    rating: m.rating ?? null,
    comment: m.comment ?? null,
    deliberationId: delib.id,
    deliberation: delib.summary,
    createdAt: iso(m.createdAt) ?? '',
    acceptedAt: iso(m.acceptedAt),
    resolvedAt: iso(m.resolvedAt),
    reopenUntil: iso(reopenUntil(m)),
    endedAt: iso(m.endedAt),
    timeline: delib.timeline.map((t) => ({
      at: iso(t.at) ?? '',
      type: t.type,
      text: t.text,
      by: t.by ?? '',
    })),
    can: canOf(actor, m, now),
  }
}

/** A matter in its reporter's data export: as they see it (photos by file ID), plus stored flags. */
export function matterExport(owner: Actor, m: MatterDoc): Record<string, unknown> {
  const { can: _can, mine: _mine, mySecond: _s, deliberation: _d, ...view } = matterView(owner, m)
  const { can: _rc, ...reporter } = view.reporter
  return {
    ...view,
    reporter,
    photos: (m.photos ?? []).slice(),
    purged: !!m.purged,
    updatedAt: iso(m.updatedAt),
  }
}

/** One readable line of the export about a matter. */
export function matterLine(_owner: Actor, m: MatterDoc): string {
  const parts = [
    `${MATTER_CATEGORY_LABELS[m.category] ?? m.category}`,
    `状态：${MATTER_STATUS_LABELS[m.status] ?? m.status}`,
    `层级：${MATTER_LEVEL_LABELS[m.level] ?? m.level}`,
    `反映时间：${shanghaiTime(m.createdAt)}`,
    `内容：${m.content}`,
  ]
  if (m.place) parts.push(`位置：${m.place}`)
  if (m.photos?.length) parts.push(`照片：${m.photos.length} 张`)
  if (m.seconds) parts.push(`附议：${m.seconds} 人`)
  if (m.resolution) parts.push(`处理结果：${m.resolution}`)
  if (m.rating) parts.push(`评分：${m.rating} 星`)
  return parts.join('；')
}
