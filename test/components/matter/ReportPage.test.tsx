import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MatterReport from '@/packages/matter/pages/report/index'
import type { Result } from '@/contract/errors'
import type { PhotoFile, UploadOptions } from '@/services/upload'
import { fakeCloud, fail, ok } from '../helpers/transport'
import { canOf, meOf } from '../helpers/fixtures'
import { renderPage } from '../helpers/render'
import { matterOf } from './fixtures'

const mockCloud = fakeCloud()
jest.mock('@/services/transport', () => ({
  send: (fn: string, req: never) => mockCloud.send(fn, req),
}))

// The photo service: what the person picks, and each upload held until the test lets it finish.
interface Pending {
  photo: PhotoFile
  opts: UploadOptions
  finish: (result: Result<string> | ReturnType<typeof fail>) => void
}
const mockPhotos = { picked: [] as PhotoFile[], asked: [] as number[], uploads: [] as Pending[] }
jest.mock('@/services/upload', () => ({
  pickPhotos: async (count: number) => {
    mockPhotos.asked.push(count)
    return mockPhotos.picked
  },
  uploadPhoto: (photo: PhotoFile, opts: UploadOptions) =>
    new Promise((finish) => mockPhotos.uploads.push({ photo, opts, finish })),
}))

const fileID = (name: string) => `cloud://env-1.b-1/uploads/demo-resident-1/${name}.jpg`

beforeEach(() => {
  mockCloud.calls.length = 0
  mockPhotos.picked = []
  mockPhotos.asked = []
  mockPhotos.uploads = []
  mockCloud.on('user.me', ok(meOf({ can: canOf('matter.report', 'matter.board') })))
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})

afterEach(() => jest.restoreAllMocks())

async function type(testId: string, value: string) {
  const input = await screen.findByTestId(testId)
  fireEvent.input(input, { target: { value } })
  fireEvent.blur(input)
}

async function pick(...names: string[]) {
  mockPhotos.picked = names.map((name) => ({ path: `blob:${name}`, name: `${name}.png` }))
  fireEvent.click(screen.getByTestId('matter-photos-add'))
  await waitFor(() =>
    expect(screen.getAllByTestId(/^matter-photos-item-/).length).toBeGreaterThan(0)
  )
}

const finishAll = () =>
  act(() => {
    for (const u of mockPhotos.uploads) u.finish(ok(fileID(u.photo.name!.replace('.png', ''))))
  })

const submit = () => fireEvent.click(screen.getByTestId('matter-submit'))

test('the eight categories are tiles with their labels and hints, one chosen at a time', async () => {
  renderPage(<MatterReport />)
  const tiles = await screen.findAllByTestId(/^matter-category-/)
  expect(tiles.map((t) => t.dataset.testid)).toEqual(
    [
      'environment',
      'facility',
      'safety',
      'neighbour',
      'property',
      'parking',
      'suggestion',
      'other',
    ].map((c) => `matter-category-${c}`)
  )
  const facility = screen.getByTestId('matter-category-facility')
  expect(facility).toHaveTextContent('设施维修')
  expect(facility).toHaveTextContent('路灯、电梯、门禁、健身器材损坏')
  fireEvent.click(facility)
  expect(facility).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByTestId('matter-category-parking'))
  expect(facility).toHaveAttribute('aria-checked', 'false')
})

test('the rules of the contract are checked live, next to each field, and nothing is sent', async () => {
  renderPage(<MatterReport />)
  await type('matter-content', '路灯坏')
  expect(screen.getByTestId('matter-content-count')).toHaveTextContent('3/500')
  expect(await screen.findByTestId('content-error')).toHaveTextContent('问题描述至少 5 个字')
  await type('matter-place', '位'.repeat(51))
  expect(screen.getByTestId('place-error')).toHaveTextContent('位置最多 50 个字')
  submit()
  expect(await screen.findByTestId('category-error')).toHaveTextContent('请选择问题类别')
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()
  expect(mockCloud.callsTo('matter.report')).toHaveLength(0)
})

test('photos upload as they are picked, show their progress, and may be removed', async () => {
  renderPage(<MatterReport />)
  await screen.findByTestId('matter-photos-add')
  await pick('lamp', 'pole')
  expect(mockPhotos.asked).toEqual([3])
  expect(mockPhotos.uploads.map((u) => u.opts.openid)).toEqual([
    'demo-resident-1',
    'demo-resident-1',
  ])
  act(() => mockPhotos.uploads[0].opts.onProgress?.(40))
  expect(screen.getByTestId('matter-photos-state-0')).toHaveTextContent('上传中 40%')
  // Only the room left is asked for; at three the add tile goes.
  await pick('dark')
  expect(mockPhotos.asked).toEqual([3, 1])
  expect(screen.queryByTestId('matter-photos-add')).not.toBeInTheDocument()
  finishAll()
  await waitFor(() => expect(screen.queryByTestId('matter-photos-state-0')).not.toBeInTheDocument())
  fireEvent.click(screen.getByTestId('matter-photos-remove-1'))
  expect(screen.getAllByTestId(/^matter-photos-item-/)).toHaveLength(2)
  expect(screen.getByTestId('matter-photos-add')).toHaveTextContent('2/3')
})

test('a report waits for its uploads; a failed one is retried with a tap', async () => {
  renderPage(<MatterReport />)
  fireEvent.click(await screen.findByTestId('matter-category-facility'))
  await type('matter-content', '3号楼东侧路灯坏了一个星期')
  await pick('lamp')
  submit()
  expect(await screen.findByText('照片还在上传，请稍候')).toBeInTheDocument()
  act(() => mockPhotos.uploads[0].finish(fail('INVALID_INPUT', '图片不能超过 10 MB', 'file')))
  expect(await screen.findByTestId('matter-photos-state-0')).toHaveTextContent('上传失败')
  expect(screen.getByTestId('matter-photos-errors')).toHaveTextContent(
    '第 1 张：图片不能超过 10 MB'
  )
  submit()
  expect(await screen.findByText('有照片上传失败，请点照片重试或删除')).toBeInTheDocument()
  expect(screen.queryByTestId('dialog')).not.toBeInTheDocument()

  fireEvent.click(
    within(screen.getByTestId('matter-photos-item-0')).getByRole('button', {
      name: '查看第 1 张照片',
    })
  )
  expect(mockPhotos.uploads).toHaveLength(2)
  finishAll()
  await waitFor(() => expect(screen.queryByTestId('matter-photos-state-0')).not.toBeInTheDocument())
  expect(screen.queryByTestId('matter-photos-errors')).not.toBeInTheDocument()
  submit()
  expect(await screen.findByTestId('matter-report-confirm')).toHaveTextContent('附 1 张照片')
})

test('a report is confirmed first, then sent with its photos, and opens the next step', async () => {
  mockCloud.on('matter.report', ok(matterOf({ id: 'm9', mine: true })))
  renderPage(<MatterReport />)
  fireEvent.click(await screen.findByTestId('matter-category-facility'))
  await type('matter-content', ' 3号楼东侧路灯坏了一个星期，晚上很黑 ')
  await type('matter-place', ' 3号楼东侧 ')
  await pick('lamp')
  finishAll()
  await waitFor(() => expect(screen.queryByTestId('matter-photos-state-0')).not.toBeInTheDocument())
  submit()
  const confirm = await screen.findByTestId('matter-report-confirm')
  expect(confirm).toHaveTextContent('反映「设施维修」')
  expect(confirm).toHaveTextContent('位置：3号楼东侧')
  expect(mockCloud.callsTo('matter.report')).toHaveLength(0)
  fireEvent.click(screen.getByTestId('dialog-ok'))
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/matter/pages/detail/index?id=m9&reported=1',
    })
  )
  expect(mockCloud.callsTo('matter.report')).toEqual([
    {
      category: 'facility',
      content: '3号楼东侧路灯坏了一个星期，晚上很黑',
      photos: [fileID('lamp')],
      place: '3号楼东侧',
    },
  ])
})

test("the server's word on a photo shows under the photos; the daily limit says what to do", async () => {
  mockCloud.on('matter.report', fail('CONTENT_REJECTED', '照片未通过安全检测，请更换', 'photos'))
  renderPage(<MatterReport />)
  fireEvent.click(await screen.findByTestId('matter-category-environment'))
  await type('matter-content', '楼道里堆满了杂物，过不去')
  await pick('risky')
  finishAll()
  await waitFor(() => expect(screen.queryByTestId('matter-photos-state-0')).not.toBeInTheDocument())
  submit()
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  expect(await screen.findByTestId('photos-error')).toHaveTextContent('照片未通过安全检测，请更换')
  expect(Taro.redirectTo).not.toHaveBeenCalled()

  mockCloud.on('matter.report', fail('LIMIT_EXCEEDED', '今天已经反映了 5 件事，明天再来吧'))
  submit()
  fireEvent.click(await screen.findByTestId('dialog-ok'))
  const limit = await screen.findByTestId('matter-limit')
  expect(limit).toHaveTextContent('每人每天最多反映 5 件事')
  expect(limit).toHaveTextContent('今天已经反映了 5 件事，明天再来吧')
})

test('a viewer who may not report is told how to get in', async () => {
  mockCloud.on('user.me', ok(meOf({ bindStatus: 'pending', verified: false, can: canOf() })))
  renderPage(<MatterReport />)
  expect(await screen.findByTestId('access-hint')).toBeInTheDocument()
  expect(screen.queryByTestId('matter-submit')).not.toBeInTheDocument()
})
