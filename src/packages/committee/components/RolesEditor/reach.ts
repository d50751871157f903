import { COMMITTEE_GRANTABLE, ROLE_LABELS, ROLES, type Role } from '@/contract/roles'
import type { Me, ResidentItem } from '@/contract/user'

// Which toggles the viewer may flip, mirroring setRolesDenial (cloudfunctions/src/user/policy.ts).
// The server decides; this only keeps the screen from offering what it would refuse.

/** One toggle each; `resident` follows the binding, not a grant. */
export const EDITOR_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident')

export interface RoleReach {
  editable: readonly Role[]
  /** Why some or all toggles are off, or null when all are on offer. */
  note: string | null
}

export function roleReach(viewer: Me, target: Pick<ResidentItem, 'openid' | 'roles'>): RoleReach {
  // The server lets an admin change their own roles; here nobody does, so nobody locks
  // themselves out with one tap.
  if (target.openid === viewer.openid) return { editable: [], note: '不能修改自己的角色' }
  if (viewer.roles.includes('admin')) return { editable: EDITOR_ROLES, note: null }
  if (viewer.committeeCommunityId) {
    return { editable: COMMITTEE_GRANTABLE, note: '社区两委和管理员角色只能由管理员授予' }
  }
  return { editable: [], note: '只有社区两委或管理员可以设置角色' }
}

/** The roles to send to setRoles: the chosen ones, in ROLES order, never `resident`. */
export const rolesToSend = (chosen: readonly Role[]): Role[] =>
  EDITOR_ROLES.filter((r) => chosen.includes(r))

export interface RoleChange {
  added: Role[]
  removed: Role[]
}

export function roleChange(before: readonly Role[], after: readonly Role[]): RoleChange {
  return {
    added: EDITOR_ROLES.filter((r) => after.includes(r) && !before.includes(r)),
    removed: EDITOR_ROLES.filter((r) => before.includes(r) && !after.includes(r)),
  }
}

export const roleLabels = (roles: readonly Role[]): string =>
  roles.map((r) => ROLE_LABELS[r]).join('、')
