import { ReleaseWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { move, joinedWish, wishById, type WishDoc } from './store'
import { denial } from './policy'
import { riskyField } from '../lib/screen'
import { NOT_SEEN, wishView } from './view'

const NOT_CLAIMED = '这个心愿已不在认领中'

/**
 * The claimer gives a claimed wish back (or a reviewer takes it back from them): it is open
 * again, the claimer and their contact are cleared, the reason stays in the timeline.
 */
export const release = action(
  ReleaseWishInput,
  async ({ actor, input, joined, audit }) => {
    const wish = joinedWish(joined)
    const no = refuse(denial('release', actor, wish), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有认领人或网格员可以放弃认领',
      CONFLICT: NOT_CLAIMED,
    })
    if (no || !wish) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { reason: input.reason }, 2)) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }

    const byClaimer = wish.claimerOpenid === actor.openid
    const reason = input.reason || null
    const what = byClaimer ? '认领人放弃了认领' : '网格员撤回了认领'
    const step = entry(new Date(), 'released', reason ? `${what}：${reason}` : what)
    const changes: Partial<WishDoc> = {
      status: 'open',
      claimerOpenid: null,
      claimerNickname: null,
      claimerName: null,
      claimerPhone: null,
      claimerCreditByName: false,
      claimedAt: null,
      releaseReason: reason,
    }
    // Guarded on the claimer we read: a release racing a re-claim never removes the new claimer.
    const now = await move(wish, 'claimed', { claimerOpenid: wish.claimerOpenid }, changes, step)
    if (!now) return fail('CONFLICT', NOT_CLAIMED)
    audit('wish.release', wish._id, { from: 'claimed', to: 'open', byClaimer })
    return ok(wishView(actor, now))
  },
  { load: (input) => [wishById(input.id)] }
)
