import Taro from '@tarojs/taro'
import type { Result } from '@/contract/errors'
import { PHOTO_MAX_SIDE, uploadFolderOf } from '@/contract/files'
import { initCloud } from './transport.weapp'
import type { PhotoFile, UploadOptions } from './upload.types'

// weapp build: photos are compressed by WeChat and go straight to cloud storage, under the
// uploader's own folder (src/contract/files.ts), where the functions accept them from.
// H5 and jest resolve upload.ts.

export type { PhotoFile, UploadOptions } from './upload.types'

const UPLOAD_FAILED = { code: 'INTERNAL', message: '照片上传失败，请重试' } as const

/** Lets the person pick up to `count` photos (album or camera); none when they back out. */
export async function pickPhotos(count: number): Promise<PhotoFile[]> {
  try {
    const res = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    })
    return res.tempFiles.map((f) => ({ path: f.tempFilePath }))
  } catch {
    return []
  }
}

/** A fresh file name that matches UPLOAD_NAME_RE. */
const fileName = () =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${Math.random()
    .toString(36)
    .slice(2, 10)}.jpg`

/** At most PHOTO_MAX_SIDE on the long side: the side to give compressImage, if any. */
async function compressed(src: string): Promise<string> {
  try {
    const { width, height } = await Taro.getImageInfo({ src })
    const long = width >= height ? 'compressedWidth' : 'compressedHeight'
    const side = Math.min(PHOTO_MAX_SIDE, Math.max(width, height))
    const res = await Taro.compressImage({ src, quality: 80, [long]: side })
    return res.tempFilePath
  } catch {
    // An old WeChat without compressImage: the picker's own compression stands.
    return src
  }
}

/** Compresses and uploads one photo: its cloud file ID, or why not. */
export async function uploadPhoto(
  photo: PhotoFile,
  { openid, onProgress }: UploadOptions
): Promise<Result<string>> {
  initCloud()
  const filePath = await compressed(photo.path)
  const cloudPath = `${uploadFolderOf(openid)}/${fileName()}`
  return new Promise((resolve) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve({ ok: true, data: res.fileID }),
      fail: () => resolve({ ok: false, error: UPLOAD_FAILED }),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}
