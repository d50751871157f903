import crypto from 'node:crypto'
import { cloudPathOf, cloudPathProblem, fileIdOf, FileStore, type StoredFile } from './files'

export {
  BUCKET,
  cloudPathOf,
  cloudPathProblem,
  fileIdOf,
  type FileStore,
  type StoredFile,
} from './files'
export { contentTypeOfPath, type ImageKind, sniffImage } from './mime'

// Cloud storage as the real wx-server-sdk (through @cloudbase/node-sdk) uses it. The SDK posts
// JSON to /admin like a database call, and moves bytes over plain HTTP, as with COS:
//   uploadFile      storage.getUploadMetadata {path} → {url, authorization, token, cosFileId,
//                   fileId}; then PUT <url> with those as headers (routes/storage.ts)
//   getTempFileURL  storage.batchGetDownloadUrl {file_list: [{fileid, max_age?}]}
//                   → {download_list: [{fileID, tempFileURL, code, maxAge}]}
//   downloadFile    getTempFileURL with max_age 600, then GET the URL
//   deleteFile      storage.batchDeleteFile {fileid_list} → {delete_list: [{fileID, code}]}
// Temporary URLs are signed (`?sign=…&t=<expiry, unix s>`) and checked against the emulator's
// clock when fetched, so moving the clock past the expiry makes them fail as real ones do.

/** How long a temporary URL lives when the caller gives no maxAge (seconds). */
export const DEFAULT_MAX_AGE_S = 2 * 60 * 60
/** The longest a temporary URL may live (seconds): one day, as CloudBase documents. */
export const MAX_MAX_AGE_S = 24 * 60 * 60
/** The largest file the H5 app may upload with POST /api/_upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** The largest object a PUT may carry. */
export const MAX_OBJECT_BYTES = 50 * 1024 * 1024
/** Files per getTempFileURL or deleteFile call, as CloudBase allows. */
export const MAX_BATCH = 50
/** How long the upload authorization of getUploadMetadata stays good (seconds). */
const UPLOAD_TICKET_S = 10 * 60
/** Temporary URLs remembered to attribute their download to the invocation that asked. */
const MINTED_KEPT = 1000

type Reply = Record<string, unknown>

interface Ticket {
  cloudPath: string
  authorization: string
  token: string
  expiresAt: number
  tag?: string
  fn?: string
}

export interface ActionContext {
  /** the /admin/<tag> the request came through */
  tag?: string
  /** the function that sent it */
  fn?: string
}

export type UrlCheck = 'ok' | 'expired' | 'invalid'

const requestId = (): string => crypto.randomBytes(16).toString('hex')
const fail = (code: string, message: string): Reply => ({ requestId: requestId(), code, message })
const token = (): string => crypto.randomBytes(24).toString('base64url')

/** The path part of a URL for a cloud path: each segment escaped. */
export const urlPath = (cloudPath: string): string =>
  cloudPath.split('/').map(encodeURIComponent).join('/')

export class CloudStorage {
  readonly files: FileStore
  private readonly tickets = new Map<string, Ticket>()
  private readonly minted = new Map<string, string>()

  constructor(
    dataDir: string,
    private readonly now: () => number,
    /** the emulator's own http://127.0.0.1:PORT, known once it listens */
    private readonly baseUrl: () => string
  ) {
    this.files = new FileStore(dataDir, now)
  }

  /** Answers one `storage.*` action of the SDK protocol. */
  handle(body: Reply, ctx: ActionContext = {}): Reply {
    switch (body.action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(body, ctx)
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(body, ctx)
      case 'storage.batchDeleteFile':
        return this.deleteFiles(body)
      default:
        return fail('INVALID_PARAM', `${String(body.action)} is not available in the emulator`)
    }
  }

  private uploadMetadata(body: Reply, ctx: ActionContext): Reply {
    const problem = cloudPathProblem(body.path)
    if (problem) return fail('INVALID_PARAM', problem)
    const cloudPath = body.path as string
    const ticket: Ticket = {
      cloudPath,
      authorization: `q-sign-algorithm=sha1&q-ak=local&q-signature=${token()}`,
      token: token(),
      expiresAt: this.now() + UPLOAD_TICKET_S * 1000,
      ...(ctx.tag ? { tag: ctx.tag } : {}),
      ...(ctx.fn ? { fn: ctx.fn } : {}),
    }
    const cosFileId = token()
    this.dropExpiredTickets()
    this.tickets.set(cosFileId, ticket)
    return {
      requestId: requestId(),
      data: {
        url: `${this.baseUrl()}/tcb-cos/${urlPath(cloudPath)}`,
        token: ticket.token,
        authorization: ticket.authorization,
        fileId: fileIdOf(cloudPath),
        cosFileId,
        download_url: `${this.baseUrl()}/tcb-file/${urlPath(cloudPath)}`,
      },
    }
  }

  private dropExpiredTickets(): void {
    const now = this.now()
    for (const [id, t] of this.tickets) if (t.expiresAt < now) this.tickets.delete(id)
  }

  /**
   * The upload a PUT carries, if its headers hold a live authorization for that very path; the
   * authorization is used up. Answers why not otherwise (COS error code).
   */
  takeTicket(
    cloudPath: string,
    headers: Record<string, string | string[] | undefined>
  ): Ticket | { error: string } {
    const id = headers['x-cos-meta-fileid']
    const ticket = typeof id === 'string' ? this.tickets.get(id) : undefined
    if (
      !ticket ||
      ticket.cloudPath !== cloudPath ||
      headers.authorization !== ticket.authorization ||
      headers['x-cos-security-token'] !== ticket.token
    )
      return { error: 'AccessDenied' }
    this.tickets.delete(id as string)
    if (ticket.expiresAt < this.now()) return { error: 'RequestTimeTooSkewed' }
    return ticket
  }

  private batch(list: unknown): unknown[] | Reply {
    if (!Array.isArray(list) || list.length === 0)
      return fail('INVALID_PARAM', 'fileList必须是非空的数组')
    if (list.length > MAX_BATCH) return fail('INVALID_PARAM', `fileList 最多 ${MAX_BATCH} 个`)
    return list
  }

  private downloadUrls(body: Reply, ctx: ActionContext): Reply {
    const list = this.batch(body.file_list)
    if (!Array.isArray(list)) return list
    const download_list = list.map((item) => {
      const { fileid, max_age } = (item ?? {}) as { fileid?: unknown; max_age?: unknown }
      const fileID = typeof fileid === 'string' ? fileid : String(fileid)
      const maxAge =
        typeof max_age === 'number' && Number.isFinite(max_age) && max_age > 0
          ? Math.min(Math.floor(max_age), MAX_MAX_AGE_S)
          : DEFAULT_MAX_AGE_S
      const cloudPath = typeof fileid === 'string' ? cloudPathOf(fileid) : undefined
      if (!cloudPath) return { fileID, tempFileURL: '', code: 'INVALID_PARAM', maxAge }
      if (!this.files.stat(cloudPath))
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge }
      return {
        fileID,
        tempFileURL: this.tempUrl(cloudPath, maxAge, ctx.tag),
        code: 'SUCCESS',
        maxAge,
      }
    })
    return { requestId: requestId(), data: { download_list } }
  }

  private deleteFiles(body: Reply): Reply {
    const list = this.batch(body.fileid_list)
    if (!Array.isArray(list)) return list
    const delete_list = list.map((fileID) => {
      const cloudPath = typeof fileID === 'string' ? cloudPathOf(fileID) : undefined
      if (!cloudPath) return { fileID, code: 'INVALID_PARAM' }
      return { fileID, code: this.files.remove(cloudPath) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
    })
    return { requestId: requestId(), data: { delete_list } }
  }

  private sign(cloudPath: string, expires: number): string {
    return crypto
      .createHmac('sha256', this.files.secret)
      .update(`${cloudPath}\n${expires}`)
      .digest('hex')
      .slice(0, 32)
  }

  /**
   * A temporary URL for the object, valid `maxAgeS` seconds of the emulator's clock. Like the
   * real ones, its path is the cloud path as it is (the SDK encodes it before fetching).
   */
  tempUrl(cloudPath: string, maxAgeS = DEFAULT_MAX_AGE_S, tag?: string): string {
    const expires = Math.floor(this.now() / 1000) + maxAgeS
    const sign = this.sign(cloudPath, expires)
    if (tag) {
      if (this.minted.size >= MINTED_KEPT)
        this.minted.delete(this.minted.keys().next().value as string)
      this.minted.set(sign, tag)
    }
    return `${this.baseUrl()}/tcb-file/${cloudPath}?sign=${sign}&t=${expires}`
  }

  /** Is this a genuine, unexpired temporary URL for `cloudPath`? */
  checkTempUrl(cloudPath: string, sign: string | null, t: string | null): UrlCheck {
    const expires = Number(t)
    if (!sign || !Number.isInteger(expires)) return 'invalid'
    const want = Buffer.from(this.sign(cloudPath, expires))
    const got = Buffer.from(sign)
    if (got.length !== want.length || !crypto.timingSafeEqual(got, want)) return 'invalid'
    return expires * 1000 > this.now() ? 'ok' : 'expired'
  }

  /** The invocation tag that asked for a temporary URL, while it is remembered. */
  tagOfUrl(sign: string | null): string | undefined {
    return sign ? this.minted.get(sign) : undefined
  }

  /** Stores an upload that arrived with a valid ticket, or from the H5 app. */
  put(cloudPath: string, bytes: Buffer, opts: Parameters<FileStore['put']>[2]): StoredFile {
    return this.files.put(cloudPath, bytes, opts)
  }

  /** What `_reset` does: the demo data holds no files. */
  clear(): void {
    this.files.clear()
    this.tickets.clear()
    this.minted.clear()
  }
}
