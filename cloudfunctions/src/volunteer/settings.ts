import { EmptyVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { committeeSettings, joinedOne, settingsOf, type SettingsDoc } from './store'

/** The community's ledger settings (hours per wish and errand, star thresholds): its committee. */
export const settings = action(
  EmptyVolunteerInput,
  async ({ actor, joined }) => {
    const communityId = actor.committeeCommunityId
    if (!communityId) return fail('FORBIDDEN', '只有社区两委可以查看时长与星级设置')
    const s = settingsOf(communityId, joinedOne<SettingsDoc>(joined, 'settings'))
    return ok({
      communityId,
      wishHours: s.wishHours,
      errandHours: s.errandHours,
      starThresholds: s.starThresholds,
    })
  },
  { read: true, load: () => [committeeSettings] }
)
