import { MatterIdInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { joinedMatter, matterById, joinedRounds, roundsOfMatter } from './store'
import { canSee } from './policy'
import { NOT_SEEN, matterView, photoUrls } from './view'

/** One matter with every photo as a temporary URL; NOT_FOUND for anyone who may not see it. */
export const get = action(
  MatterIdInput,
  async ({ actor, joined }) => {
    const m = joinedMatter(joined)
    if (!m || !canSee(actor, m)) return fail('NOT_FOUND', NOT_SEEN)
    return ok(matterView(actor, m, await photoUrls([m], true), true, joinedRounds(joined)))
  },
  { read: true, load: (input) => [matterById(input.id), roundsOfMatter] }
)
