import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import GridPage from '@/pages/grid/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

// 居民说事 on the main package's tabs (src/packages/matter/entry.ts): the counts come from
// `user.counts`, the staff rows from `me.can`.

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const resident = () => meOf({ can: canOf('matter.report', 'matter.board') })
const gridWorker = () =>
  meOf({
    grid: null,
    bindStatus: 'none',
    verified: false,
    can: canOf('matter.board', 'matter.handle'),
  })

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.counts', ok({ year: 2026, counts: {} }))
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test("home's 居民说事 opens the board and shows the grid's open and resolved matters", async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'matter.open': 2, 'matter.resolvedThisYear': 31 } })
  )
  renderPage(<Home />)
  const tile = await screen.findByTestId('service-matter')
  expect(await within(tile).findByTestId('matter-stats')).toHaveTextContent(
    '处理中 2 件 · 今年已解决 31 件'
  )
  expect(tile).not.toHaveTextContent('即将上线')
  fireEvent.click(tile)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matter/pages/list/index' })
})

test('a reporter with resolved matters to rate is told so, one tap from them', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'matter.toRate': 1 } }))
  renderPage(<Home />)
  const notice = await screen.findByTestId('notice-matter-rate')
  expect(notice).toHaveTextContent('您反映的 1 件事已处理，请评价')
  fireEvent.click(notice)
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/matter/pages/list/index?scope=mine',
  })
})

test('staff see what waits, what they handle and what is overdue, each with its count', async () => {
  mockCloud.on('user.me', ok(gridWorker()))
  mockCloud.on(
    'user.counts',
    ok({
      year: 2026,
      counts: { 'matter.queue': 5, 'matter.handling': 2, 'matter.overdue': 1 },
    })
  )
  renderPage(<Home />)
  const queue = await screen.findByTestId('entry-matter-queue')
  expect(await within(queue).findByTestId('entry-matter-queue-count')).toHaveTextContent('5')
  expect(screen.getByTestId('entry-matter-handling-count')).toHaveTextContent('2')
  expect(screen.getByTestId('entry-matter-overdue-count')).toHaveTextContent('1')
  fireEvent.click(screen.getByTestId('entry-matter-handling'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/matter/pages/list/index?scope=queue&status=handling',
  })
})

test('a resident has no staff rows', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'matter.open': 2 } }))
  renderPage(<Home />)
  await screen.findByTestId('matter-stats')
  expect(screen.queryByTestId('entry-matter-queue')).not.toBeInTheDocument()
})

test('the grid tab shows the matters resolved this year and leads to 我要说', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on(
    'user.myGrid',
    ok({
      grid: {
        id: 'g1',
        name: '第一网格',
        communityId: 'c1',
        communityName: '幸福里社区',
        buildingCount: 3,
      },
      workers: [],
      residentCount: 4,
    })
  )
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'matter.resolvedThisYear': 9, 'matter.open': 3 } })
  )
  renderPage(<GridPage />)
  expect(await screen.findByTestId('grid-matter-resolved')).toHaveTextContent('9')
  expect(screen.getByTestId('grid-matter-open')).toHaveTextContent('3')
  fireEvent.click(screen.getByTestId('grid-matter-report'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matter/pages/report/index' })
  fireEvent.click(screen.getByTestId('grid-matter-board'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/matter/pages/list/index?scope=grid',
  })
})
