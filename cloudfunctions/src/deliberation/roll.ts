import { db } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import type { TopicDoc } from './store'

// The roll frozen when voting opens: how many may vote (verified residents of the scope, or
// their distinct households). Who exactly is decided per vote by the same facts (see policy
// `onRoll`: verified no later than `votingOpenedAt`), so no per-voter snapshot is stored.

const scopeFilter = (t: Pick<TopicDoc, 'scopeType' | 'gridId' | 'communityId'>) =>
  t.scopeType === 'grid'
    ? { gridId: t.gridId, bindStatus: 'verified' }
    : { communityId: t.communityId, bindStatus: 'verified' }

/** One indexed count (residents) or aggregation (distinct building + room): one round trip. */
export async function eligibleCount(
  t: Pick<TopicDoc, 'scopeType' | 'gridId' | 'communityId' | 'unit'>
): Promise<number> {
  if (t.unit === 'resident') {
    const { total } = await users().where(scopeFilter(t)).count()
    return total
  }
  const { list } = await db()
    .collection('users')
    .aggregate()
    .match(scopeFilter(t))
    .group({ _id: { b: '$buildingId', r: '$room' } })
    .group({ _id: null, n: { $sum: 1 } })
    .end()
  return Number(list[0]?.n ?? 0)
}

/** Verified residents of the scope, a page at a time in the order of an index (the timer's messages). */
export async function rollPage(
  t: Pick<TopicDoc, 'scopeType' | 'gridId' | 'communityId'>,
  skip: number,
  size: number
): Promise<UserDoc[]> {
  const { data } = await users()
    .where(scopeFilter(t))
    .orderBy('boundAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(size)
    .get()
  return data
}
