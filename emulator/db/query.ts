// Query, sort, projection and update semantics, all through mingo so that they follow MongoDB
// (which CloudBase runs) rather than nedb's own dialect.
import { Aggregator } from 'mingo/aggregator'
import { Query } from 'mingo/query'
import type { Options } from 'mingo/types'
import { update as mingoUpdate } from 'mingo/updater'
import { DbError } from './errors'
import { conjunction, Conjunction, nativePredicate } from './matcher'
import { CONTEXT, jsonSchemaValidator } from './operators'
import { compareIds, comparePlain, plainValue, typeRank } from './plain'
import { canonical, clone, Doc, isPlainObject, isRegExp } from './wire'

export type SortSpec = Record<string, 1 | -1>

// mingo's own entry points merge their operators over any given context; these are the classes
// underneath, which take ours (operators.ts) as it is.
const baseOptions: Partial<Options> = {
  scriptEnabled: false,
  context: CONTEXT,
  jsonSchemaValidator,
}

const mingoFind = (
  docs: Doc[],
  filter: Doc,
  projection: Doc | undefined,
  options: Partial<Options>
) => new Query(filter, options).find<Doc>(docs, projection)

const wrap = <T>(fn: () => T): T => {
  try {
    return fn()
  } catch (e) {
    if (e instanceof DbError) throw e
    throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${(e as Error).message}`)
  }
}

export interface CompiledFilter {
  test: (doc: Doc) => boolean
  // the filter's per-field conditions; `simple` when they are all of it (see matcher.ts)
  conj: Conjunction
}

// mingo always compiles the filter (so invalid filters fail as before); a simple conjunction is
// then decided natively for documents with plain values, by mingo for the others.
export function compile(filter: Doc): CompiledFilter {
  if (Object.keys(filter).length === 0)
    return { test: () => true, conj: { fields: [], simple: true } }
  const q = wrap(() => new Query(filter, baseOptions))
  const conj = conjunction(filter)
  if (!conj.simple) return { test: (doc) => q.test(doc), conj }
  const native = nativePredicate(conj.fields)
  return { test: (doc) => native(doc) ?? q.test(doc), conj }
}

export const compileFilter = (filter: Doc): ((doc: Doc) => boolean) => compile(filter).test

// The mingo-only predicate (the reference the native one is tested against).
export function mingoFilter(filter: Doc): (doc: Doc) => boolean {
  const q = wrap(() => new Query(filter, baseOptions))
  return (doc) => q.test(doc)
}

export interface SelectOptions {
  sort?: SortSpec
  skip?: number
  limit?: number
  projection?: Doc
  // set when `docs` are not in natural order (they come from an index lookup): sorts them into it
  natural?: (a: Doc, b: Doc) => number
  // an unsorted read's order, smallest first, before natural order (a $near query's distance)
  rank?: (doc: Doc) => number
}

// Filters, sorts, pages and projects `docs`; unsorted reads follow natural order, sort ties _id
// order. Inputs are never mutated. Sorting on plain values (numbers, strings, dates, booleans,
// null) uses a native comparator with MongoDB's type order and _id as the last key, keeping only
// the page when it is small; anything else goes through mingo, on documents in _id order.
export function select(docs: Doc[], filter: Doc, opts: SelectOptions = {}): Doc[] {
  return wrap(() => {
    const projection =
      opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined
    const sort = opts.sort && Object.keys(opts.sort).length ? opts.sort : undefined
    if (sort) {
      const test = compileFilter(filter)
      const matched = docs.filter((d) => test(d))
      const start = opts.skip ?? 0
      const end = opts.limit !== undefined ? start + opts.limit : undefined
      const sorted = sortPlain(matched, sort, end)
      if (sorted) return project(sorted.slice(start, end), projection)
    }
    let cursor = mingoFind(inputOrder(docs, sort, opts), filter, projection, baseOptions)
    if (sort) cursor = cursor.sort(sort)
    if (opts.skip) cursor = cursor.skip(opts.skip)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all() as Doc[]
  })
}

// The documents in the order mingo must see them: for a sort, _id order (mingo's sort is stable,
// so ties keep it, as the native sort gives them); else natural order, then by rank if given.
function inputOrder(docs: Doc[], sort: SortSpec | undefined, opts: SelectOptions): Doc[] {
  if (sort) return [...docs].sort((a, b) => compareIds(a._id, b._id))
  const input = opts.natural ? [...docs].sort(opts.natural) : docs
  const rank = opts.rank
  if (!rank) return input
  const keyed = input.map((doc) => ({ doc, key: rank(doc) }))
  return keyed.sort((a, b) => a.key - b.key).map((r) => r.doc)
}

// The page's documents, projected with mingo when a projection is given.
export function project(page: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || !Object.keys(projection).length) return page
  return wrap(() => mingoFind(page, {}, projection, baseOptions).all() as Doc[])
}

/**
 * Sorted copy, ties in _id order (what a stable sort of documents in natural order gives), or
 * null when some sort key is not a plain value (arrays, objects). With `keep`, only the first
 * `keep` rows are returned, found with a bounded insertion instead of a full sort when that is
 * much smaller than the input.
 */
function sortPlain(docs: Doc[], sort: SortSpec, keep?: number): Doc[] | null {
  const keys = Object.entries(sort)
  const rows: { doc: Doc; vals: unknown[] }[] = []
  for (const doc of docs) {
    const vals = keys.map(([k]) => plainValue(doc, k))
    if (vals.some((v) => typeRank(v) < 0)) return null
    rows.push({ doc, vals })
  }
  const cmp = (a: { doc: Doc; vals: unknown[] }, b: { doc: Doc; vals: unknown[] }) => {
    for (let i = 0; i < keys.length; i++) {
      const c = comparePlain(a.vals[i], b.vals[i])
      if (c) return c * keys[i][1]
    }
    return compareIds(a.doc._id, b.doc._id)
  }
  if (keep === undefined || keep * 16 > rows.length) return rows.sort(cmp).map((r) => r.doc)
  // Top `keep`: insert each row in order (binary search), dropping any that sorts at or after a
  // full page's last row.
  const top: typeof rows = []
  for (const row of rows) {
    if (top.length === keep && (keep === 0 || cmp(row, top[keep - 1]) >= 0)) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cmp(top[mid], row) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, row)
    if (top.length > keep) top.pop()
  }
  return top.map((r) => r.doc)
}

export function aggregate(
  docs: Doc[],
  pipeline: Doc[],
  resolve: (collection: string) => Doc[]
): Doc[] {
  return wrap(
    () =>
      new Aggregator(pipeline, { ...baseOptions, collectionResolver: resolve }).run(docs) as Doc[]
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
