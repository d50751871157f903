import { EmptyVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { users } from '../lib/actor'
import { round1 } from './policy'
import { TOTALS, joinedAll, type TotalsDoc } from './store'

const NO_UNIT = '未填写工作单位'

/**
 * 双报到台账: per work unit, the party members who reported to the committee's community (from
 * their applications, one indexed read) and their hours (the party members' totals the timer
 * keeps, read with the caller).
 */
export const partyReport = action(
  EmptyVolunteerInput,
  async ({ actor, joined }) => {
    const communityId = actor.committeeCommunityId
    if (!communityId) return fail('FORBIDDEN', '只有社区两委可以查看双报到台账')
    const { data } = await users()
      .where({ communityId, bindStatus: 'verified', 'volunteer.partyMember': true })
      .limit(1000)
      .get()
    const members = data.filter((u) => u.roles.includes('volunteer'))
    const hours = new Map(
      joinedAll<TotalsDoc>(joined, 'party').map((t) => [t.openid, t.total ?? 0])
    )
    const units = new Map<string, { workUnit: string; members: number; hours: number }>()
    for (const u of members) {
      const workUnit = (u.volunteer as { workUnit?: string | null }).workUnit || NO_UNIT
      const unit = units.get(workUnit) ?? { workUnit, members: 0, hours: 0 }
      unit.members += 1
      unit.hours = round1(unit.hours + (hours.get(u._id) ?? 0))
      units.set(workUnit, unit)
    }
    const list = [...units.values()].sort(
      (a, b) => b.members - a.members || (a.workUnit < b.workUnit ? -1 : 1)
    )
    return ok({
      communityId,
      units: list,
      totalMembers: members.length,
      totalHours: round1(list.reduce((n, u) => n + u.hours, 0)),
    })
  },
  {
    read: true,
    load: () => [
      { as: 'party', from: TOTALS, field: 'partyOf', actorField: 'committeeCommunityId' },
    ],
  }
)
