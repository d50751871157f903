// The byte-moving side of cloud storage (the protocol side is in storage/, answered through
// /admin): what COS does for the SDK, and the H5 app's upload.
//   PUT  /tcb-cos/<cloud path>   an upload authorised by storage.getUploadMetadata
//   GET  /tcb-file/<cloud path>?sign=…&t=…   a temporary URL (HEAD too)
//   POST /api/_upload            the H5 app's upload: multipart field `file`, caller in X-Openid
// Requests a function makes count as storage calls of its invocation (X-Storage-Calls).
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import busboy from 'busboy'
import { ERROR_MESSAGES } from '@/contract/errors'
import { uploadFolderOf } from '@/contract/files'
import type { FunctionRunner } from '../functions/runner'
import { type Envelope, failure, HttpError, readBody, send } from '../http'
import {
  cloudPathProblem,
  type CloudStorage,
  type ImageKind,
  MAX_OBJECT_BYTES,
  MAX_UPLOAD_BYTES,
  sniffImage,
} from '../storage'

export interface StorageRoutes {
  /** true when the request was a storage route and has been answered */
  bytes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>
  upload(req: IncomingMessage, res: ServerResponse): Promise<void>
}

const COS_PUT = '/tcb-cos/'
const TEMP_URL = '/tcb-file/'
const MB = 1024 * 1024

/** The error body COS answers (the SDK reads Code, Message, RequestId and TraceId). */
function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = crypto.randomBytes(12).toString('hex')
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(xml),
    'cache-control': 'no-store',
  })
  res.end(xml)
}

function cloudPathFrom(pathname: string, prefix: string): string | undefined {
  try {
    const cloudPath = decodeURIComponent(pathname.slice(prefix.length))
    return cloudPathProblem(cloudPath) ? undefined : cloudPath
  } catch {
    return undefined
  }
}

interface UploadForm {
  fields: Map<string, string>
  file?: { bytes: Buffer; name: string; tooBig: boolean }
}

function parseUpload(req: IncomingMessage, body: Buffer): Promise<UploadForm> {
  return new Promise((resolve, reject) => {
    const form: UploadForm = { fields: new Map() }
    const bb = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, fieldSize: 4096, fileSize: MAX_UPLOAD_BYTES },
    })
    bb.on('field', (name, value) => form.fields.set(name, value))
    bb.on('file', (name, stream, info) => {
      const parts: Buffer[] = []
      stream.on('data', (d: Buffer) => parts.push(d))
      stream.on('end', () => {
        if (name !== 'file') return
        form.file = {
          bytes: Buffer.concat(parts),
          name: info.filename ?? '',
          tooBig: (stream as unknown as { truncated?: boolean }).truncated === true,
        }
      })
    })
    bb.on('error', reject)
    bb.on('close', () => resolve(form))
    bb.end(body)
  })
}

type Refusal = [status: number, body: Envelope]

interface ReceivedImage {
  openid: string
  file: NonNullable<UploadForm['file']>
  image: ImageKind
  /** the cloudPath field, if the app chose one */
  asked?: string
}

const TOO_BIG: Refusal = [
  413,
  failure('INVALID_INPUT', `图片不能超过 ${MAX_UPLOAD_BYTES / MB} MB`, 'file'),
]
const NO_FILE: Refusal = [400, failure('INVALID_INPUT', '请选择要上传的图片', 'file')]

/** The caller and the form of a POST /api/_upload, or why it is refused. */
async function readForm(req: IncomingMessage): Promise<[string, UploadForm] | Refusal> {
  const header = req.headers['x-openid']
  const openid = (Array.isArray(header) ? header[0] : header)?.trim()
  let body: Buffer | undefined
  try {
    // room for the multipart envelope around the largest file allowed
    body = await readBody(req, MAX_UPLOAD_BYTES + 64 * 1024)
  } catch (e) {
    if (!(e instanceof HttpError && e.status === 413)) throw e
  }
  if (!openid) return [401, failure('UNAUTHENTICATED', ERROR_MESSAGES.UNAUTHENTICATED)]
  if (!body) return TOO_BIG
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) return NO_FILE
  const form = await parseUpload(req, body).catch(() => undefined)
  if (!form) return [400, failure('INVALID_INPUT', '上传内容格式不正确', 'file')]
  return [openid, form]
}

/** The caller and the image of a POST /api/_upload, or why it is refused. */
async function receiveImage(req: IncomingMessage): Promise<ReceivedImage | Refusal> {
  const read = await readForm(req)
  if (typeof read[0] === 'number') return read as Refusal
  const [openid, form] = read as [string, UploadForm]
  const file = form.file
  if (!file || file.bytes.length === 0) return NO_FILE
  if (file.tooBig) return TOO_BIG
  const image = sniffImage(file.bytes)
  if (!image)
    return [400, failure('INVALID_INPUT', '只能上传图片（JPG、PNG、GIF、WebP 或 BMP）', 'file')]
  const asked = form.fields.get('cloudPath')
  return { openid, file, image, ...(asked !== undefined ? { asked } : {}) }
}

/** Where an upload goes: the path the app chose, if it may write there, or a fresh one. */
function placeFor(
  storage: CloudStorage,
  openid: string,
  asked: string | undefined,
  ext: string
): string | Refusal {
  if (asked === undefined) return `${uploadFolderOf(openid)}/${crypto.randomUUID()}.${ext}`
  const problem = cloudPathProblem(asked)
  if (problem) return [400, failure('INVALID_INPUT', problem, 'cloudPath')]
  // the default storage rule: anyone reads, only the creator writes
  const existing = storage.files.stat(asked)
  if (existing && existing.owner !== openid)
    return [403, failure('FORBIDDEN', '这个位置已有别人的文件', 'cloudPath')]
  return asked
}

export function storageRoutes(deps: {
  storage: CloudStorage
  runner: FunctionRunner
}): StorageRoutes {
  const { storage, runner } = deps
  const count = (tag: string | undefined): void => {
    const invocation = runner.invocationForTag(tag)
    if (invocation) invocation.storageCalls++
  }

  const put = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const cloudPath = cloudPathFrom(url.pathname, COS_PUT)
    if (!cloudPath) return cosError(res, 400, 'InvalidURI', 'invalid object key')
    let bytes: Buffer
    try {
      bytes = await readBody(req, MAX_OBJECT_BYTES)
    } catch (e) {
      if (e instanceof HttpError && e.status === 413)
        return cosError(res, 413, 'EntityTooLarge', `over ${MAX_OBJECT_BYTES / MB} MB`)
      throw e
    }
    const ticket = storage.takeTicket(cloudPath, req.headers)
    if ('error' in ticket) return cosError(res, 403, ticket.error, 'upload not authorised')
    count(ticket.tag)
    const file = storage.put(cloudPath, bytes, ticket.fn ? { fn: ticket.fn } : {})
    res.writeHead(200, { etag: `"${file.sha256.slice(0, 32)}"`, 'content-length': 0 })
    res.end()
  }

  const get = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const cloudPath = cloudPathFrom(url.pathname, TEMP_URL)
    if (!cloudPath) return cosError(res, 404, 'NoSuchKey', 'no such file')
    const sign = url.searchParams.get('sign')
    const check = storage.checkTempUrl(cloudPath, sign, url.searchParams.get('t'))
    if (check !== 'ok')
      return cosError(
        res,
        403,
        'AccessDenied',
        check === 'expired' ? 'the temporary URL has expired' : 'invalid signature'
      )
    count(storage.tagOfUrl(sign))
    const file = storage.files.stat(cloudPath)
    const bytes = file && storage.files.read(cloudPath)
    if (!file || !bytes) return cosError(res, 404, 'NoSuchKey', 'no such file')
    const etag = `"${file.sha256.slice(0, 32)}"`
    // revalidated every time: the emulator's clock can jump past the URL's expiry
    const headers = { etag, 'cache-control': 'private, no-cache' }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    res.writeHead(200, {
      ...headers,
      'content-type': file.contentType,
      'content-length': bytes.length,
      'last-modified': new Date(file.createdAt).toUTCString(),
      'x-content-type-options': 'nosniff',
    })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  const bytes: StorageRoutes['bytes'] = async (req, res, url) => {
    if (url.pathname.startsWith(COS_PUT)) {
      if (req.method !== 'PUT') cosError(res, 405, 'MethodNotAllowed', 'PUT only')
      else await put(req, res, url)
      return true
    }
    if (url.pathname.startsWith(TEMP_URL)) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        cosError(res, 405, 'MethodNotAllowed', 'GET only')
      else get(req, res, url)
      return true
    }
    return false
  }

  const upload: StorageRoutes['upload'] = async (req, res) => {
    if (req.method !== 'POST') {
      send(res, 405, failure('INVALID_INPUT', '请用 POST 上传文件'), { allow: 'POST' })
      return
    }
    const received = await receiveImage(req)
    if (Array.isArray(received)) return send(res, ...received)
    const { openid, file, image, asked } = received
    const cloudPath = placeFor(storage, openid, asked, image.ext)
    if (Array.isArray(cloudPath)) return send(res, ...cloudPath)
    const stored = storage.put(cloudPath, file.bytes, {
      owner: openid,
      contentType: image.contentType,
      ...(file.name ? { name: file.name } : {}),
    })
    send(res, 200, { ok: true, data: { fileID: stored.fileID } })
  }

  return { bytes, upload }
}
