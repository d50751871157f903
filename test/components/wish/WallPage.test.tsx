import { fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import WishWall from '@/packages/wish/pages/wall/index'
import { fakeCloud, ok } from '../helpers/transport'
import { meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { page, statsOf, wishOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('wish.stats', ok(statsOf(3, 2)))
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test('shows the lit wishes of the community with their thanks and the count this year', async () => {
  const lit = wishOf({
    id: 'w5',
    status: 'done',
    thanks: '谢谢小赵，帮了大忙！',
    claimer: { nickname: '志强', name: '赵*', phone: null, can: { call: false } },
    doneAt: '2025-03-10T02:00:00.000Z',
  })
  mockCloud.on('wish.list', ok(page([lit, wishOf({ id: 'w6', status: 'done' })])))
  renderPage(<WishWall />)

  const card = await screen.findByTestId('wish-card-w5')
  expect(card).toHaveTextContent('“谢谢小赵，帮了大忙！”')
  expect(card).toHaveTextContent('张* · 1号楼 的心愿，由 志强（赵*） 帮忙点亮')
  expect(screen.getByTestId('wish-card-w6')).toHaveTextContent('心愿已经实现，感谢热心的邻居！')
  expect(await screen.findByTestId('wish-wall-count')).toHaveTextContent('2025 年社区已点亮7个心愿')
  expect(mockCloud.callsTo('wish.list')).toEqual([
    { scope: 'community', status: 'done', limit: 20 },
  ])

  fireEvent.click(card)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=w5' })
})

test('an empty wall says what will appear there', async () => {
  mockCloud.on('wish.list', ok(page([])))
  renderPage(<WishWall />)
  expect(await screen.findByText('还没有点亮的心愿')).toBeInTheDocument()
})
