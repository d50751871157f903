import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import MatterList from '@/packages/matter/pages/list/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { NO_CAN, can, matterOf, page } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const resident = () => meOf({ can: canOf('matter.report', 'matter.board') })
const gridWorker = () =>
  meOf({
    openid: 'demo-gridworker-1',
    grid: null,
    verified: false,
    bindStatus: 'none',
    can: canOf('matter.board', 'matter.handle'),
  })

beforeEach(() => {
  mockCloud.calls.length = 0
  Current.router = { params: {}, path: '/packages/matter/pages/list/index' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  mockCloud.on('matter.list', ok(page([])))
})

afterEach(() => jest.restoreAllMocks())

const tabs = () => screen.queryAllByRole('tab').map((t) => t.textContent)

test("a resident opens their grid's board, with the seconds of each matter and a way to report", async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('matter.list', ok(page([matterOf({ seconds: 4 })])))
  renderPage(<MatterList />)
  const card = await screen.findByTestId('matter-card-m1')
  expect(tabs()).toEqual(['本网格', '全社区', '我反映的'])
  expect(mockCloud.callsTo('matter.list')).toEqual([{ scope: 'grid', limit: 20 }])
  expect(within(card).getByTestId('matter-seconds-m1')).toHaveTextContent('4 人也遇到')
  expect(card).toHaveTextContent('张* · 1号楼 · 第一网格')
  expect(within(card).getByTestId('matter-tag-status')).toHaveTextContent('待受理')
  fireEvent.click(within(card).getByRole('link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/matter/pages/detail/index?id=m1',
  })
  fireEvent.click(screen.getByTestId('matter-new'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matter/pages/report/index' })
})

test('the scope, the status and the category narrow the board', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('matter.list', ok(page([matterOf(), matterOf({ id: 'm2', category: 'parking' })])))
  renderPage(<MatterList />)
  await screen.findByTestId('matter-card-m2')
  fireEvent.click(screen.getByTestId('matter-tab-community'))
  await waitFor(() => expect(mockCloud.callsTo('matter.list')).toHaveLength(2))
  fireEvent.click(screen.getByTestId('matter-status-handling'))
  await waitFor(() =>
    expect(mockCloud.callsTo('matter.list')).toEqual([
      { scope: 'grid', limit: 20 },
      { scope: 'community', limit: 20 },
      { scope: 'community', status: 'handling', limit: 20 },
    ])
  )
  await screen.findByTestId('matter-card-m2')
  fireEvent.click(screen.getByTestId('matter-category-parking'))
  expect(screen.queryByTestId('matter-card-m1')).not.toBeInTheDocument()
  expect(screen.getByTestId('matter-card-m2')).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('matter-category-safety'))
  expect(await screen.findByText('没有符合筛选的说事')).toBeInTheDocument()
})

test('我也遇到 on a card sends the second and shows the list as the server now holds it', async () => {
  mockCloud.on('user.me', ok(resident()))
  let seconded = false
  mockCloud.on('matter.list', () =>
    ok(
      page([
        seconded
          ? matterOf({ seconds: 1, mySecond: true, can: NO_CAN })
          : matterOf({ can: can('second') }),
      ])
    )
  )
  mockCloud.on('matter.second', () => {
    seconded = true
    return ok(matterOf({ seconds: 1, mySecond: true, can: NO_CAN }))
  })
  renderPage(<MatterList />)
  const card = await screen.findByTestId('matter-card-m1')
  fireEvent.click(within(card).getByTestId('matter-action-second'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByTestId('matter-seconds-m1')).toHaveTextContent('1 人也遇到（含您）')
  expect(screen.queryByTestId('matter-action-second')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('matter.second')).toEqual([{ id: 'm1' }])
})

test('staff land on their queue, overdue first as the server sends it, and see no report button', async () => {
  mockCloud.on('user.me', ok(gridWorker()))
  mockCloud.on(
    'matter.list',
    ok(page([matterOf({ id: 'm7', overdue: true, level: 'community' }), matterOf()]))
  )
  Current.router = { params: { scope: 'queue' }, path: '/x' } as never
  renderPage(<MatterList />)
  await screen.findByTestId('matter-card-m7')
  expect(tabs()).toEqual(['全社区', '待处理'])
  expect(mockCloud.callsTo('matter.list')).toEqual([{ scope: 'queue', limit: 20 }])
  const cards = screen.getAllByTestId(/^matter-card-/).map((c) => c.dataset.testid)
  expect(cards).toEqual(['matter-card-m7', 'matter-card-m1'])
  expect(
    within(screen.getByTestId('matter-card-m7')).getByTestId('matter-tag-overdue')
  ).toBeInTheDocument()
  expect(screen.queryByTestId('matter-new')).not.toBeInTheDocument()
})

test('the handling queue opens with its status chosen', async () => {
  mockCloud.on('user.me', ok(gridWorker()))
  Current.router = { params: { scope: 'queue', status: 'handling' }, path: '/x' } as never
  renderPage(<MatterList />)
  expect(await screen.findByText('没有符合筛选的说事')).toBeInTheDocument()
  expect(mockCloud.callsTo('matter.list')).toEqual([
    { scope: 'queue', status: 'handling', limit: 20 },
  ])
  expect(screen.getByTestId('matter-status-handling')).toHaveAttribute('aria-checked', 'true')
})

test('more pages load at the foot of the list', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('matter.list', (input) =>
    (input as { cursor?: string }).cursor === 'c2'
      ? ok(page([matterOf({ id: 'm2' })]))
      : ok(page([matterOf()], 'c2'))
  )
  renderPage(<MatterList />)
  await screen.findByTestId('matter-card-m1')
  fireEvent.click(screen.getByTestId('paged-list-foot'))
  expect(await screen.findByTestId('matter-card-m2')).toBeInTheDocument()
  expect(screen.getByTestId('paged-list-foot')).toHaveTextContent('没有更多了')
})

test('my own empty list offers to report; a viewer not verified is told how to get in', async () => {
  mockCloud.on('user.me', ok(resident()))
  Current.router = { params: { scope: 'mine' }, path: '/x' } as never
  const { unmount } = renderPage(<MatterList />)
  expect(await screen.findByText('您还没有反映过问题')).toBeInTheDocument()
  expect(screen.getByTestId('matter-empty-report')).toBeInTheDocument()
  unmount()

  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false, can: canOf() })))
  renderPage(<MatterList />)
  expect(await screen.findByTestId('access-hint')).toBeInTheDocument()
})
