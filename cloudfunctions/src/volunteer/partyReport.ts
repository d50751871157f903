import { EmptyVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { counterId, countersOf, joinedCounters, type GridCounts } from '../lib/counters'
import { round1 } from './policy'
import { PARTY_PREFIX, unitOfKey } from './counters'
import { UNITS, joinedAll, type UnitDoc } from './store'

const NO_UNIT = '未填写工作单位'

/** The party members per work unit key, summed over the community's grids. */
function membersByUnit(grids: Record<string, GridCounts>): Map<string, number> {
  const out = new Map<string, number>()
  const [domain, party] = PARTY_PREFIX.split('.')
  for (const g of Object.values(grids)) {
    const units = ((g[domain] as Record<string, unknown> | undefined)?.[party] ?? {}) as Record<
      string,
      unknown
    >
    for (const [key, n] of Object.entries(units)) {
      if (typeof n === 'number') out.set(key, (out.get(key) ?? 0) + n)
    }
  }
  return out
}

/**
 * 双报到台账: per work unit, the party members who reported to the committee's community and
 * their hours, at any size in one read: the members are the kept counters (party
 * members per grid and work unit, kept by register and reviewVolunteer, rebuilt by the recount
 * timer), the hours the per-unit totals the volunteer timer keeps as it sums the ledger.
 */
export const partyReport = action(
  EmptyVolunteerInput,
  async ({ actor, joined }) => {
    const communityId = actor.committeeCommunityId
    if (!communityId) return fail('FORBIDDEN', '只有社区两委可以查看双报到台账')
    const doc = joinedCounters(joined, 'committee').find((c) => c._id === counterId(communityId))
    const members = membersByUnit(doc?.grids ?? {})
    const hours = new Map(joinedAll<UnitDoc>(joined, 'units').map((u) => [u.unitKey, u.hours ?? 0]))
    const list = [...members]
      .filter(([, n]) => n > 0)
      .map(([key, n]) => ({
        workUnit: unitOfKey(key) || NO_UNIT,
        members: n,
        hours: round1(hours.get(key) ?? 0),
      }))
      .sort((a, b) => b.members - a.members || (a.workUnit < b.workUnit ? -1 : 1))
    return ok({
      communityId,
      units: list,
      totalMembers: list.reduce((n, u) => n + u.members, 0),
      totalHours: round1(list.reduce((n, u) => n + u.hours, 0)),
    })
  },
  {
    read: true,
    load: () => [
      countersOf.committee,
      { as: 'units', from: UNITS, field: 'communityId', actorField: 'committeeCommunityId' },
    ],
  }
)
