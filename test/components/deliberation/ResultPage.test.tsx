import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import TopicResultPage from '@/packages/deliberation/pages/result/index'
import type { TopicResult } from '@/contract/deliberation'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { can, resultOf, topicOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const closed = (patch = {}) =>
  topicOf({ phase: 'closed', outcome: 'decided', turnout: 8, can: can('result'), ...patch })

beforeEach(() => {
  mockCloud.calls.length = 0
  Taro.clearStorageSync()
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
  Current.router = {
    params: { id: 't1' },
    path: '/packages/deliberation/pages/result/index',
  } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

async function open(result: TopicResult, topic = closed()) {
  mockCloud.on('deliberation.get', ok(topic))
  mockCloud.on('deliberation.result', ok(result))
  renderPage(<TopicResultPage />)
  await screen.findByTestId('deliberation-result')
}

test('each option has a bar with its ballots, the winner named, turnout and origins shown', async () => {
  await open(resultOf())
  expect(screen.getByTestId('deliberation-result-outcome')).toHaveTextContent(
    '已形成决议：「同意加装」'
  )
  expect(screen.getByTestId('deliberation-bar-0')).toHaveTextContent('6 票（75%）')
  expect(screen.getByTestId('deliberation-bar-1')).toHaveTextContent('2 票（25%）')
  expect(screen.getByTestId('deliberation-bar-2')).toHaveTextContent('0 票（0%）')
  expect(screen.getByTestId('deliberation-result-turnout-text')).toHaveTextContent('8 / 10 户')
  expect(screen.getByTestId('deliberation-result-online')).toHaveTextContent('7 票')
  expect(screen.getByTestId('deliberation-result-meeting')).toHaveTextContent('1 票')
  expect(screen.getByTestId('deliberation-tally-hash')).toHaveTextContent('a'.repeat(64))
})

test('a tie names no winner and offers the next round to those the server allows', async () => {
  await open(
    resultOf({ counts: [3, 3, 0], turnout: 6, outcome: 'tie', winner: undefined }),
    closed({ outcome: 'tie', can: can('result', 'followUp') })
  )
  expect(screen.getByTestId('deliberation-result-outcome')).toHaveTextContent(
    /^票数相同，未形成决议$/
  )
  fireEvent.click(screen.getByTestId('deliberation-follow-up'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/deliberation/pages/create/index?from=t1',
  })
})

test('no quorum says so', async () => {
  await open(
    resultOf({ counts: [1, 1, 0], turnout: 2, quorumMet: false, outcome: 'noQuorum' }),
    closed({ outcome: 'noQuorum' })
  )
  expect(screen.getByTestId('deliberation-result-outcome')).toHaveTextContent('参与人数未达到要求')
  expect(screen.getByTestId('deliberation-result-turnout')).toHaveTextContent('50%（未达到）')
  expect(screen.queryByTestId('deliberation-follow-up')).not.toBeInTheDocument()
})

test("the viewer's kept receipt is filled in and checked against the count", async () => {
  Taro.setStorageSync('deliberation.receipt.demo-resident-1.t1', 'ABCD-EFGH-JKMN-PQRS')
  mockCloud.on(
    'deliberation.verifyReceipt',
    ok({ counted: true, optionIndex: 0, origin: 'online' })
  )
  await open(resultOf())
  const box = screen.getByTestId('deliberation-verify')
  expect(await within(box).findByTestId('deliberation-verify-input')).toHaveValue(
    'ABCD-EFGH-JKMN-PQRS'
  )
  fireEvent.click(within(box).getByTestId('deliberation-verify-submit'))
  expect(await screen.findByTestId('deliberation-verify-result')).toHaveTextContent(
    '已计入：「同意加装」（线上投票）'
  )
  expect(mockCloud.callsTo('deliberation.verifyReceipt')).toEqual([
    { id: 't1', receipt: 'ABCD-EFGH-JKMN-PQRS' },
  ])
})

test('an unknown receipt is said to be not found; an empty one is not sent', async () => {
  mockCloud.on('deliberation.verifyReceipt', ok({ counted: false }))
  await open(resultOf())
  fireEvent.click(screen.getByTestId('deliberation-verify-submit'))
  expect(await screen.findByTestId('receipt-error')).toHaveTextContent('请填写投票回执')
  expect(mockCloud.callsTo('deliberation.verifyReceipt')).toHaveLength(0)
  fireEvent.input(await screen.findByTestId('deliberation-verify-input'), {
    target: { value: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' },
  })
  fireEvent.click(screen.getByTestId('deliberation-verify-submit'))
  expect(await screen.findByTestId('deliberation-verify-result')).toHaveTextContent(
    '没有找到这张回执'
  )
})

test('before close the server refuses the result, and the page says why', async () => {
  mockCloud.on('deliberation.get', ok(topicOf()))
  mockCloud.on('deliberation.result', fail('CONFLICT', '投票结束后才公布结果'))
  renderPage(<TopicResultPage />)
  expect(await screen.findByText('投票结束后才公布结果')).toBeInTheDocument()
  expect(screen.queryByTestId('deliberation-bar-0')).not.toBeInTheDocument()
})
