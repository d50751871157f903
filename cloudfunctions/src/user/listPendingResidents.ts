import { ListPendingResidentsInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users } from '../lib/actor'
import { isStaff } from '../lib/policy'
import { decodeCursor, pageOf } from '../lib/paging'
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
    const limit = input.limit ?? 20
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const where = {
      ...scope,
      bindStatus: 'pending',
      ...(after ? { boundAt: _.gte(after.at) } : {}),
    }
    const { data } = await users()
      .where(where)
      .orderBy('boundAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 21)
      .get()
    return ok(
      pageOf(
        data,
        after,
        limit,
        (u) => u.boundAt,
        (u) => pendingView(actor, u)
      )
    )
  },
  { read: true }
)
