import { fireEvent, screen, waitFor } from '@testing-library/react'
import ReviewApplications from '@/packages/volunteer/pages/review/index'
import type { VolunteerApplication } from '@/contract/volunteer'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { page } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const app = (openid: string, name: string): VolunteerApplication => ({
  id: openid,
  openid,
  nickname: '',
  name,
  gridName: '第一网格',
  buildingName: '2号楼',
  phone: '13800000002',
  skills: ['手机教学'],
  partyMember: true,
  workUnit: '区税务局',
  status: 'pending',
  reason: null,
  appliedAt: '2026-11-26T02:00:00.000Z',
  reviewedAt: null,
  timeline: [],
  can: { review: true, call: true },
})

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.review') })))
  mockCloud.on('volunteer.listApplications', ok(page([app('r2', '李建国'), app('r3', '王秀英')])))
})

test('the committee approves one and refuses another with a reason; both leave the queue', async () => {
  renderPage(<ReviewApplications />)
  expect(await screen.findByTestId('application-r2')).toHaveTextContent(
    '中共党员 · 工作单位：区税务局'
  )
  mockCloud.on('volunteer.reviewVolunteer', (input) =>
    ok({
      ...app('x', 'x'),
      status: (input as { approve: boolean }).approve ? 'approved' : 'rejected',
    })
  )
  fireEvent.click(screen.getByTestId('application-approve-r2'))
  expect(screen.getByTestId('review-dialog')).toHaveTextContent('通过后，李建国 成为本社区的志愿者')
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() => expect(screen.queryByTestId('application-r2')).toBeNull())

  fireEvent.click(screen.getByTestId('application-refuse-r3'))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('reason-error')).toHaveTextContent('请填写不通过的原因')
  fireEvent.input(await screen.findByTestId('review-reason'), {
    target: { value: '请补充服务时间' },
  })
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() => expect(screen.queryByTestId('application-r3')).toBeNull())
  expect(mockCloud.callsTo('volunteer.reviewVolunteer')).toEqual([
    { openid: 'r2', approve: true },
    { openid: 'r3', approve: false, reason: '请补充服务时间' },
  ])
})
