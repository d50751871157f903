import { createHash } from 'node:crypto'
import { db } from './cloud'

// Store building blocks every domain's `store.ts` uses: find by id, duplicate keys, and the status
// + timeline transition with one conditional write.

/** A unique index refused the write (MongoDB's E11000), optionally on the named index. */
export function isDuplicateKey(err: unknown, index?: string): boolean {
  const e = err as { errMsg?: string; message?: string }
  const text = `${e?.errMsg ?? ''} ${e?.message ?? ''}`
  if (!/E11000|duplicate key/i.test(text)) return false
  return index === undefined || new RegExp(`index: ${index}\\b`).test(text)
}

/**
 * Inserts a new document under a per-person limit: `add(key)` writes it holding `key` (a slot, a
 * hold) and the keys are tried in turn, so another insert racing for the same key fails on the
 * unique index and the next is tried, and the limit holds however many race. What `add` returned,
 * `'limit'` when every key is taken, `'duplicate'` when this request (its `_id`) already wrote it.
 */
export async function insertUnderLimit<D>(
  keys: readonly string[],
  add: (key: string) => Promise<D>
): Promise<D | 'limit' | 'duplicate'> {
  for (const key of keys) {
    try {
      return await add(key)
    } catch (err) {
      if (isDuplicateKey(err, '_id_')) return 'duplicate'
      if (!isDuplicateKey(err)) throw err
    }
  }
  return 'limit'
}

export async function findById<T>(collection: string, id: string): Promise<T | null> {
  // where() rather than doc().get(): a missing id is an empty result, not a rejection.
  const { data } = await db().collection<T>(collection).where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** One step of a timeline: when, what, and a text shown to everyone who sees the item. */
export interface Step<K extends string = string> {
  at: Date
  type: K
  /** No personal data: the timeline is shown to everyone who may see the item. */
  text: string
}

export const entry = <K extends string>(at: Date, type: K, text: string): Step<K> => ({
  at,
  type,
  text,
})

/** A document with a status and an embedded timeline. */
export interface Tracked<S extends string = string, K extends string = string> {
  _id: string
  status: S
  updatedAt: Date
  timeline: Step<K>[]
}

/** The document as it is after a transition, without reading it again. */
export const applied = <T extends Tracked>(
  doc: T,
  changes: Partial<T>,
  step: T['timeline'][number]
): T => ({
  ...doc,
  ...changes,
  updatedAt: step.at,
  timeline: [...(doc.timeline ?? []), step],
})

/**
 * Moves a document from status `from` with one conditional write: `guard` holds the other facts
 * the caller checked (the claimer, the author), so a concurrent change makes this a no-op.
 * True if it won.
 */
export async function transition<T extends Tracked>(
  collection: string,
  id: string,
  from: T['status'],
  guard: Partial<T>,
  changes: Partial<T>,
  step: T['timeline'][number]
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(collection)
    .where({ _id: id, status: from, ...guard })
    .update({ data: { ...changes, updatedAt: step.at, timeline: _.push([step]) } })
  return res.stats.updated === 1
}

/**
 * A step the owner of a document takes, or the staff member who filed it for them takes on their
 * behalf (`onBehalf`): the timeline entry saying who acted, the guard for the conditional write
 * (the same person still in that place), and what the audit entry adds (`onBehalfOf`).
 */
export function ownerStep<K extends string, F extends string>(
  actorOpenid: string,
  owner: { field: F; openid: string },
  onBehalf: boolean,
  type: K,
  text: { owner: string; filer: string }
): {
  step: Step<K>
  guard: Partial<Record<F | 'filedBy', string>>
  detail: { onBehalfOf?: string }
} {
  const guard: Partial<Record<F | 'filedBy', string>> = {}
  if (onBehalf) guard.filedBy = actorOpenid
  else guard[owner.field] = actorOpenid
  return {
    step: entry(new Date(), type, onBehalf ? text.filer : text.owner),
    guard,
    detail: onBehalf ? { onBehalfOf: owner.openid } : {},
  }
}

/**
 * The `_id` of a document a request creates, derived from the caller and the requestId, so that a
 * second delivery of the request fails on `_id` instead of creating it twice. Undefined without a
 * requestId (the database assigns one).
 */
export function requestDocId(openid: string, requestId: string | undefined): string | undefined {
  if (!requestId) return undefined
  return createHash('sha256').update(`${openid}|${requestId}`).digest('hex').slice(0, 32)
}

/**
 * A list filter's fields as a query condition (a list page's one indexed query): a field given
 * several values matches any of them, a field given one matches it.
 */
export function whereOf(match: Record<string, unknown>): Record<string, unknown> {
  const _ = db().command
  const where: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(match)) {
    where[key] = !Array.isArray(value) ? value : value.length === 1 ? value[0] : _.in(value)
  }
  return where
}
