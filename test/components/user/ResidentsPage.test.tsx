import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Residents from '@/packages/user/pages/residents/index'
import type { Role } from '@/contract/roles'
import type { ResidentItem, SetRolesInput } from '@/contract/user'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { gridsTree, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

const committee = meOf({
  openid: 'demo-committee-1',
  nickname: '周书记',
  roles: ['committee'],
  grid: null,
  verified: false,
  bindStatus: 'none',
  realName: '周卫东',
  committeeCommunityId: 'c1',
})
const admin = meOf({
  openid: 'demo-admin',
  roles: ['admin'],
  grid: null,
  verified: false,
  bindStatus: 'none',
})

function residentOf(
  openid: string,
  name: string,
  buildingName: string,
  room: string,
  roles: Role[] = ['resident'],
  // What the server grants a committee viewer by default.
  grantableRoles: Role[] = ['volunteer', 'redAgent', 'gridWorker']
): ResidentItem {
  return {
    id: openid,
    openid,
    name,
    nickname: `${name}的微信`,
    phone: '13800000001',
    gridId: 'g1',
    gridName: '第一网格',
    buildingName,
    room,
    roles,
    grantableRoles,
    can: { fileFor: false, bookFor: false },
  }
}

const zhang = residentOf('demo-resident-1', '张桂兰', '1号楼', '101')
const li = residentOf('demo-resident-2', '李建国', '2号楼', '202')
const zhao = residentOf('demo-volunteer-1', '赵志强', '3号楼', '502', [
  'resident',
  'volunteer',
  'redAgent',
])
const page = (items: ResidentItem[]) => ok({ items, nextCursor: null })

/** setRoles as the server answers a permitted call: `resident` kept, the rest as sent. */
const granted = (input: unknown) => {
  const { openid, roles } = input as SetRolesInput
  return ok({
    openid,
    roles: ['resident', ...roles],
    workerGridIds: [],
    committeeCommunityId: null,
  })
}

const card = (openid: string) => screen.getByTestId(`resident-${openid}`)
const tagsOf = (openid: string) => within(card(openid)).getByTestId('role-tags')
const toggle = (role: Role) => screen.getByTestId(`role-toggle-${role}`)

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(committee))
})

test('lists verified residents with name, address, phone and their roles', async () => {
  mockCloud.on('user.listResidents', page([zhang, zhao]))
  renderPage(<Residents />)

  const first = await screen.findByTestId('resident-demo-resident-1')
  expect(within(first).getByText('张桂兰')).toBeInTheDocument()
  expect(first).toHaveTextContent('第一网格 · 1号楼 101室')
  expect(first).toHaveTextContent('13800000001')
  expect(within(tagsOf('demo-resident-1')).getByText('居民')).toBeInTheDocument()
  const roles = tagsOf('demo-volunteer-1')
  expect(within(roles).getByText('志愿者')).toBeInTheDocument()
  expect(within(roles).getByText('红色代办员')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.listResidents')).toEqual([{ limit: 20 }])
})

test('the filter narrows the loaded residents by name, building or room', async () => {
  mockCloud.on('user.listResidents', page([zhang, li, zhao]))
  renderPage(<Residents />)
  const filter = await screen.findByTestId('residents-filter')

  fireEvent.input(filter, { target: { value: '李' } })
  await waitFor(() => expect(screen.queryByTestId('resident-demo-resident-1')).toBeNull())
  expect(card('demo-resident-2')).toBeInTheDocument()

  fireEvent.input(filter, { target: { value: '3号楼 502' } })
  await waitFor(() => expect(screen.queryByTestId('resident-demo-resident-2')).toBeNull())
  expect(card('demo-volunteer-1')).toBeInTheDocument()

  fireEvent.input(filter, { target: { value: '王秀英' } })
  expect(await screen.findByTestId('residents-none')).toHaveTextContent('没有找到“王秀英”')
  expect(mockCloud.callsTo('user.listResidents')).toHaveLength(1)
})

test('making a resident a volunteer: confirm what changes, save, and the card shows it', async () => {
  mockCloud.on('user.listResidents', page([zhang, li]))
  mockCloud.on('user.setRoles', granted)
  renderPage(<Residents />)

  fireEvent.click(await screen.findByTestId('resident-demo-resident-1'))
  const editor = await screen.findByTestId('roles-editor')
  expect(screen.getByTestId('roles-save')).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(toggle('volunteer'))
  expect(toggle('volunteer')).toHaveAttribute('aria-checked', 'true')

  fireEvent.click(screen.getByTestId('roles-save'))
  expect(within(editor).getByText('将为 张桂兰 设为：志愿者')).toBeInTheDocument()
  expect(mockCloud.callsTo('user.setRoles')).toHaveLength(0)

  fireEvent.click(screen.getByTestId('roles-confirm'))

  await waitFor(() => expect(screen.queryByTestId('roles-editor')).toBeNull())
  expect(mockCloud.callsTo('user.setRoles')).toEqual([
    { openid: 'demo-resident-1', roles: ['volunteer'] },
  ])
  expect(within(tagsOf('demo-resident-1')).getByText('志愿者')).toBeInTheDocument()
  expect(within(tagsOf('demo-resident-2')).queryByText('志愿者')).toBeNull()
  expect(await screen.findByText('已保存 张桂兰 的角色')).toBeInTheDocument()
})

test('a save sends the roles kept as well as the toggled ones, never dropping committee', async () => {
  const wu = residentOf('o-wu', '吴书记', '2号楼', '101', ['resident', 'redAgent', 'committee'])
  mockCloud.on('user.listResidents', page([wu]))
  mockCloud.on('user.setRoles', granted)
  renderPage(<Residents />)

  fireEvent.click(await screen.findByTestId('resident-o-wu'))
  fireEvent.click(toggle('volunteer'))
  fireEvent.click(toggle('redAgent'))
  fireEvent.click(screen.getByTestId('roles-save'))
  const summary = screen.getByTestId('roles-summary')
  expect(summary).toHaveTextContent('将为 吴书记 设为：志愿者')
  expect(summary).toHaveTextContent('将取消 吴书记 的：红色代办员')
  fireEvent.click(screen.getByTestId('roles-confirm'))

  await waitFor(() => expect(screen.queryByTestId('roles-editor')).toBeNull())
  expect(mockCloud.callsTo('user.setRoles')).toEqual([
    { openid: 'o-wu', roles: ['volunteer', 'committee'] },
  ])
  const tags = tagsOf('o-wu')
  expect(within(tags).getByText('社区两委')).toBeInTheDocument()
  expect(within(tags).queryByText('红色代办员')).toBeNull()
})

test('the committee sees committee and admin as disabled, and says who grants them', async () => {
  mockCloud.on('user.listResidents', page([zhang]))
  renderPage(<Residents />)

  fireEvent.click(await screen.findByTestId('resident-demo-resident-1'))
  await screen.findByTestId('roles-editor')
  for (const role of ['volunteer', 'redAgent', 'gridWorker'] as const) {
    expect(toggle(role)).toHaveAttribute('aria-disabled', 'false')
  }
  for (const role of ['committee', 'admin'] as const) {
    expect(toggle(role)).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(toggle(role))
    expect(toggle(role)).toHaveAttribute('aria-checked', 'false')
  }
  expect(screen.getByTestId('roles-note')).toHaveTextContent('社区两委和管理员角色只能由管理员授予')
  expect(screen.getByTestId('roles-save')).toHaveAttribute('aria-disabled', 'true')
})

test('a refused save shows the server’s message and the card keeps its roles', async () => {
  mockCloud.on('user.listResidents', page([zhang]))
  mockCloud.on('user.setRoles', fail('FORBIDDEN', '只能设置本社区居民的角色'))
  renderPage(<Residents />)

  fireEvent.click(await screen.findByTestId('resident-demo-resident-1'))
  fireEvent.click(toggle('gridWorker'))
  fireEvent.click(screen.getByTestId('roles-save'))
  expect(screen.getByTestId('roles-summary')).toHaveTextContent('将为 张桂兰 设为：网格员')
  expect(screen.getByTestId('roles-summary')).toHaveTextContent(
    '网格员服务的网格：第一网格（其所住网格）'
  )
  fireEvent.click(screen.getByTestId('roles-confirm'))

  expect(await screen.findByText('只能设置本社区居民的角色')).toBeInTheDocument()
  // The editor stays open with the choice, back on the toggles.
  expect(toggle('gridWorker')).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByTestId('roles-cancel'))
  await waitFor(() => expect(screen.queryByTestId('roles-editor')).toBeNull())
  const tags = tagsOf('demo-resident-1')
  expect(within(tags).getByText('居民')).toBeInTheDocument()
  expect(within(tags).queryByText('网格员')).toBeNull()
})

test('nobody changes their own roles here', async () => {
  const self = residentOf(
    'demo-committee-1',
    '周卫东',
    '1号楼',
    '303',
    ['resident', 'committee'],
    []
  )
  mockCloud.on('user.listResidents', page([self]))
  renderPage(<Residents />)

  fireEvent.click(await screen.findByTestId('resident-demo-committee-1'))
  await screen.findByTestId('roles-editor')
  for (const role of ['volunteer', 'redAgent', 'gridWorker', 'committee', 'admin'] as const) {
    expect(toggle(role)).toHaveAttribute('aria-disabled', 'true')
  }
  expect(screen.getByTestId('roles-note')).toHaveTextContent('不能修改自己的角色')
})

test('asked by the server which grid (an admin), the page lets them pick one and may grant committee there', async () => {
  mockCloud.on('user.me', ok(admin))
  mockCloud.on('user.listGrids', ok(gridsTree))
  const asAdminSees = {
    ...zhang,
    grantableRoles: ['volunteer', 'redAgent', 'gridWorker', 'committee', 'admin'] as Role[],
  }
  mockCloud.on('user.listResidents', (input) =>
    (input as { gridId?: string }).gridId
      ? page([asAdminSees])
      : fail('INVALID_INPUT', '请选择要查看的网格', 'gridId')
  )
  mockCloud.on('user.setRoles', granted)
  renderPage(<Residents />)

  fireEvent.click(await screen.findByTestId('opt-g1'))
  fireEvent.click(await screen.findByTestId('resident-demo-resident-1'))
  expect(mockCloud.callsTo('user.listResidents')).toEqual([
    { limit: 20 },
    { limit: 20, gridId: 'g1' },
  ])
  expect(toggle('committee')).toHaveAttribute('aria-disabled', 'false')
  expect(screen.queryByTestId('roles-note')).toBeNull()

  fireEvent.click(toggle('committee'))
  fireEvent.click(screen.getByTestId('roles-save'))
  fireEvent.click(screen.getByTestId('roles-confirm'))
  await waitFor(() =>
    expect(within(tagsOf('demo-resident-1')).getByText('社区两委')).toBeInTheDocument()
  )
  expect(mockCloud.callsTo('user.setRoles')).toEqual([
    { openid: 'demo-resident-1', roles: ['committee'] },
  ])
})

test('no verified residents yet: says so', async () => {
  mockCloud.on('user.listResidents', page([]))
  renderPage(<Residents />)
  expect(await screen.findByText('暂无已认证居民')).toBeInTheDocument()
})

test('a roster that cannot load offers a retry', async () => {
  let attempts = 0
  mockCloud.on('user.listResidents', () =>
    ++attempts === 1 ? fail('INTERNAL', '网络不太好，请稍后再试') : page([zhang])
  )
  renderPage(<Residents />)
  expect(await screen.findByText('网络不太好，请稍后再试')).toBeInTheDocument()
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByTestId('resident-demo-resident-1')).toBeInTheDocument()
})
