import type { DomainEntry } from '@/components/DomainEntry/types'
import { DELIBERATION_ROUTES } from './routes'

// 居民议事 on the main package's tabs (listed in src/pages/entries.ts). Zod-free and tiny.

export const deliberationEntry: DomainEntry = {
  key: 'deliberation',
  tile: {
    title: '居民议事',
    desc: '小区大事，大家商量着办',
    url: DELIBERATION_ROUTES.list,
    counts: [
      { key: 'deliberation.open', text: (n) => `进行中 ${n} 个议题` },
      { key: 'deliberation.voting', text: (n) => `投票中 ${n} 个` },
    ],
  },
  queues: [
    {
      id: 'deliberation-reported',
      title: '议事评论待处理',
      description: '多人举报、暂时隐藏的评论，等您隐藏或恢复',
      url: DELIBERATION_ROUTES.list,
      ability: 'deliberation.moderate',
      count: 'deliberation.reported',
    },
    {
      id: 'deliberation-create',
      title: '发起议题',
      description: '把小区大事交给居民讨论和投票',
      url: DELIBERATION_ROUTES.create,
      ability: 'deliberation.create',
    },
  ],
  grid: {
    id: 'deliberation',
    title: '居民议事',
    counts: [
      { key: 'deliberation.open', label: '进行中', testId: 'grid-deliberation-open' },
      { key: 'deliberation.voting', label: '投票中', testId: 'grid-deliberation-voting' },
    ],
    links: [
      { text: '议事结果', url: DELIBERATION_ROUTES.closed, testId: 'grid-deliberation-closed' },
      {
        text: '参与议事',
        url: DELIBERATION_ROUTES.list,
        testId: 'grid-deliberation-list',
        primary: true,
      },
    ],
  },
}
