import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import ActivityDetail from '@/packages/volunteer/pages/detail/index'
import type { Activity } from '@/contract/volunteer'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { activityOf, can } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.signup', 'volunteer.record') })))
  Current.router = { params: { id: 'a1' }, path: '/packages/volunteer/pages/detail/index' } as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

async function open(a: Activity) {
  mockCloud.on('volunteer.getActivity', ok(a))
  renderPage(<ActivityDetail />)
  await screen.findByTestId('volunteer-detail-title')
}

const BUTTONS = [
  ['volunteer-go-checkin', '签到'],
  ['volunteer-go-manage', '签到码与出勤管理'],
  ['activity-action-signup', '我要报名'],
  ['activity-action-cancel', '取消报名'],
] as const
const visible = () => BUTTONS.filter(([id]) => screen.queryByTestId(id)).map(([, l]) => l)

test.each<[string, (keyof Activity['can'])[], string[]]>([
  ['a resident who may do nothing', [], []],
  ['a volunteer before signing up', ['signup'], ['我要报名']],
  ['a signed volunteer at check-in time', ['checkin', 'cancelSignup'], ['签到', '取消报名']],
  ['the organizer', ['manage'], ['签到码与出勤管理']],
])('%s sees exactly the buttons of `can`', async (_who, keys, labels) => {
  await open(activityOf({ can: can(...keys) }))
  expect(visible()).toEqual(labels)
})

test('shows what, when, where, the hours, the quota and the organizer', async () => {
  await open(activityOf())
  expect(screen.getByTestId('volunteer-detail-title')).toHaveTextContent('重阳节义务理发')
  expect(screen.getByTestId('volunteer-detail-location')).toHaveTextContent('党群服务中心一楼')
  expect(screen.getByTestId('volunteer-detail-hours')).toHaveTextContent('2 小时')
  expect(screen.getByTestId('volunteer-detail-organizer')).toHaveTextContent('吴书记（社区两委）')
  expect(screen.getByTestId('quota')).toHaveTextContent('已报名 12/20 人')
  expect(screen.getByTestId('volunteer-detail-description')).toHaveTextContent('请自带工具')
})

test('signing up asks first, then shows the place the server gave (候补第 N 位)', async () => {
  await open(activityOf({ signedCount: 20, can: can('signup') }))
  fireEvent.click(screen.getByTestId('activity-action-signup'))
  expect(screen.getByTestId('activity-step-waitlist')).toHaveTextContent('名额已满，报名后进入候补')
  mockCloud.on('volunteer.signup', ok({ status: 'waitlisted', position: 2 }))
  mockCloud.on(
    'volunteer.getActivity',
    ok(
      activityOf({
        signedCount: 20,
        waitlistCount: 2,
        mySignup: {
          status: 'waitlisted',
          position: 2,
          checkedIn: false,
          attended: null,
          feedbackGiven: false,
        },
        can: can('cancelSignup'),
      })
    )
  )
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('volunteer-my-status')).toHaveTextContent('候补第 2 位')
  expect(mockCloud.callsTo('volunteer.signup')).toEqual([{ activityId: 'a1' }])
  expect(screen.getByTestId('activity-action-cancel')).toHaveTextContent('取消候补')
})

test('cancelling explains the 2-hour rule; a refusal is said and the activity reloads', async () => {
  await open(
    activityOf({
      mySignup: { status: 'signed', checkedIn: false, attended: null, feedbackGiven: false },
      can: can('cancelSignup'),
    })
  )
  expect(screen.getByTestId('volunteer-my-status')).toHaveTextContent('已报名')
  fireEvent.click(screen.getByTestId('activity-action-cancel'))
  expect(screen.getByTestId('activity-step-cancel')).toHaveTextContent(
    '活动开始前 2 小时内不能再取消'
  )
  mockCloud.on('volunteer.cancelSignup', fail('CONFLICT', '活动开始前 2 小时内不能取消报名'))
  mockCloud.on('volunteer.getActivity', ok(activityOf({ can: can() })))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() => expect(screen.queryByTestId('activity-action-cancel')).toBeNull())
  expect(screen.queryByTestId('dialog')).toBeNull()
})

test('the summary and feedback are public; an attendee may rate once', async () => {
  await open(
    activityOf({
      phase: 'ended',
      summary: { text: '共 12 位志愿者为 30 位老人理发。', at: '2026-10-30T02:00:00.000Z' },
      feedback: {
        count: 1,
        average: 5,
        comments: [{ rating: 5, comment: '很有意义', at: '2026-10-30T03:00:00.000Z' }],
      },
      feedbackOpen: true,
    })
  )
  expect(screen.getByTestId('volunteer-summary-text')).toHaveTextContent('为 30 位老人理发')
  expect(within(screen.getByTestId('volunteer-report')).getByText('很有意义')).toBeInTheDocument()
  const form = screen.getByTestId('volunteer-feedback-form')
  fireEvent.click(within(form).getByTestId('volunteer-feedback-submit'))
  expect(await screen.findByTestId('rating-error')).toHaveTextContent('请给出评分')
  fireEvent.click(screen.getByTestId('volunteer-rating-4'))
  mockCloud.on('volunteer.feedback', ok(activityOf({ phase: 'ended', feedbackOpen: false })))
  fireEvent.click(within(form).getByTestId('volunteer-feedback-submit'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() => expect(screen.queryByTestId('volunteer-feedback-form')).toBeNull())
  expect(mockCloud.callsTo('volunteer.feedback')).toEqual([{ activityId: 'a1', rating: 4 }])
})

test('an attendee whose hours were credited is one tap from the record', async () => {
  await open(
    activityOf({
      phase: 'ended',
      mySignup: { status: 'signed', checkedIn: true, attended: true, feedbackGiven: true },
    })
  )
  expect(screen.getByTestId('volunteer-my-place')).toHaveTextContent('2 小时已计入服务记录')
  fireEvent.click(screen.getByTestId('volunteer-go-record'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/record/index' })
})
