import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import VolunteerApply from '@/packages/volunteer/pages/apply/index'
import type { VolunteerApplication } from '@/contract/volunteer'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})
afterEach(() => jest.restoreAllMocks())

const applicant = () => meOf({ can: canOf('volunteer.register', 'volunteer.record') })

const application = (patch: Partial<VolunteerApplication> = {}): VolunteerApplication => ({
  id: 'demo-resident-1',
  openid: 'demo-resident-1',
  nickname: '桂兰阿姨',
  name: '张桂兰',
  gridName: '第一网格',
  buildingName: '1号楼',
  phone: '13800000001',
  skills: ['理发', '陪伴老人'],
  partyMember: true,
  workUnit: '市第一人民医院',
  status: 'pending',
  reason: null,
  appliedAt: '2026-11-26T02:00:00.000Z',
  reviewedAt: null,
  timeline: [],
  can: { review: false, call: false },
  ...patch,
})

const input = async (testId: string, value: string) =>
  fireEvent.input(await screen.findByTestId(testId), { target: { value } })

beforeEach(() => mockCloud.on('volunteer.myApplication', ok(null)))

test('skills are chips added and removed; a party member must name the work unit', async () => {
  mockCloud.on('user.me', ok(applicant()))
  renderPage(<VolunteerApply />)
  fireEvent.click(await screen.findByTestId('apply-submit'))
  expect(await screen.findByTestId('skills-error')).toHaveTextContent('请填写 1–5 项特长')

  await input('apply-skill-input', '这个特长的名字实在是太长了')
  fireEvent.click(screen.getByTestId('apply-skill-add'))
  expect(screen.getByTestId('skills-error')).toHaveTextContent('每项特长最多 10 个字')
  await input('apply-skill-input', '理发')
  fireEvent.click(screen.getByTestId('apply-skill-add'))
  fireEvent.click(screen.getByTestId('apply-suggest-陪伴老人'))
  fireEvent.click(screen.getByTestId('apply-suggest-维修'))
  fireEvent.click(screen.getByTestId('apply-skill-维修'))
  expect(screen.queryByTestId('apply-skill-维修')).toBeNull()
  expect(screen.queryByTestId('skills-error')).toBeNull()

  fireEvent.click(screen.getByTestId('apply-party'))
  fireEvent.click(screen.getByTestId('apply-submit'))
  expect(await screen.findByTestId('workUnit-error')).toHaveTextContent(
    '在职党员请填写工作单位（双报到）'
  )
  expect(mockCloud.callsTo('volunteer.register')).toEqual([])

  await input('apply-work-unit', '市第一人民医院')
  mockCloud.on('volunteer.register', ok(application()))
  fireEvent.click(screen.getByTestId('apply-submit'))
  expect(screen.getByTestId('apply-confirm')).toHaveTextContent('理发、陪伴老人')
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('apply-status')).toHaveTextContent('申请状态：审核中')
  expect(mockCloud.callsTo('volunteer.register')).toEqual([
    { skills: ['理发', '陪伴老人'], partyMember: true, workUnit: '市第一人民医院' },
  ])
})

test("the server's word on a field shows beside it", async () => {
  mockCloud.on('user.me', ok(applicant()))
  mockCloud.on(
    'volunteer.register',
    fail('CONTENT_REJECTED', '填写的内容包含不适宜的信息，请修改', 'workUnit')
  )
  renderPage(<VolunteerApply />)
  fireEvent.click(await screen.findByTestId('apply-suggest-理发'))
  fireEvent.click(screen.getByTestId('apply-party'))
  await screen.findByTestId('apply-work-unit')
  await input('apply-work-unit', '某单位')
  fireEvent.click(screen.getByTestId('apply-submit'))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('workUnit-error')).toHaveTextContent('不适宜')
})

test('an applicant under review is told so; a volunteer is sent to the activities', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record') })))
  const { unmount } = renderPage(<VolunteerApply />)
  expect(await screen.findByTestId('apply-pending')).toBeInTheDocument()
  unmount()
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record', 'volunteer.signup') })))
  renderPage(<VolunteerApply />)
  fireEvent.click(await screen.findByTestId('apply-go-list'))
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/list/index' })
  )
})

test('a later visit shows the application under review, with no form', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record') })))
  mockCloud.on('volunteer.myApplication', ok(application()))
  renderPage(<VolunteerApply />)
  expect(await screen.findByTestId('apply-status')).toHaveTextContent('申请状态：审核中')
  expect(screen.getByTestId('apply-pending')).toBeInTheDocument()
  expect(screen.queryByTestId('apply-submit')).toBeNull()
})

test('an approved applicant is told so and sent to the activities', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record', 'volunteer.signup') })))
  mockCloud.on('volunteer.myApplication', ok(application({ status: 'approved' })))
  renderPage(<VolunteerApply />)
  expect(await screen.findByTestId('apply-approved')).toHaveTextContent('您的申请已通过')
  expect(screen.getByTestId('apply-go-list')).toBeInTheDocument()
})

test('a refused applicant sees why, and applies again from what they sent', async () => {
  mockCloud.on('user.me', ok(applicant()))
  mockCloud.on(
    'volunteer.myApplication',
    ok(application({ status: 'rejected', reason: '请补充工作单位全称' }))
  )
  renderPage(<VolunteerApply />)
  expect(await screen.findByTestId('apply-status')).toHaveTextContent('申请状态：未通过')
  expect(screen.getByTestId('apply-reason')).toHaveTextContent('未通过的原因：请补充工作单位全称')
  expect(screen.queryByTestId('apply-submit')).toBeNull()

  fireEvent.click(screen.getByTestId('apply-again'))
  expect(await screen.findByTestId('apply-skill-理发')).toBeInTheDocument()
  expect(screen.getByTestId('apply-skill-陪伴老人')).toBeInTheDocument()
  expect(screen.getByTestId('apply-party')).toHaveAttribute('aria-checked', 'true')
  await input('apply-work-unit', '市第一人民医院内科')
  mockCloud.on('volunteer.register', ok(application()))
  fireEvent.click(screen.getByTestId('apply-submit'))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('apply-status')).toHaveTextContent('申请状态：审核中')
  expect(mockCloud.callsTo('volunteer.register')).toEqual([
    { skills: ['理发', '陪伴老人'], partyMember: true, workUnit: '市第一人民医院内科' },
  ])
})
