import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current, getPageInstance } from '@tarojs/runtime'
import WishList from '@/packages/wish/pages/list/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf, newcomer } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { page, wishOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const lamp = wishOf({ id: 'w1' })
const walk = wishOf({
  id: 'w2',
  title: '想找人陪我散步',
  category: 'companionship',
  status: 'claimed',
  claimer: { nickname: '志强', name: '赵*', phone: null, can: { call: false } },
})

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf()))
  Current.router = { params: {}, path: '/packages/wish/pages/list/index' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test('cards show category, status, title, the author as sent, and open the wish', async () => {
  mockCloud.on('wish.list', ok(page([lamp, walk])))
  renderPage(<WishList />)

  const card = await screen.findByTestId('wish-card-w1')
  expect(card).toHaveTextContent('生活')
  expect(within(card).getByTestId('wish-card-status')).toHaveTextContent('待认领')
  expect(card).toHaveTextContent('想请人帮忙换灯泡')
  expect(card).toHaveTextContent('张* · 1号楼')
  expect(screen.getByTestId('wish-card-w2')).toHaveTextContent('志强（赵*） 已认领，正在帮忙')

  fireEvent.click(within(card).getByText('想请人帮忙换灯泡'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=w1' })
})

test('a wish awaiting confirmation does not say 正在帮忙', async () => {
  const done = { ...walk, id: 'w3', status: 'fulfilled' as const }
  mockCloud.on('wish.list', ok(page([done])))
  renderPage(<WishList />)
  const card = await screen.findByTestId('wish-card-w3')
  expect(card).toHaveTextContent('志强（赵*） 说已经帮完了，等待发布人确认')
  expect(card).not.toHaveTextContent('正在帮忙')
})

test('tabs switch the scope and the status filter narrows it', async () => {
  mockCloud.on('wish.list', (input) =>
    ok(page((input as { scope: string }).scope === 'community' ? [walk] : [lamp]))
  )
  renderPage(<WishList />)
  await screen.findByTestId('wish-card-w1')
  expect(screen.getByTestId('wish-tab-grid')).toHaveAttribute('aria-selected', 'true')

  fireEvent.click(screen.getByTestId('wish-tab-community'))
  expect(await screen.findByTestId('wish-card-w2')).toBeInTheDocument()
  expect(screen.queryByTestId('wish-card-w1')).not.toBeInTheDocument()
  expect(screen.getByTestId('wish-tab-community')).toHaveAttribute('aria-selected', 'true')

  fireEvent.click(screen.getByTestId('wish-filter-done'))
  await waitFor(() => expect(mockCloud.callsTo('wish.list')).toHaveLength(3))
  expect(mockCloud.callsTo('wish.list')).toEqual([
    { scope: 'grid', limit: 20 },
    { scope: 'community', limit: 20 },
    { scope: 'community', status: 'done', limit: 20 },
  ])
  expect(screen.getByTestId('wish-filter-done')).toHaveTextContent('已点亮')
})

test('我认领的 is there for those the server lets claim', async () => {
  mockCloud.on('wish.list', ok(page([])))
  const { unmount } = renderPage(<WishList />)
  await screen.findByTestId('wish-tab-mine')
  expect(screen.queryByTestId('wish-tab-claimed')).not.toBeInTheDocument()
  unmount()

  mockCloud.on('user.me', ok(meOf({ can: canOf('wish.post', 'wish.claim') })))
  renderPage(<WishList />)
  fireEvent.click(await screen.findByTestId('wish-tab-claimed'))
  await waitFor(() =>
    expect(mockCloud.callsTo('wish.list')).toContainEqual({ scope: 'claimed', limit: 20 })
  )
  expect(await screen.findByText('还没有心愿')).toBeInTheDocument()
})

test('an empty list invites a verified resident to post a wish', async () => {
  mockCloud.on('wish.list', ok(page([])))
  renderPage(<WishList />)
  expect(await screen.findByText('还没有心愿')).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('wish-empty-create'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/create/index' })
  expect(screen.getByTestId('wish-new')).toHaveTextContent('许个心愿')
})

test('a resident waiting for verification sees why, and no way to post yet', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false, can: canOf() })))
  mockCloud.on('wish.list', (input) =>
    (input as { scope: string }).scope === 'mine'
      ? ok(page([]))
      : fail('NOT_VERIFIED', '您的网格绑定还在等待网格员认证')
  )
  renderPage(<WishList />)
  expect(await screen.findByTestId('access-hint')).toHaveTextContent('认证通过后')
  expect(screen.queryByText('重新加载')).not.toBeInTheDocument()
  expect(screen.queryByTestId('wish-new')).not.toBeInTheDocument()

  fireEvent.click(screen.getByTestId('wish-tab-mine'))
  expect(await screen.findByTestId('wish-verify-hint')).toHaveTextContent('认证通过后就可以许心愿')
  expect(screen.queryByTestId('wish-empty-create')).not.toBeInTheDocument()
})

test('a newcomer without a grid is asked to bind one', async () => {
  mockCloud.on('user.me', ok(newcomer()))
  mockCloud.on('wish.list', fail('NOT_BOUND', '请先绑定您所在的网格'))
  renderPage(<WishList />)
  fireEvent.click(await screen.findByTestId('access-hint-bind'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
})

test('a list that cannot load offers a retry', async () => {
  let attempts = 0
  mockCloud.on('wish.list', () =>
    ++attempts === 1 ? fail('INTERNAL', '网络不太好，请稍后再试') : ok(page([lamp]))
  )
  renderPage(<WishList />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByTestId('wish-card-w1')).toBeInTheDocument()
})

test('reaching the bottom appends the next page', async () => {
  mockCloud.on('wish.list', (input) =>
    (input as { cursor?: string }).cursor === 'p2' ? ok(page([walk])) : ok(page([lamp], 'p2'))
  )
  renderPage(<WishList />)
  await screen.findByTestId('wish-card-w1')
  expect(screen.getByText('上拉加载更多')).toBeInTheDocument()

  // The page's reach-bottom event (Taro registers hooks on the current page instance).
  const inst = getPageInstance('taro-app') as { onReachBottom?: (() => void)[] }
  act(() => inst.onReachBottom?.forEach((fn) => fn()))

  expect(await screen.findByTestId('wish-card-w2')).toBeInTheDocument()
  expect(screen.getByTestId('wish-card-w1')).toBeInTheDocument()
  expect(screen.getByText('没有更多了')).toBeInTheDocument()
  expect(mockCloud.callsTo('wish.list')).toEqual([
    { scope: 'grid', limit: 20 },
    { scope: 'grid', cursor: 'p2', limit: 20 },
  ])
})

test('opened with ?scope=mine, it starts on 我的', async () => {
  Current.router = { params: { scope: 'mine' }, path: '' } as never
  mockCloud.on('wish.list', ok(page([lamp])))
  renderPage(<WishList />)
  await screen.findByTestId('wish-card-w1')
  expect(screen.getByTestId('wish-tab-mine')).toHaveAttribute('aria-selected', 'true')
  expect(mockCloud.callsTo('wish.list')).toEqual([{ scope: 'mine', limit: 20 }])
})
