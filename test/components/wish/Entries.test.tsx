import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import GridPage from '@/pages/grid/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { page, statsOf, wishOf } from './fixtures'

// 微心愿 on the main package's tabs: the entry, this year's counts, the reviewers' queue.

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test("home's 微心愿 opens the wish list and shows the grid's counts", async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('wish.stats', ok(statsOf(3, 2)))
  renderPage(<Home />)

  const tile = await screen.findByTestId('service-wish')
  expect(await within(tile).findByTestId('wish-stats')).toHaveTextContent(
    '今年已点亮 3 个 · 待认领 2 个'
  )
  expect(tile).not.toHaveTextContent('即将上线')
  fireEvent.click(within(tile).getByText('微心愿'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/list/index' })
  expect(screen.queryByTestId('entry-wish-review')).not.toBeInTheDocument()
})

test('home stays quiet about counts it could not load', async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('wish.stats', fail('INTERNAL', '网络不太好，请稍后再试'))
  renderPage(<Home />)
  await screen.findByTestId('service-wish')
  expect(screen.queryByTestId('wish-stats')).not.toBeInTheDocument()
  expect(screen.queryByText('网络不太好，请稍后再试')).not.toBeInTheDocument()
})

test('a grid worker sees how many wishes wait for review, one tap from the queue', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ roles: ['gridWorker'], workerGridIds: ['g1'], grid: null, bindStatus: 'none' }))
  )
  mockCloud.on('user.listPendingResidents', ok({ items: [], nextCursor: null }))
  mockCloud.on('wish.stats', ok({ year: 2025, grid: null, community: null }))
  mockCloud.on('wish.list', ok(page([wishOf({ id: 'a' }), wishOf({ id: 'b' })], 'more')))
  renderPage(<Home />)

  const entry = await screen.findByTestId('entry-wish-review')
  expect(await within(entry).findByTestId('wish-review-count')).toHaveTextContent('2+')
  fireEvent.click(within(entry).getByText('待审核心愿'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/review/index' })
  expect(mockCloud.callsTo('wish.list')).toEqual([{ scope: 'review', limit: 50 }])
})

test("the grid tab shows the grid's lit and open wishes and leads to the wall", async () => {
  mockCloud.on('user.me', ok(meOf()))
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
  mockCloud.on('wish.stats', ok(statsOf(5, 1)))
  renderPage(<GridPage />)

  expect(await screen.findByTestId('grid-wish-lit')).toHaveTextContent('5')
  expect(screen.getByTestId('grid-wish-open')).toHaveTextContent('1')
  fireEvent.click(screen.getByTestId('grid-wish-wall'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/wall/index' })
})
