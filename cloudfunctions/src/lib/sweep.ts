import { auditMany } from './audit'
import { users } from './actor'
import { db } from './cloud'
import { countMany } from './counting'
import type { Counted } from './counters'
import { applied, transition, type Tracked } from './store'

// The batch helpers of a domain's timer (errands, matters, …): each path reads its due documents
// by an index in batches and moves each batch with conditional writes: where every document of a
// batch gets the same change, one write moves them all (`moveAll`); the counters take one write
// per community per batch.

export const HOUR = 3600_000
export const DAY = 24 * HOUR
const BATCH = 100
const MAX_BATCHES = 50

/** What a timer moves: its collection (and counters), and the fields derived from the state. */
export interface Swept<D extends Tracked> {
  counted: Counted<D>
  derived: (d: D) => Partial<D>
}

/** The query of one path: its condition and the indexed field it walks in order. */
export type Due<D> = { where: Record<string, unknown>; order: keyof D & string }

/** The due documents of one path, a batch at a time (moved rows leave the query, so it restarts). */
export async function eachBatch<D extends Tracked>(
  swept: Swept<D>,
  due: Due<D>,
  run: (batch: D[]) => Promise<number>
) {
  const docs = db().collection<D>(swept.counted.collection)
  let moved = 0
  for (let n = 0; n < MAX_BATCHES; n++) {
    const { data } = await docs.where(due.where).orderBy(due.order, 'asc').limit(BATCH).get()
    if (data.length) moved += await run(data)
    if (data.length < BATCH) break
  }
  return moved
}

/**
 * One conditional write for many documents (the same change for each, derived fields included,
 * guarded as `guard`); the documents as they are now that it moved. When fewer moved than asked
 * (a user acted meanwhile), the batch is read again to know which.
 */
export async function moveAll<D extends Tracked>(
  swept: Swept<D>,
  batch: D[],
  guard: Record<string, unknown>,
  changes: Partial<D>,
  step: D['timeline'][number]
): Promise<D[]> {
  const _ = db().command
  const docs = () => db().collection<D>(swept.counted.collection)
  const ids = batch.map((d) => d._id)
  const res = await docs()
    .where({ _id: _.in(ids), ...guard })
    .update({ data: { ...changes, updatedAt: step.at, timeline: _.push([step]) } })
  let moved = batch
  if (res.stats.updated < batch.length) {
    const { data } = await docs()
      .where({ _id: _.in(ids) })
      .limit(BATCH)
      .get()
    // Ours carry this step (the same instant and type) in their timeline.
    const ours = (d: D) =>
      d.timeline?.some((t) => +new Date(t.at) === +step.at && t.type === step.type)
    const still = new Set(data.filter(ours).map((d) => d._id))
    moved = batch.filter((d) => still.has(d._id))
  }
  const now = moved.map((d) =>
    applied(d, { ...changes, ...swept.derived({ ...d, ...changes }) }, step)
  )
  await countMany(
    swept.counted,
    moved.map((d, i) => [d, now[i]!])
  )
  return now
}

/**
 * One conditional write each (each moves to its own place, or gives back its own key): `move`
 * says from which status, under which guard and with which change; the documents as they are now
 * that moved.
 */
export async function moveEach<D extends Tracked>(
  swept: Swept<D>,
  batch: D[],
  move: (d: D) => { from: D['status']; guard: Partial<D>; changes: Partial<D> },
  step: D['timeline'][number]
): Promise<D[]> {
  const moved = (
    await Promise.all(
      batch.map(async (d) => {
        const { from, guard, changes } = move(d)
        const all = { ...changes, ...swept.derived({ ...d, ...changes }) }
        const won = await transition<D>(swept.counted.collection, d._id, from, guard, all, step)
        return won ? applied(d, all, step) : null
      })
    )
  ).filter((d): d is Awaited<D> => !!d)
  const before = new Map(batch.map((d) => [d._id, d]))
  await countMany(
    swept.counted,
    moved.map((d) => [before.get(d._id)!, d])
  )
  return moved
}

export const groupBy = <T>(xs: T[], key: (x: T) => string) => {
  const out = new Map<string, T[]>()
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x])
  return out
}

/** One audit entry per document moved, all with the same detail. */
export const auditAll = (
  action: string,
  moved: { _id: string }[],
  detail: Record<string, unknown>
) =>
  auditMany(
    action,
    moved.map((d) => ({ targetId: d._id, detail }))
  )

/** The committee members of a community (who an escalation to the community is told to). */
export async function committeeOf(communityId: string): Promise<string[]> {
  const { data } = await users().where({ committeeCommunityId: communityId }).limit(1000).get()
  return data.filter((u) => u.roles?.includes('committee')).map((u) => u._id)
}

/** The batch helpers bound to one domain's collection: `const { eachBatch, moveAll } = sweeper(…)`. */
export const sweeper = <D extends Tracked>(swept: Swept<D>) => ({
  eachBatch: (due: Due<D>, run: (batch: D[]) => Promise<number>) => eachBatch(swept, due, run),
  moveAll: (
    batch: D[],
    guard: Record<string, unknown>,
    changes: Partial<D>,
    step: D['timeline'][number]
  ) => moveAll(swept, batch, guard, changes, step),
  moveEach: (
    batch: D[],
    move: (d: D) => { from: D['status']; guard: Partial<D>; changes: Partial<D> },
    step: D['timeline'][number]
  ) => moveEach(swept, batch, move, step),
})
