import { WishIdInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { joinedWish, wishById } from './store'
import { canSee } from './policy'
import { NOT_SEEN, wishView } from './view'

/** One wish with its timeline; NOT_FOUND for anyone who may not see it. */
export const get = action(
  WishIdInput,
  async ({ actor, joined }) => {
    const wish = joinedWish(joined)
    if (!wish || !canSee(actor, wish)) return fail('NOT_FOUND', NOT_SEEN)
    return ok(wishView(actor, wish))
  },
  { read: true, load: (input) => [wishById(input.id)] }
)
