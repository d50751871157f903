import { CHECKIN_PAGE, OnActivityInput } from '@/contract/volunteer'
import { openapi } from '../lib/cloud'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { manageDenial } from './policy'
import { activityById, joinedOne, type ActivityDoc } from './store'
import { checkinScene, currentCode } from './code'
import { NOT_SEEN } from './view'

/**
 * The organizer's rotating check-in code for the screen, and its 小程序码 (`wxacode.getUnlimited`,
 * whose scan opens the check-in page with the code filled in): computed from the activity's
 * secret and the clock, nothing written.
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
    const scene = checkinScene(a._id, code)
    // checkPath false: the code also works before the page is published (trial and develop).
    const qr = await openapi<{ buffer: Buffer | Uint8Array }>('wxacode', 'getUnlimited', {
      scene,
      page: CHECKIN_PAGE,
      checkPath: false,
    })
    const image = `data:image/png;base64,${Buffer.from(qr.buffer).toString('base64')}`
    return ok({ code, expiresAt: expiresAt.toISOString(), scene, image })
  },
  { read: true, load: (input) => [activityById(input.activityId)] }
)
