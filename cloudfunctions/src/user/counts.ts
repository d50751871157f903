import { CountsInput } from '@/contract/user'
import type { ViewerCounts } from '@/contract/viewer'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { counters } from '../lib/counting'
import { countsLoads, countsOf } from '../lib/counts'

/**
 * Every count home shows, in one call, from the kept counters read with the viewer: one round
 * trip (an admin, who sees every community, two).
 */
export const counts = action(
  CountsInput,
  async ({ actor, joined }) => {
    // An admin sees every community: their counters are read apart.
    const all = actor.isAdmin ? (await counters().limit(1000).get()).data : []
    return ok<ViewerCounts>(countsOf(actor, joined, all))
  },
  { read: true, load: (_input, openid) => countsLoads(openid) }
)
