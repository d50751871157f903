import { UpdateSettingsInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { settingsColl } from './store'

/**
 * The committee sets its community's hours per wish and errand (from the next the timer credits)
 * and the star thresholds (at once). One write.
 */
export const updateSettings = action(UpdateSettingsInput, async ({ actor, input, audit }) => {
  const communityId = actor.committeeCommunityId
  if (!communityId) return fail('FORBIDDEN', '只有社区两委可以修改时长与星级设置')
  const data = {
    communityId,
    wishHours: input.wishHours,
    errandHours: input.errandHours,
    starThresholds: input.starThresholds,
    updatedAt: new Date(),
    updatedBy: actor.openid,
  }
  await settingsColl().doc(communityId).set({ data })
  audit('volunteer.updateSettings', communityId, {
    wishHours: input.wishHours,
    errandHours: input.errandHours,
    starThresholds: input.starThresholds,
  })
  return ok({
    communityId,
    wishHours: input.wishHours,
    errandHours: input.errandHours,
    starThresholds: input.starThresholds,
  })
})
