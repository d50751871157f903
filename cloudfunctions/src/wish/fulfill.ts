import { FulfillWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { move, joinedWish, wishById, type WishDoc } from './store'
import { denial } from './policy'
import { riskyField } from '../lib/screen'
import { tellFulfilled } from './notify'
import { NOT_SEEN, wishView } from './view'

const CANNOT = '这个心愿现在不能标记完成'

/** The claimer marks the wish fulfilled; the author is asked to confirm (or it auto-confirms in 7 days). */
export const fulfill = action(
  FulfillWishInput,
  async ({ actor, input, joined, audit }) => {
    const wish = joinedWish(joined)
    const no = refuse(denial('fulfill', actor, wish), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有认领人可以标记心愿已完成',
      CONFLICT: CANNOT,
    })
    if (no || !wish) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { note: input.note }, 2)) {
      return fail('CONTENT_REJECTED', '说明包含不适宜的信息，请修改', 'note')
    }

    const step = entry(new Date(), 'fulfilled', '认领人已完成心愿，等待确认')
    const changes: Partial<WishDoc> = {
      status: 'fulfilled',
      fulfilledAt: step.at,
      fulfillNote: input.note || null,
    }
    const now = await move(wish, 'claimed', { claimerOpenid: actor.openid }, changes, step)
    if (!now) return fail('CONFLICT', CANNOT)
    audit('wish.fulfill', wish._id, { from: 'claimed', to: 'fulfilled' })
    await tellFulfilled(now)
    return ok(wishView(actor, now))
  },
  { load: (input) => [wishById(input.id)] }
)
