import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import MeetingVotes from '@/packages/deliberation/pages/meeting/index'
import { fakeCloud, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { residentOf } from '../wish/fixtures'
import { can, page, topicOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  Current.router = { params: { id: 't1' }, path: '' } as never
  mockCloud.on(
    'user.me',
    ok(
      meOf({
        openid: 'demo-committee-1',
        grid: null,
        verified: false,
        bindStatus: 'none',
        can: canOf('deliberation.view', 'deliberation.moderate', 'user.listResidents'),
      })
    )
  )
  mockCloud.on(
    'user.listResidents',
    ok(
      page([
        residentOf('demo-resident-1', '张桂兰', '1号楼', '101'),
        // Whoever the roster lists may be entered: the roll decides on the server.
        residentOf('demo-resident-2', '李建国', '2号楼', '202', {
          can: { fileFor: false, bookFor: false },
        }),
      ])
    )
  )
})
afterEach(() => jest.restoreAllMocks())

test('the committee picks residents and their options; each entry comes back counted or refused', async () => {
  const t = topicOf({ can: can('recordInPerson', 'close') })
  mockCloud.on('deliberation.get', ok(t))
  mockCloud.on(
    'deliberation.recordInPerson',
    ok({
      entries: [
        { index: 0, ok: false, error: { code: 'CONFLICT', message: '这户已经投过票了' } },
        { index: 1, ok: true, receipt: 'MMMM-NNNN-PPPP-QQQQ' },
      ],
      topic: { ...t, turnout: 4 },
    })
  )
  renderPage(<MeetingVotes />)
  fireEvent.click(await screen.findByTestId('meeting-resident-option-demo-resident-1'))
  fireEvent.click(screen.getByTestId('meeting-resident'))
  fireEvent.click(await screen.findByTestId('meeting-resident-option-demo-resident-2'))
  expect(screen.getByTestId('meeting-entries')).toHaveTextContent('本次录入（2）')

  fireEvent.click(screen.getByTestId('meeting-submit'))
  expect(await screen.findByTestId('option-demo-resident-1-error')).toHaveTextContent(
    '请选择这位居民所投的选项'
  )
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  fireEvent.click(screen.getByTestId('meeting-option-demo-resident-1-0'))
  fireEvent.click(screen.getByTestId('meeting-option-demo-resident-2-1'))
  fireEvent.click(screen.getByTestId('meeting-submit'))
  expect(await screen.findByTestId('meeting-confirm')).toHaveTextContent('录入 2 位居民')
  fireEvent.click(screen.getByTestId('dialog-ok'))

  const outcomes = await screen.findByTestId('meeting-outcomes')
  expect(within(outcomes).getByTestId('meeting-outcome-demo-resident-1')).toHaveTextContent(
    '张桂兰：这户已经投过票了'
  )
  expect(within(outcomes).getByTestId('meeting-outcome-demo-resident-2')).toHaveTextContent(
    '李建国：已计入「不同意」'
  )
  expect(outcomes).toHaveTextContent('MMMM-NNNN-PPPP-QQQQ')
  expect(mockCloud.callsTo('deliberation.recordInPerson')).toEqual([
    {
      id: 't1',
      votes: [
        { openid: 'demo-resident-1', optionIndex: 0 },
        { openid: 'demo-resident-2', optionIndex: 1 },
      ],
    },
  ])
  await waitFor(() =>
    expect(screen.getByTestId('deliberation-turnout')).toHaveTextContent('已投 4 / 10 户')
  )
  expect(screen.getByTestId('meeting-entries')).toHaveTextContent('本次录入（0）')
})

test('the same resident is not added twice', async () => {
  mockCloud.on('deliberation.get', ok(topicOf({ can: can('recordInPerson') })))
  renderPage(<MeetingVotes />)
  fireEvent.click(await screen.findByTestId('meeting-resident-option-demo-resident-1'))
  fireEvent.click(screen.getByTestId('meeting-resident'))
  fireEvent.click(await screen.findByTestId('meeting-resident-option-demo-resident-1'))
  expect(screen.getByTestId('meeting-entries')).toHaveTextContent('本次录入（1）')
})

test('outside voting (or for anyone the server does not allow) the page says so', async () => {
  mockCloud.on('deliberation.get', ok(topicOf({ phase: 'closed', can: can('result') })))
  renderPage(<MeetingVotes />)
  expect(await screen.findByTestId('meeting-closed')).toBeInTheDocument()
  expect(screen.queryByTestId('meeting-submit')).not.toBeInTheDocument()
})
