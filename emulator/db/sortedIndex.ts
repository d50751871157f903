// In-memory sorted copies of the declared (compound) indexes, so that a query is answered the way
// the real service answers it: find the key ranges its equality/$in conditions select, and when
// the index order is the requested order, walk those ranges in that order and stop after `limit`
// matches — instead of filtering and sorting every candidate.
//
// An index holds every document of the collection, keyed by its fields (missing = null) and
// then _id, so that keys are unique and ties come out in _id order, as in an unsorted read. It is
// used only while every document has plain values (plain.ts) on all its fields: then range
// lookups are exact supersets of what mingo matches, and the order is the order the native sort
// in query.ts gives. A document with an array, a sub-document, NaN… on an indexed field makes
// that index step aside (the caller falls back to nedb + mingo) until it is gone.
import type { IndexSpec } from './types'
import type { FieldConds } from './matcher'
import { comparePlain, isOrderable, plainValue, typeRank } from './plain'
import type { Doc } from './wire'

type Dir = 1 | -1
interface Entry {
  key: unknown[]
  doc: Doc
}

// An $in on several leading fields multiplies the ranges; beyond this the prefix is shortened.
const MAX_RANGES = 64

// A set of key ranges [start, end) of one index that together hold every possible match.
export interface RangePlan {
  index: SortedIndex
  prefix: number // leading fields fixed to one value per range
  ranges: [number, number][]
  size: number // entries in all ranges
}

export class SortedIndex {
  readonly fields: string[]
  readonly dirs: Dir[]
  private entries: Entry[] = []
  // documents that cannot be placed (non-plain values); while any exists the index is unusable
  private readonly irregular = new Set<unknown>()
  // rebuilt from `source` on next use (at start, and after bulk writes)
  private stale = true

  constructor(
    readonly name: string,
    spec: IndexSpec,
    private readonly source: () => Doc[]
  ) {
    this.fields = spec.fields.map((f) => f.name)
    this.dirs = spec.fields.map((f) => (f.direction === -1 || f.direction === 'desc' ? -1 : 1))
    const id = this.fields.indexOf('_id')
    if (id < 0) {
      this.fields.push('_id')
      this.dirs.push(1)
    } else {
      // _id is unique: fields after it never decide anything
      this.fields.length = id + 1
      this.dirs.length = id + 1
    }
  }

  invalidate(): void {
    this.stale = true
    this.entries = []
    this.irregular.clear()
  }

  add(doc: Doc): void {
    if (this.stale) return
    const key = this.keyOf(doc)
    if (!key) {
      this.irregular.add(doc._id)
      return
    }
    const at = this.partition(0, this.entries.length, (e) => this.compare(e.key, key) < 0)
    this.entries.splice(at, 0, { key, doc })
  }

  // `doc` is the stored document as it was indexed (stored documents are never modified).
  remove(doc: Doc): void {
    if (this.stale || this.irregular.delete(doc._id)) return
    const key = this.keyOf(doc)
    const at = key
      ? this.partition(0, this.entries.length, (e) => this.compare(e.key, key) < 0)
      : -1
    if (at >= 0 && this.entries[at]?.doc._id === doc._id) this.entries.splice(at, 1)
    else this.invalidate() // not where it should be: start again from the stored documents
  }

  // The ranges that hold every document satisfying `conds`: one per combination of the values
  // that equality/$in conditions allow on the leading fields, narrowed by a range condition on
  // the next field. With `sort`, only if walking them gives that order (then the whole index is
  // a plan too); without, only if they narrow anything. Undefined as well while the index is
  // unusable. The index is (re)built only when it may serve.
  plan(conds: FieldConds[], sort?: [string, Dir][]): RangePlan | undefined {
    const { points, prefix, bounds } = this.lookup(conds)
    if (this.reach(conds, sort) === undefined) return undefined
    this.fresh()
    if (this.irregular.size) return undefined

    const ranges: [number, number][] = []
    let size = 0
    for (const tuple of product(points)) {
      const before = (e: Entry) => this.comparePrefix(e.key, tuple) < 0
      const within = (e: Entry) => this.comparePrefix(e.key, tuple) <= 0
      let start = this.partition(0, this.entries.length, before)
      let end = this.partition(start, this.entries.length, within)
      if (bounds.lo !== undefined || bounds.hi !== undefined) {
        ;[start, end] = this.narrow(start, end, prefix, bounds)
      }
      if (end > start) {
        ranges.push([start, end])
        size += end - start
      }
    }
    return { index: this, prefix, ranges, size }
  }

  // How far the conditions narrow a lookup in this index, known without building it: the number
  // of leading fields they fix (and a half for a range on the next); undefined if it cannot
  // serve (see plan).
  reach(conds: FieldConds[], sort?: [string, Dir][]): number | undefined {
    const { prefix, bounds } = this.lookup(conds)
    const ranged = bounds.lo !== undefined || bounds.hi !== undefined
    if (sort ? !this.walkOrder(prefix, sort) : prefix === 0 && !ranged) return undefined
    return prefix + (ranged ? 0.5 : 0)
  }

  private lookup(conds: FieldConds[]): { points: unknown[][]; prefix: number; bounds: Bounds } {
    const points: unknown[][] = []
    let combos = 1
    for (const field of this.fields) {
      const values = pointsOf(conds, field)
      if (!values || combos * values.length > MAX_RANGES) break
      points.push(values)
      combos *= values.length
    }
    const prefix = points.length
    const bounds = prefix < this.fields.length ? boundsOf(conds, this.fields[prefix]) : {}
    return { points, prefix, bounds }
  }

  // Documents of the plan's ranges (any order).
  docs(plan: RangePlan): Doc[] {
    const out: Doc[] = []
    for (const [start, end] of plan.ranges)
      for (let i = start; i < end; i++) out.push(this.entries[i].doc)
    return out
  }

  // The first `need` documents passing `test` in `sort` order (ties by _id, as the native sort
  // breaks them), or undefined when walking the plan's ranges cannot give that order.
  ordered(
    plan: RangePlan,
    sort: [string, Dir][],
    need: number,
    test: (doc: Doc) => boolean
  ): Doc[] | undefined {
    const order = this.walkOrder(plan.prefix, sort)
    if (!order) return undefined
    const { step, cols } = order
    const cursors = plan.ranges.map(([start, end]) =>
      step === 1 ? { at: start, stop: end } : { at: end - 1, stop: start - 1 }
    )
    const out: Doc[] = []
    // k-way merge of the ranges (each already in order) by the sort keys
    const cmp = (a: Entry, b: Entry) => {
      for (const [col, dir] of cols) {
        const c = comparePlain(a.key[col], b.key[col])
        if (c) return c * dir
      }
      return 0
    }
    while (out.length < need) {
      let best = -1
      for (let i = 0; i < cursors.length; i++) {
        const c = cursors[i]
        if (c.at === c.stop) continue
        if (best < 0 || cmp(this.entries[c.at], this.entries[cursors[best].at]) < 0) best = i
      }
      if (best < 0) break
      const doc = this.entries[cursors[best].at].doc
      cursors[best].at += step
      if (test(doc)) out.push(doc)
    }
    return out
  }

  // Can ranges with `prefix` fixed leading fields be walked in `sort` order, and which way?
  // Within a range those fields are constant, so the sort keys left (with _id as the final
  // tiebreak) must be exactly the next index fields, all in index direction or all reversed.
  // `cols` says where each sort key sits in the index key, for merging ranges.
  walkOrder(
    prefix: number,
    sort: [string, Dir][]
  ): { step: Dir; cols: [number, Dir][] } | undefined {
    const keys: [string, Dir][] = []
    for (const [field, dir] of sort) {
      keys.push([field, dir])
      if (field === '_id') break
    }
    if (keys[keys.length - 1]?.[0] !== '_id') keys.push(['_id', 1])
    const cols: [number, Dir][] = []
    for (const [field, dir] of keys) {
      const col = this.fields.indexOf(field)
      if (col < 0) return undefined
      cols.push([col, dir])
    }
    const rest = cols.filter(([col]) => col >= prefix)
    let step: Dir = 1
    for (let j = 0; j < rest.length; j++) {
      const [col, dir] = rest[j]
      if (col !== prefix + j) return undefined
      const same: Dir = dir === this.dirs[col] ? 1 : -1
      if (j === 0) step = same
      else if (same !== step) return undefined
    }
    return { step, cols }
  }

  private fresh(): void {
    if (!this.stale) return
    this.stale = false
    const entries: Entry[] = []
    for (const doc of this.source()) {
      const key = this.keyOf(doc)
      if (!key) this.irregular.add(doc._id)
      else entries.push({ key, doc })
    }
    this.entries = this.sorted(entries)
  }

  // `entries` in index order. The same order as `compare`, but each key is first flattened to
  // [type rank, primitive, …] (Dates as numbers), so that the n·log n comparisons are native
  // ones: building a 100k-entry index takes a third of the time.
  private sorted(entries: Entry[]): Entry[] {
    const n = this.dirs.length
    const flat = entries.map((e) => {
      const k: (number | string | boolean)[] = new Array(2 * n)
      for (let i = 0; i < n; i++) {
        const v = e.key[i]
        const rank = typeRank(v)
        k[2 * i] = rank
        k[2 * i + 1] = rank === 1 ? 0 : v instanceof Date ? v.getTime() : (v as number | string)
      }
      return { k, e }
    })
    const dirs = this.dirs
    flat.sort((a, b) => {
      for (let i = 0; i < n; i++) {
        const ra = a.k[2 * i] as number
        const rb = b.k[2 * i] as number
        if (ra !== rb) return (ra - rb) * dirs[i]
        const x = a.k[2 * i + 1]
        const y = b.k[2 * i + 1]
        if (x !== y) return (x < y ? -1 : 1) * dirs[i]
      }
      return 0
    })
    return flat.map((f) => f.e)
  }

  // The document's key, or undefined when some field is not a plain value (or _id is neither a
  // string nor a number, whose order compareIds and comparePlain agree on).
  private keyOf(doc: Doc): unknown[] | undefined {
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number') return undefined
    const key = this.fields.map((f) => plainValue(doc, f))
    return key.every(isOrderable) ? key : undefined
  }

  private compare(a: unknown[], b: unknown[]): number {
    for (let i = 0; i < this.dirs.length; i++) {
      const c = comparePlain(a[i], b[i])
      if (c) return c * this.dirs[i]
    }
    return 0
  }

  private comparePrefix(key: unknown[], tuple: unknown[]): number {
    for (let i = 0; i < tuple.length; i++) {
      const c = comparePlain(key[i], tuple[i])
      if (c) return c * this.dirs[i]
    }
    return 0
  }

  // Within [start, end) field `col` is monotonic (in its index direction): keep lo ≤ value ≤ hi.
  private narrow(start: number, end: number, col: number, { lo, hi }: Bounds): [number, number] {
    const value = (e: Entry) => e.key[col]
    const asc = this.dirs[col] === 1
    if (lo !== undefined) {
      if (asc) start = this.partition(start, end, (e) => comparePlain(value(e), lo) < 0)
      else end = this.partition(start, end, (e) => comparePlain(value(e), lo) >= 0)
    }
    if (hi !== undefined) {
      if (asc) end = this.partition(start, end, (e) => comparePlain(value(e), hi) <= 0)
      else start = this.partition(start, end, (e) => comparePlain(value(e), hi) > 0)
    }
    return [start, Math.max(start, end)]
  }

  // First position in [from, to) where `before` is false (it must be true, then false).
  private partition(from: number, to: number, before: (e: Entry) => boolean): number {
    let lo = from
    let hi = to
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before(this.entries[mid])) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

// The values an equality or $in on `field` allows (the shortest list if several), sorted and
// without duplicates; undefined when there is none.
function pointsOf(conds: FieldConds[], field: string): unknown[] | undefined {
  let best: unknown[] | undefined
  for (const f of conds) {
    if (f.path !== field) continue
    for (const c of f.conds) {
      const values =
        c.op === '$eq' ? [c.value] : c.op === '$in' ? (c.value as unknown[]) : undefined
      if (values && (!best || values.length < best.length)) best = values
    }
  }
  if (!best) return undefined
  const sorted = [...best].sort(comparePlain)
  return sorted.filter((v, i) => i === 0 || comparePlain(sorted[i - 1], v) !== 0)
}

interface Bounds {
  lo?: unknown
  hi?: unknown
}

// Inclusive bounds implied by range conditions on `field`. Only same-type values can match a
// range operator, and comparePlain orders by type first, so lo ≤ value ≤ hi keeps every match.
function boundsOf(conds: FieldConds[], field: string): Bounds {
  const out: Bounds = {}
  for (const f of conds) {
    if (f.path !== field) continue
    for (const c of f.conds) {
      if (
        (c.op === '$gt' || c.op === '$gte') &&
        (out.lo === undefined || comparePlain(c.value, out.lo) > 0)
      )
        out.lo = c.value
      if (
        (c.op === '$lt' || c.op === '$lte') &&
        (out.hi === undefined || comparePlain(c.value, out.hi) < 0)
      )
        out.hi = c.value
    }
  }
  return out
}

function product(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>(
    (acc, values) => acc.flatMap((t) => values.map((v) => [...t, v])),
    [[]]
  )
}

// The plan with the fewest entries among the usable indexes; with `sort`, among those whose
// ranges can be walked in that order (a sort-only walk of a whole index included).
export function bestPlan(
  indexes: SortedIndex[],
  conds: FieldConds[],
  sort?: [string, Dir][]
): RangePlan | undefined {
  // Only the indexes that narrow the most are built and compared (building one costs a sort of
  // the collection); the others are tried if none of those is usable. Any plan gives the same
  // answer, only faster or slower.
  const reach = indexes.map((i) => i.reach(conds, sort))
  const levels = [...new Set(reach.filter((r) => r !== undefined))].sort((a, b) => b - a)
  for (const level of levels) {
    let best: RangePlan | undefined
    indexes.forEach((index, i) => {
      if (reach[i] !== level) return
      const plan = index.plan(conds, sort)
      if (plan && (!best || plan.size < best.size)) best = plan
    })
    if (best) return best
  }
  return undefined
}
