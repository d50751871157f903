import type { DomainEntry } from '@/components/DomainEntry/types'
import { MATTER_ROUTES } from './routes'

// 居民说事 on the main package's tabs (listed in src/pages/entries.ts). Zod-free and tiny.

export const matterEntry: DomainEntry = {
  key: 'matter',
  tile: {
    title: '居民说事',
    desc: '身边烦心事，说给网格听',
    url: MATTER_ROUTES.list,
    counts: [
      { key: 'matter.open', text: (n) => `处理中 ${n} 件` },
      { key: 'matter.resolvedThisYear', text: (n) => `今年已解决 ${n} 件` },
    ],
  },
  queues: [
    {
      id: 'matter-queue',
      title: '居民说事待受理',
      description: '居民反映的问题，等您受理',
      url: MATTER_ROUTES.queue,
      ability: 'matter.handle',
      count: 'matter.queue',
    },
    {
      id: 'matter-handling',
      title: '正在处理的说事',
      description: '已受理、还没办结的居民说事',
      url: MATTER_ROUTES.handling,
      ability: 'matter.handle',
      count: 'matter.handling',
    },
    {
      id: 'matter-overdue',
      title: '超时的居民说事',
      description: '超过 72 小时未受理或未办结，请优先处理',
      url: MATTER_ROUTES.queue,
      ability: 'matter.handle',
      count: 'matter.overdue',
    },
  ],
  notices: [
    {
      id: 'matter-rate',
      count: 'matter.toRate',
      text: (n) => `您反映的 ${n} 件事已处理，请评价`,
      url: MATTER_ROUTES.mine,
    },
  ],
  grid: {
    id: 'matter',
    title: '居民说事',
    counts: [
      { key: 'matter.resolvedThisYear', label: '已解决', testId: 'grid-matter-resolved' },
      { key: 'matter.open', label: '处理中', testId: 'grid-matter-open' },
    ],
    links: [
      { text: '说事板', url: MATTER_ROUTES.grid, testId: 'grid-matter-board' },
      { text: '我要说', url: MATTER_ROUTES.report, testId: 'grid-matter-report', primary: true },
    ],
  },
}
