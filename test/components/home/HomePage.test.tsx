import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import { fakeCloud, ok } from '../helpers/transport'
import { meOf, newcomer, pendingOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
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
  expect(mockCloud.callsTo('user.listPendingResidents')).toHaveLength(0)
})

test('a resident sees their grid and its verification state', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false })))
  renderPage(<Home />)
  const card = await screen.findByTestId('home-grid')
  expect(card).toHaveTextContent('幸福里社区 · 第一网格')
  expect(within(card).getByTestId('bind-status')).toHaveTextContent('待认证')
  expect(card).toHaveTextContent('已提交，等待网格员认证')
})

test('services not yet available say so', async () => {
  mockCloud.on('user.me', ok(meOf()))
  renderPage(<Home />)
  fireEvent.click(await screen.findByText('红色代办'))
  expect(await screen.findByText('「红色代办」即将上线，敬请期待')).toBeInTheDocument()
})

test('a grid worker sees how many residents wait for verification', async () => {
  mockCloud.on('user.me', ok(meOf({ roles: ['gridWorker'], grid: null, bindStatus: 'none' })))
  mockCloud.on(
    'user.listPendingResidents',
    ok({ items: [pendingOf('a', '王小明', '13912345678')], nextCursor: null })
  )
  renderPage(<Home />)
  const entry = await screen.findByTestId('entry-verify')
  expect(await within(entry).findByTestId('pending-count')).toHaveTextContent('1')
  fireEvent.click(within(entry).getByText('待认证居民'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/committee/pages/verify/index' })
})
