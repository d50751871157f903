import { ListPendingResidentsInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail } from '../lib/result'
import { db } from '../lib/cloud'
import { isStaff } from '../lib/policy'
import { pageByBinding } from './store'
import { pendingView } from './view'

/**
 * The verification queue, oldest first: the committee sees its community, a grid worker the
 * grids they serve, an admin everything.
 */
export const listPendingResidents = action(
  ListPendingResidentsInput,
  async ({ actor, input }) => {
    if (!isStaff(actor)) return fail('FORBIDDEN', '只有网格员或社区两委可以认证居民')
    const _ = db().command
    const scope: Record<string, unknown> = actor.isAdmin
      ? {}
      : actor.committeeCommunityId
        ? { communityId: actor.committeeCommunityId }
        : { gridId: _.in(actor.workerGridIds) }
    return pageByBinding({ ...scope, bindStatus: 'pending' }, input, (u) => pendingView(actor, u))
  },
  { read: true }
)
