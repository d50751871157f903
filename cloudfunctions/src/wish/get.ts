import { WishIdInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { findWish } from './store'
import { canSee } from './policy'
import { wishView } from './view'

/** One wish with its timeline; NOT_FOUND for anyone who may not see it. */
export const get = action(
  WishIdInput,
  async ({ actor, input }) => {
    const wish = await findWish(input.id)
    if (!wish || !canSee(actor, wish)) return fail('NOT_FOUND', '心愿不存在或您无权查看')
    return ok(wishView(actor, wish))
  },
  { read: true }
)
