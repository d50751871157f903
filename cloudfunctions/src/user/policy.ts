import type { USER_ABILITIES } from '@/contract/user.rules'

type UserAbility = (typeof USER_ABILITIES)[number]
import { COMMITTEE_GRANTABLE, type Role } from '@/contract/roles'
import type { Actor, UserDoc } from '../lib/actor'
import { isStaff, servesGrid } from '../lib/policy'

// Who may do what to whom in the `user` domain. Pure functions, tested as tables.

export function canVerify(
  actor: Actor,
  target: Pick<UserDoc, '_id' | 'bindStatus' | 'gridId' | 'communityId'>
): boolean {
  if (target._id === actor.openid) return false
  if (target.bindStatus !== 'pending') return false
  return servesGrid(actor, target)
}

/**
 * Sees a grid's workers' full name and phone: the grid's own verified residents (their grid
 * worker is someone they need to reach), and the staff of that grid (its grid workers, the
 * committee of its community, admins). Anyone else — a binding still waiting for verification —
 * sees them masked.
 */
export const seesStaffContact = (
  actor: Actor,
  grid: { gridId: string; communityId: string }
): boolean => servesGrid(actor, grid) || (actor.verified && actor.gridId === grid.gridId)

/**
 * Why `actor` may not change `target`'s roles from `before` to `after`, or null if allowed.
 * Admins grant anything. A committee grants volunteer, redAgent and gridWorker within its own
 * community and never touches committee or admin. `resident` follows the binding, not grants.
 */
export function setRolesDenial(
  actor: Actor,
  target: Pick<UserDoc, '_id' | 'communityId'>,
  before: Role[],
  after: Role[]
): string | null {
  if (actor.isAdmin) return null
  if (!actor.committeeCommunityId) return '只有社区两委或管理员可以设置角色'
  if (target._id === actor.openid) return '不能修改自己的角色'
  if (target.communityId !== actor.committeeCommunityId) return '只能设置本社区居民的角色'
  const changed = [...new Set([...before, ...after])].filter(
    (r) => r !== 'resident' && before.includes(r) !== after.includes(r)
  )
  const outOfReach = changed.find((r) => !COMMITTEE_GRANTABLE.includes(r))
  return outOfReach ? '社区两委和管理员角色只能由管理员授予' : null
}

/**
 * Whose verified residents `actor` may list (`user.listResidents`): the equality filters, or why
 * not. `gridUnproven`: a committee's or admin's `gridId` is not known to be theirs (or to exist)
 * from the actor alone, so an empty answer must look the grid up to tell empty from out of reach.
 */
export type RosterScope =
  | { ok: true; gridIds?: string[]; communityId?: string; gridUnproven: boolean }
  | { ok: false; code: 'FORBIDDEN' | 'INVALID_INPUT'; message: string; field?: 'gridId' }

const NOT_STAFF: RosterScope = {
  ok: false,
  code: 'FORBIDDEN',
  message: '只有网格员或社区两委可以查看居民名册',
}

export function rosterScope(actor: Actor, gridId?: string): RosterScope {
  if (!isStaff(actor)) return NOT_STAFF
  const committee = actor.committeeCommunityId
  if (!gridId) {
    if (committee) return { ok: true, communityId: committee, gridUnproven: false }
    if (actor.workerGridIds.length) {
      return { ok: true, gridIds: actor.workerGridIds, gridUnproven: false }
    }
    return { ok: false, code: 'INVALID_INPUT', message: '请选择要查看的网格', field: 'gridId' }
  }
  if (actor.workerGridIds.includes(gridId)) {
    return { ok: true, gridIds: [gridId], gridUnproven: false }
  }
  if (actor.isAdmin) return { ok: true, gridIds: [gridId], gridUnproven: true }
  // Filtering on the committee's community too: residents of another community never load.
  if (committee) return { ok: true, gridIds: [gridId], communityId: committee, gridUnproven: true }
  return { ok: false, code: 'FORBIDDEN', message: '只能查看您所服务网格的居民', field: 'gridId' }
}

/** The viewer's abilities in the user domain (`user.me` → `can`). */
export const userAbilities = (actor: Actor): Record<UserAbility, boolean> => ({
  'user.bind': actor.bindStatus === 'none' || actor.bindStatus === 'rejected',
  'user.verify': isStaff(actor),
  'user.listResidents': isStaff(actor),
  'user.setRoles': actor.isAdmin || !!actor.committeeCommunityId,
  // The people `user.gridCode` serves: a grid worker of some grid, a committee, an admin.
  'user.gridCode': isStaff(actor),
})
