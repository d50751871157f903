import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import ExportPage from '@/packages/committee/pages/export/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, gridsTree, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { COMMUNITY_MESSAGES } from '@/contract/committee.rules'
import { exportResultOf, NOW } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('./fakePicker').FakePicker,
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on(
    'user.me',
    ok(meOf({ openid: 'demo-committee-1', can: canOf('committee.export', 'committee.dashboard') }))
  )
  mockCloud.on('committee.export', ok(exportResultOf()))
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
})

afterEach(() => jest.restoreAllMocks())

const pickDay = (field: 'from' | 'to', day: string) =>
  fireEvent.change(within(screen.getByTestId(`field-${field}`)).getByTestId('picker-day'), {
    target: { value: day },
  })

async function confirm() {
  fireEvent.click(screen.getByTestId('export-submit'))
  await screen.findByTestId('export-confirm')
  fireEvent.click(screen.getByTestId('dialog-ok'))
}

test('a ledger of this month by default: chosen, confirmed, exported, then downloaded by its link', async () => {
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    expect(this.href).toBe('http://127.0.0.1:8080/files/exports/c1/wishes.xlsx')
    expect(this.download).toBe('微心愿台账_2026-11-01_2026-11-26.xlsx')
  })
  renderPage(<ExportPage />)
  expect(await screen.findByTestId('export-from')).toHaveTextContent('2026年11月1日')
  expect(screen.getByTestId('export-to')).toHaveTextContent('2026年11月26日')
  expect(screen.getByTestId('export-preset-month')).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByTestId('export-kind-wishes'))
  await confirm()
  const result = await screen.findByTestId('export-result')
  expect(mockCloud.callsTo('committee.export')).toEqual([
    { kind: 'wishes', from: '2026-11-01', to: '2026-11-26' },
  ])
  expect(within(result).getByTestId('export-file')).toHaveTextContent(
    '微心愿台账_2026-11-01_2026-11-26.xlsx'
  )
  expect(within(result).getByTestId('export-rows')).toHaveTextContent('共 42 行')
  fireEvent.click(within(result).getByTestId('export-download'))
  await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
})

test('no ledger chosen: the tap says so at the tiles and nothing is sent', async () => {
  renderPage(<ExportPage />)
  fireEvent.click(await screen.findByTestId('export-submit'))
  expect(await screen.findByTestId('kind-error')).toHaveTextContent('请选择台账类型')
  expect(screen.queryByTestId('export-confirm')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('committee.export')).toHaveLength(0)
})

test('the days are checked as they are picked: order, at most 366 days, not after today', async () => {
  renderPage(<ExportPage />)
  await screen.findByTestId('export-from')
  pickDay('from', '2026-11-27')
  expect(await screen.findByTestId('from-error')).toHaveTextContent('开始日期不能晚于结束日期')
  pickDay('to', '2026-11-28')
  expect(await screen.findByTestId('from-error')).toHaveTextContent('开始日期不能晚于今天')
  pickDay('from', '2025-01-01')
  pickDay('to', '2026-11-26')
  expect(await screen.findByTestId('to-error')).toHaveTextContent('结束日期须在开始日期起 366 天内')
  pickDay('from', '2025-11-26')
  await waitFor(() => expect(screen.queryByTestId('to-error')).not.toBeInTheDocument())
  expect(screen.queryByTestId('from-error')).not.toBeInTheDocument()
})

test('the server’s refusal shows next to its field, and the form can be sent again', async () => {
  mockCloud.on('committee.export', fail('INVALID_INPUT', '超过 50000 行，请缩短时间范围', 'from'))
  renderPage(<ExportPage />)
  fireEvent.click(await screen.findByTestId('export-kind-errands'))
  fireEvent.click(screen.getByTestId('export-preset-year'))
  await confirm()
  expect(await screen.findByTestId('from-error')).toHaveTextContent('超过 50000 行，请缩短时间范围')
  expect(mockCloud.callsTo('committee.export')).toEqual([
    { kind: 'errands', from: '2026-01-01', to: '2026-11-26' },
  ])
  expect(screen.queryByTestId('export-result')).not.toBeInTheDocument()
  mockCloud.on('committee.export', ok(exportResultOf({ kind: 'errands' })))
  fireEvent.click(screen.getByTestId('export-preset-lastMonth'))
  await waitFor(() => expect(screen.queryByTestId('from-error')).not.toBeInTheDocument())
  await confirm()
  expect(await screen.findByTestId('export-result')).toBeInTheDocument()
  expect(mockCloud.callsTo('committee.export')[1]).toEqual({
    kind: 'errands',
    from: '2026-10-01',
    to: '2026-10-31',
  })
})

test('asked which community (a street admin belongs to none): the choices show by the message, the pick is sent', async () => {
  mockCloud.on('user.listGrids', ok(gridsTree))
  mockCloud.on('committee.export', fail('INVALID_INPUT', COMMUNITY_MESSAGES.choose, 'communityId'))
  renderPage(<ExportPage />)
  fireEvent.click(await screen.findByTestId('export-kind-wishes'))
  await confirm()
  const field = await screen.findByTestId('export-community')
  expect(within(field).getByTestId('communityId-error')).toHaveTextContent(
    COMMUNITY_MESSAGES.choose
  )
  mockCloud.on('committee.export', ok(exportResultOf()))
  fireEvent.click(await within(field).findByTestId('export-community-choice-c2'))
  await waitFor(() => expect(screen.queryByTestId('communityId-error')).not.toBeInTheDocument())
  await confirm()
  expect(await screen.findByTestId('export-result')).toBeInTheDocument()
  expect(mockCloud.callsTo('committee.export')[1]).toEqual({
    kind: 'wishes',
    from: '2026-11-01',
    to: '2026-11-26',
    communityId: 'c2',
  })
})

test('a grid worker (no committee.export) is told who the ledgers are for', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('committee.dashboard') })))
  renderPage(<ExportPage />)
  expect(await screen.findByTestId('no-access')).toHaveTextContent('如需使用，请联系社区')
  expect(screen.getByText('导出台账仅对社区两委开放')).toBeInTheDocument()
})
