import type { Counted, DomainCounters } from '../lib/counters'
import { countOf } from '../lib/counters'
import type { UserDoc } from '../lib/actor'

// What the user domain counts per grid: residents waiting for verification and verified residents.
// Pure.

export const userCounted: Counted<
  Pick<UserDoc, 'bindStatus' | 'gridId' | 'gridName' | 'communityId'>
> = {
  collection: 'users',
  fields: ['bindStatus', 'gridId', 'gridName', 'communityId'],
  place: (u) =>
    u.communityId && u.gridId
      ? { communityId: u.communityId, gridId: u.gridId, gridName: u.gridName ?? '' }
      : null,
  keys: (u) =>
    u.bindStatus === 'pending'
      ? ['user.pending']
      : u.bindStatus === 'verified'
        ? ['user.verified']
        : [],
}

/** The user domain in `user.counts`: the residents waiting in the queues the viewer verifies. */
export const userCounters: DomainCounters = {
  counted: userCounted as Counted<never>,
  viewerCounts: (_actor, _year, { reviewed }) =>
    reviewed
      ? { 'user.toVerify': reviewed.reduce((n, g) => n + countOf(g, 'user.pending'), 0) }
      : {},
}
