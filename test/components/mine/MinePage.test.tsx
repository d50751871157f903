import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Mine from '@/pages/mine/index'
import type { Me } from '@/contract/user'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf, newcomer } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const realFetch = global.fetch
const personas = [
  { openid: 'demo-resident-1', label: '张桂兰 · 第一网格居民' },
  { openid: 'demo-gridworker-1', label: '刘芳 · 网格员（一、二网格）' },
]

beforeEach(() => {
  mockCloud.calls.length = 0
  // The persona switcher (local mode) lists the demo users from the emulator.
  global.fetch = jest.fn(async () => ({
    json: async () => ({ ok: true, data: personas }),
  })) as never
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
})

afterEach(() => {
  global.fetch = realFetch
  jest.restoreAllMocks()
})

function showMe(me: Me) {
  mockCloud.on('user.me', ok(me))
  return renderPage(<Mine />)
}

test('a verified grid worker sees 已认证, their roles and the way to the verification queue', async () => {
  showMe(
    meOf({
      roles: ['resident', 'gridWorker'],
      workerGridIds: ['g1'],
      can: canOf('wish.post', 'user.verify', 'wish.review'),
    })
  )

  expect(await screen.findByTestId('bind-status')).toHaveTextContent(/^已认证$/)
  const roles = screen.getByTestId('role-tags')
  expect(within(roles).getByText('居民')).toBeInTheDocument()
  expect(within(roles).getByText('网格员')).toBeInTheDocument()
  expect(screen.getByText('张桂兰')).toBeInTheDocument()
  expect(screen.getByText('13800000001')).toBeInTheDocument()

  fireEvent.click(within(screen.getByTestId('mine-verify')).getByText('待认证居民'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/verify/index' })
  expect(screen.getByTestId('mine-wish-review')).toBeInTheDocument()
  expect(screen.queryByTestId('mine-residents')).not.toBeInTheDocument()
})

test('a viewer the server lets set roles sees the way to 居民与角色 beside the verification queue', async () => {
  showMe(meOf({ can: canOf('user.verify', 'user.setRoles') }))

  const entry = await screen.findByTestId('mine-residents')
  expect(screen.getByTestId('mine-verify')).toBeInTheDocument()
  fireEvent.click(within(entry).getByText('居民与角色'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/residents/index' })
})

test('a viewer with no staff ability sees no 工作 group, whatever their roles', async () => {
  showMe(
    meOf({ roles: ['resident', 'volunteer', 'redAgent'], can: canOf('wish.post', 'wish.claim') })
  )
  await screen.findByTestId('bind-status')
  expect(screen.queryByText('工作')).not.toBeInTheDocument()
  expect(screen.queryByTestId('mine-verify')).not.toBeInTheDocument()
  expect(screen.queryByTestId('mine-residents')).not.toBeInTheDocument()
})

test.each([
  [newcomer(), '未绑定'],
  [meOf({ bindStatus: 'pending', verified: false }), '待认证'],
  [meOf({ bindStatus: 'rejected', verified: false, rejectReason: '房号与登记信息不符' }), '未通过'],
])('shows the binding state as a tag (%#)', async (me, label) => {
  showMe(me)
  expect(await screen.findByTestId('bind-status')).toHaveTextContent(new RegExp(`^${label}$`))
  if (me.bindStatus === 'rejected') {
    expect(screen.getByTestId('reject-reason')).toHaveTextContent('房号与登记信息不符')
    expect(screen.getByText('重新绑定')).toBeInTheDocument()
  }
  expect(screen.queryByTestId('mine-verify')).not.toBeInTheDocument()
})

test('elder mode: the switch saves the setting and the page grows', async () => {
  const me = meOf({ elderMode: false })
  mockCloud.on('user.updateProfile', (input) => ok({ ...me, ...(input as object) }))
  const { container } = showMe(me)

  const toggle = await screen.findByTestId('elder-switch')
  expect(toggle).toHaveAttribute('aria-checked', 'false')
  expect(container.querySelector('.screen--elder')).toBeNull()

  fireEvent.click(toggle)

  await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'))
  expect(mockCloud.callsTo('user.updateProfile')).toEqual([{ elderMode: true }])
  expect(container.querySelector('.screen--elder')).not.toBeNull()
  expect(await screen.findByText('已开启长辈模式，字更大了')).toBeInTheDocument()
})

test('elder mode: a failed save leaves the switch as it was and says why', async () => {
  mockCloud.on('user.updateProfile', fail('INTERNAL', '网络不太好，请稍后再试'))
  showMe(meOf({ elderMode: false }))
  const toggle = await screen.findByTestId('elder-switch')
  fireEvent.click(toggle)
  expect(await screen.findByText('网络不太好，请稍后再试')).toBeInTheDocument()
  expect(toggle).toHaveAttribute('aria-checked', 'false')
})

test('the nickname can be changed', async () => {
  const me = meOf()
  mockCloud.on('user.updateProfile', (input) => ok({ ...me, ...(input as object) }))
  showMe(me)
  fireEvent.click(await screen.findByText('修改昵称'))
  const input = await screen.findByTestId('nickname-input')
  fireEvent.input(input, { target: { value: '  ' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('昵称不能为空')).toBeInTheDocument()

  fireEvent.input(input, { target: { value: '张阿姨' } })
  fireEvent.click(screen.getByText('保存'))
  await waitFor(() => expect(screen.getByTestId('mine-nickname')).toHaveTextContent('张阿姨'))
  expect(mockCloud.callsTo('user.updateProfile')).toEqual([{ nickname: '张阿姨' }])
})

test('exporting shows my data as JSON', async () => {
  mockCloud.on(
    'user.exportMyData',
    ok({
      exportedAt: '2025-03-08T00:00:00Z',
      profile: { realName: '张桂兰' },
      activity: [],
      records: {},
    })
  )
  showMe(meOf())
  fireEvent.click(await screen.findByText('导出我的数据'))
  expect(await screen.findByTestId('export-json')).toHaveTextContent('"realName": "张桂兰"')
})

test('deleting asks for confirmation first, then deletes', async () => {
  mockCloud.on('user.deleteMe', ok({ deleted: true }))
  showMe(meOf())

  fireEvent.click(await screen.findByText('注销并删除我的数据'))
  expect(await screen.findByTestId('dialog')).toHaveTextContent('无法恢复')
  fireEvent.click(screen.getByTestId('dialog-cancel'))
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('user.deleteMe')).toHaveLength(0)

  mockCloud.on('user.me', ok(newcomer()))
  fireEvent.click(screen.getByText('注销并删除我的数据'))
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByText('已注销，您的数据已删除')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.deleteMe')).toHaveLength(1)
  await waitFor(() => expect(screen.getByTestId('bind-status')).toHaveTextContent('未绑定'))
})

test('导出我的数据 reads as Chinese sections; the full JSON stays one tap away', async () => {
  mockCloud.on(
    'user.exportMyData',
    ok({
      exportedAt: '2026-01-01T00:00:00.000Z',
      profile: { realName: '张桂兰' },
      activity: [],
      records: {},
      summary: [
        { title: '我的资料', lines: ['姓名：张桂兰', '网格：幸福里社区 第一网格'] },
        { title: '我的心愿', lines: ['想请人帮忙换灯泡（待认领）'] },
      ],
    })
  )
  showMe(meOf())
  fireEvent.click(await screen.findByText('导出我的数据'))
  const sections = await screen.findAllByTestId('export-section')
  expect(sections[0]).toHaveTextContent('我的资料姓名：张桂兰')
  expect(sections[1]).toHaveTextContent('想请人帮忙换灯泡（待认领）')
  expect(screen.queryByTestId('export-json')).not.toBeInTheDocument()
  fireEvent.click(screen.getByTestId('export-show-json'))
  expect(screen.getByTestId('export-json')).toHaveTextContent('"realName": "张桂兰"')
})

test('a volunteer chooses to be credited by name on the wall', async () => {
  mockCloud.on(
    'user.updateProfile',
    ok({ ...meOf({ can: canOf('wish.claim') }), creditByName: true })
  )
  showMe(meOf({ can: canOf('wish.claim') }))
  const toggle = await screen.findByTestId('credit-switch')
  expect(toggle).toHaveAttribute('aria-checked', 'false')
  fireEvent.click(toggle)
  await waitFor(() =>
    expect(mockCloud.callsTo('user.updateProfile')).toEqual([{ creditByName: true }])
  )
  await waitFor(() =>
    expect(screen.getByTestId('credit-switch')).toHaveAttribute('aria-checked', 'true')
  )
})

test('no 心愿墙署名 for those who do not help with wishes', async () => {
  showMe(meOf())
  await screen.findByTestId('elder-switch')
  expect(screen.queryByTestId('credit-switch')).not.toBeInTheDocument()
})

test('local mode lists the demo users to switch to', async () => {
  showMe(meOf())
  const switcher = await screen.findByTestId('persona-switcher')
  expect(await within(switcher).findByText('刘芳 · 网格员（一、二网格）')).toBeInTheDocument()
  expect(
    within(screen.getByTestId('persona-demo-resident-1')).getByText('当前')
  ).toBeInTheDocument()
})

test('when the user cannot be loaded the page says so and retries', async () => {
  let attempts = 0
  mockCloud.on('user.me', () =>
    ++attempts === 1 ? fail('INTERNAL', '网络不太好，请稍后再试') : ok(meOf())
  )
  renderPage(<Mine />)
  expect(await screen.findByText('网络不太好，请稍后再试')).toBeInTheDocument()
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByTestId('bind-status')).toHaveTextContent('已认证')
})
