import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ENV_ID } from '../constants'
import { contentTypeOfPath } from './mime'

// The bucket: one file per object under <data folder>/storage/, named by a hash of its cloud
// path, with its metadata in a JSON file beside it. Writes go through a temporary file and a
// rename, so a crash never leaves half a file; everything survives restarts.

export interface StoredFile {
  cloudPath: string
  fileID: string
  size: number
  contentType: string
  /** emulator clock, ISO */
  createdAt: string
  sha256: string
  /** the resident who uploaded it (POST /api/_upload); absent for uploads by a function */
  owner?: string
  /** the function that uploaded it through the SDK */
  fn?: string
  /** the file name the uploader's device gave */
  name?: string
}

export interface PutOptions {
  owner?: string
  fn?: string
  name?: string
  contentType?: string
}

/** Like a real bucket name: `<hex of the env's first two letters>-<env>-<app number>`. */
export const BUCKET = `${Buffer.from(ENV_ID.slice(0, 2)).toString('hex')}-${ENV_ID}-1300000000`
const FILE_ID_PREFIX = `cloud://${ENV_ID}.${BUCKET}/`

export const fileIdOf = (cloudPath: string): string => `${FILE_ID_PREFIX}${cloudPath}`

/** The cloud path of one of our file IDs; undefined for anything else. */
export function cloudPathOf(fileID: string): string | undefined {
  if (!fileID.startsWith(FILE_ID_PREFIX)) return undefined
  const cloudPath = fileID.slice(FILE_ID_PREFIX.length)
  return cloudPathProblem(cloudPath) ? undefined : cloudPath
}

/** Why a cloud path cannot name an object (COS keys: no leading slash, no empty or dot segments). */
export function cloudPathProblem(cloudPath: unknown): string | undefined {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'cloudPath 不能为空'
  if (Buffer.byteLength(cloudPath) > 850) return 'cloudPath 不能超过 850 字节'
  if (cloudPath.startsWith('/')) return 'cloudPath 不能以 / 开头'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\?#%]/.test(cloudPath)) return 'cloudPath 含有不允许的字符'
  if (cloudPath.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return 'cloudPath 不能含有空的、. 或 .. 目录'
  return undefined
}

const keyOf = (cloudPath: string): string =>
  crypto.createHash('sha1').update(cloudPath).digest('hex')

function writeAtomic(file: string, data: Buffer | string): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  fs.writeFileSync(tmp, data)
  fs.renameSync(tmp, file)
}

export class FileStore {
  private readonly dir: string
  private readonly files = new Map<string, StoredFile>()
  /** sha256 → cloud paths with those bytes (the image check recognises a stored file by them) */
  private readonly byContent = new Map<string, Set<string>>()
  /** signs temporary URLs; kept in the folder so URLs stay valid across restarts */
  readonly secret: Buffer

  constructor(
    dataDir: string,
    private readonly now: () => number
  ) {
    this.dir = path.join(dataDir, 'storage')
    fs.mkdirSync(this.dir, { recursive: true })
    const secretFile = path.join(this.dir, 'url-secret')
    if (!fs.existsSync(secretFile)) writeAtomic(secretFile, crypto.randomBytes(32))
    this.secret = fs.readFileSync(secretFile)
    for (const name of fs.readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue
      try {
        const meta = JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')) as StoredFile
        if (fs.existsSync(this.blobPath(meta.cloudPath))) this.remember(meta)
      } catch {
        // a damaged metadata file: its object is as good as gone
      }
    }
  }

  private blobPath(cloudPath: string): string {
    return path.join(this.dir, `${keyOf(cloudPath)}.bin`)
  }

  private metaPath(cloudPath: string): string {
    return path.join(this.dir, `${keyOf(cloudPath)}.json`)
  }

  private remember(meta: StoredFile): void {
    this.files.set(meta.cloudPath, meta)
    const paths = this.byContent.get(meta.sha256) ?? new Set<string>()
    paths.add(meta.cloudPath)
    this.byContent.set(meta.sha256, paths)
  }

  private forget(cloudPath: string): void {
    const meta = this.files.get(cloudPath)
    if (!meta) return
    this.files.delete(cloudPath)
    const paths = this.byContent.get(meta.sha256)
    paths?.delete(cloudPath)
    if (paths?.size === 0) this.byContent.delete(meta.sha256)
  }

  /** Stores (or replaces) the object at `cloudPath`. */
  put(cloudPath: string, bytes: Buffer, opts: PutOptions = {}): StoredFile {
    const meta: StoredFile = {
      cloudPath,
      fileID: fileIdOf(cloudPath),
      size: bytes.length,
      contentType: opts.contentType ?? contentTypeOfPath(cloudPath),
      createdAt: new Date(this.now()).toISOString(),
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      ...(opts.owner ? { owner: opts.owner } : {}),
      ...(opts.fn ? { fn: opts.fn } : {}),
      ...(opts.name ? { name: opts.name } : {}),
    }
    writeAtomic(this.blobPath(cloudPath), bytes)
    writeAtomic(this.metaPath(cloudPath), JSON.stringify(meta))
    this.forget(cloudPath)
    this.remember(meta)
    return meta
  }

  stat(cloudPath: string): StoredFile | undefined {
    return this.files.get(cloudPath)
  }

  read(cloudPath: string): Buffer | undefined {
    if (!this.files.has(cloudPath)) return undefined
    try {
      return fs.readFileSync(this.blobPath(cloudPath))
    } catch {
      return undefined
    }
  }

  /** false when there was nothing at `cloudPath` */
  remove(cloudPath: string): boolean {
    if (!this.files.has(cloudPath)) return false
    this.forget(cloudPath)
    fs.rmSync(this.metaPath(cloudPath), { force: true })
    fs.rmSync(this.blobPath(cloudPath), { force: true })
    return true
  }

  /** Every stored object whose bytes are exactly these. */
  withContent(bytes: Buffer): StoredFile[] {
    const sha = crypto.createHash('sha256').update(bytes).digest('hex')
    return [...(this.byContent.get(sha) ?? [])].map((p) => this.files.get(p) as StoredFile)
  }

  list(): StoredFile[] {
    return [...this.files.values()].sort((a, b) => a.cloudPath.localeCompare(b.cloudPath))
  }

  clear(): void {
    for (const cloudPath of [...this.files.keys()]) this.remove(cloudPath)
  }
}
