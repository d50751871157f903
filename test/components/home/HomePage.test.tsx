import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import { ServiceTiles } from '@/components/DomainEntry'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf, newcomer } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.counts', ok({ year: 2025, counts: {} }))
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test('a newcomer is greeted and asked to bind a grid', async () => {
  mockCloud.on('user.me', ok(newcomer()))
  renderPage(<Home />)
  expect(await screen.findByText('您好，新邻居')).toBeInTheDocument()
  expect(screen.getByText('您还没有绑定网格')).toBeInTheDocument()
  fireEvent.click(screen.getByText('绑定网格'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  expect(screen.queryByTestId('entry-verify')).not.toBeInTheDocument()
})

test('a resident sees their grid and its verification state', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false })))
  renderPage(<Home />)
  const card = await screen.findByTestId('home-grid')
  expect(card).toHaveTextContent('幸福里社区 · 第一网格')
  expect(within(card).getByTestId('bind-status')).toHaveTextContent('待认证')
  expect(card).toHaveTextContent('已提交，等待网格员认证')
})

test('a service still to come says so (a tile without a page)', async () => {
  // Every domain has landed: the registry is given one that has not.
  const later = { key: 'later', tile: { title: '邻里集市', desc: '闲置互换，邻里互助' } }
  const counts = { data: undefined, get: () => undefined, refresh: () => Promise.resolve(null) }
  render(<ServiceTiles entries={[later]} me={meOf()} counts={counts} />)
  const tile = screen.getByTestId('service-later')
  expect(tile).toHaveTextContent('即将上线')
  fireEvent.click(tile)
  expect(await screen.findByText('「邻里集市」即将上线，敬请期待')).toBeInTheDocument()
  expect(Taro.navigateTo).not.toHaveBeenCalled()
})

test('staff see each queue the server lets them open, with its count as a badge', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ grid: null, bindStatus: 'none', can: canOf('user.verify', 'wish.review') }))
  )
  mockCloud.on(
    'user.counts',
    ok({ year: 2025, counts: { 'user.toVerify': 1, 'wish.toReview': 0 } })
  )
  renderPage(<Home />)
  const entry = await screen.findByTestId('entry-verify')
  expect(await within(entry).findByTestId('entry-verify-count')).toHaveTextContent('1')
  // Nothing waiting: no badge, but the way in stays.
  expect(screen.getByTestId('entry-wish-review')).toBeInTheDocument()
  expect(screen.queryByTestId('entry-wish-review-count')).not.toBeInTheDocument()
  fireEvent.click(within(entry).getByText('待认证居民'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/verify/index' })
})

test('staff who are not residents see their queues first, binding only as a small link', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ grid: null, bindStatus: 'none', can: canOf('user.verify', 'wish.review') }))
  )
  renderPage(<Home />)
  expect(await screen.findByTestId('entry-verify')).toBeInTheDocument()
  expect(screen.queryByText('您还没有绑定网格')).not.toBeInTheDocument()
  fireEvent.click(screen.getByTestId('home-bind-link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
})

test('the wish wall is one tap from home', async () => {
  mockCloud.on('user.me', ok(meOf()))
  renderPage(<Home />)
  fireEvent.click(await screen.findByTestId('home-link-wish-wall'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/wall/index' })
})

test('an admin the server counts as staff sees the verification queue (no role test on the page)', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ roles: ['admin'], grid: null, bindStatus: 'none', can: canOf('user.verify') }))
  )
  renderPage(<Home />)
  expect(await screen.findByTestId('entry-verify')).toBeInTheDocument()
})

test('every count on home comes from one user.counts call, whatever the number of domains', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('wish.post', 'user.verify', 'wish.review') })))
  mockCloud.on(
    'user.counts',
    ok({ year: 2025, counts: { 'wish.litThisYear': 3, 'user.toVerify': 2, 'wish.toReview': 4 } })
  )
  renderPage(<Home />)
  await screen.findByTestId('entry-wish-review-count')
  const fns = mockCloud.calls.map((c) => `${c.fn}.${c.action}`)
  expect(fns.sort()).toEqual(['user.counts', 'user.me'])
})
