// Demo matters (居民说事) from neighbours (docs/contract.md §6): seed residents have raised matters
// on the boards of g1 and g2 that wait for the grid worker (seconded by others), are being
// handled (one by the committee), one escalated to the community, one waits for its reporter's
// rating, several were resolved and rated this year (one auto-closed), and one was withdrawn.
// No photos: the demo data holds no files. The demo personas own and second none of it.
// Deterministic given `now`: every date is relative. Derived fields come from the matter store
// itself, so the seed holds the same keys a report would; nothing is due for the `matter` timer.

import type { MatterCategory, MatterLevel, MatterStatus } from '@/contract/matter'
import {
  derived,
  draftMatter,
  step,
  type MatterDoc,
  type MatterStep,
} from '../cloudfunctions/src/matter/store'
import { COMMITTEE, RESIDENT, SYSTEM } from '../cloudfunctions/src/matter/people'
import { NEIGHBOURS, type Neighbour } from './seed-content'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

interface MatterStory {
  reporter: string
  category: MatterCategory
  content: string
  place?: string
  /** Hours before now that it was reported. */
  reportedHoursAgo: number
  status: MatterStatus
  /** Who handled it at level grid (the grid worker) or at level community (the committee). */
  level?: MatterLevel
  /** A grid worker sent it up (with this reason), after an hour. */
  escalated?: string
  /** Hours after the report that it was accepted. */
  acceptedAfter?: number
  reply?: string
  /** Hours after acceptance that it was resolved. */
  resolvedAfter?: number
  resolution?: string
  rating?: number
  comment?: string
  /** Closed by the timer 7 days after resolution, unrated. */
  autoClosed?: boolean
  seconders?: string[]
}

const STORIES: MatterStory[] = [
  {
    reporter: 'seed-g1-01',
    category: 'environment',
    content: '2号楼一单元楼道里堆了很多纸箱和旧家具，影响通行，也有火灾隐患。',
    place: '2号楼一单元楼道',
    reportedHoursAgo: 3,
    status: 'reported',
    seconders: ['seed-g1-02', 'seed-g1-03'],
  },
  {
    reporter: 'seed-g1-05',
    category: 'neighbour',
    content: '楼上每天晚上十一点以后还在拖动家具，声音很大，希望网格员帮忙沟通一下。',
    reportedHoursAgo: 6,
    status: 'reported',
  },
  {
    reporter: 'seed-g2-01',
    category: 'facility',
    content: '4号楼电梯这两天经常停在半层，老人上下楼很不方便，请尽快安排检修。',
    place: '4号楼电梯',
    reportedHoursAgo: 20,
    status: 'handling',
    acceptedAfter: 2,
    reply: '已通知物业和电梯维保单位，明天上午来检修。',
    seconders: ['seed-g2-02', 'seed-g2-03', 'seed-g2-05'],
  },
  {
    reporter: 'seed-g2-02',
    category: 'parking',
    content: '小区东门口每天晚上都有外来车辆占用消防通道，消防车根本进不来。',
    place: '小区东门',
    reportedHoursAgo: 10,
    status: 'reported',
    level: 'community',
    escalated: '涉及小区外来车辆，需要社区协调物业和交警',
    seconders: ['seed-g2-01', 'seed-g2-04', 'seed-g1-04', 'seed-g1-01'],
  },
  {
    reporter: 'seed-g1-04',
    category: 'property',
    content: '物业维修响应太慢，卫生间漏水报修三天了还没人来。',
    reportedHoursAgo: 40,
    status: 'handling',
    level: 'community',
    escalated: '物业多次催办无果，请社区督促',
    acceptedAfter: 6,
    reply: '社区已约谈物业经理，要求两天内上门维修。',
  },
  {
    reporter: 'seed-g1-03',
    category: 'facility',
    content: '3号楼门口的路灯坏了一个星期，晚上出门看不清台阶。',
    place: '3号楼门口',
    reportedHoursAgo: 3 * 24,
    status: 'resolved',
    acceptedAfter: 1,
    reply: '已报修，电工明天上午来更换。',
    resolvedAfter: 20,
    resolution: '已更换路灯灯泡并检查了线路，现在晚上可以正常照明。',
    seconders: ['seed-g1-01', 'seed-g1-06'],
  },
  {
    reporter: 'seed-g1-02',
    category: 'environment',
    content: '垃圾分类点的厨余垃圾桶满了没人清理，味道很大。',
    place: '小区北侧垃圾分类点',
    reportedHoursAgo: 20 * 24,
    status: 'closed',
    acceptedAfter: 1,
    resolvedAfter: 12,
    resolution: '已联系环卫公司加派清运车次，每天早晚各清理一次。',
    rating: 5,
    comment: '第二天一早就清理了，谢谢网格员！',
    seconders: ['seed-g1-05'],
  },
  {
    reporter: 'seed-g2-03',
    category: 'safety',
    content: '5号楼有人从窗户拉电线给楼下的电动车充电，下雨天很危险。',
    place: '5号楼楼下',
    reportedHoursAgo: 40 * 24,
    status: 'closed',
    level: 'community',
    escalated: '需要社区统一规划电动车充电桩',
    acceptedAfter: 4,
    resolvedAfter: 5 * 24,
    resolution: '社区已在5号楼旁新建集中充电棚，并拆除了私拉的电线。',
    rating: 5,
    comment: '充电棚建得很快，大家都说好。',
    seconders: ['seed-g2-01', 'seed-g2-02', 'seed-g2-05'],
  },
  {
    reporter: 'seed-g2-05',
    category: 'suggestion',
    content: '希望在小区广场增加几张长椅，方便老人散步时休息。',
    reportedHoursAgo: 30 * 24,
    status: 'closed',
    acceptedAfter: 3,
    resolvedAfter: 48,
    resolution: '已在广场东侧增设四张长椅。',
    autoClosed: true,
  },
  {
    reporter: 'seed-g1-06',
    category: 'other',
    content: '快递柜经常满格，取件要排很久，想反映一下。',
    reportedHoursAgo: 5 * 24,
    status: 'withdrawn',
  },
]

/** Who accepted it at each level: the demo grid worker, the demo committee member. */
const HANDLERS = { grid: 'demo-gridworker-1', community: 'demo-committee-1' } as const

const neighbour = (openid: string): Neighbour => {
  const n = NEIGHBOURS.find((x) => x.openid === openid)
  if (!n) throw new Error(`seed: no neighbour ${openid}`)
  return n
}

const at = (ms: number, type: MatterStep['type'], text: string, by: string): MatterStep =>
  step(type, text, by, new Date(ms))

/** How a story ended: the last step and when, or null while it is still open. */
function endOf(s: MatterStory, reported: number, resolvedAt: number | null): MatterStep | null {
  if (s.status === 'withdrawn') {
    return at(reported + 2 * HOUR, 'withdrawn', '居民撤回了这条说事', RESIDENT)
  }
  if (s.status !== 'closed' || !resolvedAt) return null
  return s.autoClosed
    ? at(resolvedAt + 7 * DAY, 'autoClosed', '超过 7 天未评价，系统自动办结', SYSTEM)
    : at(resolvedAt + 3 * HOUR, 'rated', `居民评价了处理结果（${s.rating} 星）`, RESIDENT)
}

/** A story's timeline and the times the matter keeps, as its steps happened. */
function history(s: MatterStory, reported: number, handler: string, worker: string) {
  const timeline = [at(reported, 'reported', '居民反映了问题，等待网格员受理', RESIDENT)]
  let waitingSince = reported
  if (s.escalated) {
    waitingSince = reported + HOUR
    timeline.push(at(waitingSince, 'escalated', `上报社区：${s.escalated}`, worker))
  }
  const acceptedAt = s.acceptedAfter !== undefined ? reported + s.acceptedAfter * HOUR : null
  if (acceptedAt) {
    waitingSince = acceptedAt
    timeline.push(at(acceptedAt, 'accepted', `${handler}受理了问题，正在处理`, handler))
  }
  if (acceptedAt && s.reply) {
    timeline.push(at(acceptedAt + HOUR / 2, 'replied', `处理进展：${s.reply}`, handler))
  }
  const resolvedAt =
    acceptedAt && s.resolvedAfter !== undefined ? acceptedAt + s.resolvedAfter * HOUR : null
  if (resolvedAt) timeline.push(at(resolvedAt, 'resolved', `处理结果：${s.resolution}`, handler))
  const end = endOf(s, reported, resolvedAt)
  if (end) timeline.push(end)
  const date = (ms: number | null) => (ms === null ? null : new Date(ms))
  return {
    timeline,
    waitingSince: new Date(waitingSince),
    acceptedAt: date(acceptedAt),
    resolvedAt: date(resolvedAt),
    endedAt: end?.at ?? null,
  }
}

/** The seeded matters, given the grid and building names and the grid worker's nickname. */
export function seedMatters(
  now: Date,
  places: { gridName(id: string): string; buildingName(id: string): string },
  gridWorkerNickname: string
): MatterDoc[] {
  const worker = `网格员 ${gridWorkerNickname}`
  return STORIES.map((s, i): MatterDoc => {
    const id = `seed-matter-${String(i + 1).padStart(2, '0')}`
    const r = neighbour(s.reporter)
    const reported = now.getTime() - s.reportedHoursAgo * HOUR
    const level = s.level ?? 'grid'
    const handler = level === 'grid' ? worker : COMMITTEE
    const h = history(s, reported, handler, worker)
    const names = {
      gridName: places.gridName(r.gridId),
      buildingName: places.buildingName(r.buildingId),
    }
    const resident = { ...r, _id: r.openid, communityId: 'c1' }
    const draft = { category: s.category, content: s.content, photos: [], place: s.place ?? null }
    const outcome =
      s.status === 'closed' ? { rating: s.rating ?? null, comment: s.comment ?? null } : {}
    const doc: MatterDoc = {
      ...draftMatter(resident, names, draft, h.timeline[0]!, id),
      ...h,
      status: s.status,
      level,
      seconds: (s.seconders ?? []).length,
      seconders: s.seconders ?? [],
      handlerOpenid: h.acceptedAt ? HANDLERS[level] : null,
      handler: h.acceptedAt ? handler : null,
      escalateReason: s.escalated ?? null,
      resolution: h.resolvedAt ? (s.resolution ?? null) : null,
      ...outcome,
      updatedAt: h.timeline[h.timeline.length - 1]!.at,
    }
    return { ...doc, ...derived(doc) }
  })
}
