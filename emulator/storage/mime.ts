// Content types of stored files. COS types an object by its key's extension; uploads from the H5
// app are judged by their bytes, since a browser's declared type (or a file name) proves nothing.

const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
}

export const OCTET_STREAM = 'application/octet-stream'

/** The content type COS would give a key, from its extension. */
export function contentTypeOfPath(cloudPath: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(cloudPath)?.[1]?.toLowerCase()
  return (ext && BY_EXTENSION[ext]) || OCTET_STREAM
}

export interface ImageKind {
  contentType: string
  ext: string
}

const startsWith = (bytes: Buffer, sig: number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b)

/**
 * The raster image format the bytes are in, or undefined. SVG is left out on purpose: it is an
 * image/* type that can carry script.
 */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', ext: 'png' }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', ext: 'jpg' }
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', ext: 'gif' }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { contentType: 'image/webp', ext: 'webp' }
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26)
    return { contentType: 'image/bmp', ext: 'bmp' }
  return undefined
}
