import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import VolunteerList from '@/packages/volunteer/pages/list/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { activityOf, page } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  Current.router = { params: {}, path: '/packages/volunteer/pages/list/index' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  mockCloud.on('volunteer.listActivities', ok(page([])))
})

afterEach(() => jest.restoreAllMocks())

const tabs = () => screen.queryAllByRole('tab').map((t) => t.textContent)

test('a resident who may apply sees the way to apply, upcoming and past activities, no publishing', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.register', 'volunteer.record') })))
  mockCloud.on('volunteer.listActivities', ok(page([activityOf()])))
  renderPage(<VolunteerList />)
  const card = await screen.findByTestId('activity-card-a1')
  expect(tabs()).toEqual(['近期活动', '往期活动'])
  expect(mockCloud.callsTo('volunteer.listActivities')).toEqual([{ scope: 'upcoming', limit: 20 }])
  expect(within(card).getByTestId('activity-quota-a1')).toHaveTextContent('已报名 12/20 人')
  expect(within(card).getByTestId('activity-phase')).toHaveTextContent('报名中')
  expect(screen.getByTestId('volunteer-apply-banner')).toBeInTheDocument()
  expect(screen.queryByTestId('volunteer-publish')).toBeNull()
  fireEvent.click(screen.getByTestId('volunteer-apply'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/apply/index' })
  fireEvent.click(within(card).getByRole('link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/volunteer/pages/detail/index?id=a1',
  })
})

test('a volunteer sees their own signups with the waitlist place, and a full quota', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.signup', 'volunteer.record') })))
  Current.router = { params: { scope: 'mine' }, path: '' } as never
  const waiting = activityOf({
    signedCount: 20,
    waitlistCount: 3,
    mySignup: {
      status: 'waitlisted',
      position: 2,
      checkedIn: false,
      attended: null,
      feedbackGiven: false,
    },
  })
  mockCloud.on('volunteer.listActivities', ok(page([waiting])))
  renderPage(<VolunteerList />)
  const card = await screen.findByTestId('activity-card-a1')
  expect(tabs()).toEqual(['近期活动', '我报名的', '往期活动'])
  expect(mockCloud.callsTo('volunteer.listActivities')).toEqual([{ scope: 'mine', limit: 20 }])
  expect(within(card).getByTestId('activity-my-signup')).toHaveTextContent('候补第 2 位')
  expect(within(card).getByTestId('activity-quota-a1')).toHaveTextContent('已满 · 候补 3 人')
  expect(screen.queryByTestId('volunteer-apply-banner')).toBeNull()
})

test('a publisher has the 我组织的 tab, whose cards open the organizer view, and 发布活动', async () => {
  mockCloud.on('user.me', ok(meOf({ grid: null, can: canOf('volunteer.publish') })))
  mockCloud.on(
    'volunteer.listActivities',
    ok(
      page([
        activityOf({ can: { signup: false, cancelSignup: false, checkin: false, manage: true } }),
      ])
    )
  )
  renderPage(<VolunteerList />)
  const card = await screen.findByTestId('activity-card-a1')
  expect(tabs()).toEqual([])
  expect(mockCloud.callsTo('volunteer.listActivities')).toEqual([{ scope: 'managed', limit: 20 }])
  fireEvent.click(within(card).getByRole('link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/volunteer/pages/manage/index?id=a1',
  })
  fireEvent.click(screen.getByTestId('volunteer-publish'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/publish/index' })
})

test('switching tabs loads that list; an empty one says what goes there', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.signup', 'volunteer.record') })))
  renderPage(<VolunteerList />)
  await screen.findByText('近期还没有志愿活动')
  fireEvent.click(screen.getByTestId('volunteer-tab-past'))
  expect(await screen.findByText('还没有往期活动')).toBeInTheDocument()
  expect(mockCloud.callsTo('volunteer.listActivities')).toContainEqual({ scope: 'past', limit: 20 })
})

test('a viewer who may not use the service is shown the way in', async () => {
  mockCloud.on(
    'user.me',
    ok(meOf({ grid: null, verified: false, bindStatus: 'none', can: canOf('user.bind') }))
  )
  renderPage(<VolunteerList />)
  expect(await screen.findByTestId('access-hint')).toHaveTextContent('志愿服务')
  expect(mockCloud.callsTo('volunteer.listActivities')).toEqual([])
})
