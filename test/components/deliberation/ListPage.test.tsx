import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import TopicList from '@/packages/deliberation/pages/list/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf, newcomer } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { can, page, topicOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  Current.router = { params: {}, path: '/packages/deliberation/pages/list/index' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
  mockCloud.on('deliberation.list', ok(page([])))
})

afterEach(() => jest.restoreAllMocks())

test('open topics show their phase, deadline and turnout, and open on tap', async () => {
  mockCloud.on(
    'deliberation.list',
    ok(
      page([
        topicOf({ myVote: { ...topicOf().myVote, voted: true } }),
        topicOf({
          id: 't2',
          title: '小区新增长椅放在哪里',
          phase: 'discussion',
          unit: 'resident',
          eligibleCount: null,
          quorumNeeded: null,
          turnout: 0,
          commentCount: 4,
          scope: { type: 'community', id: 'c1', name: '幸福里社区' },
        }),
      ])
    )
  )
  renderPage(<TopicList />)
  const voting = await screen.findByTestId('topic-card-t1')
  expect(within(voting).getByTestId('topic-tag-phase')).toHaveTextContent(/^投票中$/)
  expect(within(voting).getByTestId('topic-card-deadline')).toHaveTextContent('投票截止')
  expect(voting).toHaveTextContent('已投 3/10 户')
  expect(within(voting).getByTestId('topic-tag-voted-tag')).toHaveTextContent('已投票')
  const talking = screen.getByTestId('topic-card-t2')
  expect(within(talking).getByTestId('topic-tag-phase')).toHaveTextContent(/^讨论中$/)
  expect(within(talking).getByTestId('topic-card-deadline')).toHaveTextContent('讨论截止')
  expect(talking).toHaveTextContent('社区议题 · 幸福里社区 · 4 条讨论')
  expect(talking).not.toHaveTextContent('已投')
  expect(mockCloud.callsTo('deliberation.list')).toEqual([{ scope: 'open', limit: 20 }])
  fireEvent.click(within(voting).getByRole('link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/deliberation/pages/detail/index?id=t1',
  })
})

test('the 已结束 tab lists closed topics with their outcome', async () => {
  mockCloud.on('deliberation.list', (input: { scope: string }) =>
    ok(
      page(
        input.scope === 'closed'
          ? [topicOf({ phase: 'closed', outcome: 'noQuorum', can: can('result') })]
          : []
      )
    )
  )
  renderPage(<TopicList />)
  expect(await screen.findByText('现在没有进行中的议题')).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('deliberation-tab-closed'))
  const card = await screen.findByTestId('topic-card-t1')
  expect(within(card).getByTestId('topic-tag-outcome')).toHaveTextContent('参与人数未达到要求')
  expect(mockCloud.callsTo('deliberation.list')).toContainEqual({ scope: 'closed', limit: 20 })
})

test('the list opens on the tab the link names', async () => {
  Current.router = { params: { scope: 'closed' }, path: '' } as never
  renderPage(<TopicList />)
  expect(await screen.findByText('还没有已结束的议题')).toBeInTheDocument()
  expect(screen.getByTestId('deliberation-tab-closed')).toHaveAttribute('aria-selected', 'true')
})

test('more topics load at the foot of the list', async () => {
  mockCloud.on('deliberation.list', (input: { cursor?: string }) =>
    ok(input.cursor ? page([topicOf({ id: 't3' })]) : page([topicOf()], 'next'))
  )
  renderPage(<TopicList />)
  await screen.findByTestId('topic-card-t1')
  fireEvent.click(screen.getByTestId('paged-list-foot'))
  expect(await screen.findByTestId('topic-card-t3')).toBeInTheDocument()
  expect(mockCloud.callsTo('deliberation.list')[1]).toEqual({
    scope: 'open',
    cursor: 'next',
    limit: 20,
  })
})

test('发起议题 shows only for those the server lets create topics', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ can: canOf('deliberation.view', 'deliberation.create', 'deliberation.moderate') }))
  )
  renderPage(<TopicList />)
  fireEvent.click(await screen.findByTestId('deliberation-new'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/pages/create/index' })
})

test('a resident sees no 发起议题', async () => {
  renderPage(<TopicList />)
  await screen.findByText('现在没有进行中的议题')
  expect(screen.queryByTestId('deliberation-new')).not.toBeInTheDocument()
})

test('a newcomer is shown the way in instead of topics', async () => {
  mockCloud.on('user.me', ok(newcomer()))
  renderPage(<TopicList />)
  expect(await screen.findByTestId('access-hint-bind')).toHaveTextContent('绑定网格')
  expect(mockCloud.callsTo('deliberation.list')).toHaveLength(0)
})

test('a failed load offers a retry', async () => {
  mockCloud.on('deliberation.list', fail('INTERNAL', '网络不太好，请稍后再试'))
  renderPage(<TopicList />)
  expect(await screen.findByText('网络不太好，请稍后再试')).toBeInTheDocument()
  mockCloud.on('deliberation.list', ok(page([topicOf()])))
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByTestId('topic-card-t1')).toBeInTheDocument()
})
