import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import GridPage from '@/pages/grid/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

// 居民议事 on the main package's tabs (src/packages/deliberation/entry.ts).

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.counts', ok({ year: 2026, counts: {} }))
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

test("home's 居民议事 opens the topics and shows how many are open and in voting", async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'deliberation.open': 3, 'deliberation.voting': 1 } })
  )
  renderPage(<Home />)
  const tile = await screen.findByTestId('service-deliberation')
  expect(await within(tile).findByTestId('deliberation-stats')).toHaveTextContent(
    '进行中 3 个议题 · 投票中 1 个'
  )
  expect(tile).not.toHaveTextContent('即将上线')
  fireEvent.click(tile)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/pages/list/index' })
})

test('staff see the reported comments waiting for them as a badge', async () => {
  mockCloud.on(
    'user.me',
    ok(
      meOf({
        grid: null,
        bindStatus: 'none',
        verified: false,
        can: canOf('deliberation.view', 'deliberation.moderate', 'deliberation.create'),
      })
    )
  )
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'deliberation.reported': 2 } }))
  renderPage(<Home />)
  const queue = await screen.findByTestId('entry-deliberation-reported')
  expect(await within(queue).findByTestId('entry-deliberation-reported-count')).toHaveTextContent(
    '2'
  )
})

test('a resident has no moderation queue', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'deliberation.open': 1 } }))
  renderPage(<Home />)
  await screen.findByTestId('service-deliberation')
  expect(screen.queryByTestId('entry-deliberation-reported')).not.toBeInTheDocument()
})

test('the grid tab shows open and voting topics and leads to them', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('deliberation.view') })))
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
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'deliberation.open': 2, 'deliberation.voting': 1 } })
  )
  renderPage(<GridPage />)
  expect(await screen.findByTestId('grid-deliberation-open')).toHaveTextContent('2')
  expect(screen.getByTestId('grid-deliberation-voting')).toHaveTextContent('1')
  fireEvent.click(screen.getByTestId('grid-deliberation-closed'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/deliberation/pages/list/index?scope=closed',
  })
})
