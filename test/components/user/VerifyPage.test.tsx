import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import VerifyQueue from '@/packages/user/pages/verify/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { meOf, pendingOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const wang = pendingOf('demo-newcomer', '王小明', '13912345678')
const li = pendingOf('demo-newcomer-2', '李大爷', '13700000002')

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ roles: ['gridWorker'], workerGridIds: ['g1', 'g2'] })))
})

test('lists the residents waiting, with full name, phone and address', async () => {
  mockCloud.on('user.listPendingResidents', ok({ items: [wang, li], nextCursor: null }))
  renderPage(<VerifyQueue />)

  const card = await screen.findByTestId('pending-demo-newcomer')
  expect(within(card).getByText('王小明')).toBeInTheDocument()
  expect(card).toHaveTextContent('13912345678')
  expect(card).toHaveTextContent('第一网格 · 2号楼 302室')
  expect(screen.getByTestId('pending-demo-newcomer-2')).toHaveTextContent('李大爷')
})

test('approving asks first, then the resident leaves the queue', async () => {
  mockCloud.on('user.listPendingResidents', ok({ items: [wang, li], nextCursor: null }))
  mockCloud.on('user.verifyResident', ok({ openid: wang.openid, bindStatus: 'verified' }))
  renderPage(<VerifyQueue />)

  const card = await screen.findByTestId('pending-demo-newcomer')
  fireEvent.click(within(card).getByText('通过'))
  expect(await screen.findByText('确认通过认证')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.verifyResident')).toHaveLength(0)

  fireEvent.click(screen.getByText('确认'))

  await waitFor(() => expect(screen.queryByTestId('pending-demo-newcomer')).not.toBeInTheDocument())
  expect(screen.getByTestId('pending-demo-newcomer-2')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.verifyResident')).toEqual([
    { openid: 'demo-newcomer', approve: true },
  ])
  expect(await screen.findByText('已通过 王小明 的认证')).toBeInTheDocument()
})

test('rejecting needs a reason, which is sent along', async () => {
  mockCloud.on('user.listPendingResidents', ok({ items: [wang], nextCursor: null }))
  mockCloud.on('user.verifyResident', ok({ openid: wang.openid, bindStatus: 'rejected' }))
  renderPage(<VerifyQueue />)

  fireEvent.click(within(await screen.findByTestId('pending-demo-newcomer')).getByText('不通过'))
  const dialog = await screen.findByTestId('verify-dialog')
  fireEvent.click(screen.getByText('确认'))
  expect(await within(dialog).findByText('请填写不通过的原因，居民会看到')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.verifyResident')).toHaveLength(0)

  fireEvent.input(await within(dialog).findByTestId('verify-reason'), {
    target: { value: '房号与登记信息不符' },
  })
  fireEvent.click(screen.getByText('确认'))

  expect(await screen.findByText('暂无待认证居民')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.verifyResident')).toEqual([
    { openid: 'demo-newcomer', approve: false, reason: '房号与登记信息不符' },
  ])
})

test('a failed decision keeps the resident and says why', async () => {
  mockCloud.on('user.listPendingResidents', ok({ items: [wang], nextCursor: null }))
  mockCloud.on('user.verifyResident', fail('FORBIDDEN', '您没有权限进行这个操作'))
  renderPage(<VerifyQueue />)

  fireEvent.click(within(await screen.findByTestId('pending-demo-newcomer')).getByText('通过'))
  fireEvent.click(await screen.findByText('确认'))

  expect(await screen.findByText('您没有权限进行这个操作')).toBeInTheDocument()
  expect(screen.getByTestId('pending-demo-newcomer')).toBeInTheDocument()
})

test('an empty queue says so', async () => {
  mockCloud.on('user.listPendingResidents', ok({ items: [], nextCursor: null }))
  renderPage(<VerifyQueue />)
  expect(await screen.findByText('暂无待认证居民')).toBeInTheDocument()
})

test('a queue that cannot load offers a retry', async () => {
  let attempts = 0
  mockCloud.on('user.listPendingResidents', () =>
    ++attempts === 1
      ? fail('INTERNAL', '网络不太好，请稍后再试')
      : ok({ items: [wang], nextCursor: null })
  )
  renderPage(<VerifyQueue />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByTestId('pending-demo-newcomer')).toBeInTheDocument()
})

test('more residents load page by page with the cursor', async () => {
  mockCloud.on('user.listPendingResidents', (input) => {
    const { cursor } = input as { cursor?: string }
    return cursor === 'p2'
      ? ok({ items: [li], nextCursor: null })
      : ok({ items: [wang], nextCursor: 'p2' })
  })
  renderPage(<VerifyQueue />)
  await screen.findByTestId('pending-demo-newcomer')
  expect(screen.getByText('上拉加载更多')).toBeInTheDocument()

  // The page's reach-bottom event (Taro registers hooks on the current page instance).
  const { getPageInstance } = jest.requireActual('@tarojs/runtime')
  const inst = getPageInstance('taro-app') as { onReachBottom?: (() => void)[] }
  act(() => inst.onReachBottom?.forEach((fn) => fn()))

  expect(await screen.findByTestId('pending-demo-newcomer-2')).toBeInTheDocument()
  expect(screen.getByText('没有更多了')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.listPendingResidents')).toEqual([
    { limit: 20 },
    { cursor: 'p2', limit: 20 },
  ])
})
