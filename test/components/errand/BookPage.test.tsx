import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ErrandBook from '@/packages/errand/pages/book/index'
import { residentOf } from '../wish/fixtures'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { errandOf, page } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

// 2026-11-26 12:30 in Shanghai: the morning is over, the afternoon and evening are not.
const NOW = Date.parse('2026-11-26T12:30:00+08:00')

beforeEach(() => {
  mockCloud.calls.length = 0
  mockCloud.on('user.me', ok(meOf({ can: canOf('errand.book', 'errand.help') })))
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

async function type(testId: string, value: string) {
  const input = await screen.findByTestId(testId)
  fireEvent.input(input, { target: { value } })
  fireEvent.blur(input)
}

async function fillValid() {
  fireEvent.click(await screen.findByTestId('errand-type-medicine'))
  fireEvent.click(screen.getByTestId('errand-date-2026-11-27'))
  fireEvent.click(screen.getByTestId('errand-slot-morning'))
  await type('errand-detail', '  帮忙到社区卫生站按处方取降压药 ')
}

const submit = () => fireEvent.click(screen.getByTestId('errand-submit'))

test('the seven types are tiles with their labels and hints, one chosen at a time', async () => {
  renderPage(<ErrandBook />)
  const tiles = await screen.findAllByTestId(/^errand-type-/)
  expect(tiles.map((t) => t.dataset.testid)).toEqual(
    ['bill', 'medicine', 'shopping', 'certificate', 'parcel', 'escort', 'other'].map(
      (t) => `errand-type-${t}`
    )
  )
  const medicine = screen.getByTestId('errand-type-medicine')
  expect(medicine).toHaveTextContent('代购药')
  expect(medicine).toHaveTextContent('按处方或常用药到药店代购')
  expect(screen.getByTestId('errand-type-escort')).toHaveTextContent('陪同就医')
  expect(screen.queryByTestId('errand-type-help')).not.toBeInTheDocument()
  fireEvent.click(medicine)
  expect(medicine).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByTestId('errand-type-bill'))
  expect(medicine).toHaveAttribute('aria-checked', 'false')
})

test('the date strip offers today and the next 14 days, today first and chosen', async () => {
  renderPage(<ErrandBook />)
  const days = await screen.findAllByTestId(/^errand-date-/)
  expect(days).toHaveLength(15)
  expect(days[0]).toHaveAttribute('data-testid', 'errand-date-2026-11-26')
  expect(days[0]).toHaveTextContent('今天11月26日')
  expect(days[1]).toHaveTextContent('明天11月27日')
  expect(days[14]).toHaveAttribute('data-testid', 'errand-date-2026-12-10')
  expect(days[0]).toHaveAttribute('aria-checked', 'true')
})

test("today's slots that are over are shown as over and cannot be picked; other days' can", async () => {
  renderPage(<ErrandBook />)
  const morning = await screen.findByTestId('errand-slot-morning')
  expect(morning).toHaveAttribute('aria-disabled', 'true')
  expect(morning).toHaveTextContent('已过')
  expect(screen.getByTestId('errand-slot-afternoon')).toHaveAttribute('aria-disabled', 'false')
  fireEvent.click(morning)
  expect(morning).toHaveAttribute('aria-checked', 'false')

  fireEvent.click(screen.getByTestId('errand-date-2026-11-27'))
  expect(morning).toHaveAttribute('aria-disabled', 'false')
  expect(morning).not.toHaveTextContent('已过')
  fireEvent.click(morning)
  expect(morning).toHaveAttribute('aria-checked', 'true')

  // Back to today: the chosen slot is over, and the rule says so next to the slots.
  fireEvent.click(screen.getByTestId('errand-date-2026-11-26'))
  submit()
  expect(await screen.findByTestId('slot-error')).toHaveTextContent(
    '这个时段已经过了，请选择其他时段'
  )
})

test('a submit with gaps names each of them in the rules’ words and sends nothing', async () => {
  renderPage(<ErrandBook />)
  fireEvent.click(await screen.findByTestId('errand-submit'))
  expect(await screen.findByTestId('type-error')).toHaveTextContent('请选择代办类型')
  expect(screen.getByTestId('slot-error')).toHaveTextContent('请选择时段')
  expect(screen.getByTestId('detail-error')).toHaveTextContent('请填写需要帮忙办的事')
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('errand.book')).toHaveLength(0)
})

test('the detail counts as people type and is refused over 300 characters', async () => {
  renderPage(<ErrandBook />)
  expect(await screen.findByTestId('errand-detail-count')).toHaveTextContent('0/300')
  await type('errand-detail', '药'.repeat(301))
  expect(screen.getByTestId('errand-detail-count')).toHaveTextContent('301/300')
  expect(await screen.findByTestId('detail-error')).toHaveTextContent('代办内容最多 300 个字')
})

test('the other contact phone is optional, and checked once typed', async () => {
  mockCloud.on('errand.book', ok(errandOf({ id: 'e7', mine: true })))
  renderPage(<ErrandBook />)
  await fillValid()
  await type('errand-phone', '1380000')
  expect(await screen.findByTestId('phone-error')).toHaveTextContent('请填写 11 位手机号')
  submit()
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()

  await type('errand-phone', '')
  await waitFor(() => expect(screen.queryByTestId('phone-error')).not.toBeInTheDocument())
  submit()
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  await waitFor(() => expect(mockCloud.callsTo('errand.book')).toHaveLength(1))
  expect(mockCloud.callsTo('errand.book')[0]).not.toHaveProperty('phone')
})

test('booking is confirmed first, then sent trimmed, and opens the errand with its next step', async () => {
  mockCloud.on('errand.book', ok(errandOf({ id: 'e9', mine: true })))
  renderPage(<ErrandBook />)
  await fillValid()
  await type('errand-phone', '13900000009')
  submit()

  const dialog = await screen.findByTestId('dialog')
  const summary = within(dialog).getByTestId('errand-book-confirm')
  expect(summary).toHaveTextContent('预约「代购药」')
  expect(summary).toHaveTextContent('11月27日（明天）上午 08:00–12:00')
  expect(summary).toHaveTextContent('帮忙到社区卫生站按处方取降压药')
  expect(mockCloud.callsTo('errand.book')).toHaveLength(0)
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/errand/pages/detail/index?id=e9&booked=1',
    })
  )
  expect(mockCloud.callsTo('errand.book')).toEqual([
    {
      type: 'medicine',
      date: '2026-11-27',
      slot: 'morning',
      detail: '帮忙到社区卫生站按处方取降压药',
      phone: '13900000009',
    },
  ])
  expect(await screen.findByText('预约成功，等待红色代办员接单')).toBeInTheDocument()
})

test('backing out of the confirmation sends nothing', async () => {
  renderPage(<ErrandBook />)
  await fillValid()
  submit()
  fireEvent.click(await screen.findByTestId('dialog-cancel'))
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('errand.book')).toHaveLength(0)
})

test("the server's word about a field shows next to that field", async () => {
  mockCloud.on(
    'errand.book',
    fail('CONTENT_REJECTED', '代办内容包含不适宜的信息，请修改后再提交', 'detail')
  )
  renderPage(<ErrandBook />)
  await fillValid()
  submit()
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  const field = await screen.findByTestId('field-detail')
  expect(await within(field).findByTestId('detail-error')).toHaveTextContent(
    '代办内容包含不适宜的信息，请修改后再提交'
  )
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(Taro.redirectTo).not.toHaveBeenCalled()
})

test('two open errands already: the limit is explained, one tap from my errands', async () => {
  mockCloud.on(
    'errand.book',
    fail('LIMIT_EXCEEDED', '最多同时有 2 件进行中的代办，请等已有代办办结或取消后再预约')
  )
  renderPage(<ErrandBook />)
  await fillValid()
  submit()
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  const notice = await screen.findByTestId('errand-limit')
  expect(notice).toHaveTextContent('最多同时有 2 件进行中的代办')
  expect(notice).toHaveTextContent('请等已有代办办结或取消后再预约')
  fireEvent.click(within(notice).getByText('查看我的代办'))
  expect(Taro.redirectTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/list/index?scope=mine',
  })
})

test('a resident still waiting for verification is told so instead of the form', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false, can: canOf() })))
  renderPage(<ErrandBook />)
  expect(await screen.findByText('您的绑定正在等待网格员认证')).toBeInTheDocument()
  expect(screen.queryByTestId('errand-submit')).not.toBeInTheDocument()
})

test('a grid worker books for a resident picked from the roster', async () => {
  mockCloud.on(
    'user.me',
    ok(
      meOf({
        openid: 'demo-gridworker-1',
        grid: null,
        verified: false,
        bindStatus: 'none',
        can: canOf('errand.bookFor', 'errand.manage', 'user.listResidents'),
      })
    )
  )
  mockCloud.on(
    'user.listResidents',
    ok(
      page([
        residentOf('demo-resident-1', '张桂兰', '1号楼', '101'),
        residentOf('demo-resident-2', '李建国', '2号楼', '202'),
      ])
    )
  )
  mockCloud.on('errand.bookFor', ok(errandOf({ id: 'e5', filedByGridWorker: true })))
  renderPage(<ErrandBook />)

  const toggle = await screen.findByTestId('errand-for-resident')
  expect(toggle).toHaveAttribute('aria-checked', 'true')
  expect(toggle).toHaveAttribute('aria-disabled', 'true')
  await fillValid()
  submit()
  expect(await screen.findByTestId('residentOpenid-error')).toHaveTextContent(
    '请选择要代为预约的居民'
  )
  fireEvent.click(await screen.findByTestId('errand-resident-option-demo-resident-1'))
  expect(screen.getByTestId('errand-resident')).toHaveTextContent('张桂兰')
  expect(screen.getByTestId('errand-submit')).toHaveTextContent('代居民预约')
  submit()
  const dialog = await screen.findByTestId('dialog')
  expect(within(dialog).getByTestId('errand-book-confirm')).toHaveTextContent('为 张桂兰 预约')
  fireEvent.click(within(dialog).getByTestId('dialog-ok'))

  await waitFor(() =>
    expect(mockCloud.callsTo('errand.bookFor')).toEqual([
      {
        residentOpenid: 'demo-resident-1',
        type: 'medicine',
        date: '2026-11-27',
        slot: 'morning',
        detail: '帮忙到社区卫生站按处方取降压药',
      },
    ])
  )
  expect(mockCloud.callsTo('errand.book')).toHaveLength(0)
  expect(Taro.redirectTo).toHaveBeenCalledWith({
    url: '/packages/errand/pages/detail/index?id=e5&booked=1',
  })
})

test("whom the committee may pick is the roster's bookFor, not fileFor; a refusal still shows under the picker", async () => {
  mockCloud.on(
    'user.me',
    ok(
      meOf({
        openid: 'demo-committee-1',
        grid: null,
        verified: false,
        bindStatus: 'none',
        can: canOf('errand.bookFor', 'errand.manage', 'user.listResidents'),
      })
    )
  )
  // The wish flag (grid workers only) holds no errand back, and no errand flag is overridden by it.
  mockCloud.on(
    'user.listResidents',
    ok(
      page([
        residentOf('demo-resident-3', '王秀英', '4号楼', '301', {
          can: { fileFor: false, bookFor: true },
        }),
        residentOf('demo-resident-4', '孙大爷', '4号楼', '101', {
          can: { fileFor: true, bookFor: false },
        }),
      ])
    )
  )
  mockCloud.on(
    'errand.bookFor',
    fail('FORBIDDEN', '只能为您服务的网格或社区的居民预约', 'residentOpenid')
  )
  renderPage(<ErrandBook />)
  const off = await screen.findByTestId('errand-resident-option-demo-resident-4')
  expect(off).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(off)
  expect(screen.getByTestId('errand-resident')).toHaveTextContent('请选择居民')

  const option = screen.getByTestId('errand-resident-option-demo-resident-3')
  expect(option).toHaveAttribute('aria-disabled', 'false')
  fireEvent.click(option)
  await fillValid()
  submit()
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByTestId('residentOpenid-error')).toHaveTextContent(
    '只能为您服务的网格或社区的居民预约'
  )
  expect(Taro.redirectTo).not.toHaveBeenCalled()
})
