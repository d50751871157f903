import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import DashboardPage from '@/packages/committee/pages/dashboard/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, gridsTree, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { COMMUNITY_MESSAGES } from '@/contract/committee.rules'
import { dashboardOf, NOW, rowOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('./fakePicker').FakePicker,
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on(
    'user.me',
    ok(meOf({ openid: 'demo-committee-1', can: canOf('committee.queue', 'committee.dashboard') }))
  )
  mockCloud.on('committee.dashboard', (input) => {
    const { from, to } = input as { from?: string; to?: string }
    return ok(dashboardOf(from && to ? { from, to } : {}))
  })
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
})

afterEach(() => jest.restoreAllMocks())

const pickMonth = (field: 'from' | 'to', month: string) =>
  fireEvent.change(within(screen.getByTestId(`field-${field}`)).getByTestId('picker-month'), {
    target: { value: month },
  })

test('the total shows as cards: satisfaction in per cent, the median in minutes, the state now, when computed', async () => {
  renderPage(<DashboardPage />)
  const summary = await screen.findByTestId('dashboard-summary')
  expect(within(summary).getByTestId('summary-satisfaction')).toHaveTextContent('99.5%满意度')
  expect(within(summary).getByTestId('summary-acceptMedianMinutes')).toHaveTextContent(
    '1 小时 35 分钟'
  )
  expect(within(summary).getByTestId('summary-turnout')).toHaveTextContent('60%')
  // Nothing to divide by: a dash, not 0%.
  expect(within(summary).getByTestId('summary-attendanceRate')).toHaveTextContent('—')
  expect(screen.getByTestId('summary-now-mattersOpen')).toHaveTextContent('7未办结说事')
  expect(screen.getByTestId('dashboard-computed')).toHaveTextContent('数据更新于 2026年11月26日')
  // The server's default range is what the boxes show; nothing was asked of it.
  expect(screen.getByTestId('dashboard-from')).toHaveTextContent('2026年9月')
  expect(screen.getByTestId('dashboard-to')).toHaveTextContent('2026年11月')
  expect(mockCloud.callsTo('committee.dashboard')).toEqual([{}])
})

test('without a canvas (jsdom) each chart says in words what it shows, and the domain switcher changes it', async () => {
  renderPage(<DashboardPage />)
  const bars = await screen.findByTestId('dashboard-bars-chart')
  expect(bars).toHaveAttribute('role', 'img')
  const text = await within(bars).findByTestId('dashboard-bars-text')
  expect(text).toHaveTextContent('微心愿按月统计（2026年9月至2026年11月）')
  expect(text).toHaveTextContent('点亮微心愿合计 13，最多在2026年10月（8）')
  expect(bars.getAttribute('aria-label')).toBe(text.textContent)
  fireEvent.click(screen.getByTestId('dashboard-domain-matter'))
  await waitFor(() =>
    expect(screen.getByTestId('dashboard-bars-chart').getAttribute('aria-label')).toContain(
      '办结说事合计 9'
    )
  )
  expect(screen.getByTestId('dashboard-satisfaction-chart').getAttribute('aria-label')).toBe(
    '满意度按月变化：9月 98%，10月 98%，11月 98%'
  )
})

test('the grid table sorts by any column: most first, a second tap least first, aria-sort says so', async () => {
  renderPage(<DashboardPage />)
  const table = await screen.findByTestId('grid-table')
  const names = () =>
    within(table)
      .getAllByTestId('grid-table-row')
      .map((r) => r.firstElementChild?.textContent)
  // First in the server's order (by name), no column sorted.
  expect(names()).toEqual(['第一网格', '第二网格'])
  expect(within(table).getByTestId('grid-table-head-name')).toHaveAttribute('aria-sort', 'none')
  fireEvent.click(within(table).getByTestId('grid-table-sort-mattersResolved'))
  expect(names()).toEqual(['第二网格', '第一网格'])
  expect(within(table).getByTestId('grid-table-head-mattersResolved')).toHaveAttribute(
    'aria-sort',
    'descending'
  )
  expect(within(table).getByTestId('grid-table-head-name')).toHaveAttribute('aria-sort', 'none')
  fireEvent.click(within(table).getByTestId('grid-table-sort-mattersResolved'))
  expect(names()).toEqual(['第一网格', '第二网格'])
  expect(within(table).getByTestId('grid-table-head-mattersResolved')).toHaveAttribute(
    'aria-sort',
    'ascending'
  )
  fireEvent.click(within(table).getByTestId('grid-table-sort-now.wishesOpen'))
  expect(names()).toEqual(['第一网格', '第二网格'])
  // The total stays last, whatever the order.
  expect(within(table).getByTestId('grid-table-total')).toHaveTextContent('合计')
})

test('a range the rules refuse is said next to the field and not asked for', async () => {
  renderPage(<DashboardPage />)
  await screen.findByTestId('dashboard-summary')
  pickMonth('from', '2026-12')
  expect(await screen.findByTestId('to-error')).toHaveTextContent('结束月份不能早于起始月份')
  pickMonth('to', '2026-12')
  expect(await screen.findByTestId('to-error')).toHaveTextContent('结束月份不能晚于本月')
  pickMonth('from', '2024-01')
  expect(await screen.findByTestId('to-error')).toHaveTextContent('一次最多查看 24 个月')
  expect(mockCloud.callsTo('committee.dashboard')).toEqual([{}])
  pickMonth('to', '2025-12')
  await waitFor(() => expect(screen.queryByTestId('to-error')).not.toBeInTheDocument())
  await waitFor(() =>
    expect(mockCloud.callsTo('committee.dashboard')).toEqual([
      {},
      { from: '2024-01', to: '2025-12' },
    ])
  )
  expect(await screen.findByTestId('dashboard-from')).toHaveTextContent('2024年1月')
})

test('a quick choice asks for those months; the server’s refusal shows at its field', async () => {
  renderPage(<DashboardPage />)
  await screen.findByTestId('dashboard-summary')
  fireEvent.click(screen.getByTestId('dashboard-preset-1'))
  await waitFor(() =>
    expect(mockCloud.callsTo('committee.dashboard')).toContainEqual({
      from: '2026-11',
      to: '2026-11',
    })
  )
  expect(await screen.findByTestId('dashboard-from')).toHaveTextContent('2026年11月')
  expect(screen.getByTestId('dashboard-preset-1')).toHaveAttribute('aria-checked', 'true')
  mockCloud.on('committee.dashboard', fail('INVALID_INPUT', '结束月份不能晚于本月', 'to'))
  fireEvent.click(screen.getByTestId('dashboard-preset-3'))
  expect(await screen.findByTestId('to-error')).toHaveTextContent('结束月份不能晚于本月')
})

test('no activity in the months shown: an empty state, the range still there to change', async () => {
  const months = ['2026-09', '2026-10', '2026-11']
  const total = rowOf(
    null,
    '合计',
    {},
    months.map(() => ({}))
  )
  mockCloud.on('committee.dashboard', ok(dashboardOf({ grids: [], total, computedAt: null })))
  renderPage(<DashboardPage />)
  expect(await screen.findByTestId('state-empty')).toHaveTextContent(
    '2026年9月至2026年11月还没有数据'
  )
  expect(screen.getByTestId('dashboard-computed')).toHaveTextContent('数据尚未统计')
  expect(screen.getByTestId('dashboard-range')).toBeInTheDocument()
})

test('asked which community (a street admin belongs to none): the choices by the message, then that community', async () => {
  mockCloud.on('user.listGrids', ok(gridsTree))
  mockCloud.on('committee.dashboard', (input) =>
    (input as { communityId?: string }).communityId
      ? ok(dashboardOf({}))
      : fail('INVALID_INPUT', COMMUNITY_MESSAGES.choose, 'communityId')
  )
  renderPage(<DashboardPage />)
  const field = await screen.findByTestId('dashboard-community')
  expect(within(field).getByTestId('communityId-error')).toHaveTextContent(
    COMMUNITY_MESSAGES.choose
  )
  fireEvent.click(await within(field).findByTestId('dashboard-community-choice-c1'))
  expect(await screen.findByTestId('dashboard-summary')).toBeInTheDocument()
  expect(screen.queryByTestId('communityId-error')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('committee.dashboard')).toEqual([{}, { communityId: 'c1' }])
})

test('a failed load shows the error with a retry', async () => {
  mockCloud.on('committee.dashboard', fail('INTERNAL', '网络不太好，请稍后再试'))
  renderPage(<DashboardPage />)
  expect(await screen.findByTestId('state-error')).toHaveTextContent('网络不太好，请稍后再试')
})

test('a resident is told who the page is for', async () => {
  mockCloud.on('user.me', ok(meOf()))
  renderPage(<DashboardPage />)
  expect(await screen.findByTestId('no-access')).toBeInTheDocument()
  expect(mockCloud.callsTo('committee.dashboard')).toHaveLength(0)
})
