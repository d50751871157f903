import type { ViewerCounts } from '@/contract/viewer'
import type { Actor } from './actor'
import type { Doc } from './cloud'
import type { Join } from './load'

// Kept counters (pure part; lib/counting.ts writes them): what home, the tabs and the stats show on every visit costs one read at any size.
// One document per community (`community:<id>`) holds a number per grid and key, e.g.
// `grids.g1.wish.open`. Each domain says, in its `counters.ts`, which keys a document of its
// collection counts under (`Counted`); every write that changes a counted document applies the
// difference with `_.inc` in the same flow, and the `recount` timer rebuilds them from the data.

/** Where a document is counted: its grid and community. */
export interface Place {
  communityId: string
  gridId: string
  gridName: string
}

/** How a domain counts the documents of one collection. Pure. */
export interface Counted<T> {
  collection: string
  /** The fields `place` and `keys` read (the recount reads only these). */
  fields: readonly string[]
  /** Several places when the document counts in each (a community-wide item in every grid). */
  place(doc: T): Place | readonly Place[] | null
  /** The counter keys this document adds one to, e.g. `wish.open`, `wish.lit.y2026`. */
  keys(doc: T): string[]
}

/** What `user.counts` hands each domain: the viewer's grid counts and the grids they review. */
export interface ViewerGrids {
  home?: GridCounts
  /** The grids whose queues the viewer works (null: not staff). */
  reviewed: GridCounts[] | null
}

/**
 * A domain's part in the kept counts: what it counts per grid (`counted`), the viewer's own
 * documents it needs read with the caller for per-viewer counts (`viewerLoads`, optional), and
 * how it turns both into the counts `user.counts` answers.
 */
export interface DomainCounters {
  /** One collection, or several. */
  counted: Counted<never> | readonly Counted<never>[]
  viewerLoads?: (openid: string) => Join[]
  viewerCounts(
    actor: Actor,
    year: number,
    grids: ViewerGrids,
    joined: Record<string, Doc[]>
  ): ViewerCounts['counts']
}

export interface GridCounts {
  name: string
  /** Nested by the dotted key: `wish.open` is `{ wish: { open } }`. */
  [domain: string]: unknown
}

export interface CounterDoc {
  _id: string
  communityId: string
  /** The grids counted here, so a grid worker's counters are found from their grids. */
  gridIds: string[]
  grids: Record<string, GridCounts>
}

export const counterId = (communityId: string) => `community:${communityId}`

/** A counter of a grid (0 when never counted). */
export function countOf(grid: GridCounts | undefined, key: string): number {
  let v: unknown = grid
  for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part]
  return typeof v === 'number' ? v : 0
}

type Deltas = Map<string, { place: Place; inc: Record<string, number> }>

/** Where a document is counted, as a list (none, one or several places). */
export const placesOf = <T>(counted: Counted<T>, doc: T): readonly Place[] => {
  const at = counted.place(doc)
  return at ? ('communityId' in at ? [at] : at) : []
}

/** The counters that change when a document goes from `before` to `after` (null: none). */
export function deltasOf<T>(counted: Counted<T>, before: T | null, after: T | null): Deltas {
  const out: Deltas = new Map()
  const add = (doc: T | null, by: number) => {
    if (!doc) return
    for (const place of placesOf(counted, doc)) {
      const at = `${place.communityId}|${place.gridId}`
      const entry = out.get(at) ?? { place, inc: {} }
      for (const key of counted.keys(doc)) entry.inc[key] = (entry.inc[key] ?? 0) + by
      out.set(at, entry)
    }
  }
  add(before, -1)
  add(after, 1)
  for (const [at, entry] of out) {
    for (const k of Object.keys(entry.inc)) if (entry.inc[k] === 0) delete entry.inc[k]
    if (!Object.keys(entry.inc).length) out.delete(at)
  }
  return out
}

export function nest(name: string, values: Record<string, number>): GridCounts {
  const grid: GridCounts = { name }
  for (const [key, n] of Object.entries(values)) {
    const parts = key.split('.')
    let at = grid as Record<string, unknown>
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>
    const last = parts[parts.length - 1]
    at[last] = ((at[last] as number | undefined) ?? 0) + n
  }
  return grid
}

/**
 * The counter documents of `docs` from scratch: every grid of `grids` appears (with zeros), and
 * every document adds one to its keys. Pure: the recount timer and the demo seed use it.
 */
export function tally(
  grids: { _id: string; name: string; communityId: string }[],
  sources: { counted: Counted<never>; docs: unknown[] }[]
): CounterDoc[] {
  const values = new Map<string, { place: Place; n: Record<string, number> }>()
  for (const g of grids) {
    values.set(`${g.communityId}|${g._id}`, {
      place: { communityId: g.communityId, gridId: g._id, gridName: g.name },
      n: {},
    })
  }
  for (const { counted, docs } of sources) {
    for (const doc of docs as never[]) {
      for (const place of placesOf(counted, doc)) {
        const at = `${place.communityId}|${place.gridId}`
        const entry = values.get(at) ?? { place, n: {} }
        for (const key of counted.keys(doc)) entry.n[key] = (entry.n[key] ?? 0) + 1
        values.set(at, entry)
      }
    }
  }
  const docs = new Map<string, CounterDoc>()
  for (const { place, n } of values.values()) {
    const id = counterId(place.communityId)
    const doc = docs.get(id) ?? { _id: id, communityId: place.communityId, gridIds: [], grids: {} }
    doc.grids[place.gridId] = nest(place.gridName, n)
    doc.gridIds.push(place.gridId)
    docs.set(id, doc)
  }
  return [...docs.values()].sort((a, b) => (a._id < b._id ? -1 : 1))
}

/** The joins that read the viewer's counters with them (see lib/load). */
export const countersOf = {
  /** Their community's. */
  home: { as: 'home', from: 'counters', field: 'communityId', actorField: 'communityId' },
  /** The community they serve on the committee. */
  committee: {
    as: 'committee',
    from: 'counters',
    field: 'communityId',
    actorField: 'committeeCommunityId',
  },
  /** The communities of the grids they serve as a grid worker. */
  worker: { as: 'worker', from: 'counters', field: 'gridIds', actorField: 'workerGridIds' },
} as const

export const joinedCounters = (joined: Record<string, Doc[]>, as: string): CounterDoc[] =>
  (joined[as] ?? []) as unknown as CounterDoc[]
