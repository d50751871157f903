// One collection: a persisted nedb datastore plus what nedb does not give us (MongoDB-style unique
// keys, including compound ones, per-document versions for optimistic transactions, and sorted
// copies of the declared indexes for range lookups and ordered reads).
// Every method that writes expects the caller to hold `mutex`.
import { promises as fs } from 'fs'
import path from 'path'
import Datastore from '@seald-io/nedb'
import type { CollectionSpec, IndexSpec } from './types'
import { appendState, loadDatafile, writeSnapshot } from './datafile'
import { DbError, duplicateKey } from './errors'
import { isGeoIndex } from './indexCheck'
import { Conjunction, conjunction, FieldConds } from './matcher'
import { Mutex } from './mutex'
import { pathValues, SortSpec } from './query'
import { bestPlan, SortedIndex } from './sortedIndex'
import { canonical, Doc, isPlainObject } from './wire'

interface NedbIndex {
  getMatching(value: unknown): Doc[]
}
type NedbInternals = { indexes: Record<string, NedbIndex> }

interface UniqueIndex {
  name: string
  fields: string[]
  owners: Map<string, unknown> // index key → _id
}

// A planned write: `before` is the stored document (absent for an insert), `after` the new one
// (absent for a removal).
export interface Change {
  id: unknown
  before?: Doc
  after?: Doc
}

// The service's write sequence, shared by its collections: every applied write gets the next
// number, and while `recording` (some transaction is open) each collection keeps the documents'
// previous states, from which a transaction reads the snapshot it started at.
export class WriteClock {
  seq = 0
  recording = false
}

interface Past {
  seq: number
  before: Doc | undefined
}

export const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/

// A write touching more documents than this rebuilds the sorted indexes (once, on the next read)
// instead of inserting into them one by one (each insert moves up to n entries).
const REBUILD_AFTER = 500

export class Collection {
  readonly mutex = new Mutex()
  // the live documents in natural order (insertion order: an update keeps the place), and each
  // one's place, as MongoDB returns unsorted reads
  private readonly natural = new Map<unknown, Doc>()
  private readonly place = new Map<unknown, number>()
  private inserted = 0
  // _id → seq of the last write to it (0: none since the service opened)
  private readonly versions = new Map<unknown, number>()
  // _id → its states before each write made while transactions were open, oldest first
  private readonly history = new Map<unknown, Past[]>()
  private readonly uniques: UniqueIndex[]
  private readonly nedbFields = new Set<string>(['_id'])
  private readonly sorted: SortedIndex[]
  private writes = 0
  private dropped = false
  // the compaction under way, and the ids written since its snapshot
  private compaction: Promise<void> | undefined
  private compacting: Set<unknown> | undefined

  private constructor(
    readonly name: string,
    readonly file: string,
    private readonly ds: Datastore<Doc>,
    public spec: CollectionSpec | undefined,
    private readonly clock: WriteClock
  ) {
    // 2dsphere indexes only serve geo queries (geo.ts scans): no sorted copy, no unique key
    const plain = (spec?.indexes ?? []).filter((i) => !isGeoIndex(i))
    this.uniques = plain
      .filter((i) => i.unique)
      .map((i: IndexSpec) => ({
        name: i.name,
        fields: i.fields.map((f) => f.name),
        owners: new Map(),
      }))
    this.sorted = plain
      .filter((i) => i.fields.length > 0)
      .map((i) => new SortedIndex(i.name, i, () => this.all()))
  }

  static async open(
    dir: string,
    name: string,
    spec?: CollectionSpec,
    clock = new WriteClock()
  ): Promise<Collection> {
    const file = path.join(dir, `${name}.db`)
    const ds = new Datastore<Doc>({ filename: file })
    const { docs, redundant } = await loadDatafile(ds, file)
    const coll = new Collection(name, file, ds, spec, clock)
    for (const doc of docs) coll.place.set(doc._id, coll.inserted++)
    for (const doc of docs) coll.natural.set(doc._id, doc)
    coll.writes = redundant // the file is compacted once this is worth it
    // nedb indexes on leading fields make equality/$in prefilters cheap; uniqueness is ours.
    for (const idx of spec?.indexes ?? []) {
      const field = isGeoIndex(idx) ? undefined : idx.fields[0]?.name
      if (field && !coll.nedbFields.has(field)) {
        await ds.ensureIndexAsync({ fieldName: field })
        coll.nedbFields.add(field)
      }
    }
    for (const doc of coll.all()) coll.addKeys(doc)
    return coll
  }

  // Live nedb documents in natural order: callers must never mutate them.
  all(): Doc[] {
    return [...this.natural.values()]
  }

  count(): number {
    return this.natural.size
  }

  // Compares documents by their place in natural order (documents not stored, like a
  // transaction's own inserts, come last).
  readonly naturalOrder = (a: Doc, b: Doc): number =>
    (this.place.get(a._id) ?? Infinity) - (this.place.get(b._id) ?? Infinity) || 0

  byId(id: unknown): Doc | undefined {
    return this.index('_id').getMatching(id)[0]
  }

  // The write sequence number of the last write to `id`.
  version(id: unknown): number {
    return this.versions.get(id) ?? 0
  }

  // The document as it was when the write sequence stood at `seq` (recorded while transactions
  // are open: callers pass a seq taken after recording began).
  at(id: unknown, seq: number): Doc | undefined {
    const past = this.history.get(id)?.find((p) => p.seq > seq)
    return past ? past.before : this.byId(id)
  }

  // _id → state at `seq`, for every document written since.
  changedSince(seq: number): Map<unknown, Doc | undefined> {
    const out = new Map<unknown, Doc | undefined>()
    for (const [id, pasts] of this.history) {
      const past = pasts.find((p) => p.seq > seq)
      if (past) out.set(id, past.before)
    }
    return out
  }

  // Forgets states no open transaction can read: those before `oldest` (all when undefined).
  forget(oldest: number | undefined): void {
    if (oldest === undefined) {
      this.history.clear()
      return
    }
    for (const [id, pasts] of this.history) {
      const kept = pasts.filter((p) => p.seq > oldest)
      if (kept.length) this.history.set(id, kept)
      else this.history.delete(id)
    }
  }

  // A superset of the documents matching `filter` (the caller does the exact matching), narrowed
  // by _id, else by the declared index whose key ranges hold the fewest documents, else by one
  // nedb index on a field with an equality or $in (nedb indexes the leading field of each
  // declared index, and copes with arrays, which make a sorted index step aside).
  // `indexed` is false for a full scan, whose documents come in natural order.
  // Filters that are not simple conjunctions keep the nedb lookup alone: mingo may throw while
  // testing some documents (`$in: 1` does), and which ones get tested must not change.
  candidates(
    filter: Doc,
    conj: Conjunction = conjunction(filter)
  ): { docs: Doc[]; indexed: boolean } {
    if (conj.simple && !fixesId(conj.fields)) {
      const plan = bestPlan(this.sorted, conj.fields)
      if (plan) return { docs: plan.index.docs(plan), indexed: true }
    }
    let best: Doc[] | undefined
    for (const [field, value] of topLevelConditions(filter)) {
      if (!this.nedbFields.has(field)) continue
      const key = indexableValue(value)
      if (key === undefined) continue
      const found = this.index(field).getMatching(key)
      if (!best || found.length < best.length) best = found
      if (field === '_id' || best.length === 0) break
    }
    return best ? { docs: best, indexed: true } : { docs: this.all(), indexed: false }
  }

  // The first `need` documents passing `test` in `sort` order (ties by _id), read from a declared
  // index whose order is that order, as the real service does; undefined when no index can, or
  // when collecting and sorting a much narrower set of candidates (by _id, or from another
  // index) is cheaper than walking a long range for what may be a few matches.
  // `conds` must be all of the filter (a simple conjunction) and `test` its exact predicate.
  ordered(
    conds: FieldConds[],
    sort: SortSpec,
    need: number,
    test: (doc: Doc) => boolean
  ): Doc[] | undefined {
    if (fixesId(conds)) return undefined
    const keys = Object.entries(sort)
    const walk = bestPlan(this.sorted, conds, keys)
    if (!walk) return undefined
    const narrow = bestPlan(this.sorted, conds)
    if (narrow && narrow.size * 8 < walk.size) return undefined
    return walk.index.ordered(walk, keys, need, test)
  }

  // Throws a duplicate key error if applying `changes` would break a unique key (MongoDB rules:
  // a missing field counts as null, array values index each element).
  checkUnique(changes: Change[]): void {
    const touched = new Set(changes.map((c) => c.id))
    const inserted = new Set<unknown>()
    for (const c of changes) {
      if (c.before || !c.after) continue
      if (this.byId(c.id) || inserted.has(c.id)) {
        throw duplicateKey(this.name, '_id_', `{ _id: ${JSON.stringify(c.id)} }`)
      }
      inserted.add(c.id)
    }
    for (const u of this.uniques) {
      const pending = new Map<string, unknown>()
      for (const c of changes) {
        if (!c.after) continue
        for (const key of keysOf(c.after, u.fields)) {
          const owner = u.owners.get(key)
          const clash =
            (owner !== undefined && owner !== c.id && !touched.has(owner)) ||
            (pending.has(key) && pending.get(key) !== c.id)
          if (clash) throw duplicateKey(this.name, u.name, describeKey(c.after, u.fields))
          pending.set(key, c.id)
        }
      }
    }
  }

  // Applies checked changes to nedb, then to the unique keys, versions and sorted indexes.
  async apply(changes: Change[]): Promise<void> {
    // a request that was queued behind resetAll must not write into the dropped file
    if (this.dropped) throw new DbError('SYS_ERR', `collection ${this.name} was reset; retry`)
    try {
      await this.write(changes)
    } catch (e) {
      // nedb may have applied part of it: rebuild the sorted indexes from what it holds
      for (const s of this.sorted) s.invalidate()
      throw e
    }
    for (const c of changes) {
      if (c.before) this.removeKeys(c.before)
    }
    const seq = ++this.clock.seq
    for (const c of changes) {
      if (c.after) this.addKeys(c.after)
      if (this.clock.recording) {
        const pasts = this.history.get(c.id) ?? []
        pasts.push({ seq, before: c.before })
        this.history.set(c.id, pasts)
      }
      this.versions.set(c.id, seq)
      this.compacting?.add(c.id)
      const stored = c.after && this.byId(c.id)
      if (stored) {
        if (!this.place.has(c.id)) this.place.set(c.id, this.inserted++)
        this.natural.set(c.id, stored)
      } else {
        this.place.delete(c.id)
        this.natural.delete(c.id)
      }
    }
    this.reindex(changes)
    this.writes += changes.length
  }

  private async write(changes: Change[]): Promise<void> {
    const removals = changes.filter((c) => c.before && !c.after)
    const inserts = changes.filter((c) => !c.before && c.after)
    const updates = changes.filter((c) => c.before && c.after)
    if (removals.length) {
      await this.ds.removeAsync({ _id: { $in: removals.map((c) => c.id) } }, { multi: true })
    }
    for (const c of updates) {
      await this.ds.updateAsync({ _id: c.id }, c.after as Doc, {})
    }
    if (inserts.length) await this.ds.insertAsync(inserts.map((c) => c.after as Doc))
  }

  // Brings the sorted indexes up to date with applied changes: entry by entry, with the stored
  // copies (nedb keeps its own, and those are what reads return), or by a rebuild after many.
  private reindex(changes: Change[]): void {
    if (changes.length > REBUILD_AFTER) {
      for (const s of this.sorted) s.invalidate()
      return
    }
    for (const c of changes) for (const s of this.sorted) if (c.before) s.remove(c.before)
    for (const c of changes) {
      const stored = c.after && this.byId(c.id)
      if (stored) for (const s of this.sorted) s.add(stored)
    }
  }

  get pendingWrites(): number {
    return this.writes
  }

  // Rewrites the file with one line per document. Takes the lock only to snapshot the documents
  // (stored documents are never modified, so the snapshot is a list of references) and, at the
  // end, to append what changed meanwhile and swap the files: reads and writes go on while the
  // snapshot is written. Called without the lock; a call during a compaction waits for it.
  compact(): Promise<void> {
    this.compaction ??= this.rewrite().finally(() => (this.compaction = undefined))
    return this.compaction
  }

  private async rewrite(): Promise<void> {
    if (this.dropped) return
    const tmp = `${this.file}.compacting`
    const snapshot = await this.mutex.run(() => {
      this.writes = 0
      this.compacting = new Set()
      return this.all()
    })
    try {
      await writeSnapshot(tmp, snapshot)
      await this.mutex.run(async () => {
        if (this.dropped) return
        await appendState(tmp, this.compacting ?? [], (id) => this.byId(id))
        await fs.rename(tmp, this.file)
      })
    } finally {
      this.compacting = undefined
      await fs.rm(tmp, { force: true })
    }
  }

  async drop(): Promise<void> {
    this.dropped = true
    await this.ds.dropDatabaseAsync()
    await fs.rm(this.file, { force: true })
    this.versions.clear()
    this.history.clear()
    this.natural.clear()
    this.place.clear()
    for (const u of this.uniques) u.owners.clear()
    for (const s of this.sorted) s.invalidate()
  }

  private index(field: string): NedbIndex {
    return (this.ds as unknown as NedbInternals).indexes[field]
  }

  private addKeys(doc: Doc): void {
    for (const u of this.uniques)
      for (const key of keysOf(doc, u.fields)) u.owners.set(key, doc._id)
  }

  private removeKeys(doc: Doc): void {
    for (const u of this.uniques) {
      for (const key of keysOf(doc, u.fields))
        if (u.owners.get(key) === doc._id) u.owners.delete(key)
    }
  }
}

// An equality or $in on _id: nedb's _id index finds those few documents directly.
const fixesId = (conds: FieldConds[]): boolean =>
  conds.some((f) => f.path === '_id' && f.conds.some((c) => c.op === '$eq' || c.op === '$in'))

// [field, condition] pairs that must all hold (top level and inside $and).
function topLevelConditions(filter: Doc, out: [string, unknown][] = []): [string, unknown][] {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      value.forEach((q) => isPlainObject(q) && topLevelConditions(q, out))
    } else if (!key.startsWith('$') && !key.split('.').some((p) => /^\d+$/.test(p))) {
      out.push([key, value])
    }
  }
  return out
}

const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

// The value(s) to look up in a nedb index, or undefined when the condition is not a plain
// equality or $in of primitives (nedb and MongoDB agree on those, arrays included).
function indexableValue(cond: unknown): unknown {
  if (isPrimitive(cond)) return cond
  if (!isPlainObject(cond)) return undefined
  const keys = Object.keys(cond)
  if (keys.includes('$eq') && isPrimitive(cond.$eq)) return cond.$eq
  if (keys.includes('$in') && Array.isArray(cond.$in) && cond.$in.every(isPrimitive))
    return cond.$in
  return undefined
}

function keysOf(doc: Doc, fields: string[]): string[] {
  const perField = fields.map((f) => {
    const values = pathValues(doc, f).flatMap((v) => (Array.isArray(v) && v.length ? v : [v]))
    const uniq = new Map(values.map((v) => [canonical({ v: v === undefined ? null : v }), v]))
    return [...uniq.keys()]
  })
  return perField.reduce<string[]>(
    (acc, keys) => acc.flatMap((a) => keys.map((k) => `${a}|${k}`)),
    ['']
  )
}

function describeKey(doc: Doc, fields: string[]): string {
  const parts = fields.map((f) => {
    const v = pathValues(doc, f)[0]
    return `${f}: ${JSON.stringify(v === undefined ? null : v)}`
  })
  return `{ ${parts.join(', ')} }`
}
