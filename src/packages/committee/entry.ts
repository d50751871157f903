import type { DomainEntry } from '@/components/DomainEntry/types'
import { COMMITTEE_ROUTES } from './routes'

// 两委工作台 on the main package's tabs (listed in src/pages/entries.ts): the dashboard and the
// ledgers under 我的 → 工作. The to-do list on 首页 is src/pages/home/WorkQueue.tsx. Zod-free.

export const committeeEntry: DomainEntry = {
  key: 'committee',
  queues: [
    {
      id: 'committee-dashboard',
      title: '数据看板',
      description: '心愿、代办、说事、志愿服务和议事，按月按网格统计',
      url: COMMITTEE_ROUTES.dashboard,
      ability: 'committee.dashboard',
    },
    {
      id: 'committee-export',
      title: '导出台账',
      description: '把台账导出为 Excel 表格',
      url: COMMITTEE_ROUTES.export,
      ability: 'committee.export',
    },
  ],
}
