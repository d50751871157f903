import { db, type Doc } from './cloud'
import type { UserDoc } from './actor'

/**
 * What an action reads besides its caller, joined onto the caller's read so that the caller, the
 * request record of a repeated `requestId` and the action's documents cost one round trip.
 *
 * - `equals`: documents of `from` whose `field` equals the value (or one of the values).
 * - `actorField`: documents of `from` whose `field` equals the caller's own `actorField` (their
 *   grid, their community); only when there is no target.
 * - `targetField`: documents of `from` whose `field` equals the target's own `targetField` (the
 *   committee of the matter's community); only with a target, and empty when it is missing.
 *
 * - `pipeline`: what an uncorrelated sub-pipeline of `from` answers (`db.command.aggregate
 *   .pipeline()…done()`), e.g. a count: the same whoever and whatever the target is. Empty when
 *   neither the caller nor the target exists.
 * - `let` with `pipeline`: a sub-pipeline correlated with the target, its variables the target's
 *   fields (`{g: '$gridId'}`), tied to `from`'s fields by equalities (`$expr: {$eq: ['$gridId',
 *   '$$g']}`) so that an index serves them; only with a target, and empty when it is missing.
 *
 * The first join on `_id` with one value is the action's target (a wish, a grid, a user): the read
 * starts from it, so a caller without a profile yet still costs one read.
 */
export type Join =
  | ({ as: string; from: string; field: string } & (
      { equals: string | string[] } | { actorField: keyof UserDoc } | { targetField: string }
    ))
  | { as: string; from: string; pipeline: unknown[]; let?: Record<string, string> }

export interface Loaded {
  user: UserDoc | null
  /** The stored request record of this `requestId`, when it was seen before. */
  record: RequestRecord | null
  joined: Record<string, Doc[]>
}

/** An audit entry that also records a request (`_id` = openid|requestId) and its result. */
export interface RequestRecord {
  _id: string
  replay?: unknown
}

const ACTOR = '__actor'
const RECORD = '__record'
const isTarget = (j: Join): j is Join & { field: string; equals: string } =>
  'field' in j && j.field === '_id' && 'equals' in j && typeof j.equals === 'string'

interface Lookup {
  as: string
  from: string
  field: string
  /** The base's field to match: a literal added under this name, or the base's own field. */
  local: string
  value?: unknown
  /** A sub-pipeline (then `field` and `local` are unused), correlated by `let` if given. */
  pipeline?: unknown[]
  let?: Record<string, string>
}

/** One aggregate: `base` by `_id`, with every other join as a `$lookup` on a literal or own field. */
async function joinedRead(
  base: { from: string; id: string },
  lookups: Lookup[]
): Promise<Doc | null> {
  const $ = db().command.aggregate
  const literals: Record<string, unknown> = {}
  lookups.forEach((l) => {
    if (l.value !== undefined) literals[l.local] = $.literal(l.value)
  })
  let agg = db().collection(base.from).aggregate().match({ _id: base.id }).limit(1)
  if (Object.keys(literals).length) agg = agg.addFields(literals)
  for (const l of lookups) {
    if (l.pipeline) {
      const sub = { from: l.from, pipeline: l.pipeline, as: l.as, ...(l.let ? { let: l.let } : {}) }
      agg = agg.lookup(sub)
    } else {
      agg = agg.lookup({ from: l.from, localField: l.local, foreignField: l.field, as: l.as })
    }
  }
  const { list } = await agg.end()
  return (list[0] as Doc | undefined) ?? null
}

// A `$lookup` on an array of values lists the matches (some engines add nulls for misses).
const docs = (row: Doc, as: string): Doc[] =>
  ((row[as] as Doc[] | undefined) ?? []).filter((d): d is Doc => !!d && typeof d === 'object')

/** The base document without the joined arrays and the literals added for them. */
function strip(row: Doc, lookups: Lookup[]): Doc {
  const out: Doc = { ...row }
  for (const l of lookups) {
    delete out[l.as]
    if (l.value !== undefined) delete out[l.local]
  }
  return out
}

/**
 * The caller's profile, the record of `recordId` if it exists, and the joins: one round trip when
 * the caller or the target exists, two when neither does.
 */
export async function loadContext(
  openid: string,
  recordId: string | null,
  joins: Join[]
): Promise<Loaded> {
  const target = joins.find(isTarget)
  const onTarget = joins.filter((j) => 'targetField' in j || 'let' in j)
  const rest = joins.filter((j) => j !== target && !onTarget.includes(j))
  const lookups: Lookup[] = rest.map((j, i) =>
    'pipeline' in j
      ? { as: `__${j.as}`, from: j.from, field: '', local: '', pipeline: j.pipeline }
      : 'equals' in j
        ? { as: `__${j.as}`, from: j.from, field: j.field, local: `__j${i}`, value: j.equals }
        : {
            as: `__${j.as}`,
            from: j.from,
            field: j.field,
            local: 'actorField' in j ? String(j.actorField) : '',
          }
  )
  if (recordId)
    lookups.push({ as: RECORD, from: 'audit', field: '_id', local: '__r', value: recordId })
  const record = (row: Doc) =>
    recordId ? ((docs(row, RECORD)[0] as RequestRecord | undefined) ?? null) : null

  if (target) {
    const ofTarget: Lookup[] = onTarget.map((j) =>
      'pipeline' in j
        ? { as: `__${j.as}`, from: j.from, field: '', local: '', pipeline: j.pipeline, let: j.let }
        : {
            as: `__${j.as}`,
            from: j.from,
            field: j.field,
            local: 'targetField' in j ? j.targetField : '',
          }
    )
    const withActor: Lookup[] = [
      { as: ACTOR, from: 'users', field: '_id', local: '__a', value: openid },
      ...lookups.filter((l) => l.value !== undefined || l.pipeline),
      ...ofTarget,
    ]
    const row = await joinedRead({ from: target.from, id: target.equals }, withActor)
    if (row) {
      return {
        user: (docs(row, ACTOR)[0] as unknown as UserDoc | undefined) ?? null,
        record: record(row),
        joined: {
          ...joinedOf(row, [...lookups, ...ofTarget]),
          [target.as]: [strip(row, withActor)],
        },
      }
    }
    // No target: the caller (and what else is asked) as below, the target as an empty join.
    lookups.push({
      as: `__${target.as}`,
      from: target.from,
      field: '_id',
      local: '__t',
      value: target.equals,
    })
  }
  if (!lookups.length) {
    const { data } = await db().collection('users').where({ _id: openid }).limit(1).get()
    return { user: (data[0] as unknown as UserDoc | undefined) ?? null, record: null, joined: {} }
  }
  const row = await joinedRead({ from: 'users', id: openid }, lookups)
  if (row) {
    const user = strip(row, lookups)
    return { user: user as unknown as UserDoc, record: record(row), joined: joinedOf(row, lookups) }
  }
  // No profile (a newcomer, a deleted account): read what the action needs on its own.
  const _ = db().command
  const reads = lookups
    .filter((l) => l.value !== undefined)
    .map(async (l) => {
      const values = Array.isArray(l.value) ? (l.value as unknown[]) : [l.value]
      const { data } = await db()
        .collection(l.from)
        .where({ [l.field]: values.length === 1 ? values[0] : _.in(values) })
        .limit(100)
        .get()
      return [l.as, data] as const
    })
  const found = Object.fromEntries(await Promise.all(reads)) as Doc
  return { user: null, record: record(found), joined: joinedOf(found, lookups) }
}

function joinedOf(row: Doc, lookups: Lookup[]): Record<string, Doc[]> {
  const joined: Record<string, Doc[]> = {}
  // Joined arrays live under `__<as>` so that no join can shadow a field of the base document.
  for (const l of lookups) {
    if (l.as !== RECORD && l.as !== ACTOR) joined[l.as.slice(2)] = docs(row, l.as)
  }
  return joined
}
