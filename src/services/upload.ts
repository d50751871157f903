import Taro from '@tarojs/taro'
import type { Result } from '@/contract/errors'
import { MAX_PHOTO_BYTES, PHOTO_MAX_SIDE } from '@/contract/files'
import { NETWORK_ERROR } from './cloud'
import { currentPersona } from './persona'
import type { PhotoFile, UploadOptions } from './upload.types'

// H5 build (and jest): photos go to the local emulator with POST /api/_upload (docs/contract.md
// §5.4), scaled down on a canvas first. Taro builds pick `upload.weapp.ts` for WeChat.

export type { PhotoFile, UploadOptions } from './upload.types'

const UPLOAD_FAILED = { code: 'INTERNAL', message: '照片上传失败，请重试' } as const

/** Lets the person pick up to `count` photos (album or camera); none when they back out. */
export async function pickPhotos(count: number): Promise<PhotoFile[]> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'] })
    return res.tempFiles.map((f) => ({
      path: f.path,
      name: (f as { originalFileObj?: File }).originalFileObj?.name,
    }))
  } catch {
    return []
  }
}

/**
 * Scales the photo to at most PHOTO_MAX_SIDE on its long side as a JPEG (of at most
 * MAX_PHOTO_BYTES where quality allows) and uploads it: its cloud file ID, or why not.
 */
export async function uploadPhoto(
  photo: PhotoFile,
  { onProgress }: UploadOptions
): Promise<Result<string>> {
  let blob: Blob
  try {
    blob = await compress(photo.path)
  } catch {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '无法读取这张照片，请换一张' } }
  }
  const form = new FormData()
  form.append('file', blob, jpegName(photo.name))
  return post(form, onProgress)
}

/** The picked file's own name as a .jpg (the emulator keeps it beside the file). */
function jpegName(name?: string): string {
  const base = (name ?? '').replace(/\.[^.]*$/, '').trim()
  return `${base || 'photo'}.jpg`
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = src
  })
}

const toBlob = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))

async function compress(src: string): Promise<Blob> {
  const img = await loadImage(src)
  const long = Math.max(img.naturalWidth, img.naturalHeight)
  if (!long) throw new Error('empty image')
  const scale = Math.min(1, PHOTO_MAX_SIDE / long)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no canvas')
  // JPEG has no transparency: a transparent PNG gets a white ground, not a black one.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  let blob: Blob | null = null
  for (const quality of [0.85, 0.7, 0.55, 0.4]) {
    blob = await toBlob(canvas, quality)
    if (!blob || blob.size <= MAX_PHOTO_BYTES) break
  }
  if (!blob) throw new Error('not encoded')
  return blob
}

/** XHR rather than fetch: it reports the upload's progress. */
function post(form: FormData, onProgress?: (percent: number) => void): Promise<Result<string>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/_upload')
    xhr.setRequestHeader('X-Openid', currentPersona())
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as Result<{ fileID: string }>
        if (body.ok === true && typeof body.data?.fileID === 'string')
          return resolve({ ok: true, data: body.data.fileID })
        if (body.ok === false && body.error?.message) return resolve(body)
      } catch {
        // not JSON: told as a failed upload
      }
      resolve({ ok: false, error: UPLOAD_FAILED })
    }
    xhr.onerror = () => resolve({ ok: false, error: NETWORK_ERROR })
    xhr.send(form)
  })
}
