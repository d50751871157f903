import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import GridPage from '@/pages/grid/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

// 微心愿 on the main package's tabs (src/packages/wish/entry.ts): the tile and this year's counts,
// the reviewers' queue, the author's wishes waiting for confirmation, the grid tab's card.

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
  mockCloud.on(
    'user.counts',
    ok({ year: 2025, counts: { 'wish.litThisYear': 3, 'wish.openNow': 2, 'wish.toConfirm': 0 } })
  )
  renderPage(<Home />)

  const tile = await screen.findByTestId('service-wish')
  expect(await within(tile).findByTestId('wish-stats')).toHaveTextContent(
    '今年已点亮 3 个 · 待认领 2 个'
  )
  expect(tile).not.toHaveTextContent('即将上线')
  fireEvent.click(within(tile).getByText('微心愿'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/list/index' })
  expect(screen.queryByTestId('entry-wish-review')).not.toBeInTheDocument()
  expect(screen.queryByTestId('notice-wish-confirm')).not.toBeInTheDocument()
})

test('an author with fulfilled wishes to confirm is told so, one tap from their wishes', async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('user.counts', ok({ year: 2025, counts: { 'wish.toConfirm': 2 } }))
  renderPage(<Home />)
  const notice = await screen.findByTestId('notice-wish-confirm')
  expect(notice).toHaveTextContent('您有 2 个心愿待确认')
  fireEvent.click(notice)
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/wish/pages/list/index?scope=mine',
  })
})

test('home stays quiet about counts it could not load', async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('user.counts', fail('INTERNAL', '网络不太好，请稍后再试'))
  renderPage(<Home />)
  await screen.findByTestId('service-wish')
  expect(screen.queryByTestId('wish-stats')).not.toBeInTheDocument()
  expect(screen.queryByText('网络不太好，请稍后再试')).not.toBeInTheDocument()
})

test('a reviewer sees how many wishes wait for review, one tap from the queue', async () => {
  mockCloud.on(
    'user.me',
    ok(
      meOf({
        roles: ['gridWorker'],
        workerGridIds: ['g1'],
        grid: null,
        bindStatus: 'none',
        can: canOf('wish.review', 'wish.fileFor'),
      })
    )
  )
  mockCloud.on('user.counts', ok({ year: 2025, counts: { 'wish.toReview': 12 } }))
  renderPage(<Home />)

  const entry = await screen.findByTestId('entry-wish-review')
  expect(await within(entry).findByTestId('entry-wish-review-count')).toHaveTextContent('12')
  fireEvent.click(within(entry).getByText('待审核心愿'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/review/index' })
  expect(mockCloud.callsTo('wish.list')).toHaveLength(0)
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
  mockCloud.on(
    'user.counts',
    ok({ year: 2025, counts: { 'wish.litThisYear': 5, 'wish.openNow': 1 } })
  )
  renderPage(<GridPage />)

  expect(await screen.findByTestId('grid-wish-lit')).toHaveTextContent('5')
  expect(screen.getByTestId('grid-wish-open')).toHaveTextContent('1')
  fireEvent.click(screen.getByTestId('grid-wish-wall'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/wall/index' })
})
