import { fireEvent, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import GridPage from '@/pages/grid/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { meOf, newcomer } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const myGrid = {
  grid: {
    id: 'g1',
    name: '第一网格',
    communityId: 'c1',
    communityName: '幸福里社区',
    buildingCount: 3,
  },
  workers: [{ id: 'demo-gridworker-1', nickname: '刘网格员', name: '刘*', phone: '138****0007' }],
  residentCount: 4,
}

beforeEach(() => {
  mockCloud.calls.length = 0
})

test('shows my grid, its numbers and its grid workers with masked contacts', async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('user.myGrid', ok(myGrid))
  renderPage(<GridPage />)

  expect(await screen.findByTestId('grid-name')).toHaveTextContent('第一网格')
  expect(screen.getByTestId('grid-buildings')).toHaveTextContent('3')
  expect(screen.getByTestId('grid-residents')).toHaveTextContent('4')
  const worker = screen.getByTestId('worker-demo-gridworker-1')
  expect(within(worker).getByText('刘*（刘网格员）')).toBeInTheDocument()
  expect(within(worker).getByText('138****0007')).toBeInTheDocument()
})

test("a resident's own grid worker is one tap from a call when the server allows it", async () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on(
    'user.myGrid',
    ok({
      ...myGrid,
      workers: [
        {
          id: 'demo-gridworker-1',
          nickname: '刘网格员',
          name: '刘芳',
          phone: '13800000007',
          can: { call: true },
        },
      ],
    })
  )
  renderPage(<GridPage />)
  fireEvent.click(await screen.findByTestId('worker-demo-gridworker-1-phone-call'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000007' })
  expect(screen.queryByText('为保护隐私，姓名和电话已部分隐藏。')).not.toBeInTheDocument()
  call.mockRestore()
})

test('a masked number has no 拨打', async () => {
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('user.myGrid', ok(myGrid))
  renderPage(<GridPage />)
  await screen.findByTestId('worker-demo-gridworker-1')
  expect(screen.queryByText('拨打')).not.toBeInTheDocument()
  expect(screen.getByText('为保护隐私，姓名和电话已部分隐藏。')).toBeInTheDocument()
})

test('without a grid it asks to bind one, and loads nothing', async () => {
  mockCloud.on('user.me', ok(newcomer()))
  renderPage(<GridPage />)
  expect(await screen.findByText('您还没有绑定网格')).toBeInTheDocument()
  expect(screen.getByTestId('grid-bind')).toHaveTextContent('绑定网格')
  expect(mockCloud.callsTo('user.myGrid')).toHaveLength(0)
})

test('a pending binding explains the wait instead of an error', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false })))
  mockCloud.on('user.myGrid', fail('NOT_VERIFIED', '您的网格绑定还在等待网格员认证'))
  renderPage(<GridPage />)
  expect(await screen.findByText(/正在等待网格员认证/)).toBeInTheDocument()
  expect(screen.queryByText('重新加载')).not.toBeInTheDocument()
})

test('a failure to load offers a retry', async () => {
  let attempts = 0
  mockCloud.on('user.me', ok(meOf()))
  mockCloud.on('user.myGrid', () =>
    ++attempts === 1 ? fail('INTERNAL', '网络不太好，请稍后再试') : ok(myGrid)
  )
  renderPage(<GridPage />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByTestId('grid-name')).toHaveTextContent('第一网格')
})
