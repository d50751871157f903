import { ROSTER_PAGE, RosterInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { users } from '../lib/actor'
import { manageDenial } from './policy'
import { activityById, arrivalsOf, joinedOne, standingOf, type ActivityDoc } from './store'
import { NOT_SEEN, rosterEntry } from './view'

const ORDER = { signed: 0, waitlisted: 1, cancelled: 2 } as const

/** The cursor is the offset into the roster's order (`o<n>`). */
const offsetOf = (cursor: string | undefined): number | null => {
  if (!cursor) return 0
  const m = /^o(\d{1,6})$/.exec(cursor)
  return m ? Number(m[1]) : null
}

/**
 * Who signed up, for the organizer (and the staff of the scope): signed first, then the waitlist
 * in order, then who cancelled; with check-in and attendance. A page at a time (`limit`, at most
 * 500): the order comes from the activity's signup log, and the page's people are one read by id,
 * so a roster of any size is complete in two reads per page. The cursor is an offset into that
 * order; a signup or cancel between pages shifts it (the organizer reloads to see it).
 */
export const roster = action(
  RosterInput,
  async ({ actor, input, joined }) => {
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const no = refuse(manageDenial(actor, a), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有活动的组织者、社区两委和网格活动的网格员可以查看报名名单',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const from = offsetOf(input.cursor)
    if (from === null) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const limit = input.limit ?? ROSTER_PAGE.default
    const arrivals = arrivalsOf(a)
    const rank = (o: string, i: number) => {
      const st = standingOf(a, o)
      return ORDER[st?.status ?? 'cancelled'] * 1e6 + i
    }
    const ordered = arrivals
      .map((o, i) => ({ o, r: rank(o, i) }))
      .sort((x, y) => x.r - y.r)
      .map(({ o }) => o)
    const page = ordered.slice(from, from + limit)
    const _ = db().command
    const { data } = page.length
      ? await users()
          .where({ _id: _.in(page) })
          .limit(page.length)
          .get()
      : { data: [] }
    const people = new Map(data.map((u) => [u._id, u]))
    const items = page.map((o) => rosterEntry(actor, a, o, people.get(o)))
    const next = from + limit
    return ok({
      activityId: a._id,
      items,
      nextCursor: next < ordered.length ? `o${next}` : null,
    })
  },
  { read: true, load: (input) => [activityById(input.activityId)] }
)
