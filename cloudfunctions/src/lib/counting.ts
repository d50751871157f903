import { db, type Doc } from './cloud'
import { applied, isDuplicateKey, transition, type Tracked } from './store'
import { COUNTED } from './counts'
import { grids } from './places'
import {
  counterId,
  deltasOf,
  nest,
  tally,
  type Counted,
  type CounterDoc,
  type GridCounts,
  type Place,
} from './counters'

// Writing the kept counters (see lib/counters.ts): with each change, and rebuilt by a timer.

export const counters = () => db().collection<CounterDoc>('counters')

/**
 * Applies the change of one document to the counters: one write per community touched (a move to
 * another community touches two). A community counted for the first time gets its document.
 */
export const count = <T>(counted: Counted<T>, before: T | null, after: T | null) =>
  countMany(counted, [[before, after]])

/**
 * As `count`, for many documents changed together (a timer's batch): still one write per
 * community touched, whatever the number of documents.
 */
export async function countMany<T>(counted: Counted<T>, changes: [T | null, T | null][]) {
  const merged = new Map<string, { place: Place; inc: Record<string, number> }>()
  for (const [before, after] of changes) {
    for (const [at, d] of deltasOf(counted, before, after)) {
      const into = merged.get(at) ?? { place: d.place, inc: {} }
      for (const [k, n] of Object.entries(d.inc)) into.inc[k] = (into.inc[k] ?? 0) + n
      merged.set(at, into)
    }
  }
  const byCommunity = new Map<string, { place: Place; inc: Record<string, number> }[]>()
  for (const d of merged.values()) {
    for (const k of Object.keys(d.inc)) if (d.inc[k] === 0) delete d.inc[k]
    if (!Object.keys(d.inc).length) continue
    byCommunity.set(d.place.communityId, [...(byCommunity.get(d.place.communityId) ?? []), d])
  }
  const _ = db().command
  await Promise.all(
    [...byCommunity].map(async ([communityId, list]) => {
      const gridIds = list.map((d) => d.place.gridId)
      const data: Record<string, unknown> = {
        gridIds: _.addToSet(gridIds.length === 1 ? gridIds[0] : { $each: gridIds }),
      }
      for (const { place, inc } of list) {
        // A place known by its id only (a community-wide item) keeps the grid's name.
        if (place.gridName) data[`grids.${place.gridId}.name`] = place.gridName
        for (const [k, n] of Object.entries(inc)) data[`grids.${place.gridId}.${k}`] = _.inc(n)
      }
      const res = await counters()
        .where({ _id: counterId(communityId) })
        .update({ data })
      if (res.stats.updated === 1) return
      const grids: Record<string, GridCounts> = {}
      for (const { place, inc } of list) grids[place.gridId] = nest(place.gridName, inc)
      try {
        await counters().add({
          data: { _id: counterId(communityId), communityId, gridIds, grids },
        })
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        // Created by a concurrent write meanwhile: increment it.
        await counters()
          .where({ _id: counterId(communityId) })
          .update({ data })
      }
    })
  )
}

/**
 * Moves `doc` from status `from` with one conditional write (see lib/store `transition`) and keeps
 * the counters. The document as it is now, or null if a concurrent change won.
 */
export async function moveCounted<T extends Tracked>(
  counted: Counted<T>,
  doc: T,
  from: T['status'],
  guard: Partial<T>,
  changes: Partial<T>,
  step: T['timeline'][number]
): Promise<T | null> {
  if (!(await transition<T>(counted.collection, doc._id, from, guard, changes, step))) return null
  const now = applied(doc, changes, step)
  await count(counted, { ...doc, status: from }, now)
  return now
}

/** Every document of a collection, `fields` only, in pages along `_id` (the recount's read). */
export async function readAll(collection: string, fields: readonly string[]): Promise<Doc[]> {
  const _ = db().command
  const out: Doc[] = []
  const projection = Object.fromEntries(fields.map((f) => [f, true]))
  // Every id is a string after '': the walk along the `_id` index starts there.
  let after = ''
  for (;;) {
    const { data }: { data: Doc[] } = await db()
      .collection(collection)
      .where({ _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field(projection)
      .limit(1000)
      .get()
    out.push(...data)
    if (data.length < 1000) return out
    after = data[data.length - 1]._id
  }
}

/**
 * Timer (`user` → `recount`, nightly, and after loading data in bulk): rebuilds every counter
 * document from the collections. Reads everything, so it runs off the request path; writes one
 * document per community. A change made while it runs may be lost from the counters until the
 * next recount.
 */
export async function recount(): Promise<{ communities: number }> {
  const [{ data: gridDocs }, ...sources] = await Promise.all([
    grids().limit(1000).get(),
    ...COUNTED.map(async (counted) => ({
      counted,
      docs: await readAll(counted.collection, counted.fields),
    })),
  ])
  const docs = tally(gridDocs, sources)
  await Promise.all(docs.map(({ _id, ...rest }) => counters().doc(_id).set({ data: rest })))
  return { communities: docs.length }
}
