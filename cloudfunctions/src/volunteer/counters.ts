import type { ViewerCounts } from '@/contract/viewer'
import type { Counted, DomainCounters, GridCounts } from '../lib/counters'
import { countOf } from '../lib/counters'
import type { UserDoc } from '../lib/actor'
import { isApprovedVolunteer } from '../lib/policy'
import { standingOf, type ActivityDoc } from './store'

// What the volunteer domain counts. Applications under review are counted per grid on the users
// collection (`volunteer.pending`), and so are party members (verified volunteers) per work unit (the 双报到
// report's members, `volunteer.party.<unit>`); activities open for signup and the viewer's own signups are
// few, so they are read with the viewer (an activity carries its grid or community while open,
// an activity its volunteers until it is over) and cost no counter write. Pure.

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

const sum = (grids: GridCounts[], key: string) => grids.reduce((n, g) => n + countOf(g, key), 0)

export const volunteerCounters: DomainCounters = {
  counted: applicationCounted as Counted<never>,
  viewerLoads: (openid) => [
    { as: 'volOpenGrid', from: 'volunteerActivities', field: 'openGrid', actorField: 'gridId' },
    {
      as: 'volOpenCommunity',
      from: 'volunteerActivities',
      field: 'openCommunity',
      actorField: 'communityId',
    },
    { as: 'volLive', from: 'volunteerActivities', field: 'live', equals: openid },
  ],
  viewerCounts(actor, _year, grids, joined) {
    const out: Counts = {}
    const now = Date.now()
    if (actor.committeeCommunityId && grids.reviewed) {
      out['volunteer.toReview'] = sum(grids.reviewed, PENDING_KEY)
    }
    if (actor.verified && isApprovedVolunteer(actor)) {
      // For whoever can sign up: a resident who is not a volunteer sees the list, not a badge.
      const open = [
        ...((joined['volOpenGrid'] ?? []) as unknown as ActivityDoc[]),
        ...((joined['volOpenCommunity'] ?? []) as unknown as ActivityDoc[]),
      ].filter((a) => new Date(a.signupDeadline).getTime() > now)
      out['volunteer.upcoming'] = open.length
      const live = (joined['volLive'] ?? []) as unknown as ActivityDoc[]
      out['volunteer.signedUp'] = live.filter((a) => {
        const st = standingOf(a, actor.openid)?.status
        return (st === 'signed' || st === 'waitlisted') && new Date(a.startAt).getTime() > now
      }).length
    }
    return out
  },
}
