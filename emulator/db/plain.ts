// "Plain" values: missing, null, numbers, strings, booleans and Dates. On these MongoDB's (and
// mingo's) ordering and equality reduce to a few native comparisons, which the fast paths use
// (native sort, native filter, sorted indexes). Anything else (arrays, sub-documents, RegExps, NaN)
// is left to mingo.
import type { Doc } from './wire'

// A value `plainValue` could not resolve without MongoDB's array/sub-document rules.
export const COMPLEX = Symbol.for('complex')

// The value at a dotted path when every step is a non-array object; COMPLEX otherwise (an array
// along the way fans out in MongoDB, a missing parent is left to mingo too).
export function plainValue(doc: Doc, path: string): unknown {
  let v: unknown = doc
  for (const key of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v))
      return v === doc ? undefined : COMPLEX
    v = (v as Doc)[key]
  }
  return v
}

// MongoDB's BSON type order for the plain types: null/missing < numbers < strings < booleans <
// dates; -1 for anything else.
export function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1
  if (typeof v === 'number') return 2
  if (typeof v === 'string') return 3
  if (typeof v === 'boolean') return 8
  if (v instanceof Date) return 9
  return -1
}

// Sort order of two plain values (null and missing tie).
export function comparePlain(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (ra === 1) return 0
  const x = a instanceof Date ? a.getTime() : (a as number | string | boolean)
  const y = b instanceof Date ? b.getTime() : (b as number | string | boolean)
  return x < y ? -1 : x > y ? 1 : 0
}

// A plain value that also orders consistently (NaN compares equal to every number).
export const isOrderable = (v: unknown): boolean =>
  typeRank(v) > 0 && !(typeof v === 'number' && Number.isNaN(v))

// The natural order of unsorted reads: _id order, numbers before strings.
export function compareIds(a: unknown, b: unknown): number {
  if (typeof a === typeof b) return a === b ? 0 : (a as string) < (b as string) ? -1 : 1
  return typeof a === 'number' ? -1 : 1
}
