// Where a person's uploads live in cloud storage, shared by the app (weapp picks the cloud path of
// `Taro.cloud.uploadFile`), the emulator (`POST /api/_upload` picks it for the H5 app) and the
// functions (a photo given in an input must be the caller's own upload). Plain data, no zod.

/** Every upload goes under `uploads/<the uploader's openid as one path segment>/`. */
export const UPLOAD_ROOT = 'uploads'

/** An openid as one path segment (real openids are letters, digits, `-` and `_`). */
export const uploadSegment = (openid: string): string => openid.replace(/[^A-Za-z0-9_-]/g, '_')

/** The folder of one person's uploads, without a trailing slash. */
export const uploadFolderOf = (openid: string): string => `${UPLOAD_ROOT}/${uploadSegment(openid)}`

/** A file name the app picks for an upload: letters, digits, `-`, `_`, one image extension. */
export const UPLOAD_NAME_RE = /^[A-Za-z0-9_-]{1,80}\.(jpg|jpeg|png|gif|webp|bmp)$/

/**
 * A cloud file ID (`cloud://<env>.<bucket>/<cloud path>`) of an upload of `openid`, or null when
 * it is not one: another person's file, another folder, an odd name.
 */
export function ownUploadPath(fileID: string, openid: string): string | null {
  const m = /^cloud:\/\/[A-Za-z0-9-]+\.[A-Za-z0-9-]+\/(.+)$/.exec(fileID)
  if (!m) return null
  const path = m[1]!
  const folder = `${uploadFolderOf(openid)}/`
  if (!path.startsWith(folder)) return null
  return UPLOAD_NAME_RE.test(path.slice(folder.length)) ? path : null
}

/** The most a photo may weigh after the app compressed it (the image check takes up to 1 MB). */
export const MAX_PHOTO_BYTES = 1024 * 1024
/** The app scales a photo down to at most this many pixels on its long side before upload. */
export const PHOTO_MAX_SIDE = 1280
