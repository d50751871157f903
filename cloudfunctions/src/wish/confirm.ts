import { ConfirmWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { audit } from '../lib/audit'
import { applied, entry, findWish, leaveActive, transition, type WishDoc } from './store'
import { denial } from './policy'
import { riskyField } from './screen'
import { tellThanked } from './messages'
import { wishView } from './view'

/**
 * The author confirms a fulfilled wish: it is lit (`done`), leaves their active set, and the
 * thanks go to the claimer and onto the public wish wall.
 */
export const confirm = action(ConfirmWishInput, async ({ actor, input }) => {
  const wish = await findWish(input.id)
  const no = denial('confirm', actor, wish)
  if (no === 'NOT_FOUND' || !wish) return fail('NOT_FOUND', '心愿不存在或您无权查看')
  if (no === 'FORBIDDEN') return fail('FORBIDDEN', '只有发布人可以确认心愿')
  if (no === 'CONFLICT') return fail('CONFLICT', '这个心愿还不能确认')
  if (await riskyField(actor.openid, { thanks: input.thanks }, 2)) {
    return fail('CONTENT_REJECTED', '感谢语包含不适宜的信息，请修改', 'thanks')
  }

  const step = entry(new Date(), 'confirmed', '发布人确认心愿已点亮')
  const changes: Partial<WishDoc> = {
    status: 'done',
    doneAt: step.at,
    rating: input.rating,
    thanks: input.thanks || null,
    ...leaveActive(wish._id),
  }
  if (!(await transition(wish._id, 'fulfilled', { authorOpenid: actor.openid }, changes, step))) {
    return fail('CONFLICT', '这个心愿还不能确认')
  }
  await audit(actor, 'wish.confirm', wish._id, {
    from: 'fulfilled',
    to: 'done',
    rating: input.rating,
  })
  const now = applied(wish, changes, step)
  await tellThanked(now, now.thanks)
  return ok(wishView(actor, now))
})
