// The photo upload of each platform: H5 scales the photo on a canvas and posts it to the
// emulator's /api/_upload as the current persona; weapp compresses with WeChat and uploads to the
// uploader's own folder, the one the functions accept photos from.
import { MAX_PHOTO_BYTES, ownUploadPath } from '@/contract/files'
import { setPersona } from '@/services/persona'
import { uploadPhoto } from '@/services/upload'

describe('H5', () => {
  let drawn: { width: number; height: number }[]
  let sizes: number[]
  let sent: FakeXhr[]
  let answer: { status: number; body: string }

  class FakeImage {
    naturalWidth = 4000
    naturalHeight = 3000
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    set src(_v: string) {
      setTimeout(() => this.onload?.())
    }
  }

  class FakeXhr {
    method = ''
    url = ''
    headers: Record<string, string> = {}
    body: FormData | null = null
    upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    responseText = ''
    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v
    }
    send(body: FormData) {
      this.body = body
      sent.push(this)
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
      this.responseText = answer.body
      setTimeout(() => this.onload?.())
    }
  }

  beforeEach(() => {
    drawn = []
    sizes = [300_000]
    sent = []
    answer = {
      status: 200,
      body: JSON.stringify({
        ok: true,
        data: { fileID: 'cloud://e.b/uploads/demo-resident-2/x.jpg' },
      }),
    }
    setPersona('demo-resident-2')
    jest.spyOn(globalThis, 'Image').mockImplementation(() => new FakeImage() as never)
    globalThis.XMLHttpRequest = FakeXhr as never
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement
    ) {
      const { width, height } = this
      return {
        fillStyle: '',
        fillRect: () => undefined,
        drawImage: () => drawn.push({ width, height }),
      } as never
    })
    jest
      .spyOn(HTMLCanvasElement.prototype, 'toBlob')
      .mockImplementation((cb: BlobCallback, type?: string) => {
        const size = sizes.length > 1 ? sizes.shift()! : sizes[0]
        cb(new Blob([new Uint8Array(size)], { type }))
      })
  })

  afterEach(() => jest.restoreAllMocks())

  test('scales to 1280 px on the long side and posts a JPEG as the current persona, with progress', async () => {
    const progress: number[] = []
    const result = await uploadPhoto(
      { path: 'blob:x', name: '路灯 坏了.png' },
      { openid: 'ignored-in-h5', onProgress: (p) => progress.push(p) }
    )
    expect(result).toEqual({ ok: true, data: 'cloud://e.b/uploads/demo-resident-2/x.jpg' })
    expect(drawn).toEqual([{ width: 1280, height: 960 }])
    const xhr = sent[0]
    expect([xhr.method, xhr.url]).toEqual(['POST', '/api/_upload'])
    expect(xhr.headers['X-Openid']).toBe('demo-resident-2')
    const file = xhr.body!.get('file') as File
    expect(file.name).toBe('路灯 坏了.jpg')
    expect(file.type).toBe('image/jpeg')
    expect(progress).toEqual([50])
  })

  test('lowers the quality until the photo fits the limit', async () => {
    sizes = [MAX_PHOTO_BYTES + 1, MAX_PHOTO_BYTES + 1, 600_000]
    await uploadPhoto({ path: 'blob:x' }, { openid: 'x' })
    const toBlob = HTMLCanvasElement.prototype.toBlob as jest.Mock
    expect(toBlob.mock.calls.map((c) => c[2])).toEqual([0.85, 0.7, 0.55])
    expect((sent[0].body!.get('file') as File).size).toBe(600_000)
  })

  test("the emulator's refusal is passed on; an answer that is not one is a failed upload", async () => {
    answer = {
      status: 400,
      body: JSON.stringify({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '只能上传图片', field: 'file' },
      }),
    }
    expect(await uploadPhoto({ path: 'blob:x' }, { openid: 'x' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只能上传图片', field: 'file' },
    })
    answer = { status: 502, body: '<html>Bad gateway</html>' }
    const broken = await uploadPhoto({ path: 'blob:x' }, { openid: 'x' })
    expect(broken).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '照片上传失败，请重试' },
    })
  })
})

describe('weapp', () => {
  /** The weapp module afresh, with WeChat's APIs faked on its own Taro. */
  function load(fake: (taro: Record<string, unknown>, cloud: Record<string, unknown>) => void) {
    let weapp!: typeof import('@/services/upload.weapp')
    jest.isolateModules(() => {
      const taro = require('@tarojs/taro')
      taro.cloud = { init: jest.fn() }
      fake(taro, taro.cloud)
      weapp = require('@/services/upload.weapp')
    })
    return weapp
  }

  test('compresses to 1280 px on the long side and uploads into the uploader’s own folder', async () => {
    const compress = jest.fn(async () => ({ tempFilePath: 'wxfile://small.jpg' }))
    let asked: { cloudPath: string; filePath: string } | undefined
    const weapp = load((taro, cloud) => {
      taro.getImageInfo = async () => ({ width: 3000, height: 4000 })
      taro.compressImage = compress
      cloud.uploadFile = (opts: {
        cloudPath: string
        filePath: string
        success: (r: { fileID: string }) => void
      }) => {
        asked = opts
        setTimeout(() => opts.success({ fileID: `cloud://env-1.b-1/${opts.cloudPath}` }))
        return { onProgressUpdate: (f: (p: { progress: number }) => void) => f({ progress: 70 }) }
      }
    })
    const progress: number[] = []
    const result = await weapp.uploadPhoto(
      { path: 'wxfile://big.jpg' },
      { openid: 'oAbc-123_x', onProgress: (p) => progress.push(p) }
    )
    expect(compress).toHaveBeenCalledWith({
      src: 'wxfile://big.jpg',
      quality: 80,
      compressedHeight: 1280,
    })
    expect(asked!.filePath).toBe('wxfile://small.jpg')
    expect(asked!.cloudPath).toMatch(/^uploads\/oAbc-123_x\/[A-Za-z0-9_-]+\.jpg$/)
    expect(result.ok && ownUploadPath(result.data, 'oAbc-123_x')).toBe(asked!.cloudPath)
    expect(progress).toEqual([70])
  })

  test('a failed upload is told as one', async () => {
    const weapp = load((taro, cloud) => {
      taro.getImageInfo = async () => {
        throw new Error('old WeChat')
      }
      cloud.uploadFile = (opts: { fail: (e: unknown) => void }) => {
        setTimeout(() => opts.fail({ errMsg: 'uploadFile:fail' }))
        return undefined
      }
    })
    expect(await weapp.uploadPhoto({ path: 'wxfile://a.jpg' }, { openid: 'o1' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '照片上传失败，请重试' },
    })
  })
})
