import { SetRolesInput } from '@/contract/user'
import type { Role } from '@/contract/roles'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import { grids } from '../lib/places'
import { setRolesDenial } from './policy'
import { userById } from './store'

/**
 * Sets a user's roles. `resident` follows the verified binding and is kept as it is. A grid
 * worker serves `gridIds` (default: their own grid); a committee moderates `communityId`
 * (default: their own community). Both must exist, and lie in the granting committee's community.
 */
export const setRoles = action(
  SetRolesInput,
  async ({ actor, input, joined, audit }) => {
    const target = joined.target?.[0] as unknown as UserDoc | undefined
    if (!target) return fail('NOT_FOUND', '没有找到这位用户')
    const keepsResident = target.roles.includes('resident')
    const roles: Role[] = [
      ...(keepsResident ? (['resident'] as Role[]) : []),
      ...input.roles.filter((r) => r !== 'resident'),
    ]
    const denial = setRolesDenial(actor, target, target.roles, roles)
    if (denial) return fail('FORBIDDEN', denial)

    let workerGridIds: string[] = []
    // A grid worker who stays one keeps the grids they serve unless new ones are named: changing
    // another role must not shrink their grids to their home grid.
    const keeps =
      !input.gridIds && target.roles.includes('gridWorker') && !!target.workerGridIds?.length
    if (roles.includes('gridWorker') && keeps) {
      workerGridIds = target.workerGridIds
    } else if (roles.includes('gridWorker')) {
      workerGridIds = input.gridIds ?? (target.gridId ? [target.gridId] : [])
      if (!workerGridIds.length) return fail('INVALID_INPUT', '请为网格员选择服务的网格', 'gridIds')
      const { data: known } = await grids()
        .where({ _id: db().command.in(workerGridIds) })
        .limit(100)
        .get()
      const reach = actor.isAdmin
        ? known
        : known.filter((g) => g.communityId === actor.committeeCommunityId)
      if (reach.length !== new Set(workerGridIds).size) {
        return fail('INVALID_INPUT', '网格不存在或不属于本社区', 'gridIds')
      }
    }
    const committeeCommunityId = roles.includes('committee')
      ? (input.communityId ?? target.committeeCommunityId ?? target.communityId ?? null)
      : null
    if (roles.includes('committee') && !committeeCommunityId) {
      return fail('INVALID_INPUT', '请为社区两委成员选择社区', 'communityId')
    }
    const _ = db().command
    await users()
      .doc(target._id)
      .update({
        data: {
          roles,
          workerGridIds,
          committeeCommunityId: committeeCommunityId ?? _.remove(),
          updatedAt: db().serverDate(),
        },
      })
    audit('user.setRoles', target._id, {
      before: target.roles,
      after: roles,
      workerGridIds,
      committeeCommunityId,
    })
    return ok({ openid: target._id, roles, workerGridIds, committeeCommunityId })
  },
  { load: (input) => [userById(input.openid)] }
)
