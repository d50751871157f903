import type { Matter, MatterActionKey } from '@/contract/matter'

export const NO_CAN: Record<MatterActionKey, boolean> = {
  second: false,
  accept: false,
  reply: false,
  resolve: false,
  escalate: false,
  toDeliberation: false,
  rate: false,
  reopen: false,
  withdraw: false,
}

export const can = (...keys: MatterActionKey[]) => ({
  ...NO_CAN,
  ...Object.fromEntries(keys.map((k) => [k, true])),
})

const PHOTO = 'cloud://env-1.bucket-1/uploads/demo-resident-1/lamp.jpg'

/** A matter as a neighbour on the board sees it: reported in the grid, reporter masked, one photo. */
export function matterOf(patch: Partial<Matter> = {}): Matter {
  return {
    id: 'm1',
    category: 'facility',
    content: '3号楼东侧路灯坏了一个星期，晚上很黑',
    photos: [{ fileID: PHOTO, url: 'http://127.0.0.1/tcb-file/lamp.jpg?sign=x' }],
    photoCount: 1,
    place: '3号楼东侧',
    status: 'reported',
    level: 'grid',
    overdue: false,
    gridId: 'g1',
    gridName: '第一网格',
    communityId: 'c1',
    reporter: {
      nickname: '桂兰阿姨',
      name: '张*',
      buildingName: '1号楼',
      room: null,
      phone: null,
      can: { call: false },
    },
    mine: false,
    seconds: 0,
    mySecond: false,
    handler: null,
    escalateReason: null,
    resolution: null,
    rating: null,
    comment: null,
    deliberationId: null,
    createdAt: '2026-11-26T02:15:00.000Z',
    acceptedAt: null,
    resolvedAt: null,
    reopenUntil: null,
    endedAt: null,
    timeline: [
      {
        at: '2026-11-26T02:15:00.000Z',
        type: 'reported',
        text: '居民反映了问题，等待网格员受理',
        by: '居民',
      },
    ],
    can: { ...NO_CAN },
    ...patch,
  }
}

/** The reporter in full, as they themselves and staff see them. */
export const fullReporter = {
  nickname: '桂兰阿姨',
  name: '张桂兰',
  buildingName: '1号楼',
  room: '101',
  phone: '13800000001',
  can: { call: true },
}

export const page = <T = Matter>(items: T[], nextCursor: string | null = null) => ({
  items,
  nextCursor,
})
