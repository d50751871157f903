import type { ContactCan } from '@/contract/common'
import type { Actor, UserDoc } from './actor'

// Cross-domain permission facts. Pure: no database, so they are tested as tables.

/** A grid worker of this grid, the committee of its community, or an admin. */
export function servesGrid(
  actor: Actor,
  place: { gridId?: string | null; communityId?: string | null }
): boolean {
  if (actor.isAdmin) return true
  if (place.gridId && actor.workerGridIds.includes(place.gridId)) return true
  return !!place.communityId && actor.committeeCommunityId === place.communityId
}

/**
 * An approved volunteer (claims wishes, signs up for activities): one who holds the `volunteer`
 * role. The role is the approval - granted by the committee in the roster (`user.setRoles`) or,
 * with the volunteer domain, by approving an application (docs/contract.md §4.2) - so there is
 * one fact to check and one to revoke. The application record (`volunteer.status`) says how
 * someone applied, not whether they may act.
 */
export const isApprovedVolunteer = (a: Actor): boolean => a.roles.includes('volunteer')

/** Holds any staff role (grid worker, committee, admin). */
export const isStaff = (actor: Actor): boolean =>
  actor.isAdmin || actor.workerGridIds.length > 0 || !!actor.committeeCommunityId

/**
 * May file a wish for this resident (`wish.createFor`, and `can.fileFor` on the roster): a grid
 * worker of the resident's grid, for a verified resident other than themselves.
 */
export function canFileFor(
  actor: Actor,
  target: Pick<UserDoc, '_id' | 'bindStatus' | 'gridId'>
): boolean {
  if (target._id === actor.openid || target.bindStatus !== 'verified') return false
  return !!target.gridId && actor.workerGridIds.includes(target.gridId)
}

/**
 * May book an errand for this resident (`errand.bookFor`, and `can.bookFor` on the roster): a
 * grid worker of the resident's grid or the committee of its community, for a verified resident
 * other than themselves.
 */
export function canBookFor(
  a: Actor,
  target: Pick<UserDoc, '_id' | 'bindStatus' | 'gridId' | 'communityId'>
): boolean {
  if (target._id === a.openid || target.bindStatus !== 'verified' || !target.gridId) return false
  // Only staff who book at all (an admin alone does not: `errand.bookFor` refuses them first).
  if (!a.workerGridIds.length && !a.committeeCommunityId) return false
  return servesGrid(a, { gridId: target.gridId, communityId: target.communityId })
}

/**
 * What the viewer may do with a person shown to them: call when the view gives their full phone
 * (`shownPhone`: null when masked) and it is someone else (never a button to dial oneself).
 */
export const contactCan = (
  actor: Actor,
  personOpenid: string | null | undefined,
  shownPhone: string | null | undefined
): ContactCan => ({ call: !!shownPhone && !!personOpenid && personOpenid !== actor.openid })
