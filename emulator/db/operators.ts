// The operators mingo runs with: all of its own, with these changed to answer as the service
// (MongoDB) does:
// - query `$elemMatch` with field conditions only matches elements that are documents (mingo
//   resolves a field of a plain value to the value itself: `{value: {$gt: 0}}` matched 1);
// - query `$near`, `$nearSphere`, `$geoWithin`, `$geoIntersects` and the stage `$geoNear` (geo.ts);
// - `$indexOfCP` (missing), `$substr`/`$substrBytes` with a negative length (the rest of the
//   string), `$week` counted from Sundays (mingo computes the ISO week).
// `$jsonSchema` is mingo's, with our validator (jsonSchema.ts) passed in the options.
import { Context } from 'mingo'
import { evalExpr } from 'mingo/core'
import { Iterator, Lazy } from 'mingo/lazy'
import { Query } from 'mingo/query'
import * as accumulatorOps from 'mingo/operators/accumulator'
import * as expressionOps from 'mingo/operators/expression'
import * as pipelineOps from 'mingo/operators/pipeline'
import * as projectionOps from 'mingo/operators/projection'
import * as queryOps from 'mingo/operators/query'
import * as windowOps from 'mingo/operators/window'
import { isOperator, resolve } from 'mingo/util'
import type { Options } from 'mingo/types'
import { DbError } from './errors'
import { geoIntersects, geoWithin, nearestLocation, nearSpec, parseGeoNear } from './geo'
import { compileSchema } from './jsonSchema'
import { Doc, isPlainObject } from './wire'

type Any = unknown
type QueryOp = (selector: string, value: Any, options: Options) => (obj: Any) => boolean
type ExprOp = (obj: Doc, expr: Any, options: Options) => Any

const fieldValues = (obj: Any, selector: string): Any => resolve(obj as Doc, selector)

// ---- query operators ---------------------------------------------------------------------------

const $elemMatch: QueryOp = (selector, criteria, options) => {
  if (!isPlainObject(criteria)) {
    throw new DbError('DATABASE_REQUEST_FAILED', '[FailedOperation] $elemMatch needs an object')
  }
  const keys = Object.keys(criteria)
  // {$gt: 1}: conditions on the element itself; {field: …} or {$and/$or/$nor: …}: on documents
  const onValue =
    keys.length > 0 && keys.every((k) => isOperator(k) && !['$and', '$or', '$nor'].includes(k))
  const q = new Query(onValue ? { v: criteria } : criteria, options)
  const test = onValue
    ? (v: Any) => q.test({ v })
    : (v: Any) => (isPlainObject(v) || Array.isArray(v)) && q.test(v as Doc)
  return (obj) => {
    const value = resolve(obj as Doc, selector, { unwrapArray: true })
    return Array.isArray(value) && value.some(test)
  }
}

// A geo condition tests every value the path reaches (arrays fan out, as for other operators).
const geoOp =
  (make: (spec: Any) => (value: Any) => boolean): QueryOp =>
  (selector, spec) => {
    const test = make(spec)
    return (obj) => test(fieldValues(obj, selector))
  }

const nearOp =
  (op: string): QueryOp =>
  (selector, spec) => {
    const near = nearSpec(op, spec)
    return (obj) => {
      const d = near.distance(fieldValues(obj, selector))
      return d >= near.min && d <= near.max
    }
  }

// ---- expression operators ----------------------------------------------------------------------

const args = (obj: Any, expr: Any, options: Options, op: string): Any[] => {
  const values = evalExpr(obj, expr, options)
  if (!Array.isArray(values)) {
    throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${op} takes an array`)
  }
  return values
}

const codePoints = (s: string) => [...s]

const $indexOfCP: ExprOp = (obj, expr, options) => {
  const [str, search, start, end] = args(obj, expr, options, '$indexOfCP')
  if (str === null || str === undefined) return null
  if (typeof str !== 'string' || typeof search !== 'string') {
    throw new DbError('DATABASE_REQUEST_FAILED', '[FailedOperation] $indexOfCP needs strings')
  }
  const cps = codePoints(str)
  const from = start === undefined ? 0 : Number(start)
  const to = end === undefined ? cps.length : Math.min(Number(end), cps.length)
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0) {
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      '[FailedOperation] $indexOfCP start and end must be non-negative integers'
    )
  }
  const needle = codePoints(search)
  for (let i = from; i + needle.length <= to; i++) {
    if (needle.every((c, j) => cps[i + j] === c)) return i
  }
  return -1
}

// $substr and $substrBytes: a negative start or one past the end gives '', a negative length the
// rest of the string (MongoDB), which mingo refuses; the rest is mingo's.
const substrBytes: ExprOp = (obj, expr, options) => {
  const [str, index, count] = args(obj, expr, options, '$substrBytes')
  const s = str === null || str === undefined ? '' : String(str)
  const bytes = Buffer.byteLength(s, 'utf8')
  if (typeof index === 'number' && (index < 0 || index >= bytes)) return ''
  const rest =
    typeof count === 'number' && typeof index === 'number' && (count < 0 || index + count > bytes)
      ? bytes - index
      : count
  const literal = (v: unknown) => ({ $literal: v })
  return expressionOps.$substrBytes(obj, [s, index, rest].map(literal), options)
}

// Week of the year, weeks starting on Sunday: days before the year's first Sunday are week 0.
const $week: ExprOp = (obj, expr, options) => {
  const dayOfYear = expressionOps.$dayOfYear(obj, expr, options) as number | null
  const dayOfWeek = expressionOps.$dayOfWeek(obj, expr, options) as number | null
  if (dayOfYear === null || dayOfWeek === null) return null
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7)
}

// ---- pipeline ----------------------------------------------------------------------------------

// $geoNear: the documents with a location in `key` (the service fills it from the collection's
// only 2dsphere index when absent), filtered by `query`, nearest first, with the distance.
function $geoNear(coll: Iterator, spec: Any, options: Options): Iterator {
  const stage = parseGeoNear(spec)
  if (!stage.key) {
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      "[FailedOperation] $geoNear requires 'key' when the collection has not exactly one 2dsphere index"
    )
  }
  const key = stage.key
  const q = stage.query ? new Query(stage.query, options) : undefined
  const rows: { doc: Doc; distance: number }[] = []
  for (const doc of coll.collect<Doc>()) {
    if (q && !q.test(doc)) continue
    const found = nearestLocation(stage, resolve(doc, key))
    if (!found || found.distance < stage.minDistance || found.distance > stage.maxDistance) continue
    const out: Doc = { ...doc }
    setPath(out, stage.distanceField, found.distance * stage.distanceMultiplier)
    if (stage.includeLocs) setPath(out, stage.includeLocs, found.location)
    rows.push({ doc: out, distance: found.distance })
  }
  rows.sort((a, b) => a.distance - b.distance)
  return Lazy(rows.map((r) => r.doc))
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur = doc
  for (const part of parts.slice(0, -1)) {
    cur[part] = isPlainObject(cur[part]) ? { ...(cur[part] as Doc) } : {}
    cur = cur[part] as Doc
  }
  cur[parts[parts.length - 1]] = value
}

export const CONTEXT = Context.init({
  accumulator: { ...accumulatorOps },
  expression: {
    ...expressionOps,
    $indexOfCP,
    $substr: substrBytes,
    $substrBytes: substrBytes,
    $week,
  } as Record<`$${string}`, ExprOp>,
  pipeline: { ...pipelineOps, $geoNear } as Record<`$${string}`, typeof $geoNear>,
  projection: { ...projectionOps },
  query: {
    ...queryOps,
    $elemMatch,
    $geoWithin: geoOp(geoWithin),
    $geoIntersects: geoOp(geoIntersects),
    $near: nearOp('$near'),
    $nearSphere: nearOp('$nearSphere'),
  } as Record<`$${string}`, QueryOp>,
  window: { ...windowOps },
})

export const jsonSchemaValidator = (schema: Doc) => compileSchema(schema)
