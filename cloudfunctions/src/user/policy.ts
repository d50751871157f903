import { COMMITTEE_GRANTABLE, type Role } from '@/contract/roles'
import type { Actor, UserDoc } from '../lib/actor'
import { servesGrid } from '../lib/policy'

// Who may do what to whom in the `user` domain. Pure functions, tested as tables.

export function canVerify(actor: Actor, target: Pick<UserDoc, '_id' | 'bindStatus' | 'gridId' | 'communityId'>): boolean {
  if (target._id === actor.openid) return false
  if (target.bindStatus !== 'pending') return false
  return servesGrid(actor, target)
}

/** Sees grid workers' full contact: the committee of that community and admins. */
export const seesStaffContact = (actor: Actor, communityId: string): boolean =>
  actor.isAdmin || actor.committeeCommunityId === communityId

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
