import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import Bind from '@/pages/bind/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { gridsTree, meOf, newcomer } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(newcomer()))
  mockCloud.on('user.listGrids', ok(gridsTree))
  jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
})

async function type(testId: string, value: string) {
  const input = await screen.findByTestId(testId)
  fireEvent.input(input, { target: { value } })
  fireEvent.blur(input)
}

async function choose(...ids: string[]) {
  for (const id of ids) fireEvent.click(await screen.findByTestId(`opt-${id}`))
}

const submit = () => fireEvent.click(screen.getByText('提交绑定'))

test('bad input shows the Chinese message next to its field and is not sent', async () => {
  renderPage(<Bind />)
  await type('bind-name', '张')
  await type('bind-room', '3楼302')

  expect(await screen.findByText('姓名至少 2 个字')).toBeInTheDocument()
  expect(screen.getByText('房号只能包含数字、字母和“-”，如 1-302')).toBeInTheDocument()

  submit()
  expect(await screen.findByText('请选择社区')).toBeInTheDocument()
  expect(screen.getByText('请填写 11 位手机号')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.bindGrid')).toHaveLength(0)

  // Fixing a field clears its message as the user types.
  await type('bind-name', '张桂兰')
  await waitFor(() => expect(screen.queryByText('姓名至少 2 个字')).not.toBeInTheDocument())
})

test('choosing a community offers its grids, then the grid its buildings', async () => {
  renderPage(<Bind />)
  expect(await screen.findByText('请先选择社区')).toBeInTheDocument()
  await choose('c1')
  expect(screen.getByTestId('opt-g1')).toHaveTextContent('第一网格')
  expect(screen.queryByTestId('opt-g1-b1')).not.toBeInTheDocument()
  await choose('g1')
  expect(screen.getByTestId('opt-g1-b2')).toHaveTextContent('2号楼')
  expect(screen.getByTestId('opt-g1')).toHaveAttribute('aria-checked', 'true')
})

async function fillValidForm() {
  await choose('c1', 'g1', 'g1-b2')
  await type('bind-room', '1-302')
  await type('bind-name', '王小明')
  await type('bind-phone', '13912345678')
  fireEvent.click(screen.getByTestId('bind-consent'))
}

test('binding needs the privacy policy agreed: unticked at first, refused next to it until ticked', async () => {
  mockCloud.on('user.bindGrid', ok(meOf({ bindStatus: 'pending', verified: false })))
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  renderPage(<Bind />)
  await fillValidForm()
  fireEvent.click(screen.getByTestId('bind-consent')) // untick again
  expect(screen.getByTestId('bind-consent')).toHaveAttribute('aria-checked', 'false')
  submit()
  expect(await screen.findByTestId('consent-error')).toHaveTextContent('请先阅读并同意隐私保护指引')
  expect(mockCloud.callsTo('user.bindGrid')).toHaveLength(0)

  fireEvent.click(screen.getByTestId('bind-privacy-link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/privacy/index' })

  fireEvent.click(screen.getByTestId('bind-consent'))
  expect(screen.queryByTestId('consent-error')).not.toBeInTheDocument()
  submit()
  await waitFor(() => expect(mockCloud.callsTo('user.bindGrid')).toHaveLength(1))
})

test('a scanned grid QR code (scene g=<grid>) opens with its community and grid chosen', async () => {
  Current.router = {
    params: { scene: encodeURIComponent('g=g2') },
    path: '/pages/bind/index',
  } as never
  try {
    renderPage(<Bind />)
    await waitFor(() =>
      expect(screen.getByTestId('opt-g2')).toHaveAttribute('aria-checked', 'true')
    )
    expect(screen.getByTestId('opt-c1')).toHaveAttribute('aria-checked', 'true')
  } finally {
    Current.router = null
  }
})

test('a valid form is sent as the typed bindGrid input and ends on the waiting screen', async () => {
  const pending = meOf({
    openid: 'demo-newcomer',
    bindStatus: 'pending',
    verified: false,
    realName: '王小明',
  })
  mockCloud.on('user.bindGrid', ok(pending))
  renderPage(<Bind />)
  await fillValidForm()
  submit()

  expect(await screen.findByText('已提交，等待网格员认证')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.bindGrid')).toEqual([
    { gridId: 'g1', buildingId: 'g1-b2', room: '1-302', name: '王小明', phone: '13912345678' },
  ])
  expect(mockCloud.calls.find((c) => c.action === 'bindGrid')?.requestId).toBeTruthy()

  fireEvent.click(screen.getByText('返回我的'))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
})

test("the server's field error is shown next to that field", async () => {
  mockCloud.on('user.bindGrid', fail('INVALID_INPUT', '该房号不在所选楼栋', 'room'))
  renderPage(<Bind />)
  await fillValidForm()
  submit()

  const roomField = screen.getByTestId('field-room')
  expect(await within(roomField).findByText('该房号不在所选楼栋')).toBeInTheDocument()
  expect(within(screen.getByTestId('field-name')).queryByRole('alert')).not.toBeInTheDocument()
  expect(screen.queryByText('已提交，等待网格员认证')).not.toBeInTheDocument()
})

test('a failure without a field is shown above the submit button', async () => {
  mockCloud.on('user.bindGrid', fail('LIMIT_EXCEEDED', '今天提交次数太多，请明天再试'))
  renderPage(<Bind />)
  await fillValidForm()
  submit()
  expect(await screen.findByTestId('bind-submit-error')).toHaveTextContent(
    '今天提交次数太多，请明天再试'
  )
})

test('the grid list failing to load offers a retry', async () => {
  let attempts = 0
  mockCloud.on('user.listGrids', () =>
    ++attempts === 1 ? fail('INTERNAL', '网络不太好，请稍后再试') : ok(gridsTree)
  )
  renderPage(<Bind />)
  expect(await screen.findByText('网络不太好，请稍后再试')).toBeInTheDocument()
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByTestId('opt-c1')).toBeInTheDocument()
})
