import { MeInput } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { meView } from './view'

/** Works for anyone with an identity: `grid: null` before binding. */
export const me = action(MeInput, async ({ actor }) => ok(meView(actor.openid, actor.user)), {
  read: true,
})
