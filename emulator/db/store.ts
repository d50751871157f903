// One collection: a persisted nedb datastore plus what nedb does not give us (MongoDB-style unique
// keys, including compound ones, and per-document versions for optimistic transactions).
// Every method that writes expects the caller to hold `mutex`.
import { promises as fs } from 'fs'
import path from 'path'
import Datastore from '@seald-io/nedb'
import type { CollectionSpec, IndexSpec } from './index'
import { DbError, duplicateKey } from './errors'
import { Mutex } from './mutex'
import { pathValues } from './query'
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

export const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/

export class Collection {
  readonly mutex = new Mutex()
  private readonly versions = new Map<unknown, number>()
  private readonly uniques: UniqueIndex[]
  private readonly nedbFields = new Set<string>(['_id'])
  private writes = 0
  private dropped = false

  private constructor(
    readonly name: string,
    readonly file: string,
    private readonly ds: Datastore<Doc>,
    public spec: CollectionSpec | undefined
  ) {
    this.uniques = (spec?.indexes ?? [])
      .filter((i) => i.unique)
      .map((i: IndexSpec) => ({
        name: i.name,
        fields: i.fields.map((f) => f.name),
        owners: new Map(),
      }))
  }

  static async open(dir: string, name: string, spec?: CollectionSpec): Promise<Collection> {
    const file = path.join(dir, `${name}.db`)
    const ds = new Datastore<Doc>({ filename: file })
    await ds.loadDatabaseAsync()
    const coll = new Collection(name, file, ds, spec)
    // nedb indexes on leading fields make equality/$in prefilters cheap; uniqueness is ours.
    for (const idx of spec?.indexes ?? []) {
      const field = idx.fields[0]?.name
      if (field && !coll.nedbFields.has(field)) {
        await ds.ensureIndexAsync({ fieldName: field })
        coll.nedbFields.add(field)
      }
    }
    for (const doc of coll.all()) coll.addKeys(doc)
    return coll
  }

  // Live nedb documents: callers must never mutate them.
  all(): Doc[] {
    return this.ds.getAllData()
  }

  count(): number {
    return this.ds.getAllData().length
  }

  byId(id: unknown): Doc | undefined {
    return this.index('_id').getMatching(id)[0]
  }

  version(id: unknown): number {
    return this.versions.get(id) ?? 0
  }

  // A superset of the documents matching `filter`, narrowed by one nedb index when the filter
  // has an equality or $in on an indexed field (mingo does the exact matching afterwards).
  // `indexed` is false for a full scan, whose documents come in _id order.
  candidates(filter: Doc): { docs: Doc[]; indexed: boolean } {
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

  // Applies checked changes to nedb, then to the unique keys and versions.
  async apply(changes: Change[]): Promise<void> {
    // a request that was queued behind resetAll must not write into the dropped file
    if (this.dropped) throw new DbError('SYS_ERR', `collection ${this.name} was reset; retry`)
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
    for (const c of changes) {
      if (c.before) this.removeKeys(c.before)
    }
    for (const c of changes) {
      if (c.after) this.addKeys(c.after)
      this.versions.set(c.id, this.version(c.id) + 1)
    }
    this.writes += changes.length
  }

  get pendingWrites(): number {
    return this.writes
  }

  async compact(): Promise<void> {
    this.writes = 0
    await this.ds.compactDatafileAsync()
  }

  async drop(): Promise<void> {
    this.dropped = true
    await this.ds.dropDatabaseAsync()
    await fs.rm(this.file, { force: true })
    this.versions.clear()
    for (const u of this.uniques) u.owners.clear()
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
