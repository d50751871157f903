import { OnActivityInput, type SignupResult } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db, updateAndReturn } from '../lib/cloud'
import { isDuplicateKey } from '../lib/store'
import { signupDenial } from './policy'
import {
  ACTIVITIES,
  BUSY,
  activityById,
  busy,
  busyOf,
  joinedAll,
  joinedOne,
  liveOf,
  release,
  standingOf,
  type ActivityDoc,
  type BusyDoc,
  type Slot,
} from './store'
import { NOT_SEEN, factsOf } from './view'

const ONCE = '您已经报名过这个活动'
const CLOSED = '报名已截止'
const OVERLAP = '您报名的其他活动与这个活动时间冲突'
const BUSY_NOW = '您的另一个报名正在处理，请稍后再试'

const ms = (d: Date | string) => new Date(d).getTime()
const overlaps = (a: Slot, b: Slot) => ms(a.startAt) < ms(b.endAt) && ms(b.startAt) < ms(a.endAt)

/**
 * The time ranges the volunteer holds besides `a`: every activity they are signed or waitlisted
 * for (a waitlisted volunteer is promoted without a say, so a place on a waitlist holds the time
 * too: nobody is ever signed for two activities at once), and the slots of signups in flight
 * (held on their busy document, not on an activity's queue yet). A slot whose activity says they
 * cancelled, or that is over, holds nothing.
 */
function held(
  openid: string,
  a: ActivityDoc,
  live: ActivityDoc[],
  guard: BusyDoc | null,
  now: Date
) {
  const byId = new Map(live.map((b) => [b._id, b]))
  const keep = new Map<string, Slot>()
  for (const b of live) {
    const st = standingOf(b, openid)?.status
    if (b._id !== a._id && (st === 'signed' || st === 'waitlisted')) {
      keep.set(b._id, { startAt: b.startAt, endAt: b.endAt })
    }
  }
  for (const [id, s] of Object.entries(guard?.slots ?? {})) {
    if (id === a._id || byId.has(id) || ms(s.endAt) <= now.getTime()) continue
    keep.set(id, s)
  }
  const stale = Object.keys(guard?.slots ?? {}).filter((id) => id !== a._id && !keep.has(id))
  return { keep, stale }
}

/**
 * Takes the activity's time on the volunteer's busy document with one write that returns the
 * document as it is after it: what else it holds then - the slots of their other signups, those
 * in flight included - says whether the time was free. Writes to one document happen one after
 * the other, so of two signups of one volunteer at once for overlapping activities the later
 * writer sees the earlier's slot and gives its own back: exactly one holds. Drops what no longer
 * holds time. 'overlap' when taken (four round trips with the give-back).
 */
async function hold(
  openid: string,
  a: ActivityDoc,
  live: ActivityDoc[],
  read: BusyDoc | null,
  now: Date
): Promise<'held' | 'overlap' | 'busy'> {
  const taken = (guard: BusyDoc | null) =>
    [...held(openid, a, live, guard, now).keep.values()].some((s) => overlaps(a, s))
  if (taken(read)) return 'overlap'
  const slot: Slot = { startAt: a.startAt, endAt: a.endAt }
  if (!read) {
    try {
      await busy().add({ data: { _id: openid, v: 1, slots: { [a._id]: slot }, updatedAt: now } })
      return 'held'
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // Their first two signups ever at the same instant: the other created it, add to it (the
      // one path of five round trips).
    }
  }
  const _ = db().command
  const data: Record<string, unknown> = { v: _.inc(1), [`slots.${a._id}`]: slot, updatedAt: now }
  for (const id of held(openid, a, live, read, now).stale) data[`slots.${id}`] = _.remove()
  const after = await updateAndReturn<BusyDoc>(BUSY, { _id: openid }, data)
  if (!after) return 'busy'
  if (!taken(after)) return 'held'
  await release(openid, a._id)
  return 'overlap'
}

/**
 * Appends the arrival to the activity's signup log with one atomic write, conditional on the
 * volunteer not being in it yet, that returns the log as it is after it: where they stand
 * follows from the entries before theirs. Null: in it already.
 */
function join(a: ActivityDoc, openid: string, now: Date): Promise<ActivityDoc | null> {
  const _ = db().command
  return updateAndReturn<ActivityDoc>(
    ACTIVITIES,
    { _id: a._id, queue: _.neq(openid) },
    { queue: _.push([openid]), live: _.push([openid]), updatedAt: now }
  )
}

/**
 * An approved volunteer of the activity's community signs up before the deadline, once, and not
 * for two activities at the same time. The activity's time is first taken on the volunteer's
 * busy document, then the arrival is appended to the activity's signup log; each is one write
 * that returns the document after it, so however many race, the first `quota` still in are
 * signed and the rest wait with positions 1, 2, 3… in arrival order, in four round trips at most
 * (the caller and the activity, the busy document, the log, the audit entry).
 */
export const signup = action(
  OnActivityInput,
  async ({ actor, joined, audit }) => {
    const now = new Date()
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const facts = a ? factsOf(a, actor) : null
    const no = refuse(signupDenial(actor, a, facts, now), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有本社区已通过审核的志愿者可以报名',
      CONFLICT: facts?.standing ? ONCE : CLOSED,
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const live = joinedAll<ActivityDoc>(joined, 'live')
    const took = await hold(actor.openid, a, live, joinedOne<BusyDoc>(joined, 'busy'), now)
    if (took === 'overlap') return fail('CONFLICT', OVERLAP)
    if (took === 'busy') return fail('CONFLICT', BUSY_NOW)

    // Null: the same volunteer's other signup for it got in first (the time held is theirs).
    const after = await join(a, actor.openid, now)
    if (!after) return fail('CONFLICT', ONCE)
    const arrival = (after.queue ?? []).indexOf(actor.openid)
    const standing = standingOf(after, actor.openid, arrival + 1)
    if (!standing || standing.status === 'cancelled') return fail('CONFLICT', ONCE)
    audit('volunteer.signup', a._id, { status: standing.status })
    const out: SignupResult = { status: standing.status }
    if (standing.position) out.position = standing.position
    return ok(out)
  },
  {
    gate: 'verified',
    load: (input, openid) => [activityById(input.activityId), liveOf(openid), busyOf(openid)],
  }
)
