import { OnActivityInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { users } from '../lib/actor'
import { manageDenial } from './policy'
import { activityById, arrivalsOf, joinedOne, standingOf, type ActivityDoc } from './store'
import { NOT_SEEN, rosterEntry } from './view'

const ORDER = { signed: 0, waitlisted: 1, cancelled: 2 } as const

/**
 * Who signed up, for the organizer (and the staff of the scope): signed first, then the waitlist
 * in order, then who cancelled; with check-in and attendance. The people are one read by id.
 */
export const roster = action(
  OnActivityInput,
  async ({ actor, joined }) => {
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const no = refuse(manageDenial(actor, a), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有活动的组织者可以查看报名名单',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const arrivals = arrivalsOf(a)
    const _ = db().command
    const { data } = arrivals.length
      ? await users()
          .where({ _id: _.in(arrivals) })
          .limit(1000)
          .get()
      : { data: [] }
    const people = new Map(data.map((u) => [u._id, u]))
    const rank = (o: string, i: number) => {
      const st = standingOf(a, o)
      return ORDER[st?.status ?? 'cancelled'] * 1e6 + i
    }
    const items = arrivals
      .map((o, i) => ({ o, r: rank(o, i) }))
      .sort((x, y) => x.r - y.r)
      .map(({ o }) => rosterEntry(actor, a, o, people.get(o)))
    return ok({ activityId: a._id, items })
  },
  { read: true, load: (input) => [activityById(input.activityId)] }
)
