// Filters that are a plain conjunction — fields compared with $eq/$ne/$in/$nin/$gt/$gte/$lt/$lte
// against plain values (see plain.ts), possibly under $and — are what the app sends almost
// always. For them this module gives
//   - the per-field conditions, which the sorted indexes use to find candidate ranges, and
//   - a native predicate, several times cheaper than mingo's Query.test per document.
// The native predicate decides only documents whose tested fields hold plain values, where it
// reproduces mingo (the reference; test/emulator/db-fastpath.test.ts pins this down) exactly;
// for any other document (arrays, sub-documents along the path…) it answers `undefined` and the
// caller asks mingo.
import { isOrderable } from './plain'
import { Doc, isPlainObject } from './wire'

export type Op = '$eq' | '$ne' | '$in' | '$nin' | '$gt' | '$gte' | '$lt' | '$lte'
export interface Cond {
  op: Op
  value: unknown // a plain value; for $in/$nin an array of them
}
export interface FieldConds {
  path: string
  parts: string[]
  // parts that name a property of Object.prototype (toString…), which only count when own
  inherited: boolean[]
  conds: Cond[]
}
export interface Conjunction {
  fields: FieldConds[]
  // every condition of the filter is in `fields` (nothing left that only mingo understands)
  simple: boolean
}

const OPS = new Set<string>(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte'])

// Values the native code compares exactly as mingo does. Dates must be this realm's (mingo uses
// instanceof); NaN is left to mingo.
const isPlainOperand = (v: unknown): boolean =>
  (v === null || typeof v !== 'object' || v instanceof Date) && v !== undefined && isOrderable(v)

// Paths mingo resolves like plain property access: no array indexes, no prototype tricks.
const simplePath = (parts: string[]): boolean =>
  parts.every((p) => p !== '' && !/^\d+$/.test(p) && p !== '__proto__')

// The conditions of `filter` that hold for every match: top-level fields and those inside $and.
// Conditions this module does not understand are skipped (the result stays a superset) and
// clear `simple`.
export function conjunction(filter: Doc): Conjunction {
  const byPath = new Map<string, FieldConds>()
  let simple = true
  const visit = (q: Doc) => {
    for (const [key, value] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(value) && value.length > 0) {
        for (const sub of value) {
          if (isPlainObject(sub)) visit(sub)
          else simple = false
        }
        continue
      }
      const parts = key.split('.')
      if (key.startsWith('$') || !simplePath(parts)) {
        simple = false
        continue
      }
      const conds = condsOf(value)
      if (!conds.ok) simple = false
      if (!conds.list.length) continue
      let field = byPath.get(key)
      if (!field) {
        const inherited = parts.map((p) => p in Object.prototype)
        byPath.set(key, (field = { path: key, parts, inherited, conds: [] }))
      }
      field.conds.push(...conds.list)
    }
  }
  visit(filter)
  return { fields: [...byPath.values()], simple }
}

function condsOf(value: unknown): { list: Cond[]; ok: boolean } {
  if (isPlainOperand(value)) return { list: [{ op: '$eq', value }], ok: true }
  if (!isPlainObject(value)) return { list: [], ok: false } // RegExp, array, NaN…
  const keys = Object.keys(value)
  // no operator at all: equality with a sub-document
  if (!keys.length || !keys.every((k) => k.startsWith('$'))) return { list: [], ok: false }
  const list: Cond[] = []
  let ok = true
  for (const op of keys) {
    const v = value[op]
    const listOp = op === '$in' || op === '$nin'
    const usable =
      OPS.has(op) && (listOp ? Array.isArray(v) && v.every(isPlainOperand) : isPlainOperand(v))
    if (usable) list.push({ op: op as Op, value: v })
    else ok = false
  }
  return { list, ok }
}

// undefined: not a plain value (or below one), mingo must decide.
const UNDECIDED = Symbol('undecided')

// Resolves a path as mingo does for plain data: a missing, null or scalar parent gives a missing
// value; arrays, Dates and other objects along the way are left to mingo, as is a non-plain leaf.
// (Hot: called per document and field, hence the plain loop and prototype check.)
function resolve(doc: Doc, f: FieldConds): unknown {
  let v: unknown = doc
  for (let i = 0; i < f.parts.length; i++) {
    if (v === undefined || v === null || typeof v !== 'object') return undefined
    if (Object.getPrototypeOf(v) !== Object.prototype) return UNDECIDED // arrays, Dates…
    const key = f.parts[i]
    v =
      f.inherited[i] && !Object.prototype.hasOwnProperty.call(v, key) ? undefined : (v as Doc)[key]
  }
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isNaN(v) ? UNDECIDED : v
  return v instanceof Date ? v : UNDECIDED
}

// mingo's typeOf on plain values: missing and null differ here (range operators need the same
// type on both sides; `$lte: null` matches null but not a missing field).
const typeOf = (v: unknown): string => (v === null ? 'null' : v instanceof Date ? 'date' : typeof v)

type Check = (a: unknown) => boolean

// mingo's $eq on a plain document value: identical values, equal Dates, or both null/missing.
function eqCheck(b: unknown): Check {
  if (b === null) return (a) => a === null || a === undefined
  if (b instanceof Date) {
    const t = b.getTime()
    return (a) => a instanceof Date && a.getTime() === t
  }
  return (a) => a === b
}

// mingo's $in: a null/missing value matches a null in the list; otherwise any equal element
// (mingo intersects through a Map, so 0 and -0 are equal there too, as in a Set).
function inCheck(list: unknown[]): Check {
  const hasNull = list.includes(null)
  const times = new Set(list.filter((v) => v instanceof Date).map((v) => (v as Date).getTime()))
  const values = new Set(list.filter((v) => v !== null && !(v instanceof Date)))
  return (a) =>
    a === null || a === undefined
      ? hasNull
      : a instanceof Date
        ? times.has(a.getTime())
        : values.has(a)
}

// mingo's range operators: same type on both sides, then compared.
function rangeCheck(b: unknown, ok: (c: number) => boolean): Check {
  const type = typeOf(b)
  const y = b instanceof Date ? b.getTime() : (b as number | string | boolean | null)
  return (a) => {
    if (typeOf(a) !== type) return false
    const x = a instanceof Date ? a.getTime() : (a as number | string | boolean | null)
    return ok(x === y ? 0 : (x as number) < (y as number) ? -1 : 1)
  }
}

function checkOf(c: Cond): Check {
  switch (c.op) {
    case '$eq':
      return eqCheck(c.value)
    case '$ne': {
      const eq = eqCheck(c.value)
      return (a) => !eq(a)
    }
    case '$in':
      return inCheck(c.value as unknown[])
    case '$nin': {
      const isIn = inCheck(c.value as unknown[])
      return (a) => !isIn(a)
    }
    case '$gt':
      return rangeCheck(c.value, (n) => n > 0)
    case '$gte':
      return rangeCheck(c.value, (n) => n >= 0)
    case '$lt':
      return rangeCheck(c.value, (n) => n < 0)
    case '$lte':
      return rangeCheck(c.value, (n) => n <= 0)
  }
}

// true/false when decided natively, undefined when mingo must decide.
export function nativePredicate(fields: FieldConds[]): (doc: Doc) => boolean | undefined {
  const compiled = fields.map((f) => ({ field: f, checks: f.conds.map(checkOf) }))
  return (doc) => {
    let undecided = false
    for (const { field, checks } of compiled) {
      const a = resolve(doc, field)
      if (a === UNDECIDED) {
        undecided = true
        continue
      }
      for (const check of checks) if (!check(a)) return false
    }
    return undecided ? undefined : true
  }
}
