import type { ResidentItem } from '@/contract/user'
import type { Wish, WishActionKey, WishStats } from '@/contract/wish'

export const NO_CAN: Record<WishActionKey, boolean> = {
  claim: false,
  release: false,
  fulfill: false,
  confirm: false,
  cancel: false,
  review: false,
}

/** A wish as a neighbour sees it: open, author masked, nothing to do but claim. */
export function wishOf(patch: Partial<Wish> = {}): Wish {
  return {
    id: 'w1',
    title: '想请人帮忙换灯泡',
    content: '厨房的灯泡坏了，我够不着，想请邻居帮忙换一下。',
    category: 'daily',
    status: 'open',
    gridId: 'g1',
    gridName: '第一网格',
    communityId: 'c1',
    author: {
      nickname: '桂兰阿姨',
      name: '张*',
      buildingName: '1号楼',
      room: null,
      phone: null,
      can: { call: false },
    },
    claimer: null,
    mine: false,
    filedByGridWorker: false,
    rejectReason: null,
    releaseReason: null,
    fulfillNote: null,
    rating: null,
    thanks: null,
    createdAt: '2025-03-08T02:15:00.000Z',
    claimedAt: null,
    fulfilledAt: null,
    doneAt: null,
    timeline: [
      { at: '2025-03-08T02:15:00.000Z', type: 'created', text: '提交心愿，等待网格员审核' },
    ],
    can: { ...NO_CAN },
    ...patch,
  }
}

export const page = <T = Wish>(items: T[], nextCursor: string | null = null) => ({
  items,
  nextCursor,
})

export const statsOf = (lit: number, open: number): WishStats => ({
  year: 2025,
  grid: { id: 'g1', name: '第一网格', litThisYear: lit, openNow: open },
  community: {
    id: 'c1',
    litThisYear: lit + 4,
    openNow: open + 1,
    byGrid: [],
  },
})

/** A verified resident in a grid worker's roster (user.listResidents), fileable by default. */
export function residentOf(
  openid: string,
  name: string,
  buildingName: string,
  room: string,
  patch: Partial<ResidentItem> = {}
): ResidentItem {
  return {
    id: openid,
    openid,
    name,
    nickname: `${name}的微信`,
    roles: ['resident'],
    grantableRoles: [],
    phone: '13800000001',
    gridId: 'g1',
    gridName: '第一网格',
    buildingName,
    room,
    can: { fileFor: true, bookFor: true },
    ...patch,
  }
}
