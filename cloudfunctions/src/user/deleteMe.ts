import { DeleteMeInput } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { users } from '../lib/actor'
import { count } from '../lib/counting'
import { ERASE_PENDING } from './erase'
import { userCounted } from './counters'

/**
 * Deletes the caller's account: the profile (name, phone, room, roles) is removed at once, so
 * nothing is shown or exported as theirs from this moment. The records other residents rely on (a
 * wish someone fulfilled, an errand an agent ran) keep a snapshot of the people in them; those
 * snapshots, and the stored results of the caller's requests, are anonymised by the `erase`
 * timer (user/erase.ts), which finds the job in this call's own audit entry. So the request costs
 * the same few writes however many domains hold personal data (docs/architecture.md §8).
 */
export const deleteMe = action(DeleteMeInput, async ({ actor, audit }) => {
  if (actor.user) {
    const { stats } = await users().doc(actor.openid).remove()
    // Counted once however many deletes race.
    if (stats.removed === 1) await count(userCounted, actor.user, null)
  }
  audit('user.deleteMe', actor.openid, { erase: ERASE_PENDING })
  return ok({ deleted: true as const })
})
