// Query, sort, projection and update semantics, all through mingo so that they follow MongoDB
// (which CloudBase runs) rather than nedb's own dialect.
import { Query, aggregate as mingoAggregate, find as mingoFind, update as mingoUpdate } from 'mingo'
import type { Options } from 'mingo/types'
import { DbError } from './errors'
import { canonical, clone, Doc, isPlainObject, isRegExp } from './wire'

export type SortSpec = Record<string, 1 | -1>

const baseOptions: Partial<Options> = { scriptEnabled: false }

const wrap = <T>(fn: () => T): T => {
  try {
    return fn()
  } catch (e) {
    if (e instanceof DbError) throw e
    throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${(e as Error).message}`)
  }
}

export function compileFilter(filter: Doc): (doc: Doc) => boolean {
  if (Object.keys(filter).length === 0) return () => true
  const q = wrap(() => new Query(filter, baseOptions))
  return (doc) => q.test(doc)
}

export interface SelectOptions {
  sort?: SortSpec
  skip?: number
  limit?: number
  projection?: Doc
}

// Filters, sorts, pages and projects. Inputs are never mutated. Sorting on plain values
// (numbers, strings, dates, booleans, null) uses a native comparator with MongoDB's type order,
// which keeps a first page out of 50,000 documents cheap; anything else goes through mingo.
export function select(docs: Doc[], filter: Doc, opts: SelectOptions = {}): Doc[] {
  return wrap(() => {
    const projection =
      opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined
    const sort = opts.sort && Object.keys(opts.sort).length ? opts.sort : undefined
    if (sort) {
      const test = compileFilter(filter)
      const matched = docs.filter((d) => test(d))
      const sorted = sortPlain(matched, sort)
      if (sorted) {
        const start = opts.skip ?? 0
        const page = sorted.slice(start, opts.limit !== undefined ? start + opts.limit : undefined)
        return projection ? (mingoFind(page, {}, projection, baseOptions).all() as Doc[]) : page
      }
    }
    let cursor = mingoFind(docs, filter, projection, baseOptions)
    if (sort) cursor = cursor.sort(sort)
    if (opts.skip) cursor = cursor.skip(opts.skip)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all() as Doc[]
  })
}

// MongoDB's BSON type order for the plain types: null/missing < numbers < strings < booleans < dates.
const typeRank = (v: unknown): number => {
  if (v === null || v === undefined) return 1
  if (typeof v === 'number') return 2
  if (typeof v === 'string') return 3
  if (typeof v === 'boolean') return 8
  if (v instanceof Date) return 9
  return -1
}

const plainValue = (doc: Doc, path: string): unknown => {
  let v: unknown = doc
  for (const key of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return v === doc ? undefined : Symbol.for('complex')
    v = (v as Doc)[key]
  }
  return v
}

/** Sorted copy, or null when some sort key is not a plain value (arrays, objects). */
function sortPlain(docs: Doc[], sort: SortSpec): Doc[] | null {
  const keys = Object.entries(sort)
  const rows: { doc: Doc; vals: unknown[] }[] = []
  for (const doc of docs) {
    const vals = keys.map(([k]) => plainValue(doc, k))
    if (vals.some((v) => typeRank(v) < 0)) return null
    rows.push({ doc, vals })
  }
  const cmp = (a: unknown, b: unknown): number => {
    const ra = typeRank(a)
    const rb = typeRank(b)
    if (ra !== rb) return ra - rb
    if (ra === 1) return 0
    const x = a instanceof Date ? a.getTime() : (a as number | string | boolean)
    const y = b instanceof Date ? b.getTime() : (b as number | string | boolean)
    return x < y ? -1 : x > y ? 1 : 0
  }
  rows.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = cmp(a.vals[i], b.vals[i])
      if (c) return c * keys[i][1]
    }
    return 0
  })
  return rows.map((r) => r.doc)
}

export function aggregate(
  docs: Doc[],
  pipeline: Doc[],
  resolve: (collection: string) => Doc[]
): Doc[] {
  return wrap(
    () => mingoAggregate(docs, pipeline, { ...baseOptions, collectionResolver: resolve }) as Doc[]
  )
}

// Accepts the SDK's order (an object {field: 1 | -1}) and the older array form.
export function parseOrder(order: unknown): SortSpec | undefined {
  if (order === undefined || order === null) return undefined
  const spec: SortSpec = {}
  const add = (field: unknown, dir: unknown) => {
    if (typeof field !== 'string' || !field)
      throw new DbError('INVALID_PARAM', 'invalid order field')
    spec[field] = dir === -1 || dir === 'desc' || dir === '-1' ? -1 : 1
  }
  if (Array.isArray(order)) {
    for (const item of order) {
      if (isPlainObject(item) && 'field' in item) add(item.field, item.direction)
      else if (isPlainObject(item)) for (const [k, v] of Object.entries(item)) add(k, v)
    }
  } else if (isPlainObject(order)) {
    for (const [k, v] of Object.entries(order)) add(k, v)
  } else {
    throw new DbError('INVALID_PARAM', 'invalid order')
  }
  return Object.keys(spec).length ? spec : undefined
}

export const isOperatorUpdate = (data: Doc): boolean =>
  Object.keys(data).some((k) => k.startsWith('$'))

export interface UpdateOutcome {
  doc: Doc
  changed: boolean
}

// Applies a MongoDB update document to a copy of `doc`. `inserting` enables $setOnInsert.
export function applyUpdate(doc: Doc, update: Doc, filter: Doc, inserting: boolean): UpdateOutcome {
  const copy = clone(doc)
  const { $setOnInsert, ...modifier } = update
  if (inserting && isPlainObject($setOnInsert)) {
    modifier.$set = { ...(isPlainObject(modifier.$set) ? modifier.$set : {}), ...$setOnInsert }
  }
  for (const op of Object.keys(modifier)) {
    if (!op.startsWith('$')) {
      throw new DbError(
        'DATABASE_INVALID_OPERRATOR',
        `cannot mix update operators and fields (${op})`
      )
    }
  }
  if (Object.keys(modifier).length === 0) return { doc: copy, changed: false }
  const changedPaths = wrap(() =>
    mingoUpdate(copy, modifier, undefined, inserting ? undefined : filter, {
      queryOptions: baseOptions,
    })
  )
  if (copy._id !== doc._id) {
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      "[FailedOperation] Performing an update on the path '_id' would modify the immutable field '_id'"
    )
  }
  return { doc: copy, changed: changedPaths.length > 0 }
}

// A replacement (doc.set): keeps _id; reports a change only if the stored bytes would differ.
export function applyReplace(doc: Doc, replacement: Doc): UpdateOutcome {
  const { _id: ignored, ...rest } = replacement
  void ignored
  const next: Doc = { _id: doc._id, ...clone(rest) }
  return { doc: next, changed: canonical(next) !== canonical(doc) }
}

// The document an upsert creates from the equality conditions of its filter (as MongoDB does).
export function seedFromFilter(filter: Doc): Doc {
  const seed: Doc = {}
  const visit = (q: Doc) => {
    for (const [key, value] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(value)) {
        value.forEach((v) => isPlainObject(v) && visit(v))
      } else if (!key.startsWith('$')) {
        let v: unknown = value
        if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
          if (!('$eq' in value)) continue
          v = value.$eq
        }
        if (isRegExp(v)) continue
        setPath(seed, key, clone(v))
      }
    }
  }
  visit(filter)
  return seed
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur = target
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {}
    cur = cur[part] as Doc
  }
  cur[parts[parts.length - 1]] = value
}

// Values of a dotted path, MongoDB style: arrays along the way fan out (multikey).
export function pathValues(doc: unknown, path: string): unknown[] {
  const parts = path.split('.')
  const walk = (value: unknown, i: number): unknown[] => {
    if (i === parts.length) return [value]
    if (Array.isArray(value)) {
      const idx = Number(parts[i])
      if (Number.isInteger(idx) && String(idx) === parts[i]) return walk(value[idx], i + 1)
      return value.flatMap((v) => walk(v, i))
    }
    if (isPlainObject(value)) return walk(value[parts[i]], i + 1)
    return [undefined]
  }
  return walk(doc, 0)
}
