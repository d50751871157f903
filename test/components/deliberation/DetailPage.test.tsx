import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import TopicDetail from '@/packages/deliberation/pages/detail/index'
import type { Topic, TopicActionKey } from '@/contract/deliberation'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { can, commentOf, page, topicOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const RECEIPT = 'ABCD-EFGH-JKMN-PQRS'

beforeEach(() => {
  mockCloud.calls.length = 0
  Taro.clearStorageSync()
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
  mockCloud.on('deliberation.listComments', ok(page([])))
  Current.router = {
    params: { id: 't1' },
    path: '/packages/deliberation/pages/detail/index',
  } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

async function open(topic: Topic) {
  mockCloud.on('deliberation.get', ok(topic))
  renderPage(<TopicDetail />)
  await screen.findByTestId('deliberation-title')
}

const voted = (t: Topic): Topic => ({
  ...t,
  turnout: t.turnout + 1,
  myVote: { ...t.myVote, voted: true, householdVoter: '桂兰阿姨' },
  can: can('comment'),
})

describe('voting', () => {
  test('the choice is confirmed as final and secret, then the receipt shows and stays on this phone', async () => {
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok', data: '' })
    const t = topicOf()
    mockCloud.on('deliberation.vote', ok({ receipt: RECEIPT, topic: voted(t) }))
    await open(t)
    fireEvent.click(screen.getByTestId('deliberation-option-0'))
    fireEvent.click(screen.getByTestId('deliberation-vote-submit'))
    const confirm = await screen.findByTestId('deliberation-vote-confirm')
    expect(confirm).toHaveTextContent('您选择：「同意加装」')
    expect(confirm).toHaveTextContent('投票后不能修改或撤回')
    expect(confirm).toHaveTextContent('任何人（包括社区）都看不到您投了哪一项')
    expect(within(confirm).getByTestId('deliberation-vote-household')).toHaveTextContent(
      '您家里还没有人投票'
    )
    expect(mockCloud.callsTo('deliberation.vote')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('dialog-ok'))

    expect(await screen.findByTestId('deliberation-receipt-code')).toHaveTextContent(RECEIPT)
    expect(mockCloud.callsTo('deliberation.vote')).toEqual([{ id: 't1', optionIndex: 0 }])
    expect(screen.getByTestId('deliberation-voted')).toHaveTextContent('您已投票')
    expect(screen.getByTestId('deliberation-turnout')).toHaveTextContent('已投 4 / 10 户')
    expect(screen.queryByTestId('deliberation-vote-submit')).not.toBeInTheDocument()
    fireEvent.click(screen.getByTestId('deliberation-receipt-copy'))
    expect(copy).toHaveBeenCalledWith({ data: RECEIPT })
  })

  test('the kept receipt shows on a later visit, to this viewer only', async () => {
    Taro.setStorageSync('deliberation.receipt.demo-resident-1.t1', RECEIPT)
    await open(voted(topicOf()))
    expect(await screen.findByTestId('deliberation-receipt-code')).toHaveTextContent(RECEIPT)
  })

  test('another person on the same phone does not see the receipt', async () => {
    Taro.setStorageSync('deliberation.receipt.demo-resident-4.t1', RECEIPT)
    await open(voted(topicOf()))
    expect(screen.queryByTestId('deliberation-receipt')).not.toBeInTheDocument()
    expect(screen.getByText(/没有保存您的投票回执/)).toBeInTheDocument()
  })

  test('a household member whose home already voted is told who voted, and has no vote button', async () => {
    await open(
      topicOf({
        myVote: { voted: false, byHousehold: true, householdVoter: '桂兰阿姨', eligible: true },
        can: can('comment'),
      })
    )
    expect(screen.getByTestId('deliberation-household-voted')).toHaveTextContent(
      '您家 桂兰阿姨 已经投过票了'
    )
    expect(screen.queryByTestId('deliberation-vote-submit')).not.toBeInTheDocument()
    expect(screen.getByTestId('deliberation-voted-tag')).toHaveTextContent('家人已投票')
  })

  test('a vote refused because the household just voted says so and reloads the topic', async () => {
    const t = topicOf()
    mockCloud.on('deliberation.vote', fail('CONFLICT', '您家已有人投过票了，每户只能投一票'))
    await open(t)
    const gets = mockCloud.callsTo('deliberation.get').length
    fireEvent.click(screen.getByTestId('deliberation-option-1'))
    fireEvent.click(screen.getByTestId('deliberation-vote-submit'))
    fireEvent.click(await screen.findByTestId('dialog-ok'))
    expect(await screen.findByText('您家已有人投过票了，每户只能投一票')).toBeInTheDocument()
    await waitFor(() => expect(mockCloud.callsTo('deliberation.get').length).toBe(gets + 1))
    expect(screen.queryByTestId('deliberation-receipt')).not.toBeInTheDocument()
  })

  test('someone verified after voting opened is told they are not on the roll', async () => {
    await open(topicOf({ myVote: { ...topicOf().myVote, eligible: false }, can: can('comment') }))
    expect(screen.getByTestId('deliberation-vote-state')).toHaveTextContent('不在本次投票的名单上')
  })

  test('no option chosen: nothing is sent', async () => {
    await open(topicOf())
    fireEvent.click(screen.getByTestId('deliberation-vote-submit'))
    expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
    expect(mockCloud.callsTo('deliberation.vote')).toHaveLength(0)
  })
})

test('the quorum meter shows turnout against the roll and what is missing, never per-option counts', async () => {
  await open(topicOf())
  const meter = screen.getByTestId('deliberation-quorum')
  expect(within(meter).getByTestId('deliberation-turnout')).toHaveTextContent('已投 3 / 10 户')
  expect(within(meter).getByTestId('deliberation-quorum-state')).toHaveTextContent(
    '还差 2 户达到参与率要求'
  )
  expect(within(meter).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3')
  expect(screen.queryByText(/票（/)).not.toBeInTheDocument()
})

test('before voting opens there is no meter, and the options are listed for reading', async () => {
  await open(
    topicOf({
      phase: 'discussion',
      eligibleCount: null,
      quorumNeeded: null,
      turnout: 0,
      myVote: { voted: false, byHousehold: false, householdVoter: null, eligible: null },
      can: can('comment'),
    })
  )
  expect(screen.queryByTestId('deliberation-quorum')).not.toBeInTheDocument()
  expect(screen.getByTestId('deliberation-options')).toHaveTextContent('1. 同意加装')
  expect(screen.getByTestId('deliberation-vote-state')).toHaveTextContent('开始投票')
  expect(screen.getByTestId('deliberation-phase')).toHaveTextContent(/^讨论中$/)
})

const BUTTONS = [
  ['deliberation-action-openVoting', '提前开始投票'],
  ['deliberation-action-close', '结束投票'],
  ['deliberation-action-addUpdate', '发布执行情况'],
  ['deliberation-meeting', '录入会议投票'],
  ['deliberation-follow-up', '发起下一轮议题'],
  ['deliberation-open-result', '查看各选项票数'],
] as const

const visibleButtons = () =>
  BUTTONS.filter(([id]) => screen.queryByTestId(id)).map(([, label]) => label)

test.each<[string, Partial<Topic>, TopicActionKey[], string[]]>([
  ['a resident in voting', {}, ['comment', 'vote'], []],
  ['the creator in discussion', { phase: 'discussion' }, ['openVoting'], ['提前开始投票']],
  ['the committee in voting', {}, ['close', 'recordInPerson'], ['结束投票', '录入会议投票']],
  [
    'the committee after a tie',
    { phase: 'closed', outcome: 'tie' },
    ['result', 'followUp', 'addUpdate'],
    ['发布执行情况', '发起下一轮议题', '查看各选项票数'],
  ],
])('%s sees exactly the buttons of `can`', async (_who, patch, keys, labels) => {
  await open(topicOf({ ...patch, can: can(...keys) }))
  expect(visibleButtons()).toEqual(labels)
})

test('closing is confirmed and the closed topic is shown with its outcome', async () => {
  const t = topicOf({ can: can('close') })
  mockCloud.on(
    'deliberation.close',
    ok({ ...t, phase: 'closed', outcome: 'decided', can: can('result') })
  )
  await open(t)
  fireEvent.click(screen.getByTestId('deliberation-action-close'))
  expect(await screen.findByTestId('dialog')).toHaveTextContent('目前已投 3 / 10 户')
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('deliberation-outcome-text')).toHaveTextContent('已形成决议')
  expect(mockCloud.callsTo('deliberation.close')).toEqual([{ id: 't1' }])
  fireEvent.click(screen.getByTestId('deliberation-open-result'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/deliberation/pages/result/index?id=t1',
  })
})

test('an update on the decision needs its text, then shows under 决议执行情况', async () => {
  const t = topicOf({ phase: 'closed', outcome: 'decided', can: can('addUpdate') })
  mockCloud.on(
    'deliberation.addUpdate',
    ok({ ...t, updates: [{ at: '2026-12-01T02:00:00.000Z', text: '电梯已开工' }] })
  )
  await open(t)
  fireEvent.click(screen.getByTestId('deliberation-action-addUpdate'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByTestId('text-error')).toHaveTextContent('请填写执行情况')
  expect(mockCloud.callsTo('deliberation.addUpdate')).toHaveLength(0)
  fireEvent.input(await screen.findByTestId('deliberation-update-text'), {
    target: { value: '电梯已开工' },
  })
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('deliberation-updates')).toHaveTextContent('电梯已开工')
  expect(mockCloud.callsTo('deliberation.addUpdate')).toEqual([{ id: 't1', text: '电梯已开工' }])
})

describe('the discussion', () => {
  test('a hidden comment shows its reason instead of its text', async () => {
    mockCloud.on(
      'deliberation.listComments',
      ok(
        page([
          commentOf({
            content: null,
            hidden: true,
            hiddenReason: '含有人身攻击',
            can: { report: false, hide: false, restore: false },
          }),
        ])
      )
    )
    await open(topicOf({ commentCount: 1 }))
    const c = await screen.findByTestId('comment-c1')
    expect(within(c).getByTestId('comment-hidden')).toHaveTextContent(
      '该评论已被隐藏：含有人身攻击'
    )
    expect(within(c).queryByTestId('comment-text')).not.toBeInTheDocument()
  })

  test('a report is confirmed before it is sent', async () => {
    mockCloud.on('deliberation.listComments', ok(page([commentOf()])))
    mockCloud.on(
      'deliberation.reportComment',
      ok(commentOf({ myReport: true, can: { report: false, hide: false, restore: false } }))
    )
    await open(topicOf({ commentCount: 1 }))
    const c = await screen.findByTestId('comment-c1')
    fireEvent.click(within(c).getByTestId('comment-action-report'))
    expect(await screen.findByTestId('comment-step-report')).toHaveTextContent('3 位居民举报后')
    expect(mockCloud.callsTo('deliberation.reportComment')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('dialog-ok'))
    expect(await within(c).findByText('您已举报')).toBeInTheDocument()
    expect(mockCloud.callsTo('deliberation.reportComment')).toEqual([{ commentId: 'c1' }])
    expect(within(c).queryByTestId('comment-action-report')).not.toBeInTheDocument()
  })

  test('a moderator hides a reported comment with a reason, and can restore it', async () => {
    const reported = commentOf({
      hidden: true,
      awaitingReview: true,
      hiddenReason: '多人举报，等待处理',
      reportCount: 3,
      can: { report: false, hide: true, restore: true },
    })
    mockCloud.on('deliberation.listComments', ok(page([reported])))
    mockCloud.on('deliberation.hideComment', (input: { reason: string }) =>
      ok({ ...reported, awaitingReview: false, hiddenReason: input.reason })
    )
    await open(topicOf({ commentCount: 1, can: can('moderate') }))
    const c = await screen.findByTestId('comment-c1')
    expect(within(c).getByTestId('comment-reports')).toHaveTextContent('3 人举报，等待处理')
    expect(within(c).getByTestId('comment-text')).toHaveTextContent('我家在六楼')
    fireEvent.click(within(c).getByTestId('comment-action-hide'))
    fireEvent.click(await screen.findByTestId('dialog-ok'))
    expect(await screen.findByTestId('reason-error')).toHaveTextContent('请填写隐藏原因')
    fireEvent.input(await screen.findByTestId('comment-hide-reason'), {
      target: { value: '含有人身攻击' },
    })
    fireEvent.click(screen.getByTestId('dialog-ok'))
    expect(await within(c).findByText('该评论已被隐藏：含有人身攻击')).toBeInTheDocument()
    expect(mockCloud.callsTo('deliberation.hideComment')).toEqual([
      { commentId: 'c1', reason: '含有人身攻击' },
    ])
  })

  test('a moderator restores a hidden comment after a confirm: everyone reads it again', async () => {
    const hidden = commentOf({
      hidden: true,
      hiddenReason: '多人举报，等待处理',
      awaitingReview: true,
      reportCount: 3,
      can: { report: false, hide: true, restore: true },
    })
    mockCloud.on('deliberation.listComments', ok(page([hidden])))
    mockCloud.on(
      'deliberation.restoreComment',
      ok(commentOf({ reportCount: 3, can: { report: false, hide: true, restore: false } }))
    )
    await open(topicOf({ commentCount: 1, can: can('moderate') }))
    const c = await screen.findByTestId('comment-c1')
    fireEvent.click(within(c).getByTestId('comment-action-restore'))
    expect(await screen.findByTestId('comment-step-restore')).toHaveTextContent(
      '所有人都能再次看到'
    )
    fireEvent.click(screen.getByTestId('dialog-ok'))
    await waitFor(() => expect(within(c).queryByTestId('comment-hidden')).not.toBeInTheDocument())
    expect(within(c).getByTestId('comment-text')).toHaveTextContent(/^我家在六楼，非常需要电梯。$/)
    expect(mockCloud.callsTo('deliberation.restoreComment')).toEqual([{ commentId: 'c1' }])
  })

  test('a comment is counted as it is typed, checked at its field, then shown first', async () => {
    mockCloud.on('deliberation.comment', (input: { content: string }) =>
      ok(commentOf({ id: 'c9', content: input.content, mine: true }))
    )
    await open(topicOf())
    const box = await screen.findByTestId('deliberation-comment-input')
    fireEvent.input(box, { target: { value: '支持' + '很'.repeat(499) } })
    expect(screen.getByTestId('deliberation-comment-input-count')).toHaveTextContent('501/500')
    expect(await screen.findByTestId('content-error')).toHaveTextContent('评论最多 500 个字')
    fireEvent.click(screen.getByTestId('deliberation-comment-submit'))
    expect(mockCloud.callsTo('deliberation.comment')).toHaveLength(0)
    fireEvent.input(box, { target: { value: '我支持加装电梯' } })
    fireEvent.click(screen.getByTestId('deliberation-comment-submit'))
    const mine = await screen.findByTestId('comment-c9')
    expect(mine).toHaveTextContent('我支持加装电梯')
    expect(mine).toHaveTextContent('老李（我）')
    expect(mockCloud.callsTo('deliberation.comment')).toEqual([
      { id: 't1', content: '我支持加装电梯' },
    ])
  })

  test('a rejected comment shows the reason at its field', async () => {
    mockCloud.on(
      'deliberation.comment',
      fail('CONTENT_REJECTED', '内容含有不适宜发布的信息', 'content')
    )
    await open(topicOf())
    fireEvent.input(await screen.findByTestId('deliberation-comment-input'), {
      target: { value: '违禁测试词' },
    })
    fireEvent.click(screen.getByTestId('deliberation-comment-submit'))
    expect(await screen.findByTestId('content-error')).toHaveTextContent('内容含有不适宜发布的信息')
  })
})

test('a topic turned from a matter links back to it', async () => {
  await open(topicOf({ matterId: 'm7' }))
  fireEvent.click(screen.getByTestId('deliberation-matter-link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matter/pages/detail/index?id=m7' })
})

test('a topic opened directly has no line to a matter', async () => {
  await open(topicOf({ matterId: null }))
  expect(screen.queryByTestId('deliberation-matter')).not.toBeInTheDocument()
})
