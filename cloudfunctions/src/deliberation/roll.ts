import { db, type Doc } from '../lib/cloud'
import type { Join } from '../lib/load'
import { users, type UserDoc } from '../lib/actor'
import type { TopicDoc } from './store'

// The roll frozen when voting opens: how many may vote (verified residents of the scope, or
// their distinct households). Who exactly is decided per vote by the same facts (see policy
// `onRoll`: verified no later than `votingOpenedAt`), so no per-voter snapshot is stored.

const scopeFilter = (t: Pick<TopicDoc, 'scopeType' | 'gridId' | 'communityId'>) =>
  t.scopeType === 'grid'
    ? { gridId: t.gridId, bindStatus: 'verified' }
    : { communityId: t.communityId, bindStatus: 'verified' }

/**
 * The stages after the scope's `$match`: the households (distinct building + room) and the
 * residents in one row, so one pipeline serves both units.
 */
const ROLL_SIZE = [
  { $group: { _id: { b: '$buildingId', r: '$room' }, n: { $sum: 1 } } },
  { $group: { _id: null, households: { $sum: 1 }, residents: { $sum: '$n' } } },
]

/**
 * The roll's size read with the topic (`openVoting`), in the same round trip: the verified
 * residents of the topic's grid, and of its community, each a `$lookup` tied to the topic by an
 * equality on an indexed field. Tied to `openGrid`/`openCommunity` (an open topic's grid or
 * community, else ''), so the one not of its scope matches nobody, and a topic no longer open
 * (which cannot open voting) counts nothing.
 */
export const eligibleJoins = (): Join[] => [
  {
    as: 'gridRoll',
    from: 'users',
    let: { g: '$openGrid' },
    pipeline: [
      { $match: { bindStatus: 'verified', $expr: { $eq: ['$gridId', '$$g'] } } },
      ...ROLL_SIZE,
    ],
  },
  {
    as: 'communityRoll',
    from: 'users',
    let: { c: '$openCommunity' },
    pipeline: [
      { $match: { bindStatus: 'verified', $expr: { $eq: ['$communityId', '$$c'] } } },
      ...ROLL_SIZE,
    ],
  },
]

/** What `eligibleJoins` counted for the topic's scope and unit. */
export function joinedEligible(
  t: Pick<TopicDoc, 'scopeType' | 'unit'>,
  joined: Record<string, Doc[]>
): number {
  const row = joined[t.scopeType === 'grid' ? 'gridRoll' : 'communityRoll']?.[0]
  return Number(row?.[t.unit === 'household' ? 'households' : 'residents'] ?? 0)
}

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
