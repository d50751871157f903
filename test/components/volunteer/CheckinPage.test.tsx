import { fireEvent, screen } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import VolunteerCheckin from '@/packages/volunteer/pages/checkin/index'
import { checkinTarget } from '@/packages/volunteer/scene'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { activityOf, can } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const signed = { status: 'signed' as const, checkedIn: false, attended: null, feedbackGiven: false }

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.signup', 'volunteer.record') })))
  mockCloud.on('volunteer.getActivity', ok(activityOf({ mySignup: signed, can: can('checkin') })))
})

test.each([
  [
    { id: 'a1', code: '123456' },
    { activityId: 'a1', code: '123456' },
  ],
  [{ scene: encodeURIComponent('v=a1&c=654321') }, { activityId: 'a1', code: '654321' }],
  [{ scene: 'v=a1&c=65' }, { activityId: 'a1', code: '' }],
  [{}, { activityId: '', code: '' }],
])('the page opened with %j checks in to %j', (params, target) => {
  expect(checkinTarget(params)).toEqual(target)
})

test('a scan fills the code in; a stale code is said at the field, the right one checks in', async () => {
  Current.router = { params: { scene: 'v%3Da1%26c%3D123456' }, path: '' } as never
  mockCloud.on('volunteer.checkin', fail('INVALID_INPUT', '签到码不正确或已过期', 'code'))
  renderPage(<VolunteerCheckin />)
  const input = (await screen.findByTestId('checkin-code')) as HTMLInputElement
  expect(input.value).toBe('123456')
  fireEvent.click(screen.getByTestId('checkin-submit'))
  expect(await screen.findByTestId('code-error')).toHaveTextContent('签到码不正确或已过期')

  fireEvent.input(input, { target: { value: '12' } })
  fireEvent.click(screen.getByTestId('checkin-submit'))
  expect(await screen.findByTestId('code-error')).toHaveTextContent('签到码是 6 位数字')

  fireEvent.input(input, { target: { value: '654321' } })
  mockCloud.on(
    'volunteer.checkin',
    ok(activityOf({ phase: 'ongoing', mySignup: { ...signed, checkedIn: true } }))
  )
  fireEvent.click(screen.getByTestId('checkin-submit'))
  expect(await screen.findByTestId('checkin-done')).toHaveTextContent('已签到')
  expect(mockCloud.callsTo('volunteer.checkin')).toEqual([
    { activityId: 'a1', code: '123456' },
    { activityId: 'a1', code: '654321' },
  ])
})
