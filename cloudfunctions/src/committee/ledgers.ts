import type { ExportKind } from '@/contract/committee'
import { ERRAND_SLOT_LABELS, ERRAND_STATUS_LABELS, ERRAND_TYPE_LABELS } from '@/contract/errand'
import { MATTER_CATEGORY_LABELS, MATTER_STATUS_LABELS } from '@/contract/matter'
import { maskPhone } from '@/contract/mask'
import { LEDGER_SOURCE_LABELS } from '@/contract/volunteer'
import { WISH_CATEGORY_LABELS, WISH_STATUS_LABELS } from '@/contract/wish'
import type { Doc } from '../lib/cloud'
import { shanghaiTime } from '../lib/time'
import { signedUp } from './figures'

// The ledgers (台账) as spreadsheet rows: which collection each reads, by which time (the row's
// defining time, the index it walks), its columns with Chinese headers, and a row from a document:
// local times, Chinese labels, grid names, full names (the committee serves these residents), the
// building without the room and the phone always masked. Pure.

export interface Column {
  header: string
  width: number
  value: (d: Doc, extra: Extra) => string | number
}

/** What a row needs besides its document (the volunteers' names for the hours ledger). */
export interface Extra {
  names: Map<string, string>
}

export interface Ledger {
  collection: string
  /** The row's defining time: the range selects and orders by it. */
  time: string
  /** Ties in `_id` order as the index walked holds them (`communityId`, time, `_id`). */
  tie: 'asc' | 'desc'
  columns: Column[]
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')
const label = (labels: Record<string, string>, v: unknown) => labels[text(v)] ?? text(v)
const num = (v: unknown) => (typeof v === 'number' ? v : '')
const time = (field: string) => (d: Doc) => shanghaiTime(d[field])
const col = (header: string, width: number, value: Column['value']): Column => ({
  header,
  width,
  value,
})

export const LEDGERS: Record<ExportKind, Ledger> = {
  wishes: {
    collection: 'wishes',
    tie: 'desc',
    time: 'createdAt',
    columns: [
      col('提出时间', 18, time('createdAt')),
      col('心愿', 30, (d) => text(d.title)),
      col('类别', 12, (d) => label(WISH_CATEGORY_LABELS, d.category)),
      col('网格', 14, (d) => text(d.gridName)),
      col('楼栋', 12, (d) => text(d.authorBuildingName)),
      col('提出人', 12, (d) => text(d.authorName)),
      col('联系电话', 16, (d) => maskPhone(text(d.authorPhone))),
      col('状态', 10, (d) => label(WISH_STATUS_LABELS, d.status)),
      col('认领人', 12, (d) => text(d.claimerName)),
      col('点亮时间', 18, time('doneAt')),
      col('评价', 8, (d) => num(d.rating)),
    ],
  },
  errands: {
    collection: 'errands',
    tie: 'desc',
    time: 'createdAt',
    columns: [
      col('预约时间', 18, time('createdAt')),
      col('类型', 14, (d) => label(ERRAND_TYPE_LABELS, d.type)),
      col('服务日期', 12, (d) => text(d.date)),
      col('时段', 8, (d) => label(ERRAND_SLOT_LABELS, d.slot)),
      col('网格', 14, (d) => text(d.gridName)),
      col('楼栋', 12, (d) => text(d.bookerBuildingName)),
      col('预约人', 12, (d) => text(d.bookerName)),
      col('联系电话', 16, (d) => maskPhone(text(d.bookerPhone))),
      col('状态', 10, (d) => label(ERRAND_STATUS_LABELS, d.status)),
      col('代办员', 12, (d) => text(d.agentName)),
      col('接单时间', 18, time('acceptedAt')),
      col('办结时间', 18, time('endedAt')),
      col('评价', 8, (d) => num(d.rating)),
    ],
  },
  matters: {
    collection: 'matters',
    tie: 'desc',
    time: 'createdAt',
    columns: [
      col('反映时间', 18, time('createdAt')),
      col('类别', 12, (d) => label(MATTER_CATEGORY_LABELS, d.category)),
      col('内容', 40, (d) => text(d.content)),
      col('网格', 14, (d) => text(d.gridName)),
      col('楼栋', 12, (d) => text(d.reporterBuildingName)),
      col('反映人', 12, (d) => text(d.reporterName)),
      col('联系电话', 16, (d) => maskPhone(text(d.reporterPhone))),
      col('状态', 10, (d) => label(MATTER_STATUS_LABELS, d.status)),
      col('处理人', 14, (d) => text(d.handler)),
      col('办结时间', 18, time('resolvedAt')),
      col('评价', 8, (d) => num(d.rating)),
    ],
  },
  hours: {
    collection: 'volunteerLedger',
    tie: 'asc',
    time: 'at',
    columns: [
      col('记录时间', 18, time('at')),
      col('志愿者', 12, (d, x) => x.names.get(text(d.openid)) ?? ''),
      col('来源', 10, (d) => label(LEDGER_SOURCE_LABELS, d.source)),
      col('事项', 30, (d) => text(d.title)),
      col('时长（小时）', 12, (d) => num(d.hours)),
      col('已计入', 8, (d) => (d.credited ? '是' : '否')),
    ],
  },
  activities: {
    collection: 'volunteerActivities',
    tie: 'desc',
    time: 'startAt',
    columns: [
      col('开始时间', 18, time('startAt')),
      col('结束时间', 18, time('endAt')),
      col('活动', 30, (d) => text(d.title)),
      col('范围', 14, (d) => text(d.scopeName)),
      col('地点', 20, (d) => text(d.location)),
      col('名额', 8, (d) => num(d.quota)),
      col('报名', 8, (d) => signedUp(d.queue, d.quota)),
      col('到场', 8, (d) => (Array.isArray(d.attendees) ? d.attendees.length : 0)),
      col('时长（小时）', 12, (d) => num(d.hours)),
      col('组织者', 14, (d) => text(d.organizerTitle) || text(d.organizerNickname)),
    ],
  },
}
