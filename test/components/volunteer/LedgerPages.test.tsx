import { fireEvent, screen, waitFor } from '@testing-library/react'
import HonorRoll from '@/packages/volunteer/pages/honor/index'
import ServiceProofPage from '@/packages/volunteer/pages/proof/index'
import LedgerSettingsPage from '@/packages/volunteer/pages/settings/index'
import PartyReportPage from '@/packages/volunteer/pages/report/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { recordOf } from './fixtures'

// The honor roll, the printable proof, the ledger settings and the 双报到 report.

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record', 'volunteer.ledger') })))
})
afterEach(() => jest.restoreAllMocks())

test('the honor roll ranks masked names by hours this year, with their stars', async () => {
  mockCloud.on(
    'volunteer.honorRoll',
    ok({
      year: 2026,
      items: [
        { id: 'v1', rank: 1, nickname: '志强', name: '赵*', hours: 320, stars: 2 },
        { id: 'v2', rank: 2, nickname: '', name: '李*', hours: 12.5, stars: 0 },
      ],
      nextCursor: null,
    })
  )
  renderPage(<HonorRoll />)
  expect(await screen.findByTestId('honor-1')).toHaveTextContent('赵*（志强）')
  expect(screen.getByTestId('honor-1')).toHaveTextContent('320 小时')
  expect(screen.getByTestId('honor-2')).toHaveTextContent('12.5 小时')
  expect(screen.getByText('2026 年志愿服务时长排行 · 感谢每一位志愿者')).toBeInTheDocument()
})

test('the proof is an A4 sheet with the name, total and entries; 打印证明 prints it', async () => {
  const r = recordOf()
  mockCloud.on(
    'volunteer.proof',
    ok({
      name: '张桂兰',
      communityName: '幸福里社区',
      gridName: '第一网格',
      period: { from: '2026-10-10T02:00:00.000Z', to: '2026-11-26T02:00:00.000Z' },
      totalHours: 42.5,
      stars: 0,
      entries: r.entries,
      entryCount: 3,
      issuedAt: '2026-11-26T02:00:00.000Z',
      serial: 'VP-20261126-0001',
    })
  )
  const print = jest.fn()
  window.print = print
  renderPage(<ServiceProofPage />)
  expect(await screen.findByTestId('proof-name')).toHaveTextContent('张桂兰')
  expect(screen.getByTestId('proof-hours')).toHaveTextContent('42.5')
  expect(screen.getByTestId('proof-sheet')).toHaveTextContent('想请人帮忙换灯泡')
  expect(screen.getByTestId('proof-sheet')).toHaveTextContent('VP-20261126-0001')
  fireEvent.click(screen.getByTestId('proof-print'))
  expect(print).toHaveBeenCalledTimes(1)
})

test('settings are checked live: each star above the last; saved after confirming', async () => {
  mockCloud.on(
    'volunteer.settings',
    ok({
      communityId: 'c1',
      wishHours: 1,
      errandHours: 1,
      starThresholds: [100, 300, 600, 1000, 1500],
    })
  )
  renderPage(<LedgerSettingsPage />)
  const wish = await screen.findByTestId('settings-wish')
  fireEvent.input(wish, { target: { value: '0.3' } })
  fireEvent.input(screen.getByTestId('settings-star-2'), { target: { value: '50' } })
  fireEvent.click(screen.getByTestId('settings-submit'))
  expect(await screen.findByTestId('wishHours-error')).toHaveTextContent('时长以 0.5 小时为单位')
  expect(screen.getByTestId('star2-error')).toHaveTextContent('每一星所需时长须高于上一星')
  expect(mockCloud.callsTo('volunteer.updateSettings')).toEqual([])

  fireEvent.input(wish, { target: { value: '1.5' } })
  fireEvent.input(screen.getByTestId('settings-star-2'), { target: { value: '250' } })
  mockCloud.on(
    'volunteer.updateSettings',
    ok({
      communityId: 'c1',
      wishHours: 1.5,
      errandHours: 1,
      starThresholds: [100, 250, 600, 1000, 1500],
    })
  )
  fireEvent.click(screen.getByTestId('settings-submit'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() =>
    expect(mockCloud.callsTo('volunteer.updateSettings')).toEqual([
      { wishHours: 1.5, errandHours: 1, starThresholds: [100, 250, 600, 1000, 1500] },
    ])
  )
})

test('the 双报到 report lists each work unit with its members and hours', async () => {
  mockCloud.on(
    'volunteer.partyReport',
    ok({
      communityId: 'c1',
      units: [
        { workUnit: '区税务局', members: 3, hours: 40 },
        { workUnit: '市第一人民医院', members: 1, hours: 2.5 },
      ],
      totalMembers: 4,
      totalHours: 42.5,
    })
  )
  renderPage(<PartyReportPage />)
  expect(await screen.findByTestId('report-totals')).toHaveTextContent('4报到党员')
  const units = screen.getAllByRole('row').map((r) => r.textContent)
  expect(units).toEqual(['工作单位人数时长', '区税务局340', '市第一人民医院12.5'])
})

test('without the ledger ability the settings and the report show the way in, not the data', async () => {
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record') })))
  renderPage(<PartyReportPage />)
  expect(await screen.findByTestId('no-access')).toBeInTheDocument()
  expect(screen.getByText('双报到台账仅对社区两委开放')).toBeInTheDocument()
  expect(mockCloud.callsTo('volunteer.partyReport')).toEqual([])
})
