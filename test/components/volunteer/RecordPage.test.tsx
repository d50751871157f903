import { screen, within } from '@testing-library/react'
import VolunteerRecord from '@/packages/volunteer/pages/record/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { recordOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('volunteer.record') })))
})

test('shows the total, the stars, the hours to the next star and each entry by source', async () => {
  mockCloud.on('volunteer.myRecord', ok(recordOf()))
  renderPage(<VolunteerRecord />)
  expect(await screen.findByTestId('record-total-hours')).toHaveTextContent('42.5')
  expect(screen.getByTestId('record-stars')).toHaveAttribute('aria-label', '还未评星')
  expect(screen.getByTestId('star-progress')).toHaveTextContent('再服务 57.5 小时成为 1 星志愿者')
  const bySource = screen.getByTestId('record-by-source')
  expect(bySource).toHaveTextContent('38.5志愿活动')
  expect(bySource).toHaveTextContent('3微心愿')
  const wish = screen.getByTestId('record-entry-wish-w1')
  expect(wish).toHaveTextContent('微心愿')
  expect(wish).toHaveTextContent('+1 小时')
  expect(within(screen.getByTestId('record-entry-errand-e1')).getByText('红色代办')).toBeTruthy()
})

test('the top star says so; an empty record says how hours are earned', async () => {
  mockCloud.on(
    'volunteer.myRecord',
    ok(recordOf({ totalHours: 1600, stars: 5, nextStar: null, entries: [] }))
  )
  renderPage(<VolunteerRecord />)
  expect(await screen.findByTestId('star-progress')).toHaveTextContent('已是最高星级')
  expect(screen.getByTestId('record-stars')).toHaveAttribute('aria-label', '5 星志愿者')
  expect(screen.getByText('还没有服务记录')).toBeInTheDocument()
})
