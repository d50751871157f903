import { ROLE_LABELS, ROLES, type Role } from '@/contract/roles'
import type { Me, ResidentItem } from '@/contract/user'

// Which toggles the viewer may flip comes from the server (`grantableRoles`); this only adds the
// words that explain why others are off.

/** One toggle each; `resident` follows the binding, not a grant. */
export const EDITOR_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident')

export interface RoleReach {
  editable: readonly Role[]
  /** Why some or all toggles are off, or null when all are on offer. */
  note: string | null
}

export function roleReach(
  viewer: Me,
  target: Pick<ResidentItem, 'openid' | 'grantableRoles'>
): RoleReach {
  const editable = target.grantableRoles
  if (editable.length === EDITOR_ROLES.length) return { editable, note: null }
  if (target.openid === viewer.openid) return { editable, note: '不能修改自己的角色' }
  if (editable.length === 0) return { editable, note: '只有社区两委或管理员可以设置角色' }
  return { editable, note: '社区两委和管理员角色只能由管理员授予' }
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
