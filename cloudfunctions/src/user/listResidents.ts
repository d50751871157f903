import { ListResidentsInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail } from '../lib/result'
import { db } from '../lib/cloud'
import { findGrid } from '../lib/places'
import { servesGrid } from '../lib/policy'
import { pageByBinding } from './store'
import { rosterScope } from './policy'
import { residentView } from './view'

/**
 * The roster of verified residents, in binding order: a grid worker sees the grids they serve,
 * the committee its community, an admin the grid they name. Staff reach residents by it (full
 * name and phone) and pick whom to file a wish for.
 */
export const listResidents = action(
  ListResidentsInput,
  async ({ actor, input }) => {
    const scope = rosterScope(actor, input.gridId)
    if (!scope.ok) return fail(scope.code, scope.message, scope.field)
    const _ = db().command
    const where = {
      ...(scope.gridIds
        ? { gridId: scope.gridIds.length === 1 ? scope.gridIds[0] : _.in(scope.gridIds) }
        : {}),
      ...(scope.communityId ? { communityId: scope.communityId } : {}),
      bindStatus: 'verified',
    }
    const page = await pageByBinding(where, input, (u) => residentView(actor, u))
    // Residents found prove the grid is in reach; only an empty answer costs a read of the grid,
    // to tell an empty grid from one that is not the caller's (or does not exist).
    if (page.ok && page.data.items.length === 0 && scope.gridUnproven && input.gridId) {
      const grid = await findGrid(input.gridId)
      if (!grid) return fail('INVALID_INPUT', '网格不存在，请重新选择', 'gridId')
      if (!servesGrid(actor, { gridId: grid._id, communityId: grid.communityId })) {
        return fail('FORBIDDEN', '只能查看您所服务网格的居民', 'gridId')
      }
    }
    return page
  },
  { read: true }
)
