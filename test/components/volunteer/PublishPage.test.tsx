import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PublishActivity from '@/packages/volunteer/pages/publish/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, gridsTree, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { activityOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.publish') })))
  mockCloud.on('user.listGrids', ok(gridsTree))
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})
afterEach(() => jest.restoreAllMocks())

const type = (testId: string, value: string) =>
  fireEvent.input(screen.getByTestId(testId), { target: { value } })

test('a publisher fills the form, checked live, confirms, and lands on the new activity', async () => {
  renderPage(<PublishActivity />)
  await screen.findByTestId('publish-scope-community:c1', {}, { timeout: 5000 })
  fireEvent.click(screen.getByTestId('publish-submit'))
  expect(await screen.findByTestId('title-error')).toHaveTextContent('活动名称至少 2 个字')
  expect(screen.getByTestId('location-error')).toHaveTextContent('请填写活动地点')
  expect(screen.getByTestId('scope-error')).toHaveTextContent('请选择活动范围')
  expect(mockCloud.callsTo('volunteer.createActivity')).toEqual([])

  type('publish-title', '理')
  expect(screen.getByTestId('title-error')).toHaveTextContent('活动名称至少 2 个字')
  type('publish-title', '理'.repeat(31))
  expect(screen.getByTestId('title-error')).toHaveTextContent('活动名称最多 30 个字')
  type('publish-title', '重阳节义务理发')
  type('publish-location', '党群服务中心一楼')
  type('publish-quota', '0')
  expect(await screen.findByTestId('quota-error')).toHaveTextContent('招募人数至少 1 人')
  type('publish-quota', '15')
  fireEvent.click(screen.getByTestId('publish-hours-minus'))
  fireEvent.click(screen.getByTestId('publish-hours-minus'))
  fireEvent.click(screen.getByTestId('publish-hours-minus'))
  expect(screen.getByTestId('publish-hours')).toHaveTextContent('0.5 小时')
  fireEvent.click(screen.getByTestId('publish-hours-minus'))
  expect(screen.getByTestId('publish-hours')).toHaveTextContent('0.5 小时')
  fireEvent.click(screen.getByTestId('publish-scope-grid:g1'))

  mockCloud.on('volunteer.createActivity', ok(activityOf({ id: 'a9' })))
  fireEvent.click(screen.getByTestId('publish-submit'))
  expect(screen.getByTestId('publish-confirm')).toHaveTextContent('招募 15 人 · 0.5 小时')
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/volunteer/pages/detail/index?id=a9&published=1',
    })
  )
  const [sent] = mockCloud.callsTo('volunteer.createActivity') as Record<string, unknown>[]
  expect(sent).toMatchObject({
    title: '重阳节义务理发',
    location: '党群服务中心一楼',
    quota: 15,
    hours: 0.5,
    scope: { type: 'grid', id: 'g1' },
  })
  // The defaults: at least an hour ahead, two hours long, signup until the start.
  const start = Date.parse(sent.startAt as string)
  expect(start).toBeGreaterThan(Date.now() + 59 * 60_000)
  expect(Date.parse(sent.endAt as string) - start).toBe(2 * 3_600_000)
  expect(sent.signupDeadline).toBe(sent.startAt)
})

test("the server's refusal of the scope shows at the scope", async () => {
  mockCloud.on(
    'volunteer.createActivity',
    fail('FORBIDDEN', '您只能为自己服务的网格发布活动', 'scope.id')
  )
  renderPage(<PublishActivity />)
  fireEvent.click(await screen.findByTestId('publish-scope-grid:g2', {}, { timeout: 5000 }))
  // Taro's input renders its inner <input> a moment after the page (slower on a busy machine).
  await screen.findByTestId('publish-title', {}, { timeout: 5000 })
  type('publish-title', '楼道清洁')
  type('publish-location', '2 号楼')
  fireEvent.click(screen.getByTestId('publish-submit'))
  fireEvent.click(screen.getByTestId('dialog-ok'))
  expect(await screen.findByTestId('scope-error')).toHaveTextContent('只能为自己服务的网格')
})
