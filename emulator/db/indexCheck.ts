// Decides whether a query would be served by a declared index on the real service, so that a
// missing index shows up locally instead of as a slow query (or a timeout) in production.
import type { CollectionSpec, IndexSpec } from './types'
import type { SortSpec } from './query'
import { Doc, isPlainObject, isRegExp } from './wire'

export interface Verdict {
  served: boolean
  reason: string
}

// How a condition uses a field: `eq` one value, `in` a list of values, `range` bounds ($gt…),
// `geo` a geo operator (only a 2dsphere index serves it), `other` nothing an index can seek ($ne,
// regex, $exists…).
type Use = 'eq' | 'in' | 'range' | 'geo' | 'other'
const STRENGTH: Record<Use, number> = { other: 0, range: 1, in: 2, eq: 3, geo: 4 }

const RANGE = ['$gt', '$gte', '$lt', '$lte']
const GEO = ['$near', '$nearSphere', '$geoWithin', '$geoIntersects']

// A field of a geo index (declared with direction "2dsphere", as in the CloudBase console).
export const isGeoField = (f: IndexSpec['fields'][number]): boolean =>
  String(f.direction) === '2dsphere'
export const isGeoIndex = (idx: IndexSpec): boolean => idx.fields.some(isGeoField)

function classify(value: unknown): Use {
  if (isRegExp(value)) return 'other'
  if (isPlainObject(value) && GEO.some((op) => op in value)) return 'geo'
  if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
    const inList = Array.isArray(value.$in) ? value.$in : undefined
    if ('$eq' in value || inList?.length === 1) return 'eq'
    if (inList !== undefined || '$all' in value) return 'in'
    return RANGE.some((op) => op in value) ? 'range' : 'other'
  }
  return 'eq'
}

interface Shape {
  fields: Map<string, Use>
  ors: Doc[][]
}

function shapeOf(query: Doc, shape: Shape = { fields: new Map(), ors: [] }): Shape {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      value.forEach((q) => isPlainObject(q) && shapeOf(q, shape))
    } else if (key === '$or' && Array.isArray(value)) {
      shape.ors.push(value.filter(isPlainObject))
    } else if (!key.startsWith('$')) {
      const use = classify(value)
      const prev = shape.fields.get(key)
      if (!prev || STRENGTH[use] > STRENGTH[prev]) shape.fields.set(key, use)
    }
  }
  return shape
}

// a condition a sort index can seek (a geo condition needs a 2dsphere index)
const constrained = (use: Use | undefined) => use !== undefined && use !== 'other' && use !== 'geo'

export function checkQuery(
  spec: CollectionSpec | undefined,
  query: Doc | undefined,
  order: SortSpec | undefined,
  options: { emptyIsCheap?: boolean } = {}
): Verdict {
  if (spec?.scan) return { served: true, reason: 'collection marked scan: true' }
  const indexes = spec?.indexes ?? []
  const sort = Object.entries(order ?? {})
  if (!query || Object.keys(query).length === 0) {
    return checkUnfiltered(indexes, sort, options.emptyIsCheap === true)
  }
  const shape = shapeOf(query)
  if (constrained(shape.fields.get('_id'))) return { served: true, reason: 'by _id' }
  const byIndex = checkIndexes(indexes, shape, sort)
  if (byIndex.served) return byIndex
  if (shape.ors.length > 0 && orBranchesServed(spec, query, shape, order)) {
    return { served: true, reason: 'every $or branch uses an index' }
  }
  return byIndex
}

const dirOf = (d: IndexSpec['fields'][number]['direction']): 1 | -1 =>
  d === -1 || d === 'desc' ? -1 : 1

// Do the index's fields from `at` on give `sort` (all directions as declared, or all reversed)?
function givesOrder(idx: IndexSpec, at: number, sort: [string, number][]): boolean {
  let step = 0
  return sort.every(([field, dir], n) => {
    const f = idx.fields[at + n]
    if (f?.name !== field) return false
    const same = dir === dirOf(f.direction) ? 1 : -1
    step ||= same
    return same === step
  })
}

function checkUnfiltered(
  indexes: IndexSpec[],
  sort: [string, number][],
  emptyIsCheap: boolean
): Verdict {
  if (sort.length === 0 && emptyIsCheap) {
    return { served: true, reason: 'whole-collection count (metadata)' }
  }
  // With no filter an index can still deliver the order (a sort-only index scan).
  const idx = sort.length > 0 ? indexes.find((i) => givesOrder(i, 0, sort)) : undefined
  if (idx) return { served: true, reason: `sort by index ${idx.name}` }
  return { served: false, reason: 'no filter: full collection scan' }
}

// An index serves a filtered query when its first field is constrained (an equality, $in or range
// condition: otherwise the scan reads the whole index) and, if the query sorts, walking it yields
// that order without an in-memory sort, as the real (MongoDB) engine plans it:
// - sort fields with an equality condition are dropped from the sort (they are one value);
// - the index fields before the remaining sort fields must each have an equality condition (in
//   any order) or an $in list: MongoDB scans one range per $in value, each already in order, and
//   merges them ("explode for sort"); a range condition ($gt…) or no condition on such a field
//   leaves the matches ordered by that field first, so the engine would sort them in memory;
// - the remaining sort fields follow in the index in the same order, with all directions as
//   declared or all reversed; a range condition on the first of them is fine (it bounds the walk);
// - a sort by _id needs _id in the index like any other field.
function checkIndexes(indexes: IndexSpec[], shape: Shape, sort: [string, number][]): Verdict {
  // a geo condition is served by a 2dsphere index on its field (which also gives $near's order)
  for (const idx of indexes.filter(isGeoIndex)) {
    const geo = idx.fields.find((f) => isGeoField(f) && shape.fields.get(f.name) === 'geo')
    if (geo) return { served: true, reason: `2dsphere index ${idx.name}` }
  }
  const rest = sort.filter(([f]) => shape.fields.get(f) !== 'eq')
  const problems: string[] = []
  for (const idx of indexes.filter((i) => !isGeoIndex(i))) {
    const names = idx.fields.map((f) => f.name)
    if (!constrained(shape.fields.get(names[0]))) continue
    if (rest.length === 0) return { served: true, reason: `index ${idx.name}` }
    const at = names.indexOf(rest[0][0])
    const before = at < 0 ? names : names.slice(0, at)
    const unordered = before.filter((f) => !['eq', 'in'].includes(shape.fields.get(f) ?? ''))
    if (at >= 0 && unordered.length === 0 && givesOrder(idx, at, rest)) {
      return { served: true, reason: `index ${idx.name}` }
    }
    const why = unordered.length
      ? `${unordered.join(', ')} not fixed before the sort`
      : `fields do not follow the sort`
    problems.push(`index ${idx.name} cannot order by ${rest.map(([f]) => f).join(', ')} (${why})`)
  }
  if (problems.length) return { served: false, reason: problems.join('; ') }
  const queried = [...shape.fields.keys()]
  return {
    served: false,
    reason: queried.length
      ? `no index leads with a constrained field (${queried.join(', ')})`
      : 'no indexable condition',
  }
}

// MongoDB can answer an $or with one index scan per branch.
function orBranchesServed(
  spec: CollectionSpec | undefined,
  query: Doc,
  shape: Shape,
  order: SortSpec | undefined
): boolean {
  const rest = { ...query }
  delete rest.$or
  return shape.ors.every((branches) =>
    branches.every((b) => checkQuery(spec, { ...rest, ...b }, order).served)
  )
}

/** An uncorrelated `$lookup` pipeline read as one query of the joined collection. */
export interface LookupQuery {
  match: Doc
  sort?: SortSpec
  skip?: number
  limit?: number
  project?: Doc
  /** What follows the query's stages (`$count`, `$group`…), run on the documents it selects. */
  rest: Doc[]
}

const QUERY_STAGES = ['$sort', '$skip', '$limit', '$project'] as const

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

// Reads one stage after the `$match` into `out`; false when it is not a query's.
function readStage(out: LookupQuery, key: string, value: unknown): boolean {
  if (key === '$sort') {
    if (!isPlainObject(value) || !Object.values(value).every((d) => d === 1 || d === -1)) {
      return false
    }
    out.sort = value as SortSpec
  } else if (key === '$project') {
    if (!isPlainObject(value)) return false
    out.project = value
  } else {
    if (!isCount(value)) return false
    out[key === '$skip' ? 'skip' : 'limit'] = value
  }
  return true
}

/**
 * A `$lookup {from, pipeline, as}` without `let` whose pipeline is `$match` then, in this order,
 * any of `$sort`, `$skip`, `$limit`, `$project`: the same query for every joined document, so an
 * index can serve it like a find. Any stages after those (`$count`, `$group`, another `$sort`…)
 * are `rest`: they run on the documents the query selects. Null for any other lookup.
 */
export function lookupQuery(lookup: Doc): LookupQuery | null {
  if ('let' in lookup || 'localField' in lookup || !Array.isArray(lookup.pipeline)) return null
  const [first, ...stages] = lookup.pipeline as unknown[]
  if (!isPlainObject(first) || Object.keys(first).length !== 1 || !isPlainObject(first.$match)) {
    return null
  }
  if (!stages.every((st) => isPlainObject(st) && Object.keys(st).length === 1)) return null
  const out: LookupQuery = { match: first.$match, rest: [] }
  let next = 0
  for (const [n, stage] of (stages as Doc[]).entries()) {
    const [key, value] = Object.entries(stage)[0]
    const at = QUERY_STAGES.indexOf(key as (typeof QUERY_STAGES)[number])
    if (at < next || !readStage(out, key, value)) {
      out.rest = (stages as Doc[]).slice(n)
      break
    }
    next = at + 1
  }
  return out
}

/**
 * A correlated `$lookup {from, let, pipeline, as}` whose pipeline starts with a `$match` that ties
 * fields to `let` variables by equality only (`$expr: {$eq: ['$field', '$$var']}`, or an `$and`
 * of those, beside plain conditions), each variable a field path of the joined-to document or a
 * literal. Per joined-to document it is the query `match` plus `field = value` for each `bound`
 * field: MongoDB serves such equalities from the joined collection's indexes. Null otherwise.
 */
export interface CorrelatedQuery {
  /** The plain conditions of the `$match`. */
  match: Doc
  /** field → the `let` variable it equals. */
  bound: Record<string, string>
  sort?: SortSpec
}

const isFieldPath = (v: unknown): v is string =>
  typeof v === 'string' && v.startsWith('$') && !v.startsWith('$$')

function boundBy(expr: unknown, vars: Doc, out: Record<string, string>): boolean {
  if (!isPlainObject(expr) || Object.keys(expr).length !== 1) return false
  if (Array.isArray(expr.$and)) return expr.$and.every((e) => boundBy(e, vars, out))
  if (!Array.isArray(expr.$eq) || expr.$eq.length !== 2) return false
  const [a, b] = expr.$eq as unknown[]
  const [field, ref] = isFieldPath(a) ? [a, b] : [b, a]
  if (!isFieldPath(field) || typeof ref !== 'string' || !ref.startsWith('$$')) return false
  const name = ref.slice(2)
  if (!(name in vars)) return false
  out[field.slice(1)] = name
  return true
}

const plainLet = (v: unknown) =>
  isFieldPath(v) ||
  v === null ||
  ['number', 'boolean'].includes(typeof v) ||
  (typeof v === 'string' && !v.startsWith('$'))

export function correlatedQuery(lookup: Doc): CorrelatedQuery | null {
  const vars = lookup.let
  if (!isPlainObject(vars) || 'localField' in lookup || !Array.isArray(lookup.pipeline)) return null
  if (!Object.values(vars).every(plainLet)) return null
  const [first, second] = lookup.pipeline as unknown[]
  if (!isPlainObject(first) || Object.keys(first).length !== 1 || !isPlainObject(first.$match)) {
    return null
  }
  const { $expr, ...match } = first.$match
  const bound: Record<string, string> = {}
  if (!boundBy($expr, vars, bound) || JSON.stringify(match).includes('$$')) return null
  const sort =
    isPlainObject(second) && isPlainObject(second.$sort) ? (second.$sort as SortSpec) : undefined
  return { match, bound, sort }
}

// A $lookup is cheap when the joined collection can find matches by index: an equality join on an
// indexed field, an uncorrelated pipeline whose query an index serves in the order it sorts, or a
// correlated one whose equalities (with its plain conditions) an index serves so.
export function checkLookup(spec: CollectionSpec | undefined, lookup: Doc): Verdict {
  if (spec?.scan) return { served: true, reason: 'collection marked scan: true' }
  const foreign = lookup.foreignField
  if (typeof foreign !== 'string') {
    const correlated = correlatedQuery(lookup)
    if (correlated) {
      const fixed = Object.fromEntries(Object.keys(correlated.bound).map((f) => [f, '$$']))
      const verdict = checkQuery(spec, { ...correlated.match, ...fixed }, correlated.sort)
      return { ...verdict, reason: `correlated pipeline: ${verdict.reason}` }
    }
    const query = lookupQuery(lookup)
    if (!query) {
      return {
        served: false,
        reason: '$lookup with a correlated or complex pipeline: cannot check index use',
      }
    }
    const verdict = checkQuery(spec, query.match, query.sort)
    return { ...verdict, reason: `pipeline: ${verdict.reason}` }
  }
  if (foreign === '_id') return { served: true, reason: 'joins on _id' }
  const idx = (spec?.indexes ?? []).find((i) => i.fields[0]?.name === foreign)
  return idx
    ? { served: true, reason: `index ${idx.name}` }
    : { served: false, reason: `no index leads with ${foreign}` }
}

// The field a `$geoNear` stage measures: its `key`, else that of the collection's only 2dsphere
// index (as the service picks it); and whether a 2dsphere index serves it.
export function geoNearKey(
  spec: CollectionSpec | undefined,
  key: unknown
): { key?: string; verdict: Verdict } {
  const fields = (spec?.indexes ?? []).flatMap((i) =>
    i.fields.filter(isGeoField).map((f) => ({ index: i.name, field: f.name }))
  )
  const chosen = typeof key === 'string' ? key : fields.length === 1 ? fields[0].field : undefined
  const found = fields.find((f) => f.field === chosen)
  if (found)
    return { key: chosen, verdict: { served: true, reason: `2dsphere index ${found.index}` } }
  return {
    key: chosen,
    verdict: {
      served: false,
      reason: chosen
        ? `no 2dsphere index on ${chosen}`
        : '$geoNear without a key or a 2dsphere index',
    },
  }
}
