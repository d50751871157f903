import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import ErrandDetail from '@/packages/errand/pages/detail/index'
import type { Errand, ErrandActionKey } from '@/contract/errand'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { NO_CAN, agentOf, can, errandOf, fullBooker } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('errand.book', 'errand.help') })))
  Current.router = { params: { id: 'e1' }, path: '/packages/errand/pages/detail/index' } as never
})

afterEach(() => jest.restoreAllMocks())

async function open(errand: Errand) {
  mockCloud.on('errand.get', ok(errand))
  renderPage(<ErrandDetail />)
  await screen.findByTestId('errand-status')
}

const BUTTONS = [
  ['errand-action-accept', '接单'],
  ['errand-action-complete', '已办结'],
  ['errand-action-confirm', '销单评价'],
  ['errand-action-release', '退回'],
  ['errand-action-cancel', '取消代办'],
] as const

const visibleButtons = () =>
  BUTTONS.filter(([id]) => screen.queryByTestId(id)).map(([, label]) => label)

test.each<[string, ErrandActionKey[], string[]]>([
  ['a neighbour who may do nothing', [], []],
  ['a red agent on an errand in their pool', ['accept'], ['接单']],
  ['the agent of an accepted errand', ['complete', 'release'], ['已办结', '退回']],
  ['the booker of a requested errand', ['cancel'], ['取消代办']],
  ['the booker of a completed errand', ['confirm'], ['销单评价']],
])('%s sees exactly the buttons of `can`', async (_who, keys, labels) => {
  await open(errandOf({ can: can(...keys) }))
  expect(visibleButtons()).toEqual(labels)
})

test('shows the type, status, level, urgent and overdue badges, the slot and the timeline', async () => {
  await open(
    errandOf({
      status: 'accepted',
      level: 'community',
      urgent: true,
      overdue: true,
      date: '2026-11-27',
      slot: 'afternoon',
      timeline: [
        { at: '2026-11-26T02:15:00.000Z', type: 'booked', text: '预约代办，等待接单' },
        { at: '2026-11-26T06:15:00.000Z', type: 'escalated', text: '4 小时无人接单，升级到社区' },
        { at: '2026-11-26T07:00:00.000Z', type: 'accepted', text: '红色代办员接单' },
      ],
    })
  )
  expect(screen.getByTestId('errand-detail-title')).toHaveTextContent('代购药')
  expect(screen.getByTestId('errand-status')).toHaveTextContent(/^办理中$/)
  expect(screen.getByTestId('errand-level')).toHaveTextContent(/^社区$/)
  expect(screen.getByTestId('errand-urgent')).toHaveTextContent('紧急')
  expect(screen.getByTestId('errand-overdue')).toHaveTextContent('超时')
  expect(screen.getByTestId('errand-when')).toHaveTextContent('11月27日')
  expect(screen.getByTestId('errand-when')).toHaveTextContent('下午 12:00–18:00')
  const timeline = screen.getByTestId('errand-timeline')
  expect(within(timeline).getByText('4 小时无人接单，升级到社区')).toBeInTheDocument()
  expect(within(timeline).getByText('红色代办员接单')).toBeInTheDocument()
})

test('a masked booker shows no room and no phone, only a note on privacy', async () => {
  await open(errandOf({ can: can('accept') }))
  expect(screen.getByTestId('errand-booker-name')).toHaveTextContent('张*（桂兰阿姨）')
  expect(screen.getByTestId('errand-booker-place')).toHaveTextContent(/^1号楼$/)
  expect(screen.queryByTestId('errand-booker-phone')).not.toBeInTheDocument()
  expect(screen.queryByTestId('errand-contact-phone')).not.toBeInTheDocument()
  expect(screen.getByTestId('errand-contact-hidden')).toHaveTextContent(
    '仅接单的红色代办员和网格员可见'
  )
  expect(screen.queryByText('拨打')).not.toBeInTheDocument()
})

test('the agent of the errand sees the booker in full and may call both numbers', async () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
  await open(
    errandOf({
      status: 'accepted',
      booker: fullBooker,
      contactPhone: '13900000009',
      agent: agentOf({ can: { call: false } }),
      can: can('complete', 'release'),
    })
  )
  expect(screen.getByTestId('errand-booker-name')).toHaveTextContent('张桂兰')
  expect(screen.getByTestId('errand-booker-place')).toHaveTextContent('1号楼 101室')
  fireEvent.click(screen.getByTestId('errand-booker-phone-call'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000001' })
  fireEvent.click(screen.getByTestId('errand-contact-phone-call'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '13900000009' })
  // Their own number: shown, no 拨打.
  expect(screen.getByTestId('errand-agent-phone')).toHaveTextContent('13800000005')
  expect(screen.queryByTestId('errand-agent-phone-call')).not.toBeInTheDocument()
  expect(screen.queryByTestId('errand-contact-hidden')).not.toBeInTheDocument()
})

test('accepting is confirmed first and shows the errand as the server returns it', async () => {
  const pooled = errandOf({ can: can('accept') })
  mockCloud.on(
    'errand.accept',
    ok({
      ...pooled,
      status: 'accepted',
      booker: fullBooker,
      agent: agentOf(),
      can: can('complete', 'release'),
    })
  )
  await open(pooled)
  fireEvent.click(screen.getByTestId('errand-action-accept'))
  const dialog = await screen.findByTestId('dialog')
  expect(dialog).toHaveTextContent('您会看到居民的姓名、住址和电话')
  expect(dialog).toHaveTextContent('同一时段最多接 2 件代办')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  await waitFor(() => expect(screen.getByTestId('errand-status')).toHaveTextContent('办理中'))
  expect(mockCloud.callsTo('errand.accept')).toEqual([{ id: 'e1' }])
  expect(screen.getByTestId('errand-booker-phone')).toHaveTextContent('13800000001')
  expect(visibleButtons()).toEqual(['已办结', '退回'])
  expect(await screen.findByText('接单成功，请尽快联系居民')).toBeInTheDocument()
})

test('an errand someone else took shows the message and the errand as it is now', async () => {
  let gets = 0
  mockCloud.on('errand.get', () =>
    ++gets === 1
      ? ok(errandOf({ can: can('accept') }))
      : ok(errandOf({ status: 'accepted', agent: agentOf({ name: '陈*', phone: null }) }))
  )
  mockCloud.on('errand.accept', fail('CONFLICT', '这件代办刚刚被别人接走了'))
  renderPage(<ErrandDetail />)
  fireEvent.click(await screen.findByTestId('errand-action-accept'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByText('这件代办刚刚被别人接走了')).toBeInTheDocument()
  await waitFor(() => expect(screen.getByTestId('errand-status')).toHaveTextContent('办理中'))
  expect(screen.queryByTestId('errand-action-accept')).not.toBeInTheDocument()
})

test('releasing asks for a reason first and sends it', async () => {
  const accepted = errandOf({ status: 'accepted', can: can('complete', 'release') })
  mockCloud.on('errand.release', ok({ ...accepted, status: 'requested', can: can('accept') }))
  await open(accepted)
  fireEvent.click(screen.getByTestId('errand-action-release'))
  const dialog = await screen.findByTestId('dialog')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  expect(await within(dialog).findByText('请填写退回原因')).toBeInTheDocument()
  expect(mockCloud.callsTo('errand.release')).toHaveLength(0)

  fireEvent.input(await within(dialog).findByTestId('errand-reason'), {
    target: { value: ' 临时出差 ' },
  })
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  await waitFor(() => expect(screen.getByTestId('errand-status')).toHaveTextContent('待接单'))
  expect(mockCloud.callsTo('errand.release')).toEqual([{ id: 'e1', reason: '临时出差' }])
})

test('completing takes an optional note', async () => {
  const accepted = errandOf({ status: 'accepted', can: can('complete', 'release') })
  mockCloud.on('errand.complete', (input) =>
    ok({
      ...accepted,
      status: 'completed',
      completeNote: (input as { note?: string }).note ?? null,
      can: { ...NO_CAN },
    })
  )
  await open(accepted)
  fireEvent.click(screen.getByTestId('errand-action-complete'))
  const dialog = await screen.findByTestId('dialog')
  fireEvent.input(await within(dialog).findByTestId('errand-note'), {
    target: { value: '药已取回，放在门口' },
  })
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  await waitFor(() => expect(screen.getByTestId('errand-status')).toHaveTextContent('待销单'))
  expect(mockCloud.callsTo('errand.complete')).toEqual([{ id: 'e1', note: '药已取回，放在门口' }])
  expect(screen.getByTestId('errand-complete-note')).toHaveTextContent('药已取回，放在门口')
})

test('the booker signs off with stars and a comment, and sees them on the closed errand', async () => {
  const completed = errandOf({
    status: 'completed',
    mine: true,
    booker: { ...fullBooker, can: { call: false } },
    agent: agentOf(),
    completeNote: '药已取回',
    can: can('confirm'),
  })
  mockCloud.on('errand.confirm', (input) => {
    const { rating, comment } = input as { rating: number; comment?: string }
    return ok({ ...completed, status: 'closed', rating, comment: comment ?? null, can: NO_CAN })
  })
  await open(completed)
  expect(screen.getByTestId('errand-confirm-hint')).toHaveTextContent('3 天内未销单的，将自动销单')
  fireEvent.click(screen.getByTestId('errand-action-confirm'))
  const dialog = await screen.findByTestId('dialog')
  fireEvent.click(within(dialog).getByTestId('errand-rating-4'))
  fireEvent.input(await within(dialog).findByTestId('errand-comment'), {
    target: { value: ' 办得又快又好 ' },
  })
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  await waitFor(() => expect(screen.getByTestId('errand-status')).toHaveTextContent('已办结'))
  expect(mockCloud.callsTo('errand.confirm')).toEqual([
    { id: 'e1', rating: 4, comment: '办得又快又好' },
  ])
  expect(screen.getByTestId('errand-rating')).toHaveTextContent('4 分')
  expect(screen.getByTestId('errand-comment-text')).toHaveTextContent('办得又快又好')
  expect(visibleButtons()).toEqual([])
})

test('cancelling is confirmed first; backing out sends nothing', async () => {
  const mine = errandOf({ mine: true, can: can('cancel') })
  mockCloud.on('errand.cancel', ok({ ...mine, status: 'cancelled', can: NO_CAN }))
  await open(mine)
  fireEvent.click(screen.getByTestId('errand-action-cancel'))
  expect(await screen.findByText(/确定取消这件「代购药」吗/)).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('dialog-cancel'))
  expect(mockCloud.callsTo('errand.cancel')).toHaveLength(0)

  fireEvent.click(screen.getByTestId('errand-action-cancel'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() => expect(screen.getByTestId('errand-status')).toHaveTextContent('已取消'))
  expect(mockCloud.callsTo('errand.cancel')).toEqual([{ id: 'e1' }])
})

test('an errand just booked offers the next step', async () => {
  Current.router = { params: { id: 'e1', booked: '1' }, path: '/x' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  await open(errandOf({ mine: true, booker: fullBooker, can: can('cancel') }))
  const next = screen.getByTestId('errand-next-steps')
  expect(next).toHaveTextContent('预约成功')
  fireEvent.click(within(next).getByText('查看我的代办'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/list/index?scope=mine',
  })
})

test('a purged errand says its detail was cleared', async () => {
  await open(errandOf({ status: 'closed', detail: null }))
  expect(screen.getByText('代办内容已按规定清除')).toBeInTheDocument()
})

test('an errand that cannot be loaded offers a retry', async () => {
  mockCloud.on('errand.get', fail('NOT_FOUND', '没有找到这件代办'))
  renderPage(<ErrandDetail />)
  expect(await screen.findByText('没有找到这件代办')).toBeInTheDocument()
  mockCloud.on('errand.get', ok(errandOf()))
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByTestId('errand-status')).toBeInTheDocument()
})
