import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import WishReview from '@/packages/wish/pages/review/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { NO_CAN, page, wishOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const reviewable = { ...NO_CAN, review: true }
const lamp = wishOf({
  id: 'w1',
  status: 'pending',
  author: {
    nickname: '桂兰阿姨',
    name: '张桂兰',
    buildingName: '1号楼',
    room: '101',
    phone: '13800000001',
    can: { call: true },
  },
  can: reviewable,
})
const walk = wishOf({ id: 'w2', title: '想找人陪我散步', status: 'pending', can: reviewable })

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ roles: ['gridWorker'], workerGridIds: ['g1'] })))
})

test('lists the pending wishes with the author in full', async () => {
  mockCloud.on('wish.list', ok(page([lamp, walk])))
  renderPage(<WishReview />)
  const card = await screen.findByTestId('wish-card-w1')
  expect(card).toHaveTextContent('张桂兰 · 1号楼 101室')
  expect(within(card).getByTestId('wish-card-status')).toHaveTextContent('待审核')
  expect(mockCloud.callsTo('wish.list')).toEqual([{ scope: 'review', limit: 20 }])
})

test('approving asks first, then the wish leaves the queue', async () => {
  mockCloud.on('wish.list', ok(page([lamp, walk])))
  mockCloud.on('wish.review', ok({ ...lamp, status: 'open', can: { ...NO_CAN, claim: false } }))
  renderPage(<WishReview />)

  const card = await screen.findByTestId('wish-card-w1')
  fireEvent.click(within(card).getByTestId('wish-action-review-approve'))
  expect(await screen.findByText(/会发布到社区，志愿者就可以认领了/)).toBeInTheDocument()
  expect(mockCloud.callsTo('wish.review')).toHaveLength(0)
  fireEvent.click(screen.getByTestId('dialog-ok'))

  await waitFor(() => expect(screen.queryByTestId('wish-card-w1')).not.toBeInTheDocument())
  expect(screen.getByTestId('wish-card-w2')).toBeInTheDocument()
  expect(mockCloud.callsTo('wish.review')).toEqual([{ id: 'w1', approve: true }])
  expect(await screen.findByText('已通过，心愿已发布')).toBeInTheDocument()
})

test('rejecting needs a reason, which is sent along', async () => {
  mockCloud.on('wish.list', ok(page([lamp])))
  mockCloud.on('wish.review', ok({ ...lamp, status: 'rejected', can: { ...NO_CAN } }))
  renderPage(<WishReview />)

  fireEvent.click(
    within(await screen.findByTestId('wish-card-w1')).getByTestId('wish-action-review-reject')
  )
  const dialog = await screen.findByTestId('dialog')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))
  expect(await within(dialog).findByText('请填写不通过的原因')).toBeInTheDocument()

  fireEvent.input(await within(dialog).findByTestId('wish-reason'), {
    target: { value: '请写清楚需要帮什么忙' },
  })
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  expect(await screen.findByText('暂无待审核的心愿')).toBeInTheDocument()
  expect(mockCloud.callsTo('wish.review')).toEqual([
    { id: 'w1', approve: false, reason: '请写清楚需要帮什么忙' },
  ])
})

test('a wish someone else reviewed meanwhile leaves the queue with the message', async () => {
  mockCloud.on('wish.list', ok(page([lamp])))
  mockCloud.on('wish.review', fail('CONFLICT', '这个心愿已经审核过了'))
  renderPage(<WishReview />)
  fireEvent.click(
    within(await screen.findByTestId('wish-card-w1')).getByTestId('wish-action-review-approve')
  )
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByText('这个心愿已经审核过了')).toBeInTheDocument()
  expect(await screen.findByText('暂无待审核的心愿')).toBeInTheDocument()
})

test('someone who does not review is told so, without a pointless retry', async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('wish.list', fail('FORBIDDEN', '只有网格员或社区两委可以审核心愿'))
  renderPage(<WishReview />)
  expect(await screen.findByText('只有网格员或社区两委可以审核心愿')).toBeInTheDocument()
  expect(screen.queryByText('重新加载')).not.toBeInTheDocument()
})
