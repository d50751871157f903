import { ReleaseWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { audit } from '../lib/audit'
import { applied, entry, findWish, transition, type WishDoc } from './store'
import { denial } from './policy'
import { riskyField } from './screen'
import { wishView } from './view'

/**
 * The claimer gives a claimed wish back (or a reviewer takes it back from them): it is open
 * again, the claimer and their contact are cleared, the reason stays in the timeline.
 */
export const release = action(ReleaseWishInput, async ({ actor, input }) => {
  const wish = await findWish(input.id)
  const no = denial('release', actor, wish)
  if (no === 'NOT_FOUND' || !wish) return fail('NOT_FOUND', '心愿不存在或您无权查看')
  if (no === 'FORBIDDEN') return fail('FORBIDDEN', '只有认领人或网格员可以放弃认领')
  if (no === 'CONFLICT') return fail('CONFLICT', '这个心愿已不在认领中')
  if (await riskyField(actor.openid, { reason: input.reason }, 2)) {
    return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
  }

  const byClaimer = wish.claimerOpenid === actor.openid
  const step = entry(
    new Date(),
    'released',
    `${byClaimer ? '认领人放弃了认领' : '网格员撤回了认领'}：${input.reason}`
  )
  const changes: Partial<WishDoc> = {
    status: 'open',
    claimerOpenid: null,
    claimerNickname: null,
    claimerName: null,
    claimerPhone: null,
    claimedAt: null,
    releaseReason: input.reason,
  }
  // Guarded on the claimer we read: a release racing a re-claim never removes the new claimer.
  const won = await transition(
    wish._id,
    'claimed',
    { claimerOpenid: wish.claimerOpenid },
    changes,
    step
  )
  if (!won) return fail('CONFLICT', '这个心愿已不在认领中')
  await audit(actor, 'wish.release', wish._id, { from: 'claimed', to: 'open', byClaimer })
  return ok(wishView(actor, applied(wish, changes, step)))
})
