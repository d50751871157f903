import type { BindStatus, Role } from '@/contract/roles'
import { db } from './cloud'

/** A `users` document. `_id` is the OPENID. */
export interface UserDoc {
  _id: string
  openid: string
  nickname: string
  roles: Role[]
  bindStatus: BindStatus
  gridId?: string
  gridName?: string
  communityId?: string
  communityName?: string
  buildingId?: string
  buildingName?: string
  room?: string
  realName?: string
  phone?: string
  rejectReason?: string
  workerGridIds: string[]
  committeeCommunityId?: string
  volunteer?: {
    status: 'pending' | 'approved' | 'rejected'
    partyMember: boolean
    skills: string[]
  }
  elderMode: boolean
  /** A volunteer chose to be credited by nickname on the wish wall (`user.updateProfile`). */
  creditByName?: boolean
  boundAt?: Date
  verifiedAt?: Date
  verifiedBy?: string
  createdAt?: Date
  updatedAt?: Date
}

/** Who is calling: identity from OPENID alone, roles and grid from the database. */
export interface Actor {
  openid: string
  user: UserDoc | null
  roles: Role[]
  bindStatus: BindStatus
  verified: boolean
  gridId: string | null
  communityId: string | null
  workerGridIds: string[]
  committeeCommunityId: string | null
  isAdmin: boolean
}

export const users = () => db().collection<UserDoc>('users')

export function actorFrom(openid: string, user: UserDoc | null): Actor {
  const roles = user?.roles ?? []
  const bindStatus = user?.bindStatus ?? 'none'
  return {
    openid,
    user,
    roles,
    bindStatus,
    verified: bindStatus === 'verified',
    gridId: user?.gridId ?? null,
    communityId: user?.communityId ?? null,
    workerGridIds: roles.includes('gridWorker') ? (user?.workerGridIds ?? []) : [],
    committeeCommunityId: roles.includes('committee') ? (user?.committeeCommunityId ?? null) : null,
    isAdmin: roles.includes('admin'),
  }
}
