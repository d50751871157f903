// The wire format: the SDK sends queries, updates and documents as canonical EJSON strings and
// parses replies with EJSON.parse. This module turns them into plain JS values (numbers, Dates,
// RegExps) that nedb and mingo understand, and back.
import { randomBytes } from 'crypto'
import { EJSON } from 'bson'
import { DbError } from './errors'

export type Doc = Record<string, unknown>

interface BsonValue {
  _bsontype: string
  pattern?: string
  options?: string
  toHexString?: () => string
  toNumber?: () => number
  valueOf: () => unknown
  toString: () => string
}

// Tag checks rather than instanceof: values may come from another realm (a jest test's own
// globals, for one).
const tagOf = (v: unknown) => Object.prototype.toString.call(v)
export const isDate = (v: unknown): v is Date => tagOf(v) === '[object Date]'
export const isRegExp = (v: unknown): v is RegExp => tagOf(v) === '[object RegExp]'

const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !isDate(v) &&
  !isRegExp(v) &&
  !('_bsontype' in v)

// Converts what EJSON.parse produced into plain values; `db.serverDate({offset})` becomes the
// emulator's clock at the time of the request plus the offset.
export function normalize(value: unknown, nowMs: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (isDate(value) || isRegExp(value)) return value
  if (Array.isArray(value)) return value.map((v) => normalize(v, nowMs))
  if ('_bsontype' in value) return fromBson(value as BsonValue)
  const obj = value as Doc
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = normalize(obj.$tcb_server_date, nowMs) as { offset?: unknown } | null
    return new Date(nowMs + (Number(spec?.offset) || 0))
  }
  const out: Doc = {}
  for (const key of keys) out[key] = normalize(obj[key], nowMs)
  return out
}

function fromBson(v: BsonValue): unknown {
  switch (v._bsontype) {
    case 'BSONRegExp':
      // JS has no x (extended) or l (locale) flags
      return new RegExp(v.pattern ?? '', (v.options ?? '').replace(/[^imsu]/g, ''))
    case 'ObjectId':
    case 'ObjectID':
      return v.toHexString ? v.toHexString() : v.toString()
    case 'Long':
      return v.toNumber ? v.toNumber() : Number(v.toString())
    case 'Int32':
    case 'Double':
      return Number(v.valueOf())
    case 'Decimal128':
      return Number(v.toString())
    default:
      throw new DbError('DATABASE_INVALID_OPERRATOR', `unsupported BSON type ${v._bsontype}`)
  }
}

// One wire field (EJSON string, or already a JSON value) → plain JS; undefined when absent.
export function parseWire(raw: unknown, nowMs: number): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined
  let parsed: unknown = raw
  if (typeof raw === 'string') {
    try {
      parsed = EJSON.parse(raw, { relaxed: true })
    } catch (e) {
      throw new DbError('INVALID_PARAM', `invalid EJSON: ${(e as Error).message}`)
    }
  }
  return normalize(parsed, nowMs)
}

export function parseWireObject(raw: unknown, nowMs: number, what: string): Doc | undefined {
  const v = parseWire(raw, nowMs)
  if (v === undefined) return undefined
  if (!isPlainObject(v)) throw new DbError('INVALID_PARAM', `${what} must be an object`)
  return v
}

// Relaxed EJSON keeps numbers plain and writes dates as {"$date": ...}, which the SDK's
// EJSON.parse turns back into Date objects.
export function toWire(doc: unknown): string {
  const text = EJSON.stringify(doc, { relaxed: true })
  return text.includes(DOT) ? EJSON.stringify(fromStore(doc), { relaxed: true }) : text
}

// Canonical form keeps key order and number kinds: used to compare documents and index keys.
export const canonical = (v: unknown): string => EJSON.stringify(v, { relaxed: false })

// Deep copy that keeps Dates and RegExps and builds them in this realm (structuredClone returns
// objects of Node's outer realm under jest, which instanceof checks in libraries then miss).
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => clone(v)) as T
  if (isDate(value)) return new Date(value.getTime()) as T
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as T
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = clone(v)
  return out as T
}

// Plain JS input (seed data) as the SDK would send it: undefined fields dropped, and undefined
// array items turned into null, as JSON does.
export function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : stripUndefined(v)))
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v)
  return out
}

// Field names: the service refuses a name starting with '$' but stores one with a dot ({'key.':
// '1'}) as it is, which nedb refuses. Stored documents carry such names with DOT in place of '.',
// and every document leaving the service is translated back (toWire, fromStore). A query cannot
// reach such a field (a dot in a path separates names), on the service as here.
export const DOT = '\uE02E'

// `value` as it is stored: names with a dot encoded. Throws on a name starting with '$'.
// Returns `value` itself when nothing needs encoding.
export function storable<T>(value: T, path = ''): T {
  if (Array.isArray(value)) {
    const out = value.map((v, i) => storable(v, `${path}.${i}`))
    return (out.some((v, i) => v !== value[i]) ? out : value) as T
  }
  if (!isPlainObject(value)) return value
  let changed = false
  const out: Doc = {}
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('$')) {
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `[FailedOperation] invalid field name '${key}'${path ? ` in '${path.slice(1)}'` : ''}: field names cannot start with '$'`
      )
    }
    const next = storable(v, `${path}.${key}`)
    const name = key.includes('.') ? key.split('.').join(DOT) : key
    if (next !== v || name !== key) changed = true
    out[name] = next
  }
  return (changed ? out : value) as T
}

// A stored value as the caller wrote it (names with DOT turned back into dots).
export function fromStore<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => fromStore(v)) as T
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k.split(DOT).join('.')] = fromStore(v)
  return out as T
}

// CloudBase ids are 32 hex characters. Built like an ObjectId (seconds, a per-process random
// part, a counter), so that ids generated by one emulator increase: unsorted queries, which
// return _id order, return documents in insertion order, as MongoDB's natural order usually does.
const PROCESS_PART = randomBytes(6).toString('hex')
let counter = randomBytes(5).readUIntBE(0, 5)

export function newId(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8)
  counter = (counter + 1) % 0x1000000000000
  return seconds + PROCESS_PART + counter.toString(16).padStart(12, '0')
}

export const randomRequestId = (): string => randomBytes(16).toString('hex')

export { isPlainObject }
