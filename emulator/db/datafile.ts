// The nedb data file, read and compacted by us rather than by nedb, which is what made start-up
// and compaction the emulator's bottlenecks (100k wishes: 8 s to open, a 4 s stall per compaction):
// - nedb loads a file line by line through one promise per line, then rewrites the whole file
//   before the first request. `loadDatafile` parses it in 1 MB chunks, hands the documents to
//   nedb's indexes, and leaves the rewrite to the next compaction.
// - nedb compacts by serialising every document in one go while the collection is locked.
//   `writeSnapshot` writes a snapshot in small chunks, yielding between them, so requests go on
//   meanwhile; the collection then appends what changed since the snapshot and swaps the files
//   under its lock (store.ts).
// The file format stays nedb's: one JSON document per line, Dates as {"$$date": ms}, a later line
// for the same _id replaces it, {"$$deleted": true, "_id": …} removes it.
// Relies on two internals of @seald-io/nedb 4.1.2 (pinned in package.json): `_resetIndexes` and
// `executor.processBuffer`, exactly what its own loadDatabase calls.
import { createReadStream, promises as fs } from 'fs'
import type Datastore from '@seald-io/nedb'
import type { Doc } from './wire'

interface NedbInternals {
  _resetIndexes(data: Doc[]): void
  executor: { processBuffer(): void }
}

// nedb refuses a file with more than this share of unreadable lines (its default)
const CORRUPT_ALERT = 0.1
const CHUNK = 500

// nedb's Dates: {"$$date": ms} anywhere becomes a Date (as nedb's reviver does, but walking the
// parsed value is 2-3 times faster than a JSON.parse reviver).
function revive(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i])
    return v
  }
  const o = v as Record<string, unknown>
  if (o.$$date !== undefined) return new Date(o.$$date as number)
  for (const k in o) {
    const x = o[k]
    if (x !== null && typeof x === 'object') o[k] = revive(x)
  }
  return o
}

/** One line of the file, as nedb writes it (Dates as {"$$date": ms}). */
export function serialize(doc: Doc): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key, value) {
    const raw = this[key]
    return raw instanceof Date ? { $$date: raw.getTime() } : (value as unknown)
  })
}

/**
 * Loads `file` into `ds` (a Datastore that was not loaded) and makes it ready. Returns the live
 * documents in the order they were first written (natural order: a document removed and written
 * again counts from the later write) and the number of lines beyond one per live document: what
 * a compaction would save.
 */
export async function loadDatafile(
  ds: Datastore<Doc>,
  file: string
): Promise<{ docs: Doc[]; redundant: number }> {
  const byId = new Map<unknown, Doc>()
  let lines = 0
  let corrupt = 0
  const take = (line: string) => {
    if (!line) return
    lines++
    try {
      const doc = revive(JSON.parse(line)) as Doc
      if (doc._id === undefined) return // index bookkeeping: the store declares its own indexes
      if (doc.$$deleted === true) byId.delete(doc._id)
      else byId.set(doc._id, doc)
    } catch {
      corrupt++
    }
  }
  try {
    let rest = ''
    for await (const chunk of createReadStream(file, {
      encoding: 'utf8',
      highWaterMark: 1 << 20,
    })) {
      const parts = (rest + (chunk as string)).split('\n')
      rest = parts.pop() ?? ''
      for (const line of parts) take(line)
    }
    take(rest)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  if (lines > 0 && corrupt / lines > CORRUPT_ALERT) {
    throw new Error(`${file}: ${corrupt} of ${lines} lines are corrupt; refusing to load it`)
  }
  const docs = [...byId.values()]
  const internals = ds as unknown as NedbInternals
  internals._resetIndexes(docs)
  internals.executor.processBuffer()
  return { docs, redundant: lines - byId.size }
}

/** Writes `docs` to `file` (created anew) in chunks, yielding between them, and syncs it. */
export async function writeSnapshot(file: string, docs: Doc[]): Promise<void> {
  const fh = await fs.open(file, 'w')
  try {
    for (let i = 0; i < docs.length; i += CHUNK) {
      const text = docs
        .slice(i, i + CHUNK)
        .map(serialize)
        .join('\n')
      await fh.write(`${text}\n`)
    }
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Appends the current state of `ids` (a removal line for those gone) to `file` and syncs it. */
export async function appendState(
  file: string,
  ids: Iterable<unknown>,
  current: (id: unknown) => Doc | undefined
): Promise<void> {
  const lines: string[] = []
  for (const id of ids) lines.push(serialize(current(id) ?? { $$deleted: true, _id: id }))
  const fh = await fs.open(file, 'a')
  try {
    if (lines.length) await fh.write(`${lines.join('\n')}\n`)
    await fh.sync()
  } finally {
    await fh.close()
  }
}
