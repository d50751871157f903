import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import WishDetail from '@/packages/wish/pages/detail/index'
import type { Wish, WishActionKey } from '@/contract/wish'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { NO_CAN, wishOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf()))
  Current.router = { params: { id: 'w1' }, path: '/packages/wish/pages/detail/index' } as never
})

afterEach(() => jest.restoreAllMocks())

const can = (...keys: WishActionKey[]) => ({
  ...NO_CAN,
  ...Object.fromEntries(keys.map((k) => [k, true])),
})

async function open(wish: Wish) {
  mockCloud.on('wish.get', ok(wish))
  renderPage(<WishDetail />)
  await screen.findByTestId('wish-status')
}

const BUTTONS = [
  ['wish-action-claim', '认领'],
  ['wish-action-fulfill', '已完成'],
  ['wish-action-confirm', '确认并致谢'],
  ['wish-action-review-approve', '审核通过'],
  ['wish-action-review-reject', '不通过'],
  ['wish-action-release', '放弃认领'],
  ['wish-action-cancel', '取消心愿'],
] as const

const visibleButtons = () =>
  BUTTONS.filter(([id]) => screen.queryByTestId(id)).map(([, label]) => label)

test.each<[string, WishActionKey[], string[]]>([
  ['a neighbour looking at an open wish they may not claim', [], []],
  ['a volunteer on an open wish', ['claim'], ['认领']],
  ['the claimer of a claimed wish', ['fulfill', 'release'], ['已完成', '放弃认领']],
  ['the author of a claimed wish', ['cancel'], ['取消心愿']],
  ['the author of a fulfilled wish', ['confirm'], ['确认并致谢']],
  ['a grid worker on a pending wish', ['review', 'cancel'], ['审核通过', '不通过', '取消心愿']],
])('%s sees exactly the buttons of `can`', async (_who, keys, labels) => {
  await open(wishOf({ can: can(...keys) }))
  expect(visibleButtons()).toEqual(labels)
  for (const label of labels) expect(screen.getByText(label)).toBeInTheDocument()
})

test('shows the status label, the wish and its timeline', async () => {
  await open(
    wishOf({
      status: 'claimed',
      claimer: { nickname: '志强', name: '赵*', phone: null, can: { call: false } },
      timeline: [
        { at: '2025-03-08T02:15:00.000Z', type: 'created', text: '提交心愿，等待网格员审核' },
        { at: '2025-03-08T03:00:00.000Z', type: 'approved', text: '审核通过，等待志愿者认领' },
        { at: '2025-03-08T04:00:00.000Z', type: 'claimed', text: '志愿者认领了心愿' },
      ],
    })
  )
  expect(screen.getByTestId('wish-status')).toHaveTextContent(/^已认领$/)
  expect(screen.getByTestId('wish-detail-title')).toHaveTextContent('想请人帮忙换灯泡')
  const timeline = screen.getByTestId('wish-timeline')
  expect(within(timeline).getByText('审核通过，等待志愿者认领')).toBeInTheDocument()
  expect(within(timeline).getByText('志愿者认领了心愿')).toBeInTheDocument()
  expect(screen.getByTestId('wish-claimer-name')).toHaveTextContent('赵*（志强）')
})

test('a masked author shows no phone, only a note on privacy', async () => {
  await open(wishOf())
  expect(screen.getByTestId('wish-author-name')).toHaveTextContent('张*（桂兰阿姨）')
  expect(screen.getByTestId('wish-author-place')).toHaveTextContent('1号楼')
  expect(screen.queryByTestId('wish-author-phone')).not.toBeInTheDocument()
  expect(screen.getByTestId('wish-contact-hidden')).toHaveTextContent(
    '联系方式仅认领人和网格员可见'
  )
})

test('a contact the server lets the viewer call is one tap from a call', async () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
  await open(
    wishOf({
      status: 'claimed',
      author: {
        nickname: '桂兰阿姨',
        name: '张桂兰',
        buildingName: '1号楼',
        room: '101',
        phone: '13800000001',
        can: { call: true },
      },
      can: can('fulfill', 'release'),
    })
  )
  expect(screen.getByTestId('wish-author-name')).toHaveTextContent('张桂兰')
  expect(screen.getByTestId('wish-author-place')).toHaveTextContent('1号楼 101室')
  fireEvent.click(screen.getByTestId('wish-author-phone-call'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000001' })
  expect(screen.queryByTestId('wish-contact-hidden')).not.toBeInTheDocument()
})

test('no 拨打 for a number the viewer may not call (their own)', async () => {
  await open(
    wishOf({
      status: 'claimed',
      mine: true,
      author: {
        nickname: '桂兰阿姨',
        name: '张桂兰',
        buildingName: '1号楼',
        room: '101',
        phone: '13800000001',
        can: { call: false },
      },
    })
  )
  expect(screen.getByTestId('wish-author-phone')).toHaveTextContent('13800000001')
  expect(screen.queryByText('拨打')).not.toBeInTheDocument()
})

test('confirming asks for stars and thanks, sends them, and shows the lit wish', async () => {
  const fulfilled = wishOf({
    status: 'fulfilled',
    mine: true,
    fulfillNote: '已经换好了',
    claimer: { nickname: '志强', name: '赵*', phone: null, can: { call: false } },
    can: can('confirm'),
  })
  mockCloud.on('wish.confirm', (input) => {
    const { rating, thanks } = input as { rating: number; thanks?: string }
    return ok({ ...fulfilled, status: 'done', rating, thanks: thanks ?? null, can: { ...NO_CAN } })
  })
  await open(fulfilled)
  expect(screen.getByTestId('wish-fulfill-note')).toHaveTextContent('已经换好了')
  expect(screen.getByTestId('wish-confirm-hint')).toHaveTextContent('7 天内未确认的，将自动确认')

  fireEvent.click(screen.getByTestId('wish-action-confirm'))
  const dialog = await screen.findByTestId('dialog')
  fireEvent.click(within(dialog).getByTestId('wish-rating-4'))
  expect(within(dialog).getByText('满意')).toBeInTheDocument()
  fireEvent.input(await within(dialog).findByTestId('wish-thanks'), {
    target: { value: ' 谢谢小赵，帮了大忙！ ' },
  })
  expect(mockCloud.callsTo('wish.confirm')).toHaveLength(0)
  fireEvent.click(screen.getByTestId('dialog-ok'))

  await waitFor(() => expect(screen.getByTestId('wish-status')).toHaveTextContent('已点亮'))
  expect(mockCloud.callsTo('wish.confirm')).toEqual([
    { id: 'w1', rating: 4, thanks: '谢谢小赵，帮了大忙！' },
  ])
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(screen.getByTestId('wish-thanks-text')).toHaveTextContent('谢谢小赵，帮了大忙！')
  expect(screen.getByTestId('wish-rating')).toHaveTextContent('4 分')
  expect(screen.queryByTestId('wish-action-confirm')).not.toBeInTheDocument()
  expect(await screen.findByText('心愿已点亮，谢谢您的反馈')).toBeInTheDocument()
  // The resident knows their helper by the nickname they chose, not only as 赵*.
  expect(screen.getByTestId('wish-helper')).toHaveTextContent('志强（赵*）')
})

test('a wish just posted offers the next step, not only 取消心愿', async () => {
  Current.router = { params: { id: 'w1', posted: '1' }, path: '/x' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  await open(wishOf({ status: 'pending', mine: true, can: can('cancel') }))
  const next = screen.getByTestId('wish-next-steps')
  fireEvent.click(within(next).getByText('查看我的心愿'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/wish/pages/list/index?scope=mine',
  })
  fireEvent.click(within(next).getByText('去心愿墙'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/wall/index' })
  fireEvent.click(within(next).getByText('返回首页'))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  expect(screen.getByTestId('wish-action-cancel')).toBeInTheDocument()
})

test('releasing asks for a reason first and sends it', async () => {
  const claimed = wishOf({ status: 'claimed', can: can('fulfill', 'release') })
  mockCloud.on('wish.release', ok({ ...claimed, status: 'open', can: can('claim') }))
  await open(claimed)

  fireEvent.click(screen.getByTestId('wish-action-release'))
  const dialog = await screen.findByTestId('dialog')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  expect(await within(dialog).findByText('请填写放弃原因')).toBeInTheDocument()
  expect(mockCloud.callsTo('wish.release')).toHaveLength(0)

  fireEvent.input(await within(dialog).findByTestId('wish-reason'), {
    target: { value: '临时出差' },
  })
  expect(within(dialog).getByTestId('wish-reason-count')).toHaveTextContent('4/100')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  await waitFor(() => expect(screen.getByTestId('wish-status')).toHaveTextContent('待认领'))
  expect(mockCloud.callsTo('wish.release')).toEqual([{ id: 'w1', reason: '临时出差' }])
  expect(screen.getByTestId('wish-action-claim')).toBeInTheDocument()
})

test('cancelling is confirmed first; backing out sends nothing', async () => {
  const mine = wishOf({ status: 'pending', mine: true, can: can('cancel') })
  mockCloud.on('wish.cancel', ok({ ...mine, status: 'cancelled', can: { ...NO_CAN } }))
  await open(mine)

  fireEvent.click(screen.getByTestId('wish-action-cancel'))
  expect(await screen.findByText(/确定取消「想请人帮忙换灯泡」吗/)).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('dialog-cancel'))
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('wish.cancel')).toHaveLength(0)

  fireEvent.click(screen.getByTestId('wish-action-cancel'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() => expect(screen.getByTestId('wish-status')).toHaveTextContent('已取消'))
  expect(mockCloud.callsTo('wish.cancel')).toEqual([{ id: 'w1' }])
})

test('a claim someone else won shows the message and the wish as it is now', async () => {
  let gets = 0
  mockCloud.on('wish.get', () =>
    ++gets === 1
      ? ok(wishOf({ can: can('claim') }))
      : ok(
          wishOf({
            status: 'claimed',
            claimer: { nickname: '晓燕', name: '陈*', phone: null, can: { call: false } },
          })
        )
  )
  mockCloud.on('wish.claim', fail('CONFLICT', '这个心愿刚刚被别人认领了'))
  renderPage(<WishDetail />)

  fireEvent.click(await screen.findByTestId('wish-action-claim'))
  expect(await screen.findByText(/发布人和网格员会看到您的姓名和电话/)).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('dialog-ok'))

  expect(await screen.findByText('这个心愿刚刚被别人认领了')).toBeInTheDocument()
  await waitFor(() => expect(screen.getByTestId('wish-status')).toHaveTextContent('已认领'))
  expect(screen.queryByTestId('wish-action-claim')).not.toBeInTheDocument()
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
})

test('a refused thanks stays in the dialog next to the field', async () => {
  mockCloud.on('wish.confirm', fail('CONTENT_REJECTED', '感谢语包含不适宜的信息，请修改', 'thanks'))
  await open(wishOf({ status: 'fulfilled', mine: true, can: can('confirm') }))

  fireEvent.click(screen.getByTestId('wish-action-confirm'))
  const dialog = await screen.findByTestId('dialog')
  fireEvent.input(await within(dialog).findByTestId('wish-thanks'), {
    target: { value: '不合适的话' },
  })
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  const error = await within(dialog).findByTestId('thanks-error')
  expect(error).toHaveTextContent('感谢语包含不适宜的信息，请修改')
  expect(mockCloud.callsTo('wish.confirm')).toEqual([{ id: 'w1', rating: 5, thanks: '不合适的话' }])
})

test('a wish that cannot be loaded offers a retry', async () => {
  let gets = 0
  mockCloud.on('wish.get', () =>
    ++gets === 1 ? fail('INTERNAL', '网络不太好，请稍后再试') : ok(wishOf())
  )
  renderPage(<WishDetail />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByTestId('wish-status')).toHaveTextContent('待认领')
})
