import type {
  Dashboard,
  DashboardFigures,
  DashboardNumbers,
  DashboardRow,
  ExportResult,
  QueueItem,
  WorkQueue,
} from '@/contract/committee'
import { DASHBOARD_FIGURES, addMonths, monthSpan } from '@/contract/committee.rules'

export const NOW = Date.parse('2026-11-26T10:00:00+08:00')

export function figuresOf(patch: Partial<DashboardFigures> = {}): DashboardFigures {
  const zero = Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, 0])) as DashboardNumbers
  return {
    ...zero,
    acceptMedianMinutes: null,
    satisfaction: null,
    attendanceRate: null,
    turnout: null,
    ...patch,
  }
}

export function rowOf(
  gridId: string | null,
  name: string,
  figures: Partial<DashboardFigures>,
  byMonth: Partial<DashboardFigures>[],
  now = { wishesOpen: 0, errandsOverdue: 0, mattersOpen: 0 }
): DashboardRow {
  return { gridId, name, figures: figuresOf(figures), byMonth: byMonth.map(figuresOf), now }
}

/** Two grids over Sep–Nov 2026: g1 lit more wishes, g2 settled more matters. */
export function dashboardOf(patch: Partial<Dashboard> = {}): Dashboard {
  const from = patch.from ?? '2026-09'
  const to = patch.to ?? '2026-11'
  const months = Array.from({ length: monthSpan(from, to) }, (_, i) => addMonths(from, i))
  const g1 = rowOf(
    'g1',
    '第一网格',
    { wishesLit: 9, mattersResolved: 2, satisfaction: 0.9, volunteerHours: 12.5 },
    months.map(() => ({})),
    { wishesOpen: 3, errandsOverdue: 1, mattersOpen: 2 }
  )
  const g2 = rowOf(
    'g2',
    '第二网格',
    { wishesLit: 4, mattersResolved: 7, satisfaction: 1, volunteerHours: 3 },
    months.map(() => ({})),
    { wishesOpen: 1, errandsOverdue: 0, mattersOpen: 5 }
  )
  const total = rowOf(
    null,
    '合计',
    {
      wishesLit: 13,
      mattersResolved: 9,
      satisfaction: 0.995,
      acceptMedianMinutes: 95,
      volunteerHours: 15.5,
      turnout: 0.6,
    },
    months.map((_, i) => ({ wishesLit: [2, 8, 3][i] ?? 0, wishesPosted: 5, satisfaction: 0.98 })),
    { wishesOpen: 4, errandsOverdue: 1, mattersOpen: 7 }
  )
  return {
    communityId: 'c1',
    from,
    to,
    months,
    grids: [g1, g2],
    total,
    computedAt: '2026-11-26T01:50:00.000Z',
    ...patch,
  }
}

export const item = (patch: Partial<QueueItem> & Pick<QueueItem, 'kind' | 'id'>): QueueItem => ({
  title: '事项',
  place: '第一网格',
  since: new Date(NOW - 3 * 3_600_000).toISOString(),
  overdue: false,
  ...patch,
})

export function workQueueOf(): WorkQueue {
  return {
    total: 5,
    sections: [
      {
        kind: 'errandOverdue',
        count: 1,
        items: [
          item({
            kind: 'errandOverdue',
            id: 'e1',
            title: '代缴水电费 · 11月25日',
            place: '第一网格 · 1号楼',
            overdue: true,
          }),
        ],
      },
      { kind: 'errandEscalated', count: 0, items: [] },
      {
        kind: 'matter',
        count: 4,
        items: [
          item({
            kind: 'matter',
            id: 'm1',
            title: '路灯坏了',
            since: new Date(NOW - 2 * 86_400_000).toISOString(),
          }),
          item({ kind: 'matter', id: 'm2', title: '楼道堆物' }),
          item({ kind: 'matter', id: 'm3', title: '垃圾桶满了' }),
        ],
      },
      { kind: 'resident', count: 0, items: [] },
    ],
  }
}

export const exportResultOf = (patch: Partial<ExportResult> = {}): ExportResult => ({
  kind: 'wishes',
  fileID: 'cloud://env/exports/c1/wishes-2026-11-01-2026-11-26-x.xlsx',
  url: 'http://127.0.0.1:8080/files/exports/c1/wishes.xlsx',
  fileName: '微心愿台账_2026-11-01_2026-11-26.xlsx',
  rows: 42,
  expiresAt: '2026-11-27T02:00:00.000Z',
  ...patch,
})
