import { OnActivityInput, type SignupResult } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { findById, isDuplicateKey } from '../lib/store'
import { signupDenial } from './policy'
import {
  ACTIVITIES,
  BUSY,
  activities,
  activityById,
  busy,
  busyOf,
  joinedAll,
  joinedOne,
  liveOf,
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
 * Takes the activity's time on the volunteer's busy document: conditional on its version as read,
 * so of two signups of one volunteer at once one writes first and the other, re-reading, sees the
 * first's range. Drops what no longer holds time. 'overlap' when the time is taken.
 */
async function hold(
  openid: string,
  a: ActivityDoc,
  live: ActivityDoc[],
  read: BusyDoc | null,
  now: Date
): Promise<'held' | 'overlap' | 'busy'> {
  let guard = read
  for (let attempt = 0; attempt < 2; attempt++) {
    const { keep, stale } = held(openid, a, live, guard, now)
    if ([...keep.values()].some((s) => overlaps(a, s))) return 'overlap'
    const slot: Slot = { startAt: a.startAt, endAt: a.endAt }
    if (!guard) {
      try {
        await busy().add({ data: { _id: openid, v: 1, slots: { [a._id]: slot }, updatedAt: now } })
        return 'held'
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    } else {
      const _ = db().command
      const data: Record<string, unknown> = {
        v: guard.v + 1,
        [`slots.${a._id}`]: slot,
        updatedAt: now,
      }
      for (const id of stale) data[`slots.${id}`] = _.remove()
      const res = await busy().where({ _id: openid, v: guard.v }).update({ data })
      if (res.stats.updated === 1) return 'held'
    }
    // Another signup of theirs wrote first: read what it holds and decide again.
    guard = await findById<BusyDoc>(BUSY, openid)
  }
  return 'busy'
}

/** Gives the time back when the signup did not go through. */
async function release(openid: string, activityId: string): Promise<void> {
  const _ = db().command
  await busy()
    .where({ _id: openid })
    .update({ data: { [`slots.${activityId}`]: _.remove() } })
}

/**
 * Appends the arrival to the activity's signup log: conditional on the log being as read (then
 * the log is the one read plus this arrival, no read back), else, when others arrived meanwhile,
 * on the volunteer not being in it yet (then the log is read back). Null: in it already.
 */
async function join(a: ActivityDoc, openid: string, now: Date): Promise<ActivityDoc | null> {
  const _ = db().command
  const data = { queue: _.push([openid]), live: _.push([openid]), updatedAt: now }
  const queue = a.queue ?? []
  // The log only grows: no entry past the ones read means nobody arrived since.
  const quiet = await activities()
    .where({ _id: a._id, [`queue.${queue.length}`]: _.exists(false) })
    .update({ data })
  if (quiet.stats.updated === 1) return { ...a, queue: [...queue, openid] }
  const res = await activities()
    .where({ _id: a._id, queue: _.neq(openid) })
    .update({ data })
  if (res.stats.updated !== 1) return null
  return findById<ActivityDoc>(ACTIVITIES, a._id)
}

/**
 * An approved volunteer of the activity's community signs up before the deadline, once, and not
 * for two activities at the same time. The activity's time is first taken on the volunteer's
 * busy document (a conditional write: two signups of one volunteer at once are decided in turn),
 * then the arrival is appended to the activity's signup log with one atomic write, conditional on
 * the log being as read (then where they stand follows from it) or, when others arrived
 * meanwhile, on the volunteer not being in it yet (then the log read back says where they stood
 * on arrival): the first `quota` still in are signed, the rest wait with positions 1, 2, 3… in
 * arrival order, however many race.
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

    const after = await join(a, actor.openid, now)
    if (!after) {
      await release(actor.openid, a._id)
      return fail('CONFLICT', ONCE)
    }
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
