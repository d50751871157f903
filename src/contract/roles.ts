export const ROLES = [
  'resident',
  'volunteer',
  'redAgent',
  'gridWorker',
  'committee',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  redAgent: '红色代办员',
  gridWorker: '网格员',
  committee: '社区两委',
  admin: '管理员',
}

/** Roles a community committee may grant; `committee` and `admin` only an admin grants. */
export const COMMITTEE_GRANTABLE: readonly Role[] = ['volunteer', 'redAgent', 'gridWorker']

export type BindStatus = 'none' | 'pending' | 'verified' | 'rejected'

export const BIND_STATUS_LABELS: Record<BindStatus, string> = {
  none: '未绑定',
  pending: '待认证',
  verified: '已认证',
  rejected: '未通过',
}
