// Volunteer data for the bench's datasets: activities in community c1 (mostly past and settled,
// some open for signup), a long service record for demo-volunteer-1 (2,000 ledger entries), and
// the community's volunteers' totals for the honor roll (10,000 at 100k wishes) with work units
// for the 双报到 report. Shapes come from the volunteer store.
import type {
  ActivityDoc,
  LedgerDoc,
  TotalsDoc,
  YearDoc,
} from '../cloudfunctions/src/volunteer/store'
import { ledgerId, yearId } from '../cloudfunctions/src/volunteer/store'
import { shanghaiYear } from '../cloudfunctions/src/lib/time'
import type { LedgerSource } from '../src/contract/volunteer'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const UNITS = ['区人民医院', '区税务局', '市供电公司', '区实验小学', '街道办事处', '区交通局']
const SOURCES: LedgerSource[] = ['activity', 'wish', 'errand']

export interface VolunteerGen {
  rnd: () => number
  pick: <T>(list: T[]) => T
}

/** c1's grids in the dataset (see dataset.ts `places`): the demo's g1, g2 and the generated ones. */
const C1_GRIDS = ['g1', 'g2', 'c1-g3', 'c1-g4', 'c1-g5', 'c1-g6']

/** `n` activities of c1's grids and the community itself: 90% past, 10% open for signup. */
export function activitiesFor(g: VolunteerGen, n: number, now: number): ActivityDoc[] {
  const out: ActivityDoc[] = []
  for (let i = 0; i < n; i++) {
    const upcoming = i % 10 === 0
    const start = upcoming ? now + (1 + g.rnd() * 20) * DAY : now - (1 + g.rnd() * 700) * DAY
    const grid = g.pick(['g1', 'g2', ''])
    const id = `a-${String(i).padStart(7, '0')}`
    out.push({
      _id: id,
      title: `志愿活动 ${i}`,
      description: '清理楼道杂物，张贴防诈骗宣传海报。',
      location: '社区党群服务中心',
      startAt: new Date(start),
      endAt: new Date(start + 3 * HOUR),
      signupDeadline: new Date(start - DAY),
      quota: 20,
      hours: 3,
      scopeType: grid ? 'grid' : 'community',
      scopeId: grid || 'c1',
      scopeName: grid ? (grid === 'g1' ? '第一网格' : '第二网格') : '幸福里社区',
      gridId: grid,
      audience: grid ? `g:${grid}` : 'c:c1',
      communityId: 'c1',
      staffGridIds: grid ? [grid] : C1_GRIDS,
      organizerOpenid: 'demo-committee-1',
      organizerNickname: '周书记',
      organizerTitle: '社区两委',
      queue: [],
      left: [],
      live: [],
      settled: !upcoming,
      checkins: [],
      checkinTimes: [],
      open: upcoming,
      secret: 'bench',
      confirmedAt: upcoming ? null : new Date(start + 4 * HOUR),
      attendees: [],
      feedback: [],
      feedbackBy: [],
      summary: null,
      createdAt: new Date(start - 7 * DAY),
      updatedAt: new Date(start - 7 * DAY),
      timeline: [
        { at: new Date(start - 7 * DAY), type: 'published', text: '活动已发布，开始报名' },
      ],
    })
  }
  return out
}

/** `n` credited entries for one volunteer over two years, and their totals. */
export function recordOf(
  g: VolunteerGen,
  openid: string,
  n: number,
  now: number
): { entries: LedgerDoc[]; totals: TotalsDoc; years: YearDoc[] } {
  const entries: LedgerDoc[] = []
  const bySource: Record<LedgerSource, number> = { activity: 0, wish: 0, errand: 0 }
  const perYear = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const source = g.pick(SOURCES)
    const hours = source === 'activity' ? 3 : 1
    const at = new Date(now - (i / n) * 700 * DAY)
    const refId = `${source}-${i}`
    const year = shanghaiYear(at)
    bySource[source] += hours
    perYear.set(year, (perYear.get(year) ?? 0) + hours)
    entries.push({
      _id: ledgerId(source, refId, openid),
      openid,
      communityId: 'c1',
      source,
      refId,
      title: source === 'activity' ? `志愿活动 ${i}` : source === 'wish' ? `心愿 ${i}` : '红色代办',
      hours,
      at,
      year,
      credited: true,
      pending: '',
      batch: 'bench',
      createdAt: at,
    })
  }
  const total = bySource.activity + bySource.wish + bySource.errand
  const first = entries[entries.length - 1]?.at ?? null
  const totals: TotalsDoc = {
    _id: openid,
    openid,
    communityId: 'c1',
    nickname: '志强',
    name: '赵志强',
    partyMember: true,
    workUnit: UNITS[0],
    partyOf: 'c1',
    total,
    entryCount: n,
    bySource,
    firstAt: first,
    createdAt: first ?? new Date(now),
    updatedAt: new Date(now),
  }
  const years = [...perYear].map(([year, hours]) => ({
    _id: yearId(openid, year),
    openid,
    communityId: 'c1',
    year,
    hours,
    total,
    nickname: '志强',
    name: '赵志强',
    createdAt: new Date(now),
  }))
  return { entries, totals, years }
}

/** The honor roll's volunteers: `n` in c1 with this year's hours, 40% party members. */
export function rollOf(
  g: VolunteerGen,
  n: number,
  now: number
): { totals: TotalsDoc[]; years: YearDoc[] } {
  const year = shanghaiYear(new Date(now))
  const totals: TotalsDoc[] = []
  const years: YearDoc[] = []
  for (let i = 0; i < n; i++) {
    const openid = `vol-${String(i).padStart(6, '0')}`
    const hours = Math.round(g.rnd() * 400) / 2
    const total = hours + Math.round(g.rnd() * 1200)
    const party = g.rnd() < 0.4
    const name = `志愿者${i}`
    totals.push({
      _id: openid,
      openid,
      communityId: 'c1',
      nickname: `邻居${i}`,
      name,
      partyMember: party,
      workUnit: party ? g.pick(UNITS) : '',
      partyOf: party ? 'c1' : '',
      total,
      entryCount: Math.round(total / 2),
      bySource: { activity: total, wish: 0, errand: 0 },
      firstAt: new Date(now - 400 * DAY),
      createdAt: new Date(now - 400 * DAY),
      updatedAt: new Date(now),
    })
    years.push({
      _id: yearId(openid, year),
      openid,
      communityId: 'c1',
      year,
      hours,
      total,
      nickname: `邻居${i}`,
      name,
      createdAt: new Date(now - 100 * DAY),
    })
  }
  return { totals, years }
}
