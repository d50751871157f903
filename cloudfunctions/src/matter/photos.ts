import { MAX_PHOTO_BYTES, ownUploadPath, UPLOAD_ROOT } from '@/contract/files'
import { downloadFile } from '../lib/cloud'
import { imageCheck } from '../lib/content'
import { fail, type Result } from '../lib/result'

// The photos of a report: each must be the reporter's own upload (contract files.ts), still in
// cloud storage, at most MAX_PHOTO_BYTES, and pass the image check. Storage and open-API calls,
// no database round trip; any failure refuses the report and nothing is stored.

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
}

const contentTypeOf = (path: string) =>
  CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'image/jpeg'

/** Someone else's upload (a well-formed ID under another person's folder). */
const isOthersUpload = (fileID: string) =>
  new RegExp(`^cloud://[A-Za-z0-9-]+\\.[A-Za-z0-9-]+/${UPLOAD_ROOT}/[^/]+/`).test(fileID)

type Checked = 'ok' | 'missing' | 'large' | 'risky' | 'invalid'

async function checkOne(fileID: string, path: string): Promise<Checked> {
  const bytes = await downloadFile(fileID)
  if (!bytes) return 'missing'
  if (bytes.length > MAX_PHOTO_BYTES) return 'large'
  const verdict = await imageCheck(bytes, contentTypeOf(path))
  return verdict === 'pass' ? 'ok' : verdict
}

/** Null when every photo may be shown; else the refusal (field `photos`). */
export async function refusePhotos(
  openid: string,
  photos: string[]
): Promise<Result<never> | null> {
  const paths = photos.map((p) => ownUploadPath(p, openid))
  const bad = paths.findIndex((p) => !p)
  if (bad >= 0) {
    return isOthersUpload(photos[bad]!)
      ? fail('INVALID_INPUT', '只能使用您自己上传的照片', 'photos')
      : fail('INVALID_INPUT', '照片格式不正确', 'photos')
  }
  const checked = await Promise.all(photos.map((p, i) => checkOne(p, paths[i]!)))
  if (checked.includes('missing')) return fail('INVALID_INPUT', '照片不存在，请重新上传', 'photos')
  if (checked.includes('large')) return fail('INVALID_INPUT', '照片太大，请重新选择', 'photos')
  if (checked.includes('invalid')) return fail('INVALID_INPUT', '照片格式不正确', 'photos')
  if (checked.includes('risky')) {
    return fail('CONTENT_REJECTED', '照片未通过安全检测，请更换', 'photos')
  }
  return null
}
