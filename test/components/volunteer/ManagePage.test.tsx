import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import ManageActivity from '@/packages/volunteer/pages/manage/index'
import type { RosterEntry } from '@/contract/volunteer'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { activityOf, can } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const entry = (openid: string, patch: Partial<RosterEntry> = {}): RosterEntry => ({
  id: openid,
  openid,
  nickname: '',
  name: openid === 'v1' ? '李建国' : '王秀英',
  phone: null,
  status: 'signed',
  checkedIn: false,
  checkedInAt: null,
  attended: null,
  can: { call: false },
  ...patch,
})

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.publish') })))
  Current.router = { params: { id: 'a1' }, path: '' } as never
  mockCloud.on('volunteer.checkinCode', codeFor('482913'))
})

const PNG = (code: string) => `data:image/png;base64,${code}`
const codeFor = (code: string) =>
  ok({
    code,
    expiresAt: new Date(Date.now() + 30_000).toISOString(),
    scene: `v=a1&c=${code}`,
    image: PNG(code),
  })

test('the organizer sees the code large, the roster, and confirms who came', async () => {
  mockCloud.on('volunteer.getActivity', ok(activityOf({ phase: 'ongoing', can: can('manage') })))
  mockCloud.on(
    'volunteer.roster',
    ok({
      activityId: 'a1',
      items: [
        entry('v1', { checkedIn: true }),
        entry('v2'),
        entry('v3', { status: 'waitlisted', position: 1 }),
      ],
    })
  )
  renderPage(<ManageActivity />)
  expect(await screen.findByTestId('checkin-code-value')).toHaveTextContent('482913')
  expect(await screen.findByTestId('roster-v1')).toHaveTextContent('已签到')
  expect(screen.getByTestId('roster-v2')).toHaveTextContent('未签到')
  expect(screen.getByTestId('roster-v3')).toHaveTextContent('候补第 1 位')
  // The one who checked in starts ticked; the waitlisted cannot be ticked.
  await waitFor(() =>
    expect(screen.getByTestId('roster-tick-v1')).toHaveAttribute('aria-checked', 'true')
  )
  expect(screen.queryByTestId('roster-tick-v3')).toBeNull()
  fireEvent.click(screen.getByTestId('roster-tick-v2'))
  fireEvent.click(screen.getByTestId('roster-confirm'))
  expect(screen.getByTestId('roster-confirm-dialog')).toHaveTextContent('为 2 位志愿者各记 2 小时')
  mockCloud.on(
    'volunteer.confirmAttendance',
    ok(activityOf({ phase: 'ongoing', can: can('manage') }))
  )
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() =>
    expect(mockCloud.callsTo('volunteer.confirmAttendance')).toEqual([
      { activityId: 'a1', openids: ['v1', 'v2'] },
    ])
  )
})

test('before the start attendance cannot be confirmed yet', async () => {
  mockCloud.on('volunteer.getActivity', ok(activityOf({ can: can('manage') })))
  mockCloud.on('volunteer.roster', ok({ activityId: 'a1', items: [entry('v1')] }))
  renderPage(<ManageActivity />)
  const roster = await screen.findByTestId('roster')
  expect(within(roster).getByText('活动开始后可以勾选出勤的志愿者并确认。')).toBeInTheDocument()
  expect(screen.queryByTestId('roster-tick-v1')).toBeNull()
  expect(screen.queryByTestId('roster-confirm')).toBeNull()
})

test('someone who does not organize it is told so, and sees no code', async () => {
  mockCloud.on('volunteer.getActivity', ok(activityOf()))
  renderPage(<ManageActivity />)
  expect(await screen.findByText('只有活动的组织者可以管理签到和出勤')).toBeInTheDocument()
  expect(mockCloud.callsTo('volunteer.checkinCode')).toEqual([])
})

test('the 小程序码 of the check-in page shows beside the code, and changes with it', async () => {
  mockCloud.on('volunteer.getActivity', ok(activityOf({ phase: 'ongoing', can: can('manage') })))
  mockCloud.on('volunteer.roster', ok({ activityId: 'a1', items: [] }))
  renderPage(<ManageActivity />)
  const image = await screen.findByTestId('checkin-code-image')
  expect(image).toHaveAttribute('src', PNG('482913'))
  expect(image).toHaveAttribute('alt', '签到小程序码，志愿者扫码即可签到')

  mockCloud.on('volunteer.checkinCode', codeFor('105377'))
  fireEvent.click(screen.getByTestId('checkin-code-refresh'))
  await waitFor(() => expect(screen.getByTestId('checkin-code-value')).toHaveTextContent('105377'))
  await waitFor(() =>
    expect(screen.getByTestId('checkin-code-image')).toHaveAttribute('src', PNG('105377'))
  )
})
