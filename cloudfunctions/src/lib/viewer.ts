import type { ViewerCan } from '@/contract/viewer'
import type { Actor } from './actor'
import { userAbilities } from '../user/policy'
import { wishAbilities } from '../wish/policy'
import { errandAbilities } from '../errand/policy'
import { volunteerAbilities } from '../volunteer/policy'
import { matterAbilities } from '../matter/policy'
import { deliberationAbilities } from '../deliberation/policy'
import { committeeAbilities } from '../committee/policy'

// The registry of the viewer's abilities: one line per domain, each from that domain's pure policy.

export const viewerCan = (actor: Actor): ViewerCan => ({
  ...userAbilities(actor),
  ...wishAbilities(actor),
  ...errandAbilities(actor),
  ...volunteerAbilities(actor),
  ...matterAbilities(actor),
  ...deliberationAbilities(actor),
  ...committeeAbilities(actor),
})
