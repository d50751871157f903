import type { Errand, ErrandActionKey } from '@/contract/errand'
import { dayOf } from '@/packages/errand/dates'

export const NO_CAN: Record<ErrandActionKey, boolean> = {
  accept: false,
  release: false,
  complete: false,
  confirm: false,
  cancel: false,
}

export const can = (...keys: ErrandActionKey[]) => ({
  ...NO_CAN,
  ...Object.fromEntries(keys.map((k) => [k, true])),
})

/** An errand as an agent of the grid sees it in the pool: requested, booker masked, for tomorrow. */
export function errandOf(patch: Partial<Errand> = {}): Errand {
  return {
    id: 'e1',
    type: 'medicine',
    detail: '帮忙到社区卫生站按处方取降压药',
    status: 'requested',
    level: 'grid',
    urgent: false,
    overdue: false,
    date: dayOf(Date.now(), 1),
    slot: 'morning',
    gridId: 'g1',
    gridName: '第一网格',
    communityId: 'c1',
    booker: {
      nickname: '桂兰阿姨',
      name: '张*',
      buildingName: '1号楼',
      room: null,
      phone: null,
      can: { call: false },
    },
    contactPhone: null,
    agent: null,
    mine: false,
    filedByGridWorker: false,
    releaseReason: null,
    completeNote: null,
    rating: null,
    comment: null,
    cancelReason: null,
    createdAt: '2026-11-26T02:15:00.000Z',
    acceptedAt: null,
    completedAt: null,
    endedAt: null,
    timeline: [{ at: '2026-11-26T02:15:00.000Z', type: 'booked', text: '预约代办，等待接单' }],
    can: { ...NO_CAN },
    ...patch,
  }
}

/** The booker in full, as the accepting agent, the booker and staff see them. */
export const fullBooker = {
  nickname: '桂兰阿姨',
  name: '张桂兰',
  buildingName: '1号楼',
  room: '101',
  phone: '13800000001',
  can: { call: true },
}

export const agentOf = (patch: Partial<NonNullable<Errand['agent']>> = {}) => ({
  nickname: '志强',
  name: '赵志强',
  phone: '13800000005',
  can: { call: true },
  ...patch,
})

export const page = <T = Errand>(items: T[], nextCursor: string | null = null) => ({
  items,
  nextCursor,
})
