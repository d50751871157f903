import type { DomainEntry } from '@/components/DomainEntry/types'
import { ERRAND_ROUTES } from './routes'

// 红色代办 on the main package's tabs (listed in src/pages/entries.ts). Zod-free and tiny.

export const errandEntry: DomainEntry = {
  key: 'errand',
  tile: {
    title: '红色代办',
    desc: '缴费买药办证，党员帮您跑',
    url: ERRAND_ROUTES.list,
    counts: [
      { key: 'errand.open', text: (n) => `进行中 ${n} 件` },
      { key: 'errand.closedThisYear', text: (n) => `今年已办结 ${n} 件` },
    ],
  },
  queues: [
    {
      id: 'errand-pool',
      title: '代办接单',
      description: '居民预约的代办，等您接单',
      url: ERRAND_ROUTES.pool,
      ability: 'errand.accept',
      count: 'errand.pool',
    },
    {
      id: 'errand-assigned',
      title: '我接的代办',
      description: '已接单、还没办结的代办',
      url: ERRAND_ROUTES.assigned,
      ability: 'errand.accept',
      count: 'errand.assigned',
    },
    {
      id: 'errand-escalated',
      title: '代办督办',
      description: '网格内无人接单、已升级的代办',
      url: ERRAND_ROUTES.managed,
      ability: 'errand.manage',
      count: 'errand.escalated',
    },
    {
      id: 'errand-overdue',
      title: '超时代办',
      description: '接单 48 小时还没办结的代办',
      url: ERRAND_ROUTES.overdue,
      ability: 'errand.manage',
      count: 'errand.overdue',
    },
  ],
  notices: [
    {
      id: 'errand-confirm',
      count: 'errand.toConfirm',
      text: (n) => `您有 ${n} 件代办待销单`,
      url: ERRAND_ROUTES.mine,
    },
  ],
  grid: {
    id: 'errand',
    title: '红色代办',
    counts: [
      { key: 'errand.closedThisYear', label: '已办结', testId: 'grid-errand-closed' },
      { key: 'errand.pool', label: '待接单', testId: 'grid-errand-pool' },
    ],
    links: [
      { text: '我的代办', url: ERRAND_ROUTES.mine, testId: 'grid-errand-mine' },
      { text: '预约代办', url: ERRAND_ROUTES.book, testId: 'grid-errand-book', primary: true },
    ],
  },
}
