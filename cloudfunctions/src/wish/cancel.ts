import { WishIdInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { audit } from '../lib/audit'
import { applied, entry, findWish, leaveActive, transition, type WishDoc } from './store'
import { denial } from './policy'
import { wishView } from './view'

/** The author withdraws a wish before it is fulfilled; it leaves their active set. */
export const cancel = action(WishIdInput, async ({ actor, input }) => {
  const wish = await findWish(input.id)
  const no = denial('cancel', actor, wish)
  if (no === 'NOT_FOUND' || !wish) return fail('NOT_FOUND', '心愿不存在或您无权查看')
  if (no === 'FORBIDDEN') return fail('FORBIDDEN', '只有发布人可以取消心愿')
  if (no === 'CONFLICT') return fail('CONFLICT', '心愿已完成或已结束，不能取消')

  const step = entry(new Date(), 'cancelled', '发布人取消了心愿')
  const changes: Partial<WishDoc> = {
    status: 'cancelled',
    cancelledAt: step.at,
    ...leaveActive(wish._id),
  }
  // Conditional on the status we read: if it was claimed or fulfilled meanwhile, the author
  // decides again with the fresh state.
  if (!(await transition(wish._id, wish.status, { authorOpenid: actor.openid }, changes, step))) {
    return fail('CONFLICT')
  }
  await audit(actor, 'wish.cancel', wish._id, { from: wish.status, to: 'cancelled' })
  return ok(wishView(actor, applied(wish, changes, step)))
})
