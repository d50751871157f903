import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import { waitedText } from '@/pages/home/WorkQueue'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { NOW, workQueueOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const committee = () =>
  meOf({
    openid: 'demo-committee-1',
    grid: null,
    bindStatus: 'none',
    can: canOf('committee.queue', 'committee.dashboard', 'committee.export', 'matter.handle'),
  })

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.counts', ok({ year: 2026, counts: {} }))
  mockCloud.on('committee.moderationQueue', ok(workQueueOf()))
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test('staff see one to-do list: the queues with something waiting, most urgent first, with counts', async () => {
  mockCloud.on('user.me', ok(committee()))
  renderPage(<Home />)
  const card = await screen.findByTestId('home-todo')
  await within(card).findByTestId('todo-errandOverdue')
  const sections = within(card)
    .getAllByTestId(/^todo-(errandOverdue|errandEscalated|matter|resident)$/)
    .map((s) => s.getAttribute('data-testid'))
  // Empty queues are left out; the order is the server's (most urgent first).
  expect(sections).toEqual(['todo-errandOverdue', 'todo-matter'])
  expect(within(card).getByTestId('todo-total')).toHaveTextContent('5')
  expect(within(card).getByTestId('todo-matter-count')).toHaveTextContent('4')
  const overdue = within(card).getByTestId('todo-errandOverdue')
  expect(overdue).toHaveTextContent('超时未办结的代办')
  expect(overdue).toHaveTextContent('代缴水电费 · 11月25日')
  expect(overdue).toHaveTextContent('第一网格 · 1号楼 · 等了 3 小时')
  expect(within(overdue).getByText('超时')).toBeInTheDocument()
  const matters = within(card).getByTestId('todo-matter')
  expect(within(matters).getAllByTestId('todo-item-matter')).toHaveLength(3)
  expect(within(matters).queryByText('超时')).not.toBeInTheDocument()
  expect(matters).toHaveTextContent('等了 2 天')
})

test('an item opens the page where it is handled, a section its whole queue', async () => {
  mockCloud.on('user.me', ok(committee()))
  renderPage(<Home />)
  const matters = await screen.findByTestId('todo-matter')
  fireEvent.click(within(matters).getByText('路灯坏了'))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/matter/pages/detail/index?id=m1',
  })
  fireEvent.click(within(matters).getByText('待受理的居民说事'))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/matter/pages/list/index?scope=queue',
  })
  fireEvent.click(screen.getByText('代缴水电费 · 11月25日'))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/errand/pages/detail/index?id=e1',
  })
})

test('nothing waiting: 全部处理完了', async () => {
  mockCloud.on('user.me', ok(committee()))
  mockCloud.on(
    'committee.moderationQueue',
    ok({ total: 0, sections: [{ kind: 'matter', count: 0, items: [] }] })
  )
  renderPage(<Home />)
  expect(await screen.findByTestId('todo-empty')).toHaveTextContent('全部处理完了')
  expect(screen.queryByTestId('todo-total')).not.toBeInTheDocument()
})

test('a failed load says so in the card and loads again on request', async () => {
  mockCloud.on('user.me', ok(committee()))
  mockCloud.on('committee.moderationQueue', fail('INTERNAL', '网络不太好，请稍后再试'))
  renderPage(<Home />)
  const card = await screen.findByTestId('home-todo')
  await within(card).findByText('网络不太好，请稍后再试')
  mockCloud.on('committee.moderationQueue', ok(workQueueOf()))
  fireEvent.click(within(card).getByText('重新加载'))
  expect(await within(card).findByTestId('todo-matter')).toBeInTheDocument()
})

test('the 工作台 offers what `me.can` allows: a grid worker has the dashboard, not the ledgers', async () => {
  mockCloud.on(
    'user.me',
    ok(
      meOf({ grid: null, bindStatus: 'none', can: canOf('committee.queue', 'committee.dashboard') })
    )
  )
  renderPage(<Home />)
  const bench = await screen.findByTestId('home-workbench')
  expect(within(bench).queryByTestId('workbench-export')).not.toBeInTheDocument()
  fireEvent.click(within(bench).getByTestId('workbench-dashboard'))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/committee/pages/dashboard/index',
  })
})

test('a resident has no to-do list and the queue is never asked for', async () => {
  mockCloud.on('user.me', ok(meOf()))
  renderPage(<Home />)
  await screen.findByTestId('home-grid')
  expect(screen.queryByTestId('home-todo')).not.toBeInTheDocument()
  expect(screen.queryByTestId('home-workbench')).not.toBeInTheDocument()
  await waitFor(() => expect(mockCloud.callsTo('user.counts')).toHaveLength(1))
  expect(mockCloud.callsTo('committee.moderationQueue')).toHaveLength(0)
})

test('waiting time reads in minutes, hours, then days', () => {
  expect(waitedText(new Date(NOW - 5 * 60_000).toISOString(), NOW)).toBe('等了 5 分钟')
  expect(waitedText(new Date(NOW - 25 * 3_600_000).toISOString(), NOW)).toBe('等了 1 天')
})
