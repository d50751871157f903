import { OnActivityInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { manageDenial } from './policy'
import { activityById, joinedOne, type ActivityDoc } from './store'
import { checkinScene, currentCode } from './code'
import { NOT_SEEN } from './view'

/**
 * The organizer's rotating check-in code for the screen (and the QR code's scene): computed from
 * the activity's secret and the clock, nothing written.
 */
export const checkinCode = action(
  OnActivityInput,
  async ({ actor, joined }) => {
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    const no = refuse(manageDenial(actor, a), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有活动的组织者、社区两委和网格活动的网格员可以查看签到码',
    })
    if (no || !a) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const { code, expiresAt } = currentCode(a.secret, new Date())
    return ok({ code, expiresAt: expiresAt.toISOString(), scene: checkinScene(a._id, code) })
  },
  { read: true, load: (input) => [activityById(input.activityId)] }
)
