import type { GridsTree, Me, PendingResident } from '@/contract/user'
import { ABILITIES, type Ability, type ViewerCan } from '@/contract/viewer'

/** A viewer's `can` map: everything false but what is listed. */
export const canOf = (...yes: Ability[]): ViewerCan =>
  Object.fromEntries(ABILITIES.map((a) => [a, yes.includes(a)])) as ViewerCan

export function meOf(patch: Partial<Me> = {}): Me {
  return {
    openid: 'demo-resident-1',
    nickname: '桂兰阿姨',
    roles: ['resident'],
    grid: {
      id: 'g1',
      name: '第一网格',
      communityId: 'c1',
      communityName: '幸福里社区',
      buildingId: 'g1-b1',
      buildingName: '1号楼',
      room: '101',
    },
    verified: true,
    bindStatus: 'verified',
    rejectReason: null,
    realName: '张桂兰',
    phone: '13800000001',
    elderMode: false,
    creditByName: false,
    workerGridIds: [],
    committeeCommunityId: null,
    can: canOf('wish.post'),
    ...patch,
  }
}

export const newcomer = (): Me =>
  meOf({
    openid: 'demo-newcomer',
    nickname: '新邻居',
    grid: null,
    verified: false,
    bindStatus: 'none',
    realName: null,
    phone: null,
    can: canOf('user.bind'),
  })

export const gridsTree: GridsTree = {
  communities: [
    {
      id: 'c1',
      name: '幸福里社区',
      grids: [
        {
          id: 'g1',
          name: '第一网格',
          buildings: [
            { id: 'g1-b1', name: '1号楼' },
            { id: 'g1-b2', name: '2号楼' },
          ],
        },
        { id: 'g2', name: '第二网格', buildings: [{ id: 'g2-b4', name: '4号楼' }] },
      ],
    },
    { id: 'c2', name: '和平社区', grids: [] },
  ],
}

export function pendingOf(openid: string, name: string, phone: string): PendingResident {
  return {
    id: openid,
    openid,
    nickname: `${name}的微信`,
    name,
    phone,
    gridId: 'g1',
    gridName: '第一网格',
    buildingName: '2号楼',
    room: '302',
    boundAt: '2025-03-08T02:15:00.000Z',
    can: { verify: true },
  }
}
