import { ConfirmWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { authorStep, leaveActive, move, joinedWish, wishById, type WishDoc } from './store'
import { denial } from './policy'
import { riskyField } from '../lib/screen'
import { tellThanked } from './notify'
import { NOT_SEEN, wishView } from './view'

const NOT_YET = '这个心愿还不能确认'

/**
 * The author (or the grid worker who filed it for them, on their behalf) confirms a fulfilled
 * wish: it is lit (`done`), leaves the author's active set, and the thanks go to the claimer and
 * onto the public wish wall.
 */
export const confirm = action(
  ConfirmWishInput,
  async ({ actor, input, joined, audit }) => {
    const wish = joinedWish(joined)
    const no = refuse(denial('confirm', actor, wish), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有发布人或代为登记的网格员可以确认心愿',
      CONFLICT: NOT_YET,
    })
    if (no || !wish) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { thanks: input.thanks }, 2)) {
      return fail('CONTENT_REJECTED', '感谢语包含不适宜的信息，请修改', 'thanks')
    }

    const { step, guard, detail } = authorStep(actor, wish, 'confirmed', {
      author: '发布人确认心愿已点亮',
      filer: '网格员代居民确认心愿已点亮',
    })
    const changes: Partial<WishDoc> = {
      status: 'done',
      doneAt: step.at,
      rating: input.rating,
      thanks: input.thanks || null,
      ...leaveActive(wish._id),
    }
    const now = await move(wish, 'fulfilled', guard, changes, step)
    if (!now) return fail('CONFLICT', NOT_YET)
    audit('wish.confirm', wish._id, {
      from: 'fulfilled',
      to: 'done',
      rating: input.rating,
      ...detail,
    })
    await tellThanked(now, now.thanks)
    return ok(wishView(actor, now))
  },
  { load: (input) => [wishById(input.id)] }
)
