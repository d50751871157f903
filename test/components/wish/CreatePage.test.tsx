import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import WishCreate from '@/packages/wish/pages/create/index'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { page, residentOf, wishOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf()))
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

async function type(testId: string, value: string) {
  const input = await screen.findByTestId(testId)
  fireEvent.input(input, { target: { value } })
  fireEvent.blur(input)
}

async function fillValid() {
  await type('wish-title', '想请人帮忙换灯泡')
  await type('wish-content', '厨房的灯泡坏了，我够不着。')
  fireEvent.click(screen.getByTestId('wish-category-daily'))
}

const submit = () => fireEvent.click(screen.getByTestId('wish-submit'))

test('counters follow the typing and messages appear as fields are left, in the schema words', async () => {
  renderPage(<WishCreate />)
  expect(await screen.findByTestId('wish-title-count')).toHaveTextContent('0/30')
  expect(screen.getByTestId('wish-content-count')).toHaveTextContent('0/500')

  await type('wish-title', '灯')
  expect(screen.getByTestId('wish-title-count')).toHaveTextContent('1/30')
  expect(await screen.findByText('标题至少 2 个字')).toBeInTheDocument()

  await type('wish-content', '   ')
  expect(screen.getByTestId('wish-content-count')).toHaveTextContent('3/500')
  expect(await screen.findByText('请填写心愿内容')).toBeInTheDocument()

  // Fixing a field clears its message as the user types.
  await type('wish-title', '换灯泡')
  expect(screen.getByTestId('wish-title-count')).toHaveTextContent('3/30')
  await waitFor(() => expect(screen.queryByText('标题至少 2 个字')).not.toBeInTheDocument())
})

test('characters are counted as people count them: an emoji is one', async () => {
  renderPage(<WishCreate />)
  await type('wish-title', '🎈灯')
  expect(screen.getByTestId('wish-title-count')).toHaveTextContent('2/30')
  await waitFor(() => expect(screen.queryByText('标题至少 2 个字')).not.toBeInTheDocument())
})

test('text over the limit is kept whole, counted and refused next to the field', async () => {
  renderPage(<WishCreate />)
  const long = '灯'.repeat(29) + '🎈🎈'
  await type('wish-title', long)
  expect(screen.getByTestId('wish-title')).toHaveValue(long)
  expect(screen.getByTestId('wish-title-count')).toHaveTextContent('31/30')
  expect(await screen.findByTestId('title-error')).toBeInTheDocument()
  fireEvent.click(screen.getByTestId('wish-submit'))
  expect(mockCloud.callsTo('wish.create')).toHaveLength(0)
})

test('a submit with gaps names each of them and sends nothing', async () => {
  renderPage(<WishCreate />)
  expect(screen.queryByText('请选择心愿类别')).not.toBeInTheDocument()
  fireEvent.click(await screen.findByTestId('wish-submit'))
  // The server's words for a blank title (src/contract/wish.rules.ts).
  expect(await screen.findByText('标题至少 2 个字')).toBeInTheDocument()
  expect(screen.getByText('请填写心愿内容')).toBeInTheDocument()
  expect(screen.getByText('请选择心愿类别')).toBeInTheDocument()
  expect(mockCloud.callsTo('wish.create')).toHaveLength(0)
})

test('the category is a big radio list with the five labels', async () => {
  renderPage(<WishCreate />)
  const daily = await screen.findByTestId('wish-category-daily')
  const labels = ['daily', 'study', 'health', 'companionship', 'other'].map(
    (c) => screen.getByTestId(`wish-category-${c}`).textContent ?? ''
  )
  expect(labels.map((l) => l.slice(0, 2))).toEqual(['生活', '学习', '健康', '陪伴', '其他'])
  fireEvent.click(daily)
  expect(daily).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByTestId('wish-category-study')).toHaveAttribute('aria-checked', 'false')
})

test('a valid wish is sent trimmed and opens its page', async () => {
  mockCloud.on('wish.create', ok(wishOf({ id: 'w9', status: 'pending', mine: true })))
  renderPage(<WishCreate />)
  await type('wish-title', '  想请人帮忙换灯泡 ')
  await type('wish-content', '厨房的灯泡坏了，我够不着。\n')
  fireEvent.click(screen.getByTestId('wish-category-daily'))
  expect(screen.getByTestId('wish-submit')).toHaveTextContent('发布心愿')
  submit()

  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/wish/pages/detail/index?id=w9&posted=1',
    })
  )
  expect(mockCloud.callsTo('wish.create')).toEqual([
    { title: '想请人帮忙换灯泡', content: '厨房的灯泡坏了，我够不着。', category: 'daily' },
  ])
  expect(await screen.findByText('已提交，等待网格员审核')).toBeInTheDocument()
})

test("the server's message about a field shows next to that field", async () => {
  mockCloud.on(
    'wish.create',
    fail('CONTENT_REJECTED', '心愿内容包含不适宜的信息，请修改后再提交', 'content')
  )
  renderPage(<WishCreate />)
  await fillValid()
  submit()

  const field = await screen.findByTestId('field-content')
  expect(await within(field).findByTestId('content-error')).toHaveTextContent(
    '心愿内容包含不适宜的信息，请修改后再提交'
  )
  expect(within(screen.getByTestId('field-title')).queryByRole('alert')).not.toBeInTheDocument()
  expect(Taro.redirectTo).not.toHaveBeenCalled()

  // Editing the content clears the server's message.
  await type('wish-content', '请帮我换个灯泡。')
  await waitFor(() => expect(screen.queryByTestId('content-error')).not.toBeInTheDocument())
})

test('reaching the limit explains it and points to my wishes', async () => {
  mockCloud.on(
    'wish.create',
    fail('LIMIT_EXCEEDED', '最多同时有 3 个进行中的心愿，请等已有心愿完成或取消后再发布')
  )
  renderPage(<WishCreate />)
  await fillValid()
  submit()

  const notice = await screen.findByTestId('wish-limit')
  expect(notice).toHaveTextContent('最多同时有 3 个进行中的心愿')
  expect(notice).toHaveTextContent('请等已有心愿完成或取消后再发布')
  fireEvent.click(within(notice).getByText('查看我的心愿'))
  expect(Taro.redirectTo).toHaveBeenCalledWith({
    url: '/packages/wish/pages/list/index?scope=mine',
  })
})

test('a resident still waiting for verification is told so instead of the form', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false, can: canOf() })))
  renderPage(<WishCreate />)
  expect(await screen.findByText('您的绑定正在等待网格员认证')).toBeInTheDocument()
  expect(screen.queryByTestId('wish-submit')).not.toBeInTheDocument()
})

const gridWorker = () =>
  meOf({
    openid: 'demo-gridworker-1',
    roles: ['gridWorker'],
    workerGridIds: ['g1'],
    grid: null,
    verified: false,
    bindStatus: 'none',
    can: canOf('wish.fileFor', 'wish.review', 'user.verify', 'user.listResidents'),
  })

const ROSTER = [
  residentOf('demo-resident-1', '张桂兰', '1号楼', '101'),
  residentOf('demo-resident-2', '李建国', '2号楼', '202'),
  residentOf('demo-volunteer-1', '赵志强', '3号楼', '502'),
]

describe('a grid worker filing for a resident', () => {
  beforeEach(() => {
    mockCloud.on('user.me', ok(gridWorker()))
    mockCloud.on('user.listResidents', ok(page(ROSTER)))
  })

  const option = (openid: string) => screen.getByTestId(`wish-resident-option-${openid}`)
  const options = () =>
    screen.queryAllByTestId(/^wish-resident-option-/).map((o) => o.dataset.testid)

  test('picks the resident from the roster and files the wish for them', async () => {
    mockCloud.on('wish.createFor', ok(wishOf({ id: 'w7', filedByGridWorker: true })))
    renderPage(<WishCreate />)
    expect(await screen.findByTestId('wish-for-resident')).toHaveAttribute('aria-checked', 'true')
    expect(await screen.findByTestId('wish-resident')).toHaveTextContent('请选择居民')
    await screen.findByTestId('wish-resident-option-demo-resident-2')
    expect(mockCloud.callsTo('user.listResidents')).toEqual([{ limit: 20 }])

    // No typing of ids any more: a submit without a pick asks for one and sends nothing.
    await fillValid()
    submit()
    expect(await screen.findByTestId('residentOpenid-error')).toHaveTextContent(
      '请选择要代填心愿的居民'
    )
    expect(mockCloud.callsTo('wish.createFor')).toHaveLength(0)

    fireEvent.click(option('demo-resident-2'))
    // The pick shows by name and address, and the list folds away.
    const picked = screen.getByTestId('wish-resident')
    expect(picked).toHaveTextContent('李建国')
    expect(picked).toHaveTextContent('2号楼 202室')
    expect(screen.queryByTestId('wish-resident-option-demo-resident-1')).not.toBeInTheDocument()
    await waitFor(() =>
      expect(screen.queryByTestId('residentOpenid-error')).not.toBeInTheDocument()
    )

    submit()
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({
        url: '/packages/wish/pages/detail/index?id=w7&posted=1',
      })
    )
    expect(mockCloud.callsTo('wish.createFor')).toEqual([
      {
        residentOpenid: 'demo-resident-2',
        title: '想请人帮忙换灯泡',
        content: '厨房的灯泡坏了，我够不着。',
        category: 'daily',
      },
    ])
    expect(mockCloud.callsTo('wish.create')).toHaveLength(0)
    expect(await screen.findByText('心愿已发布')).toBeInTheDocument()
  })

  test('the pick can be changed, and the server refusing it shows under the picker', async () => {
    mockCloud.on('wish.createFor', (input) =>
      (input as { residentOpenid: string }).residentOpenid === 'demo-resident-1'
        ? fail('NOT_FOUND', '没有找到这位已认证的居民', 'residentOpenid')
        : ok(wishOf({ id: 'w8' }))
    )
    renderPage(<WishCreate />)
    fireEvent.click(await screen.findByTestId('wish-resident-option-demo-resident-1'))
    await fillValid()
    submit()
    expect(await screen.findByTestId('residentOpenid-error')).toHaveTextContent(
      '没有找到这位已认证的居民'
    )

    fireEvent.click(screen.getByTestId('wish-resident'))
    expect(option('demo-resident-1')).toHaveAttribute('aria-checked', 'true')
    fireEvent.click(option('demo-volunteer-1'))
    expect(screen.getByTestId('wish-resident')).toHaveTextContent('赵志强')
    await waitFor(() =>
      expect(screen.queryByTestId('residentOpenid-error')).not.toBeInTheDocument()
    )
    submit()
    await waitFor(() => expect(mockCloud.callsTo('wish.createFor')).toHaveLength(2))
    expect(mockCloud.callsTo('wish.createFor')[1]).toMatchObject({
      residentOpenid: 'demo-volunteer-1',
    })
    // Reopening did not load the roster again.
    expect(mockCloud.callsTo('user.listResidents')).toHaveLength(1)
  })

  test('the filter narrows the loaded residents by name, building or room', async () => {
    renderPage(<WishCreate />)
    await screen.findByTestId('wish-resident-option-demo-resident-1')
    expect(options()).toHaveLength(3)

    await type('wish-resident-filter', '李建')
    expect(options()).toEqual(['wish-resident-option-demo-resident-2'])
    await type('wish-resident-filter', '3号楼')
    expect(options()).toEqual(['wish-resident-option-demo-volunteer-1'])
    await type('wish-resident-filter', ' 1号楼 101 ')
    expect(options()).toEqual(['wish-resident-option-demo-resident-1'])
    await type('wish-resident-filter', '202室')
    expect(options()).toEqual(['wish-resident-option-demo-resident-2'])

    await type('wish-resident-filter', '王秀英')
    expect(options()).toEqual([])
    expect(screen.getByTestId('wish-resident-none')).toHaveTextContent('没有找到“王秀英”')

    await type('wish-resident-filter', '')
    expect(options()).toHaveLength(3)
    // Filtering is local: the roster was loaded once.
    expect(mockCloud.callsTo('user.listResidents')).toHaveLength(1)
  })

  test('more residents load on request and the filter covers them too', async () => {
    const more = residentOf('demo-resident-9', '王秀英', '2号楼', '301')
    mockCloud.on('user.listResidents', (input) =>
      (input as { cursor?: string }).cursor === 'next' ? ok(page([more])) : ok(page(ROSTER, 'next'))
    )
    renderPage(<WishCreate />)
    await screen.findByTestId('wish-resident-option-demo-resident-1')
    await type('wish-resident-filter', '王秀英')
    expect(screen.getByTestId('wish-resident-none')).toHaveTextContent('可以加载更多再找')

    fireEvent.click(screen.getByTestId('wish-resident-more'))
    expect(await screen.findByTestId('wish-resident-option-demo-resident-9')).toBeInTheDocument()
    expect(options()).toEqual(['wish-resident-option-demo-resident-9'])
    expect(mockCloud.callsTo('user.listResidents')).toEqual([
      { limit: 20 },
      { cursor: 'next', limit: 20 },
    ])
    expect(screen.queryByTestId('wish-resident-more')).not.toBeInTheDocument()
  })

  test('an empty roster says so instead of a list', async () => {
    mockCloud.on('user.listResidents', ok(page([])))
    renderPage(<WishCreate />)
    expect(await screen.findByText('您服务的网格还没有已认证的居民')).toBeInTheDocument()
    expect(screen.queryByTestId('wish-resident-filter')).not.toBeInTheDocument()
    expect(options()).toEqual([])
  })

  test('a resident the worker may not file for is shown but cannot be picked', async () => {
    mockCloud.on(
      'user.listResidents',
      ok(
        page([
          residentOf('o-other', '孙大爷', '4号楼', '101', {
            can: { fileFor: false, bookFor: true },
          }),
        ])
      )
    )
    renderPage(<WishCreate />)
    const other = await screen.findByTestId('wish-resident-option-o-other')
    expect(other).toHaveAttribute('aria-disabled', 'true')
    expect(other).toHaveTextContent('不在您服务的网格，不能代填')
    fireEvent.click(other)
    expect(screen.getByTestId('wish-resident')).toHaveTextContent('请选择居民')
  })

  test('a roster that fails to load offers a retry', async () => {
    mockCloud.on('user.listResidents', fail('INTERNAL', '网络不太好，请稍后再试'))
    renderPage(<WishCreate />)
    expect(await screen.findByText('网络不太好，请稍后再试')).toBeInTheDocument()
    mockCloud.on('user.listResidents', ok(page(ROSTER)))
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByTestId('wish-resident-option-demo-resident-1')).toBeInTheDocument()
  })
})
