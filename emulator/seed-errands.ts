// Demo errands (红色代办) from neighbours (docs/contract.md §6): seed residents have booked errands
// that wait in the pool (one escalated to the community), one is under way, one waits for its
// sign-off, several were run and rated this year (one of them filed by the grid worker, one a
// one-tap help call), one was cancelled and one expired. The demo personas own none of it.
// Deterministic given `now`: every date is relative. Derived fields come from the errand store
// itself, so the seed holds the same keys a booking would.

import {
  ERRAND_PURGE_DAYS,
  type ErrandLevel,
  type ErrandSlot,
  type ErrandStatus,
  type ErrandType,
} from '@/contract/errand'
import {
  derived,
  helpExpiry,
  slotEnd,
  type ErrandDoc,
  type TimelineDoc,
} from '../cloudfunctions/src/errand/store'
import { shanghaiDate } from '../cloudfunctions/src/lib/time'
import { NEIGHBOURS, type Neighbour } from './seed-content'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

interface ErrandStory {
  booker: string
  type: ErrandType
  detail: string
  /** Days from today (Asia/Shanghai) of the errand's date: negative in the past. */
  day: number
  slot: ErrandSlot
  /** Hours before now that it was booked. */
  bookedHoursAgo: number
  status: ErrandStatus
  level?: ErrandLevel
  agent?: string
  filed?: boolean
  contactPhone?: string
  note?: string
  rating?: number
  comment?: string
  cancelReason?: string
}

const STORIES: ErrandStory[] = [
  {
    booker: 'seed-g1-01',
    type: 'medicine',
    detail: '帮我到社区药房买一盒降压药（苯磺酸氨氯地平片），处方放在门口信箱里。',
    day: 1,
    slot: 'morning',
    bookedHoursAgo: 1,
    status: 'requested',
  },
  {
    booker: 'seed-g2-01',
    type: 'parcel',
    detail: '菜鸟驿站有两个快递，比较重，麻烦帮忙取一下送到楼下。',
    day: 1,
    slot: 'afternoon',
    bookedHoursAgo: 5,
    status: 'requested',
    level: 'community',
  },
  {
    booker: 'seed-g1-02',
    type: 'bill',
    detail: '帮忙到营业厅交一下这个季度的燃气费，燃气卡在家里。',
    day: 1,
    slot: 'afternoon',
    bookedHoursAgo: 3,
    status: 'accepted',
    agent: 'seed-g1-04',
  },
  {
    booker: 'seed-g2-02',
    type: 'shopping',
    detail: '买 5 斤大米、一桶花生油和一把青菜，钱当面结。',
    day: -1,
    slot: 'evening',
    bookedHoursAgo: 30,
    status: 'completed',
    agent: 'seed-g2-04',
    note: '已送到家门口，小票放在袋子里。',
  },
  {
    booker: 'seed-g1-03',
    type: 'certificate',
    detail: '帮忙到街道开一份居住证明，身份证复印件已经准备好。',
    day: -4,
    slot: 'morning',
    bookedHoursAgo: 5 * 24,
    status: 'closed',
    agent: 'seed-g1-04',
    note: '证明已办好，交到您手上了。',
    rating: 5,
    comment: '建军师傅跑了两趟，太辛苦了，谢谢！',
  },
  {
    booker: 'seed-g1-06',
    type: 'escort',
    detail: '陪老人去区医院复查眼睛，需要帮忙挂号和取药。',
    day: -12,
    slot: 'morning',
    bookedHoursAgo: 14 * 24,
    status: 'closed',
    agent: 'seed-g1-04',
    filed: true,
    contactPhone: '13900000016',
    note: '已陪同复查，下次复查时间写在病历本上。',
    rating: 5,
    comment: '网格员帮着预约的，代办员很耐心。',
  },
  {
    booker: 'seed-g2-03',
    type: 'medicine',
    detail: '帮忙买一盒感冒药和一瓶体温计用的电池。',
    day: -20,
    slot: 'evening',
    bookedHoursAgo: 21 * 24,
    status: 'closed',
    agent: 'seed-g2-04',
    note: '药和电池都买好了。',
    rating: 4,
    comment: '很及时，谢谢！',
  },
  {
    booker: 'seed-g2-05',
    type: 'help',
    detail: '家里水管爆了，一个人处理不了。',
    day: -7,
    slot: 'afternoon',
    bookedHoursAgo: 7 * 24,
    status: 'closed',
    agent: 'seed-g2-04',
    note: '已关闭总阀并联系物业维修。',
    rating: 5,
    comment: '一键求助十分钟就有人来了！',
  },
  {
    booker: 'seed-g1-01',
    type: 'bill',
    detail: '帮忙交一下电话费。',
    day: -45,
    slot: 'afternoon',
    bookedHoursAgo: 46 * 24,
    status: 'closed',
    agent: 'seed-g1-04',
    note: '已交费。',
    rating: 5,
    comment: '谢谢小吴。',
  },
  {
    booker: 'seed-g1-05',
    type: 'parcel',
    detail: '帮忙取一个快递。',
    day: -3,
    slot: 'morning',
    bookedHoursAgo: 4 * 24,
    status: 'cancelled',
    cancelReason: '家人已经帮忙取了',
  },
  {
    booker: 'seed-g1-02',
    type: 'other',
    detail: '帮忙把旧报纸搬到楼下回收点。',
    day: -1,
    slot: 'evening',
    bookedHoursAgo: 3 * 24,
    status: 'expired',
    level: 'committee',
  },
]

const neighbour = (openid: string): Neighbour => {
  const n = NEIGHBOURS.find((x) => x.openid === openid)
  if (!n) throw new Error(`seed: no neighbour ${openid}`)
  return n
}

const step = (at: number, type: TimelineDoc['type'], text: string): TimelineDoc => ({
  at: new Date(at),
  type,
  text,
})

/** The seeded errands, given the grid and building names. */
export function seedErrands(
  now: Date,
  places: { gridName(id: string): string; buildingName(id: string): string },
  filer: string
): ErrandDoc[] {
  const t = now.getTime()
  const today = shanghaiDate(now)
  const dayOf = (offset: number) =>
    shanghaiDate(new Date(Date.parse(`${today}T12:00:00+08:00`) + offset * DAY))
  const holds = new Map<string, number>()
  return STORIES.map((s, i): ErrandDoc => {
    const id = `seed-errand-${String(i + 1).padStart(2, '0')}`
    const booker = neighbour(s.booker)
    const agent = s.agent ? neighbour(s.agent) : null
    const booked = t - s.bookedHoursAgo * HOUR
    const date = dayOf(s.day)
    const timeline: TimelineDoc[] = [
      s.type === 'help'
        ? step(booked, 'help', '居民发起一键求助，已通知网格员和红色代办员')
        : s.filed
          ? step(booked, 'filed', '工作人员代居民预约了代办，等待红色代办员接单')
          : step(booked, 'booked', '居民预约了代办，等待红色代办员接单'),
    ]
    if (s.level === 'community' || s.level === 'committee') {
      timeline.push(step(booked + 4 * HOUR, 'escalated', '无人接单，已升级到社区'))
    }
    if (s.level === 'committee') {
      timeline.push(step(booked + 24 * HOUR, 'escalated', '无人接单，已升级到两委'))
    }
    const acceptedAt = agent ? booked + (s.type === 'help' ? 0.15 : 1) * HOUR : null
    if (acceptedAt) timeline.push(step(acceptedAt, 'accepted', '红色代办员已接单'))
    const done = ['completed', 'closed'].includes(s.status)
    const completedAt = done && acceptedAt ? acceptedAt + 2 * HOUR : null
    if (completedAt) timeline.push(step(completedAt, 'completed', '代办员已办结，等待居民销单'))
    let endedAt: number | null = null
    if (s.status === 'closed' && completedAt) {
      endedAt = completedAt + 3 * HOUR
      timeline.push(step(endedAt, 'confirmed', '居民已销单并评价'))
    } else if (s.status === 'cancelled') {
      endedAt = booked + 2 * HOUR
      timeline.push(step(endedAt, 'cancelled', '居民取消了代办'))
    } else if (s.status === 'expired') {
      endedAt = slotEnd(date, s.slot).getTime()
      timeline.push(step(endedAt, 'expired', '时段已过，无人接单，代办已过期'))
    }
    const purged = endedAt !== null && t - endedAt > ERRAND_PURGE_DAYS * DAY
    if (purged && endedAt !== null) {
      timeline.push(
        step(endedAt + ERRAND_PURGE_DAYS * DAY, 'purged', '已按规定清除联系方式、门牌号和代办内容')
      )
    }
    const open = s.status === 'requested' || s.status === 'accepted'
    let hold = id
    if (open && s.type !== 'help') {
      const n = holds.get(s.booker) ?? 0
      holds.set(s.booker, n + 1)
      hold = `${s.booker}#${n}`
    }
    const doc: ErrandDoc = {
      _id: id,
      type: s.type,
      detail: purged ? null : s.detail,
      status: s.status,
      level: s.level ?? 'grid',
      urgent: s.type === 'help',
      overdue: false,
      date,
      slot: s.slot,
      gridId: booker.gridId,
      gridName: places.gridName(booker.gridId),
      communityId: 'c1',
      expiresAt: s.type === 'help' ? helpExpiry(new Date(booked)) : slotEnd(date, s.slot),
      hold,
      seat: s.status === 'accepted' && agent ? `${agent.openid}#${date}#${s.slot}#0` : id,
      pool: '',
      helpPool: '',
      live: [],
      bookerOpenid: booker.openid,
      bookerNickname: booker.nickname,
      bookerName: booker.realName,
      bookerPhone: purged ? null : booker.phone,
      bookerBuildingName: places.buildingName(booker.buildingId),
      bookerRoom: purged ? null : booker.room,
      contactPhone: purged ? null : (s.contactPhone ?? null),
      filedBy: s.filed ? filer : null,
      agentOpenid: agent?.openid ?? null,
      agentNickname: agent?.nickname ?? null,
      agentName: agent?.realName ?? null,
      agentPhone: agent?.phone ?? null,
      releaseReason: null,
      completeNote: completedAt ? (s.note ?? null) : null,
      rating: s.status === 'closed' ? (s.rating ?? null) : null,
      comment: s.status === 'closed' ? (s.comment ?? null) : null,
      cancelReason: s.cancelReason ?? null,
      purged,
      createdAt: new Date(booked),
      acceptedAt: acceptedAt ? new Date(acceptedAt) : null,
      completedAt: completedAt ? new Date(completedAt) : null,
      endedAt: endedAt ? new Date(endedAt) : null,
      updatedAt: timeline[timeline.length - 1].at as Date,
      timeline,
    }
    const { hold: _h, seat: _s, ...rest } = derived(doc)
    return { ...doc, ...rest }
  })
}
