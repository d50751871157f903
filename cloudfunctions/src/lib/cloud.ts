import cloud from 'wx-server-sdk'

// The one place that touches wx-server-sdk's loosely typed surface (its `get()`/`update()`
// return unions with `void`, `DYNAMIC_CURRENT_ENV` is typed as a symbol, `openapi` is `any`).
// Everything else uses the narrow types below.

export type Doc = Record<string, unknown> & { _id: string }

export interface UpdateResult {
  stats: { updated: number }
}

export interface Query<T> {
  where(query: Record<string, unknown>): Query<T>
  orderBy(field: string, direction: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  field(projection: Record<string, boolean>): Query<T>
  get(): Promise<{ data: T[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocRef<T> {
  get(): Promise<{ data: T }>
  set(options: {
    data: Record<string, unknown>
  }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Aggregate {
  match(q: Record<string, unknown>): Aggregate
  addFields(f: Record<string, unknown>): Aggregate
  lookup(
    l:
      | { from: string; localField: string; foreignField: string; as: string }
      // An uncorrelated sub-query: `db.command.aggregate.pipeline()…done()`.
      | { from: string; pipeline: unknown[]; as: string }
  ): Aggregate
  group(g: Record<string, unknown>): Aggregate
  sort(s: Record<string, 1 | -1>): Aggregate
  limit(n: number): Aggregate
  project(p: Record<string, unknown>): Aggregate
  end(): Promise<{ list: Record<string, unknown>[] }>
}

export interface CollectionRef<T> extends Query<T> {
  doc(id: string): DocRef<T>
  /** One document, or many in one insert (their ids then come back as `_ids`). */
  add(options: {
    data: Record<string, unknown> | Record<string, unknown>[]
  }): Promise<{ _id: string }>
  aggregate(): Aggregate
}

export interface Transaction {
  collection<T = Doc>(
    name: string
  ): {
    doc(id: string): DocRef<T>
    add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
  }
}

export interface Database {
  collection<T = Doc>(name: string): CollectionRef<T>
  // The SDK's command builder (`db.command`): operators such as `_.in`, `_.inc`, `_.neq`.
  command: Record<string, (...args: unknown[]) => unknown> & {
    aggregate: Record<string, (...args: unknown[]) => unknown>
  }
  serverDate(options?: { offset: number }): unknown
  runTransaction<R>(fn: (t: Transaction) => Promise<R>, retries?: number): Promise<R>
}

/**
 * `where(query).updateAndReturn(data)`: changes the first document the query matches and returns
 * it as it is after the change, in one round trip (the service's `database.modifyAndReturnDoc`,
 * a find-and-modify): null when none matched. wx-server-sdk wraps the database of
 * `@cloudbase/node-sdk` (its `_db`) without passing this call through; the call is that SDK's own.
 */
export async function updateAndReturn<T>(
  collection: string,
  query: Record<string, unknown>,
  data: Record<string, unknown>
): Promise<T | null> {
  const raw = (db() as unknown as { _db: RawDatabase })._db
  const res = await raw.collection(collection).where(query).updateAndReturn(data)
  if (res.code) throw new Error(`updateAndReturn ${collection}: ${res.code} ${res.message ?? ''}`)
  return res.updated ? ((res.doc ?? null) as T | null) : null
}

interface RawDatabase {
  collection(name: string): {
    where(query: Record<string, unknown>): {
      updateAndReturn(
        data: Record<string, unknown>
      ): Promise<{ updated?: number; doc?: unknown; code?: string; message?: string }>
    }
  }
}

let initialised = false

function sdk(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

let database: Database | null = null

export function db(): Database {
  if (!database) database = sdk().database() as unknown as Database
  return database
}

export function wxContext(): { OPENID: string; APPID: string } {
  const c = sdk().getWXContext()
  return { OPENID: c.OPENID ?? '', APPID: c.APPID ?? '' }
}

/** `cloud.openapi.<group>.<name>(params)`; each function lists the APIs it may call in config.json. */
export async function openapi<T = Record<string, unknown>>(
  group: string,
  name: string,
  params: Record<string, unknown>
): Promise<T> {
  const api = (sdk().openapi as Record<string, Record<string, (p: unknown) => Promise<T>>>)[group]
  return api[name](params)
}

// Cloud storage (the SDK's uploadFile / getTempFileURL / downloadFile / deleteFile). Not database
// round trips, but each is a request: callers batch (one getTempFileURL per response).

interface StorageSdk {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(o: {
    fileList: string[]
  }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>
  deleteFile(o: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number }[] }>
}

const storageSdk = () => sdk() as unknown as StorageSdk

/** Files per getTempFileURL or deleteFile call, as CloudBase allows. */
const STORAGE_BATCH = 50

/** Temporary URLs (2 h) of the files, in one call per 50; null for a file that is gone. */
export async function tempFileUrls(fileIDs: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>()
  const unique = [...new Set(fileIDs)]
  for (let i = 0; i < unique.length; i += STORAGE_BATCH) {
    const { fileList } = await storageSdk().getTempFileURL({
      fileList: unique.slice(i, i + STORAGE_BATCH),
    })
    for (const f of fileList)
      out.set(f.fileID, f.status === 0 && f.tempFileURL ? f.tempFileURL : null)
  }
  return out
}

/** Stores `content` at `cloudPath`; its fileID. */
export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await storageSdk().uploadFile({ cloudPath, fileContent: content })
  return fileID
}

/** A stored file's bytes, or null when there is no such file. */
export async function downloadFile(fileID: string): Promise<Buffer | null> {
  try {
    const { fileContent } = await storageSdk().downloadFile({ fileID })
    return fileContent
  } catch (err) {
    const e = err as { errCode?: number; code?: string; message?: string; errMsg?: string }
    const text = `${e.code ?? ''} ${e.errCode ?? ''} ${e.message ?? ''} ${e.errMsg ?? ''}`
    // Missing, or not a file of this environment (another env's ID, one we may not read): none.
    if (
      /NONEXIST|NOT_?FOUND|-503003|404|does not exist|INVALID_PARAM|EXCEED_AUTHORITY|PERMISSION/i.test(
        text
      )
    )
      return null
    throw err
  }
}

/** Deletes files (a missing one is no error), in one call per 50. */
export async function deleteFiles(fileIDs: string[]): Promise<void> {
  const unique = [...new Set(fileIDs)]
  for (let i = 0; i < unique.length; i += STORAGE_BATCH) {
    await storageSdk().deleteFile({ fileList: unique.slice(i, i + STORAGE_BATCH) })
  }
}
