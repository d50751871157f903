import { ErrandIdInput } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { errandById, joinedErrand } from './store'
import { canSee } from './policy'
import { NOT_SEEN, errandView } from './view'

/** One errand with its timeline; NOT_FOUND for anyone who may not see it. */
export const get = action(
  ErrandIdInput,
  async ({ actor, joined }) => {
    const e = joinedErrand(joined)
    if (!e || !canSee(actor, e)) return fail('NOT_FOUND', NOT_SEEN)
    return ok(errandView(actor, e))
  },
  { read: true, load: (input) => [errandById(input.id)] }
)
