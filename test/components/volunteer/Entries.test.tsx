import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import GridPage from '@/pages/grid/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

// 志愿服务 on the main package's tabs (src/packages/volunteer/entry.ts).

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

test("home's 志愿服务 is live: it opens the activities and shows the volunteer's counts", async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.signup', 'volunteer.record') })))
  mockCloud.on(
    'user.counts',
    ok({ year: 2026, counts: { 'volunteer.upcoming': 3, 'volunteer.signedUp': 1 } })
  )
  renderPage(<Home />)
  const tile = await screen.findByTestId('service-volunteer')
  expect(await within(tile).findByTestId('volunteer-stats')).toHaveTextContent(
    '可报名 3 个 · 已报名 1 个'
  )
  expect(tile).not.toHaveTextContent('即将上线')
  fireEvent.click(tile)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/list/index' })
  const notice = await screen.findByTestId('notice-volunteer-signed')
  expect(notice).toHaveTextContent('您报名了 1 个即将开始的志愿活动')
})

test('the committee sees the application queue with its count as a badge', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ can: canOf('volunteer.review', 'volunteer.publish', 'volunteer.ledger') }))
  )
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'volunteer.toReview': 2 } }))
  renderPage(<Home />)
  const queue = await screen.findByTestId('entry-volunteer-review')
  expect(await within(queue).findByText('2')).toBeInTheDocument()
  fireEvent.click(queue)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/review/index' })
})

test('a resident without the ability sees no review queue', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.register', 'volunteer.record') })))
  renderPage(<Home />)
  await screen.findByTestId('service-volunteer')
  expect(screen.queryByTestId('entry-volunteer-review')).toBeNull()
})

test('the 网格 tab has the volunteer card with its ways in', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.signup', 'volunteer.record') })))
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
  mockCloud.on('user.counts', ok({ year: 2026, counts: { 'volunteer.upcoming': 4 } }))
  renderPage(<GridPage />)
  expect(await screen.findByTestId('grid-volunteer-upcoming')).toHaveTextContent('4')
  fireEvent.click(screen.getByTestId('grid-volunteer-record'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/record/index' })
})
