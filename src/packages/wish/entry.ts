import type { DomainEntry } from '@/components/DomainEntry/types'
import { WISH_ROUTES } from './routes'

// 微心愿 on the main package's tabs (listed in src/pages/entries.ts). Zod-free and tiny.

export const wishEntry: DomainEntry = {
  key: 'wish',
  tile: {
    title: '微心愿',
    desc: '说出小心愿，邻里帮您圆',
    url: WISH_ROUTES.list,
    counts: [
      { key: 'wish.litThisYear', text: (n) => `今年已点亮 ${n} 个` },
      { key: 'wish.openNow', text: (n) => `待认领 ${n} 个` },
    ],
  },
  links: [
    { id: 'wish-wall', title: '心愿墙', desc: '看看邻居们点亮的心愿和感谢', url: WISH_ROUTES.wall },
  ],
  queues: [
    {
      id: 'wish-review',
      title: '待审核心愿',
      description: '审核居民发布的微心愿',
      url: WISH_ROUTES.review,
      ability: 'wish.review',
      count: 'wish.toReview',
    },
  ],
  notices: [
    {
      id: 'wish-confirm',
      count: 'wish.toConfirm',
      text: (n) => `您有 ${n} 个心愿待确认`,
      url: WISH_ROUTES.mine,
    },
  ],
  grid: {
    id: 'wish',
    title: '微心愿',
    counts: [
      { key: 'wish.litThisYear', label: '已点亮', testId: 'grid-wish-lit' },
      { key: 'wish.openNow', label: '待认领', testId: 'grid-wish-open' },
    ],
    links: [
      { text: '心愿墙', url: WISH_ROUTES.wall, testId: 'grid-wish-wall' },
      { text: '查看心愿', url: WISH_ROUTES.list, testId: 'grid-wish-list', primary: true },
    ],
  },
}
