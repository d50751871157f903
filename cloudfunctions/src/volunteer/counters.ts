import type { ViewerCounts } from '@/contract/viewer'
import type { Counted, DomainCounters, GridCounts } from '../lib/counters'
import { countOf } from '../lib/counters'
import type { UserDoc } from '../lib/actor'
import { isApprovedVolunteer } from '../lib/policy'
import { BUSY, type ActivityDoc, type BusyDoc } from './store'

// What the volunteer domain counts. Applications under review are counted per grid on the users
// collection (`volunteer.pending`), and so are party members (verified volunteers) per work unit (the 双报到
// report's members, `volunteer.party.<unit>`). Activities open for signup are counted per grid
// under their signup deadline (`volunteer.open.d<ms>`): a grid activity in its grid, a community
// one in every grid of its community, so a viewer reads them all from their own grid's counters
// and leaves out those whose deadline has passed even before the timer closes them. The viewer's
// own signups are the time slots on their busy document (taken at signup, given back at cancel),
// read with them. Pure.

type Counts = ViewerCounts['counts']
type CountedUser = Pick<
  UserDoc,
  'volunteer' | 'gridId' | 'gridName' | 'communityId' | 'roles' | 'bindStatus'
>

export const PENDING_KEY = 'volunteer.pending'
/** 双报到: party members per work unit, `volunteer.party.u<hex of the unit's UTF-8>`. */
export const PARTY_PREFIX = 'volunteer.party.'

/** A counter key holds no dots or odd characters: the work unit as hex ('' when none). */
export const unitKey = (workUnit: string | null | undefined): string =>
  `u${Buffer.from(workUnit ?? '', 'utf8').toString('hex')}`
export const unitOfKey = (key: string): string => Buffer.from(key.slice(1), 'hex').toString('utf8')

/**
 * A party member who reported to their community (双报到): a verified resident who is a volunteer
 * (the role is the approval) and a party member. The report counts them under their work unit.
 */
export const reportsAsPartyMember = (
  u: Pick<UserDoc, 'volunteer' | 'roles' | 'bindStatus'> | undefined | null
): boolean =>
  !!u &&
  u.bindStatus === 'verified' &&
  (u.roles ?? []).includes('volunteer') &&
  !!(u.volunteer as { partyMember?: boolean } | undefined)?.partyMember

const partyKeys = (u: CountedUser): string[] =>
  reportsAsPartyMember(u)
    ? [PARTY_PREFIX + unitKey((u.volunteer as { workUnit?: string | null }).workUnit)]
    : []

export const applicationCounted: Counted<CountedUser> = {
  collection: 'users',
  fields: ['volunteer', 'gridId', 'gridName', 'communityId', 'roles', 'bindStatus'],
  place: (u) =>
    u.communityId && u.gridId
      ? { communityId: u.communityId, gridId: u.gridId, gridName: u.gridName ?? '' }
      : null,
  keys: (u) => [...(u.volunteer?.status === 'pending' ? [PENDING_KEY] : []), ...partyKeys(u)],
}

/** The key an activity open for signup adds one to: its deadline in ms. */
export const openKey = (signupDeadline: Date | string) =>
  `volunteer.open.d${new Date(signupDeadline).getTime()}`

type CountedActivity = Pick<
  ActivityDoc,
  'open' | 'signupDeadline' | 'gridId' | 'scopeName' | 'communityId' | 'staffGridIds'
>

export const activityCounted: Counted<CountedActivity> = {
  collection: 'volunteerActivities',
  fields: ['open', 'signupDeadline', 'gridId', 'scopeName', 'communityId', 'staffGridIds'],
  place: (a) =>
    a.gridId
      ? { communityId: a.communityId, gridId: a.gridId, gridName: a.scopeName }
      : // Every grid of the community when it was published (their names are kept as they are).
        (a.staffGridIds ?? []).map((gridId) => ({
          communityId: a.communityId,
          gridId,
          gridName: '',
        })),
  keys: (a) => (a.open ? [openKey(a.signupDeadline)] : []),
}

/** Activities of the grid still open for signup at `now`: the deadlines still ahead. */
export function openAt(grid: GridCounts | undefined, now: number): number {
  const open = (grid?.volunteer as { open?: Record<string, unknown> } | undefined)?.open ?? {}
  let n = 0
  for (const [key, v] of Object.entries(open)) {
    if (typeof v === 'number' && Number(key.slice(1)) > now) n += v
  }
  return n
}

const sum = (grids: GridCounts[], key: string) => grids.reduce((n, g) => n + countOf(g, key), 0)

export const volunteerCounters: DomainCounters = {
  counted: [applicationCounted as Counted<never>, activityCounted as Counted<never>],
  // An array of one value: a lookup, never the read's target (see lib/load).
  viewerLoads: (openid) => [{ as: 'volBusy', from: BUSY, field: '_id', equals: [openid] }],
  viewerCounts(actor, _year, grids, joined) {
    const out: Counts = {}
    const now = Date.now()
    if (actor.committeeCommunityId && grids.reviewed) {
      out['volunteer.toReview'] = sum(grids.reviewed, PENDING_KEY)
    }
    if (actor.verified && isApprovedVolunteer(actor)) {
      // For whoever can sign up: a resident who is not a volunteer sees the list, not a badge.
      out['volunteer.upcoming'] = openAt(grids.home, now)
      // Signed or waitlisted for, not started yet.
      const mine = (joined['volBusy']?.[0] as unknown as BusyDoc | undefined)?.slots ?? {}
      out['volunteer.signedUp'] = Object.values(mine).filter(
        (s) => new Date(s.startAt).getTime() > now
      ).length
    }
    return out
  },
}
