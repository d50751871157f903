import Taro from '@tarojs/taro'
import type { ServiceProof } from '@/contract/volunteer'
import { PROOF_SIZE } from '@/packages/volunteer/pages/proof/drawProof'
import { saveProofImage } from '@/packages/volunteer/pages/proof/saveImage'

// WeChat's 保存证明图片 tap (ProofTools.weapp.tsx) with the WeChat APIs faked: what the user is
// told and shown when the album saves, when they refuse the album permission, and otherwise.

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    createSelectorQuery: jest.fn(),
    canvasToTempFilePath: jest.fn(),
    saveImageToPhotosAlbum: jest.fn(),
    showModal: jest.fn(),
    openSetting: jest.fn(),
    previewImage: jest.fn(),
  },
}))

const taro = Taro as unknown as Record<string, jest.Mock>
const PATH = 'wxfile://tmp/proof.png'

const proof: ServiceProof = {
  name: '张桂兰',
  communityName: '幸福里社区',
  gridName: null,
  period: { from: null, to: '2026-11-26T02:00:00.000Z' },
  totalHours: 2,
  stars: 0,
  entries: [],
  entryCount: 0,
  issuedAt: '2026-11-26T02:00:00.000Z',
  serial: '3FA9C21B07DE',
}

let canvas: { width: number; height: number; getContext: jest.Mock } | null
let drawn: string[]

beforeEach(() => {
  jest.clearAllMocks()
  drawn = []
  const ctx = new Proxy(
    {
      measureText: (s: string) => ({ width: s.length * 30 }),
      fillText: (s: string) => drawn.push(s),
    } as Record<string, unknown>,
    { get: (t, k: string) => (k in t ? t[k] : () => {}) }
  )
  canvas = { width: 300, height: 150, getContext: jest.fn(() => ctx) }
  taro.createSelectorQuery.mockImplementation(() => {
    interface Query {
      select(id: string): Query
      fields(f: object): Query
      exec(cb: (res: unknown[]) => void): void
    }
    const q: Query = {
      select: () => q,
      fields: () => q,
      exec: (cb) => cb([canvas ? { node: canvas } : null]),
    }
    return q
  })
  taro.canvasToTempFilePath.mockResolvedValue({ tempFilePath: PATH })
  taro.saveImageToPhotosAlbum.mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' })
  taro.showModal.mockResolvedValue({ confirm: true, cancel: false })
  taro.previewImage.mockResolvedValue({})
})

const modalTitles = () => taro.showModal.mock.calls.map(([o]) => o.title)
const refuse = () =>
  taro.saveImageToPhotosAlbum.mockRejectedValueOnce({
    errMsg: 'saveImageToPhotosAlbum:fail auth deny',
  })

test('the A4 picture is drawn, saved to the album, and shown large on 看大图', async () => {
  await expect(saveProofImage('proof-canvas', proof)).resolves.toBe('saved')
  expect(canvas).toMatchObject({ width: PROOF_SIZE.width, height: PROOF_SIZE.height })
  expect(canvas!.getContext).toHaveBeenCalledWith('2d')
  expect(drawn).toContain('志 愿 服 务 证 明')
  expect(taro.canvasToTempFilePath).toHaveBeenCalledWith(
    expect.objectContaining({ canvas, destWidth: PROOF_SIZE.width, destHeight: PROOF_SIZE.height })
  )
  expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: PATH })
  expect(modalTitles()).toEqual(['已保存到手机相册'])
  expect(taro.previewImage).toHaveBeenCalledWith({ urls: [PATH], current: PATH })
})

test('a refused album permission is explained; 去设置 opens the settings and, once allowed, saves', async () => {
  refuse()
  taro.openSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': true } })
  await expect(saveProofImage('proof-canvas', proof)).resolves.toBe('saved')
  expect(taro.showModal.mock.calls[0][0]).toMatchObject({
    title: '没有保存到相册',
    confirmText: '去设置',
    cancelText: '看大图',
  })
  expect(taro.openSetting).toHaveBeenCalledTimes(1)
  expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(2)
  expect(modalTitles()).toEqual(['没有保存到相册', '已保存到手机相册'])
})

test('still refused after the settings page: the picture is shown large to long-press', async () => {
  refuse()
  taro.openSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } })
  await expect(saveProofImage('proof-canvas', proof)).resolves.toBe('denied')
  expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1)
  expect(taro.previewImage).toHaveBeenCalledWith({ urls: [PATH], current: PATH })
})

test('看大图 instead of the settings: no settings page, the picture is shown large', async () => {
  refuse()
  taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
  await expect(saveProofImage('proof-canvas', proof)).resolves.toBe('denied')
  expect(taro.openSetting).not.toHaveBeenCalled()
  expect(taro.previewImage).toHaveBeenCalledWith({ urls: [PATH], current: PATH })
})

test('any other failure to save still shows the picture large, with how to keep it', async () => {
  taro.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail' })
  await expect(saveProofImage('proof-canvas', proof)).resolves.toBe('failed')
  expect(taro.showModal.mock.calls[0][0].content).toContain('长按')
  expect(taro.openSetting).not.toHaveBeenCalled()
  expect(taro.previewImage).toHaveBeenCalledWith({ urls: [PATH], current: PATH })
})

test('no canvas on the page: the tap fails (the page says so) and nothing is saved', async () => {
  canvas = null
  await expect(saveProofImage('proof-canvas', proof)).rejects.toThrow('proof-canvas')
  expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled()
})
