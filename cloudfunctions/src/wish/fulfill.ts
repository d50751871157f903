import { FulfillWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { audit } from '../lib/audit'
import { applied, entry, findWish, transition, type WishDoc } from './store'
import { denial } from './policy'
import { riskyField } from './screen'
import { tellFulfilled } from './messages'
import { wishView } from './view'

/** The claimer marks the wish fulfilled; the author is asked to confirm (or it auto-confirms in 7 days). */
export const fulfill = action(FulfillWishInput, async ({ actor, input }) => {
  const wish = await findWish(input.id)
  const no = denial('fulfill', actor, wish)
  if (no === 'NOT_FOUND' || !wish) return fail('NOT_FOUND', '心愿不存在或您无权查看')
  if (no === 'FORBIDDEN') return fail('FORBIDDEN', '只有认领人可以标记心愿已完成')
  if (no === 'CONFLICT') return fail('CONFLICT', '这个心愿现在不能标记完成')
  if (await riskyField(actor.openid, { note: input.note }, 2)) {
    return fail('CONTENT_REJECTED', '说明包含不适宜的信息，请修改', 'note')
  }

  const step = entry(new Date(), 'fulfilled', '认领人已完成心愿，等待确认')
  const changes: Partial<WishDoc> = {
    status: 'fulfilled',
    fulfilledAt: step.at,
    fulfillNote: input.note || null,
  }
  if (!(await transition(wish._id, 'claimed', { claimerOpenid: actor.openid }, changes, step))) {
    return fail('CONFLICT', '这个心愿现在不能标记完成')
  }
  await audit(actor, 'wish.fulfill', wish._id, { from: 'claimed', to: 'fulfilled' })
  const now = applied(wish, changes, step)
  await tellFulfilled(now)
  return ok(wishView(actor, now))
})
