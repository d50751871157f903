import { WishIdInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { authorStep, leaveActive, move, joinedWish, wishById, type WishDoc } from './store'
import { denial } from './policy'
import { NOT_SEEN, wishView } from './view'

/**
 * The author (or the grid worker who filed it for them) withdraws a wish before it is fulfilled;
 * it leaves the author's active set.
 */
export const cancel = action(
  WishIdInput,
  async ({ actor, joined, audit }) => {
    const wish = joinedWish(joined)
    const no = refuse(denial('cancel', actor, wish), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有发布人或代为登记的网格员可以取消心愿',
      CONFLICT: '心愿已完成或已结束，不能取消',
    })
    if (no || !wish) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const { step, guard, detail } = authorStep(actor, wish, 'cancelled', {
      author: '发布人取消了心愿',
      filer: '网格员代居民取消了心愿',
    })
    const changes: Partial<WishDoc> = {
      status: 'cancelled',
      cancelledAt: step.at,
      ...leaveActive(wish._id),
    }
    // Conditional on the status we read: if it was claimed or fulfilled meanwhile, the author
    // decides again with the fresh state.
    const now = await move(wish, wish.status, guard, changes, step)
    if (!now) return fail('CONFLICT')
    audit('wish.cancel', wish._id, { from: wish.status, to: 'cancelled', ...detail })
    return ok(wishView(actor, now))
  },
  { load: (input) => [wishById(input.id)] }
)
