// Demo data (docs/contract.md §6): loaded on the emulator's first start and by POST /api/_reset.
// One street, community c1 with grids g1 and g2, and a second community c2 so that
// cross-community permissions can be exercised; the demo personas, and the neighbours (`seed-*`)
// whose wishes, errands and matters make the community look in use (seed-content.ts,
// seed-errands.ts, seed-matters.ts).

import { countersFor } from '../cloudfunctions/src/lib/counts'
import { oldestMonth, statsFor } from '../cloudfunctions/src/committee/figures'
import type { UserDoc } from '../cloudfunctions/src/lib/actor'
import { NEIGHBOURS, seedWishes, type Neighbour } from './seed-content'
import { seedErrands } from './seed-errands'
import { seedMatters } from './seed-matters'
import { seedDeliberations } from './seed-deliberations'

type Doc = Record<string, unknown>

const GRID_NAMES: Record<string, string> = { g1: '第一网格', g2: '第二网格', g3: '和平第一网格' }

const building = (gridId: string, n: number) => ({ id: `${gridId}-b${n}`, name: `${n}号楼` })
const buildingName = (buildingId: string) => `${buildingId.split('-b')[1]}号楼`
const DAY = 24 * 3600 * 1000

export function demoData(now: Date = new Date()): Record<string, Doc[]> {
  const at = now
  const resident = (
    openid: string,
    nickname: string,
    realName: string,
    phone: string,
    gridId: string,
    buildingId: string,
    room: string,
    extra: Partial<Doc> = {}
  ): Doc => ({
    _id: openid,
    openid,
    nickname,
    realName,
    phone,
    roles: ['resident'],
    bindStatus: 'verified',
    gridId,
    gridName: GRID_NAMES[gridId],
    communityId: gridId === 'g3' ? 'c2' : 'c1',
    communityName: gridId === 'g3' ? '和平社区' : '幸福里社区',
    buildingId,
    buildingName: buildingName(buildingId),
    room,
    workerGridIds: [],
    elderMode: false,
    boundAt: at,
    verifiedAt: at,
    verifiedBy: 'demo-gridworker-1',
    createdAt: at,
    updatedAt: at,
    ...extra,
  })
  const staff = (
    openid: string,
    nickname: string,
    realName: string,
    phone: string,
    extra: Doc
  ): Doc => ({
    _id: openid,
    openid,
    nickname,
    realName,
    phone,
    roles: [],
    bindStatus: 'none',
    workerGridIds: [],
    elderMode: false,
    createdAt: at,
    updatedAt: at,
    ...extra,
  })

  const data: Record<string, Doc[]> = {
    communities: [
      { _id: 'c1', name: '幸福里社区', streetId: 's1', streetName: '红旗街道' },
      { _id: 'c2', name: '和平社区', streetId: 's1', streetName: '红旗街道' },
    ],
    grids: [
      {
        _id: 'g1',
        name: GRID_NAMES.g1,
        communityId: 'c1',
        communityName: '幸福里社区',
        buildings: [1, 2, 3].map((n) => building('g1', n)),
      },
      {
        _id: 'g2',
        name: GRID_NAMES.g2,
        communityId: 'c1',
        communityName: '幸福里社区',
        buildings: [4, 5, 6].map((n) => building('g2', n)),
      },
      {
        _id: 'g3',
        name: GRID_NAMES.g3,
        communityId: 'c2',
        communityName: '和平社区',
        buildings: [1, 2].map((n) => building('g3', n)),
      },
    ],
    users: [
      resident('demo-resident-1', '桂兰阿姨', '张桂兰', '13800000001', 'g1', 'g1-b1', '101', {
        elderMode: true,
      }),
      resident('demo-resident-2', '建国', '李建国', '13800000002', 'g1', 'g1-b2', '202'),
      resident('demo-resident-3', '秀英', '王秀英', '13800000003', 'g2', 'g2-b4', '301'),
      // 张桂兰's son, the same household (building and room) as demo-resident-1
      resident('demo-resident-4', '阿伟', '张伟', '13800000004', 'g1', 'g1-b1', '101'),
      staff('demo-newcomer', '新邻居', '', '', {}),
      resident('demo-volunteer-1', '志强', '赵志强', '13800000005', 'g1', 'g1-b3', '502', {
        roles: ['resident', 'volunteer', 'redAgent'],
        volunteer: { status: 'approved', partyMember: true, skills: ['跑腿', '手机教学'] },
      }),
      resident('demo-volunteer-2', '晓燕', '陈晓燕', '13800000006', 'g2', 'g2-b5', '102', {
        roles: ['resident', 'volunteer'],
        volunteer: { status: 'approved', partyMember: false, skills: ['陪伴'] },
      }),
      staff('demo-gridworker-1', '刘网格员', '刘芳', '13800000007', {
        roles: ['gridWorker'],
        workerGridIds: ['g1', 'g2'],
      }),
      staff('demo-committee-1', '周书记', '周卫东', '13800000008', {
        roles: ['committee'],
        committeeCommunityId: 'c1',
      }),
      staff('demo-admin', '街道管理员', '孙明', '13800000009', { roles: ['admin'] }),
      ...NEIGHBOURS.map(neighbour),
    ],
  }
  data.wishes = seedWishes(now, NEIGHBOURS, {
    gridName: (id) => GRID_NAMES[id],
    buildingName,
  }) as unknown as Doc[]
  data.errands = seedErrands(
    now,
    { gridName: (id) => GRID_NAMES[id], buildingName },
    'demo-gridworker-1'
  ) as unknown as Doc[]
  const gridWorker = data.users.find((u) => u._id === 'demo-gridworker-1')
  data.matters = seedMatters(
    now,
    { gridName: (id) => GRID_NAMES[id], buildingName },
    String(gridWorker?.nickname ?? '')
  ) as unknown as Doc[]
  Object.assign(
    data,
    seedDeliberations(now, data.users as unknown as UserDoc[], {
      gridName: (id) => GRID_NAMES[id],
      communityName: (id) => String(data.communities.find((c) => c._id === id)?.name ?? ''),
      gridIds: (id) => data.grids.filter((g) => g.communityId === id).map((g) => String(g._id)),
    })
  )
  // The committee timer's first run: every month the dashboard may show, from the data above.
  const stats = statsFor(data, oldestMonth(now), now) as unknown as Doc[]
  return { ...data, counters: countersFor(data) as unknown as Doc[], stats }

  function neighbour(n: Neighbour): Doc {
    const since = new Date(now.getTime() - n.since * DAY)
    const volunteer = n.volunteer && {
      roles: ['resident', 'volunteer', ...(n.volunteer.redAgent ? ['redAgent'] : [])],
      volunteer: {
        status: 'approved',
        partyMember: n.volunteer.partyMember,
        skills: n.volunteer.skills,
      },
    }
    const times = { boundAt: since, createdAt: since, updatedAt: since }
    const doc = resident(
      n.openid,
      n.nickname,
      n.realName,
      n.phone,
      n.gridId,
      n.buildingId,
      n.room,
      {
        ...times,
        verifiedAt: since,
        ...volunteer,
      }
    )
    if (!n.pending) return doc
    const { verifiedAt: _v, verifiedBy: _b, ...pending } = doc
    return { ...pending, roles: [], bindStatus: 'pending' }
  }
}

export const demoPersonas: { openid: string; label: string }[] = [
  { openid: 'demo-resident-1', label: '张桂兰 · 第一网格居民' },
  { openid: 'demo-resident-2', label: '李建国 · 第一网格居民' },
  { openid: 'demo-resident-3', label: '王秀英 · 第二网格居民' },
  { openid: 'demo-resident-4', label: '张伟 · 第一网格居民（张桂兰的儿子）' },
  { openid: 'demo-newcomer', label: '新邻居 · 未绑定网格' },
  { openid: 'demo-volunteer-1', label: '赵志强 · 党员志愿者/红色代办员' },
  { openid: 'demo-volunteer-2', label: '陈晓燕 · 志愿者' },
  { openid: 'demo-gridworker-1', label: '刘芳 · 网格员（一、二网格）' },
  { openid: 'demo-committee-1', label: '周卫东 · 社区两委' },
  { openid: 'demo-admin', label: '孙明 · 街道管理员' },
]
