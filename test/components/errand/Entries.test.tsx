import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import GridPage from '@/pages/grid/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { errandOf } from './fixtures'

// 红色代办 on the main package's tabs (src/packages/errand/entry.ts) and one-tap help on home.

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const resident = (patch = {}) => meOf({ can: canOf('errand.book', 'errand.help'), ...patch })

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.counts', ok({ year: 2026, counts: {} }))
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test("home's 红色代办 opens the errands and shows the viewer's counts", async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'errand.open': 1, 'errand.closedThisYear': 12 } })
  )
  renderPage(<Home />)
  const tile = await screen.findByTestId('service-errand')
  expect(await within(tile).findByTestId('errand-stats')).toHaveTextContent(
    '进行中 1 件 · 今年已办结 12 件'
  )
  expect(tile).not.toHaveTextContent('即将上线')
  fireEvent.click(tile)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/errand/pages/list/index' })
})

test('a booker with errands to sign off is told so, one tap from them', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'errand.toConfirm': 2 } }))
  renderPage(<Home />)
  const notice = await screen.findByTestId('notice-errand-confirm')
  expect(notice).toHaveTextContent('您有 2 件代办待销单')
  fireEvent.click(notice)
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/list/index?scope=mine',
  })
})

test('a red agent sees the pool and their accepted errands with counts', async () => {
  mockCloud.on('user.me', ok(resident({ can: canOf('errand.book', 'errand.accept') })))
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'errand.pool': 3, 'errand.assigned': 1 } })
  )
  renderPage(<Home />)
  const pool = await screen.findByTestId('entry-errand-pool')
  expect(await within(pool).findByTestId('entry-errand-pool-count')).toHaveTextContent('3')
  expect(screen.getByTestId('entry-errand-assigned-count')).toHaveTextContent('1')
  expect(screen.queryByTestId('entry-errand-escalated')).not.toBeInTheDocument()
  fireEvent.click(pool)
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/list/index?scope=pool',
  })
})

test('staff see escalated and overdue errands waiting for them', async () => {
  mockCloud.on(
    'user.me',
    ok(
      meOf({
        grid: null,
        bindStatus: 'none',
        verified: false,
        can: canOf('errand.manage', 'errand.bookFor'),
      })
    )
  )
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'errand.escalated': 4, 'errand.overdue': 2 } })
  )
  renderPage(<Home />)
  expect(
    await within(await screen.findByTestId('entry-errand-escalated')).findByText('4')
  ).toBeInTheDocument()
  const overdue = screen.getByTestId('entry-errand-overdue')
  expect(within(overdue).getByText('2')).toBeInTheDocument()
  fireEvent.click(overdue)
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/list/index?scope=managed&show=overdue',
  })
  expect(screen.queryByTestId('home-help')).not.toBeInTheDocument()
})

test('the grid tab shows the errands closed this year and leads to booking', async () => {
  mockCloud.on('user.me', ok(resident()))
  mockCloud.on(
    'user.myGrid',
    ok({
      grid: {
        id: 'g1',
        name: '第一网格',
        communityId: 'c1',
        communityName: '幸福里社区',
        buildingCount: 3,
      },
      workers: [],
      residentCount: 4,
    })
  )
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'errand.closedThisYear': 7 } }))
  renderPage(<GridPage />)
  expect(await screen.findByTestId('grid-errand-closed')).toHaveTextContent('7')
  fireEvent.click(screen.getByTestId('grid-errand-book'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/errand/pages/book/index' })
})

describe('一键求助 on home', () => {
  const sent = {
    errand: errandOf({ id: 'h1', type: 'help', urgent: true, mine: true }),
    callNumbers: ['13800000006', '13800000007'],
  }

  test('is not there for a viewer the server does not allow it', async () => {
    mockCloud.on('user.me', ok(meOf({ can: canOf('wish.post') })))
    renderPage(<Home />)
    await screen.findByTestId('home-grid')
    expect(screen.queryByTestId('home-help')).not.toBeInTheDocument()
  })

  test('is large in elder mode', async () => {
    mockCloud.on('user.me', ok(resident({ elderMode: true })))
    renderPage(<Home />)
    expect(await screen.findByTestId('home-help')).toHaveClass('home-help--elder')
  })

  test('one tap and a confirm send it, then each grid worker is one tap from a call', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'ok' })
    mockCloud.on('user.me', ok(resident()))
    mockCloud.on('errand.help', ok(sent))
    renderPage(<Home />)
    fireEvent.click(await screen.findByTestId('home-help'))
    expect(await screen.findByTestId('help-confirm')).toHaveTextContent(
      '网格员和红色代办员会马上收到您的求助'
    )
    expect(mockCloud.callsTo('errand.help')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('dialog-ok'))

    expect(await screen.findByTestId('help-sent')).toHaveTextContent('求助已发出')
    expect(mockCloud.callsTo('errand.help')).toEqual([{}])
    expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
    fireEvent.click(screen.getByTestId('help-call-0'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000006' })
    fireEvent.click(screen.getByTestId('help-call-1'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000007' })
    fireEvent.click(screen.getByTestId('help-open'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/errand/pages/detail/index?id=h1',
    })
    expect(screen.queryByTestId('help-sheet')).not.toBeInTheDocument()
  })

  test('backing out of the confirm sends nothing', async () => {
    mockCloud.on('user.me', ok(resident()))
    renderPage(<Home />)
    fireEvent.click(await screen.findByTestId('home-help'))
    fireEvent.click(await screen.findByTestId('dialog-cancel'))
    expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
    expect(mockCloud.callsTo('errand.help')).toHaveLength(0)
  })

  test('a second call within ten minutes is told clearly that the first one is on its way', async () => {
    mockCloud.on('user.me', ok(resident()))
    mockCloud.on('errand.help', fail('LIMIT_EXCEEDED', '10 分钟内只能求助一次'))
    renderPage(<Home />)
    fireEvent.click(await screen.findByTestId('home-help'))
    fireEvent.click(await screen.findByTestId('dialog-ok'))
    expect(await screen.findByTestId('help-limit')).toHaveTextContent('刚刚已经求助过了')
    const sheet = screen.getByTestId('help-sheet')
    expect(sheet).toHaveTextContent('10 分钟内只能求助一次')
    expect(screen.queryByTestId('help-sent')).not.toBeInTheDocument()
    fireEvent.click(screen.getByTestId('help-close'))
    expect(screen.queryByTestId('help-sheet')).not.toBeInTheDocument()
  })

  test('a network failure keeps the confirm open; the retry sends the same request id', async () => {
    mockCloud.on('user.me', ok(resident()))
    mockCloud.on('errand.help', fail('INTERNAL', '网络不太好，请稍后再试'))
    renderPage(<Home />)
    fireEvent.click(await screen.findByTestId('home-help'))
    fireEvent.click(await screen.findByTestId('dialog-ok'))
    await waitFor(() => expect(mockCloud.callsTo('errand.help')).toHaveLength(1))
    expect(await screen.findByTestId('help-confirm')).toBeInTheDocument()
    mockCloud.on('errand.help', ok(sent))
    fireEvent.click(screen.getByTestId('dialog-ok'))
    expect(await screen.findByTestId('help-sent')).toBeInTheDocument()
    const ids = mockCloud.calls.filter((c) => c.action === 'help').map((c) => c.requestId)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBeTruthy()
    expect(ids[1]).toBe(ids[0])
  })
})
