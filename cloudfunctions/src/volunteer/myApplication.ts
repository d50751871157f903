import { EmptyVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { applicationView } from './view'

/**
 * The caller's own volunteer application as they see it (status, skills, and the reason if it
 * was refused), or null before they applied: read from their profile, no further read.
 */
export const myApplication = action(
  EmptyVolunteerInput,
  async ({ actor }) => {
    const user = actor.user
    return ok(user?.volunteer ? applicationView(actor, user) : null)
  },
  { read: true }
)
