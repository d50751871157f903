import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import ErrandList from '@/packages/errand/pages/list/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { agentOf, can, errandOf, fullBooker, page } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const resident = () => meOf({ can: canOf('errand.book', 'errand.help') })
const agent = () =>
  meOf({ openid: 'demo-volunteer-1', can: canOf('errand.book', 'errand.help', 'errand.accept') })
const staff = () =>
  meOf({
    openid: 'demo-gridworker-1',
    grid: null,
    verified: false,
    bindStatus: 'none',
    can: canOf('errand.bookFor', 'errand.manage'),
  })

beforeEach(() => {
  mockCloud.calls.length = 0
  Current.router = { params: {}, path: '/packages/errand/pages/list/index' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  mockCloud.on('errand.list', ok(page([])))
})

afterEach(() => jest.restoreAllMocks())

const tabs = () => screen.queryAllByRole('tab').map((t) => t.textContent)

test('a resident sees their own errands only, and can book one', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('errand.list', ok(page([errandOf({ mine: true, booker: fullBooker })])))
  renderPage(<ErrandList />)
  expect(await screen.findByTestId('errand-card-e1')).toBeInTheDocument()
  expect(tabs()).toEqual([])
  expect(mockCloud.callsTo('errand.list')).toEqual([{ scope: 'mine', limit: 20 }])
  fireEvent.click(screen.getByTestId('errand-new'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/errand/pages/book/index' })
  fireEvent.click(within(screen.getByTestId('errand-card-e1')).getByRole('link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/detail/index?id=e1',
  })
})

test('an empty list of my own says what the service is and offers to book', async () => {
  mockCloud.on('user.me', ok(resident()))
  renderPage(<ErrandList />)
  expect(await screen.findByText('您还没有预约过代办')).toBeInTheDocument()
  expect(screen.getByTestId('errand-empty-book')).toBeInTheDocument()
})

test('tabs follow what the server lets the viewer do', async () => {
  mockCloud.on('user.me', ok(agent()))
  renderPage(<ErrandList />)
  await screen.findByTestId('errand-tab-mine')
  expect(tabs()).toEqual(['我的代办', '待接单', '我接的'])
})

test('staff land on the staff view and book for residents', async () => {
  mockCloud.on('user.me', ok(staff()))
  renderPage(<ErrandList />)
  await screen.findByText('您服务的网格还没有代办')
  expect(tabs()).toEqual([])
  expect(mockCloud.callsTo('errand.list')).toEqual([{ scope: 'managed', limit: 20 }])
  expect(screen.getByTestId('errand-new')).toHaveTextContent('代居民预约')
})

test('a viewer who may not use the service is told how to get in', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'none', grid: null, can: canOf('user.bind') })))
  renderPage(<ErrandList />)
  expect(await screen.findByTestId('access-hint')).toBeInTheDocument()
  expect(mockCloud.callsTo('errand.list')).toHaveLength(0)
})

test("the agent's pool reads as a schedule: by date and slot, with level badges", async () => {
  Current.router = { params: { scope: 'pool' }, path: '/x' } as never
  mockCloud.on('user.me', ok(agent()))
  mockCloud.on(
    'errand.list',
    ok(
      page([
        errandOf({ id: 'late', date: '2026-12-01', slot: 'evening', can: can('accept') }),
        errandOf({
          id: 'help',
          type: 'help',
          urgent: true,
          date: '2026-11-30',
          slot: 'afternoon',
          can: can('accept'),
        }),
        errandOf({
          id: 'up',
          level: 'community',
          gridName: '第二网格',
          date: '2026-11-30',
          slot: 'afternoon',
          can: can('accept'),
        }),
        errandOf({ id: 'early', date: '2026-11-30', slot: 'morning', can: can('accept') }),
      ])
    )
  )
  renderPage(<ErrandList />)
  await screen.findByTestId('errand-card-early')
  expect(mockCloud.callsTo('errand.list')).toEqual([{ scope: 'pool', limit: 20 }])
  expect(screen.getByTestId('errand-tab-pool')).toHaveAttribute('aria-selected', 'true')
  const order = screen.getAllByTestId(/^errand-card-/).map((c) => c.dataset.testid)
  expect(order).toEqual([
    'errand-card-early',
    'errand-card-help',
    'errand-card-up',
    'errand-card-late',
  ])
  const groups = screen.getAllByTestId('errand-group').map((g) => g.textContent)
  expect(groups).toHaveLength(3)
  expect(groups[0]).toContain('11月30日')
  expect(groups[0]).toContain('上午 08:00–12:00')
  expect(groups[1]).toContain('下午 12:00–18:00')
  expect(groups[2]).toContain('12月1日')
  const up = screen.getByTestId('errand-card-up')
  expect(within(up).getByTestId('errand-tag-level')).toHaveTextContent('社区')
  expect(up).toHaveTextContent('第二网格')
  const help = screen.getByTestId('errand-card-help')
  expect(within(help).getByTestId('errand-tag-urgent')).toHaveTextContent('紧急')
  expect(help).toHaveTextContent('一键求助')
})

test('accepting from the pool takes it out of the pool and opens it', async () => {
  Current.router = { params: { scope: 'pool' }, path: '/x' } as never
  mockCloud.on('user.me', ok(agent()))
  mockCloud.on(
    'errand.list',
    ok(page([errandOf({ can: can('accept') }), errandOf({ id: 'e2', can: can('accept') })]))
  )
  mockCloud.on(
    'errand.accept',
    ok(errandOf({ status: 'accepted', agent: agentOf(), can: can('complete') }))
  )
  renderPage(<ErrandList />)
  const card = await screen.findByTestId('errand-card-e1')
  fireEvent.click(within(card).getByTestId('errand-action-accept'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() => expect(screen.queryByTestId('errand-card-e1')).not.toBeInTheDocument())
  expect(screen.getByTestId('errand-card-e2')).toBeInTheDocument()
  expect(mockCloud.callsTo('errand.accept')).toEqual([{ id: 'e1' }])
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/detail/index?id=e1',
  })
})

test('a full slot keeps the errand in the pool and says why', async () => {
  Current.router = { params: { scope: 'pool' }, path: '/x' } as never
  mockCloud.on('user.me', ok(agent()))
  mockCloud.on('errand.list', ok(page([errandOf({ can: can('accept') })])))
  mockCloud.on('errand.accept', fail('LIMIT_EXCEEDED', '同一时段最多接 2 件代办'))
  renderPage(<ErrandList />)
  fireEvent.click(await screen.findByTestId('errand-action-accept'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByText('同一时段最多接 2 件代办')).toBeInTheDocument()
  expect(screen.getByTestId('errand-card-e1')).toBeInTheDocument()
})

test('the staff view puts overdue, then escalated errands first', async () => {
  mockCloud.on('user.me', ok(staff()))
  mockCloud.on(
    'errand.list',
    ok(
      page([
        errandOf({ id: 'plain' }),
        errandOf({ id: 'up', level: 'committee' }),
        errandOf({ id: 'late', status: 'accepted', overdue: true, agent: agentOf() }),
      ])
    )
  )
  renderPage(<ErrandList />)
  await screen.findByTestId('errand-card-plain')
  const order = screen.getAllByTestId(/^errand-card-/).map((c) => c.dataset.testid)
  expect(order).toEqual(['errand-card-late', 'errand-card-up', 'errand-card-plain'])
  expect(
    within(screen.getByTestId('errand-card-late')).getByTestId('errand-tag-overdue')
  ).toHaveTextContent('超时')
  expect(
    within(screen.getByTestId('errand-card-up')).getByTestId('errand-tag-level')
  ).toHaveTextContent('两委')
})

test('the overdue filter asks for accepted errands and keeps the overdue ones', async () => {
  Current.router = { params: { scope: 'managed', show: 'overdue' }, path: '/x' } as never
  mockCloud.on('user.me', ok(staff()))
  mockCloud.on(
    'errand.list',
    ok(
      page([
        errandOf({ id: 'late', status: 'accepted', overdue: true }),
        errandOf({ id: 'fine', status: 'accepted' }),
      ])
    )
  )
  renderPage(<ErrandList />)
  await screen.findByTestId('errand-card-late')
  expect(screen.getByTestId('errand-filter-overdue')).toHaveAttribute('aria-checked', 'true')
  expect(screen.queryByTestId('errand-card-fine')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('errand.list')).toEqual([
    { scope: 'managed', status: 'accepted', limit: 20 },
  ])

  fireEvent.click(screen.getByTestId('errand-filter-escalated'))
  await waitFor(() =>
    expect(mockCloud.callsTo('errand.list')[1]).toEqual({
      scope: 'managed',
      status: 'requested',
      limit: 20,
    })
  )
  expect(await screen.findByText('没有需要督办的代办')).toBeInTheDocument()
})
