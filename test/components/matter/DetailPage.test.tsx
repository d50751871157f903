import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import MatterDetail from '@/packages/matter/pages/detail/index'
import type { Matter, MatterActionKey } from '@/contract/matter'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { NO_CAN, can, fullReporter, matterOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('matter.report', 'matter.board') })))
  Current.router = { params: { id: 'm1' }, path: '/packages/matter/pages/detail/index' } as never
})

afterEach(() => jest.restoreAllMocks())

async function open(matter: Matter) {
  mockCloud.on('matter.get', ok(matter))
  renderPage(<MatterDetail />)
  await screen.findByTestId('matter-status')
}

/** Presses a step's button, fills its dialog and confirms it. */
async function step(name: string, fill?: (dialog: HTMLElement) => Promise<unknown>) {
  fireEvent.click(screen.getByTestId(`matter-action-${name}`))
  const dialog = await screen.findByTestId('dialog')
  await fill?.(dialog)
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  return dialog
}

const type = async (dialog: HTMLElement, testId: string, value: string) =>
  fireEvent.input(await within(dialog).findByTestId(testId), { target: { value } })

const BUTTONS = [
  ['matter-action-second', '我也遇到'],
  ['matter-action-accept', '受理'],
  ['matter-action-reply', '回复进展'],
  ['matter-action-resolve', '办结'],
  ['matter-action-rate', '评价'],
  ['matter-action-escalate', '上报社区'],
  ['matter-action-reopen', '没解决，重新反映'],
  ['matter-action-withdraw', '撤回'],
] as const

const visibleButtons = () =>
  BUTTONS.filter(([id]) => screen.queryByTestId(id)).map(([, label]) => label)

test.each<[string, MatterActionKey[], string[]]>([
  ['a neighbour who already seconded', [], []],
  ['a neighbour on the board', ['second'], ['我也遇到']],
  ['the grid worker of a new matter', ['accept', 'escalate'], ['受理', '上报社区']],
  ['the handler', ['reply', 'resolve', 'escalate'], ['回复进展', '办结', '上报社区']],
  ['the reporter of a resolved matter', ['rate', 'reopen'], ['评价', '没解决，重新反映']],
  ['the reporter of an open matter', ['withdraw'], ['撤回']],
  // No button until 居民议事 exists, even if a server ever said yes.
  ['the committee', ['toDeliberation', 'accept'], ['受理']],
])('%s sees exactly the buttons of `can`', async (_who, keys, labels) => {
  await open(matterOf({ can: can(...keys) }))
  expect(visibleButtons()).toEqual(labels)
})

test('shows the category, status, level, overdue, content, place, seconds and timeline', async () => {
  await open(
    matterOf({
      status: 'handling',
      level: 'community',
      overdue: true,
      seconds: 3,
      handler: '社区两委',
      escalateReason: '涉及多个网格，需要社区协调',
      timeline: [
        {
          at: '2026-11-26T02:15:00.000Z',
          type: 'reported',
          text: '居民反映了问题，等待网格员受理',
          by: '居民',
        },
        {
          at: '2026-11-26T03:00:00.000Z',
          type: 'replied',
          text: '处理进展：已联系物业',
          by: '网格员 小刘',
        },
      ],
    })
  )
  expect(screen.getByTestId('matter-detail-title')).toHaveTextContent('设施维修')
  expect(screen.getByTestId('matter-status')).toHaveTextContent(/^处理中$/)
  expect(screen.getByTestId('matter-level')).toHaveTextContent(/^社区处理$/)
  expect(screen.getByTestId('matter-overdue')).toHaveTextContent('超时')
  expect(screen.getByTestId('matter-content')).toHaveTextContent('3号楼东侧路灯坏了一个星期')
  expect(screen.getByTestId('matter-place')).toHaveTextContent('3号楼东侧')
  expect(screen.getByTestId('matter-seconds')).toHaveTextContent('3 位邻居也遇到')
  expect(screen.getByTestId('matter-handler')).toHaveTextContent('社区两委')
  expect(screen.getByTestId('matter-escalate-reason-text')).toHaveTextContent('涉及多个网格')
  const timeline = screen.getByTestId('matter-timeline')
  // Who did it is said once: added where the words do not say it already.
  expect(within(timeline).getByText('处理进展：已联系物业（网格员 小刘）')).toBeInTheDocument()
  expect(within(timeline).getByText('居民反映了问题，等待网格员受理')).toBeInTheDocument()
})

test('a photo opens full size with all the photos of the matter', async () => {
  const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'ok' })
  const urls = ['http://x/a.jpg', 'http://x/b.jpg']
  await open(
    matterOf({
      photos: [
        { fileID: 'cloud://e.b/uploads/u/a.jpg', url: urls[0] },
        { fileID: 'cloud://e.b/uploads/u/b.jpg', url: urls[1] },
        { fileID: 'cloud://e.b/uploads/u/c.jpg', url: null },
      ],
      photoCount: 3,
    })
  )
  fireEvent.click(screen.getByTestId('matter-photo-1'))
  expect(preview).toHaveBeenCalledWith({ urls, current: urls[1] })
  // A photo no longer stored says so instead of a broken image.
  expect(screen.getByTestId('matter-photo')).toHaveTextContent('照片已清除')
})

test('a neighbour sees the reporter masked, with a note on privacy', async () => {
  await open(matterOf({ can: can('second') }))
  expect(screen.getByTestId('matter-reporter-name')).toHaveTextContent('张*（桂兰阿姨）')
  expect(screen.getByTestId('matter-reporter-place')).toHaveTextContent(/^1号楼$/)
  expect(screen.queryByTestId('matter-reporter-phone')).not.toBeInTheDocument()
  expect(screen.getByTestId('matter-contact-hidden')).toHaveTextContent('仅网格员和社区两委可见')
})

test('staff see the reporter in full and may call them', async () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
  await open(matterOf({ reporter: fullReporter, can: can('accept') }))
  expect(screen.getByTestId('matter-reporter-place')).toHaveTextContent('1号楼 101室')
  fireEvent.click(screen.getByTestId('matter-reporter-phone-call'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000001' })
  expect(screen.queryByTestId('matter-contact-hidden')).not.toBeInTheDocument()
})

test('我也遇到 is confirmed, then the count the server holds is shown and the button goes', async () => {
  const board = matterOf({ seconds: 1, can: can('second') })
  mockCloud.on('matter.second', ok({ ...board, seconds: 2, mySecond: true, can: NO_CAN }))
  await open(board)
  expect(screen.getByTestId('matter-seconds')).toHaveTextContent('1 位邻居也遇到')
  const dialog = await step('second')
  expect(dialog).toHaveTextContent('每人只能附议一次')
  await waitFor(() =>
    expect(screen.getByTestId('matter-seconds')).toHaveTextContent('2 位邻居也遇到，包括您')
  )
  expect(mockCloud.callsTo('matter.second')).toEqual([{ id: 'm1' }])
  expect(visibleButtons()).toEqual([])
})

test('the grid worker accepts, replies with a progress note and resolves with the result', async () => {
  const reported = matterOf({ reporter: fullReporter, can: can('accept', 'escalate') })
  const handling = {
    ...reported,
    status: 'handling' as const,
    handler: '网格员 小刘',
    can: can('reply', 'resolve', 'escalate'),
  }
  mockCloud.on('matter.accept', ok(handling))
  mockCloud.on('matter.reply', (input) =>
    ok({
      ...handling,
      timeline: [
        ...handling.timeline,
        {
          at: '2026-11-26T04:00:00.000Z',
          type: 'replied',
          text: `处理进展：${(input as { text: string }).text}`,
          by: '网格员 小刘',
        },
      ],
    })
  )
  mockCloud.on('matter.resolve', (input) =>
    ok({
      ...handling,
      status: 'resolved',
      resolution: (input as { text: string }).text,
      can: NO_CAN,
    })
  )
  await open(reported)

  await step('accept')
  await waitFor(() => expect(screen.getByTestId('matter-status')).toHaveTextContent('处理中'))
  expect(screen.getByTestId('matter-handler')).toHaveTextContent('网格员 小刘')

  // A reply needs words: refused next to the field, nothing sent.
  const reply = await step('reply')
  expect(await within(reply).findByText('请填写处理进展')).toBeInTheDocument()
  expect(mockCloud.callsTo('matter.reply')).toHaveLength(0)
  await type(reply, 'matter-reply-text', ' 已联系物业，明天上午换灯 ')
  fireEvent.click(within(reply).getByTestId('dialog-ok'))
  await screen.findByText(/处理进展：已联系物业，明天上午换灯/)
  expect(mockCloud.callsTo('matter.reply')).toEqual([
    { id: 'm1', text: '已联系物业，明天上午换灯' },
  ])

  await step('resolve', (d) => type(d, 'matter-resolve-text', '路灯已更换'))
  await waitFor(() => expect(screen.getByTestId('matter-status')).toHaveTextContent('待评价'))
  expect(screen.getByTestId('matter-resolution')).toHaveTextContent('路灯已更换')
  expect(mockCloud.callsTo('matter.resolve')).toEqual([{ id: 'm1', text: '路灯已更换' }])
})

test('escalating asks for a reason; a reason over its limit is said at once', async () => {
  const reported = matterOf({ can: can('accept', 'escalate') })
  mockCloud.on('matter.escalate', ok({ ...reported, level: 'community', can: NO_CAN }))
  await open(reported)
  fireEvent.click(screen.getByTestId('matter-action-escalate'))
  const dialog = await screen.findByTestId('dialog')
  await type(dialog, 'matter-escalate-reason', '长'.repeat(201))
  expect(await within(dialog).findByText('上报原因最多 200 个字')).toBeInTheDocument()
  await type(dialog, 'matter-escalate-reason', '需要社区协调物业公司')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  await waitFor(() => expect(screen.getByTestId('matter-level')).toHaveTextContent('社区处理'))
  expect(mockCloud.callsTo('matter.escalate')).toEqual([
    { id: 'm1', reason: '需要社区协调物业公司' },
  ])
})

test('the reporter rates a resolved matter with stars and a comment', async () => {
  const resolved = matterOf({
    status: 'resolved',
    mine: true,
    reporter: { ...fullReporter, can: { call: false } },
    resolution: '路灯已更换',
    reopenUntil: '2026-12-03T02:15:00.000Z',
    can: can('rate', 'reopen'),
  })
  mockCloud.on('matter.rate', (input) => {
    const { rating, comment } = input as { rating: number; comment?: string }
    return ok({ ...resolved, status: 'closed', rating, comment: comment ?? null, can: NO_CAN })
  })
  await open(resolved)
  expect(screen.getByTestId('matter-rate-hint')).toHaveTextContent('7 天内未评价的将自动办结')
  await step('rate', async (d) => {
    fireEvent.click(within(d).getByTestId('matter-rating-4'))
    await type(d, 'matter-comment', ' 修得很快 ')
  })
  await waitFor(() => expect(screen.getByTestId('matter-status')).toHaveTextContent('已办结'))
  expect(mockCloud.callsTo('matter.rate')).toEqual([{ id: 'm1', rating: 4, comment: '修得很快' }])
  expect(screen.getByTestId('matter-rating')).toHaveTextContent('4 分')
  expect(screen.getByTestId('matter-comment-text')).toHaveTextContent('修得很快')
})

test('reopening sends the reason; withdrawing is confirmed and backing out sends nothing', async () => {
  const resolved = matterOf({ status: 'resolved', mine: true, can: can('rate', 'reopen') })
  mockCloud.on('matter.reopen', ok({ ...resolved, status: 'reported', can: can('withdraw') }))
  mockCloud.on('matter.withdraw', ok({ ...resolved, status: 'withdrawn', can: NO_CAN }))
  await open(resolved)
  await step('reopen', (d) => type(d, 'matter-reopen-reason', '晚上还是不亮'))
  await waitFor(() => expect(screen.getByTestId('matter-status')).toHaveTextContent('待受理'))
  expect(mockCloud.callsTo('matter.reopen')).toEqual([{ id: 'm1', reason: '晚上还是不亮' }])

  fireEvent.click(screen.getByTestId('matter-action-withdraw'))
  expect(await screen.findByText(/确定撤回「设施维修」吗/)).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('dialog-cancel'))
  expect(mockCloud.callsTo('matter.withdraw')).toHaveLength(0)
  await step('withdraw')
  await waitFor(() => expect(screen.getByTestId('matter-status')).toHaveTextContent('已撤回'))
  expect(mockCloud.callsTo('matter.withdraw')).toEqual([{ id: 'm1' }])
})

test('a step someone else took first shows the message and the matter as it is now', async () => {
  let gets = 0
  mockCloud.on('matter.get', () =>
    ++gets === 1
      ? ok(matterOf({ can: can('accept') }))
      : ok(matterOf({ status: 'handling', handler: '社区两委' }))
  )
  mockCloud.on('matter.accept', fail('CONFLICT', '这件事已经有人受理了'))
  renderPage(<MatterDetail />)
  fireEvent.click(await screen.findByTestId('matter-action-accept'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByText('这件事已经有人受理了')).toBeInTheDocument()
  await waitFor(() => expect(screen.getByTestId('matter-status')).toHaveTextContent('处理中'))
  expect(visibleButtons()).toEqual([])
})

test('a matter just reported offers the next step', async () => {
  Current.router = { params: { id: 'm1', reported: '1' }, path: '/x' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  await open(matterOf({ mine: true, reporter: fullReporter, can: can('withdraw') }))
  const next = screen.getByTestId('matter-next-steps')
  expect(next).toHaveTextContent('24 小时内没人受理，会自动上报社区')
  fireEvent.click(within(next).getByText('查看我反映的'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/matter/pages/list/index?scope=mine',
  })
})

describe('居民议事', () => {
  test('转为议事 shows from `can` and opens the topic form filled in from the matter', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    await open(matterOf({ status: 'handling', level: 'community', can: can('toDeliberation') }))
    fireEvent.click(screen.getByTestId('matter-to-deliberation'))
    expect(navigate).toHaveBeenCalledWith({
      url: '/packages/deliberation/pages/create/index?matter=m1',
    })
  })

  test('without `can` there is no 转为议事', async () => {
    await open(matterOf({ status: 'handling', level: 'community', can: NO_CAN }))
    expect(screen.queryByTestId('matter-to-deliberation')).not.toBeInTheDocument()
    expect(screen.queryByTestId('matter-deliberation')).not.toBeInTheDocument()
  })

  test('a matter put to a vote shows the round, the decision, its updates and the way to the topic', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    await open(
      matterOf({
        status: 'deliberating',
        level: 'community',
        deliberation: {
          id: 't2',
          title: '路灯：3号楼东侧',
          phase: 'closed',
          outcome: 'decided',
          winner: '加装两盏路灯',
          closedAt: '2026-11-30T02:00:00.000Z',
          rounds: 2,
          updates: [{ at: '2026-12-01T02:00:00.000Z', text: '已联系物业，下周施工' }],
        },
      })
    )
    expect(screen.getByTestId('matter-deliberation-title')).toHaveTextContent(
      '路灯：3号楼东侧（第 2 轮）'
    )
    expect(screen.getByTestId('matter-deliberation-phase')).toHaveTextContent('已形成决议')
    expect(screen.getByTestId('matter-deliberation-winner')).toHaveTextContent('加装两盏路灯')
    expect(screen.getByTestId('matter-deliberation-updates')).toHaveTextContent(
      '已联系物业，下周施工'
    )
    fireEvent.click(screen.getByTestId('matter-deliberation-link'))
    expect(navigate).toHaveBeenCalledWith({
      url: '/packages/deliberation/pages/detail/index?id=t2',
    })
  })

  test('a topic still open shows its phase and no decision', async () => {
    await open(
      matterOf({
        status: 'deliberating',
        level: 'community',
        deliberation: {
          id: 't1',
          title: '路灯：3号楼东侧',
          phase: 'voting',
          outcome: null,
          winner: null,
          closedAt: null,
          rounds: 1,
          updates: [],
        },
      })
    )
    expect(screen.getByTestId('matter-deliberation-phase')).toHaveTextContent('投票中')
    expect(screen.getByTestId('matter-deliberation-title')).not.toHaveTextContent('轮')
    expect(screen.queryByTestId('matter-deliberation-winner')).not.toBeInTheDocument()
    expect(screen.queryByTestId('matter-deliberation-updates')).not.toBeInTheDocument()
  })
})
