import type { Can } from '@/contract/common'
import type { ErrorCode } from '@/contract/errors'
import {
  CANCEL_SIGNUP_HOURS,
  CHECKIN_OPENS_MINUTES,
  type ActivityPhase,
  type ActivityScopeType,
  type VOLUNTEER_ABILITIES,
} from '@/contract/volunteer'
import type { Actor, UserDoc } from '../lib/actor'
import { isApprovedVolunteer, servesGrid } from '../lib/policy'
import type { Standing } from './store'

// Who may see and do what in the volunteer domain. Pure: no database, tested as a table. The
// actions refuse with the same functions the views use to fill `can`, so a button never lies.

type VolunteerAbility = (typeof VOLUNTEER_ABILITIES)[number]

const HOUR_MS = 3_600_000

export interface ActivityFacts {
  scopeType: ActivityScopeType
  gridId: string
  communityId: string
  organizerOpenid: string
  startAt: Date
  endAt: Date
  signupDeadline: Date
  /** The grids of its community (its own grid for a grid activity), as published. */
  staffGridIds?: string[]
}

/** What the viewer's own signup says: where they stand, checked in, attended. */
export interface SignupFacts {
  standing: Standing | null
  checkedIn: boolean
}

const ms = (d: Date | string) => new Date(d).getTime()

export function phaseOf(a: ActivityFacts, now: Date): ActivityPhase {
  const t = now.getTime()
  if (t < ms(a.signupDeadline)) return 'signup'
  if (t < ms(a.startAt)) return 'closed'
  if (t < ms(a.endAt)) return 'ongoing'
  return 'ended'
}

/** The application status on the profile (none before applying). */
const applicationOf = (a: Actor) => a.user?.volunteer?.status ?? null

/** May apply: a verified resident who is not a volunteer and has no application under review. */
export const canRegister = (a: Actor): boolean =>
  a.verified &&
  !isApprovedVolunteer(a) &&
  applicationOf(a) !== 'pending' &&
  applicationOf(a) !== 'approved'

/** Reviews the applications of this community: its committee. */
export const reviews = (a: Actor, communityId: string | null | undefined): boolean =>
  !!communityId && a.committeeCommunityId === communityId

/** May publish in this scope: the committee anywhere in its community, a grid worker in its grids. */
export function canPublishIn(
  a: Actor,
  scope: { type: ActivityScopeType; gridId: string | null; communityId: string }
): boolean {
  if (a.committeeCommunityId && a.committeeCommunityId === scope.communityId) return true
  return scope.type === 'grid' && !!scope.gridId && a.workerGridIds.includes(scope.gridId)
}

/** Runs the activity: its organizer, and the staff of its scope (its grid's workers, the committee). */
export const manages = (a: Actor, e: ActivityFacts): boolean =>
  e.organizerOpenid === a.openid ||
  servesGrid(a, { gridId: e.gridId || null, communityId: e.communityId })

/** The activity is for them: a resident of its community (and of its grid, for a grid activity). */
export const isFor = (a: Actor, e: ActivityFacts): boolean =>
  a.verified &&
  a.communityId === e.communityId &&
  (e.scopeType === 'community' || a.gridId === e.gridId)

/** Staff of its community: a grid worker of one of the community's grids sees its activities. */
export const staffOf = (a: Actor, e: ActivityFacts): boolean =>
  (e.staffGridIds ?? []).some((g) => a.workerGridIds.includes(g))

export const canSee = (a: Actor, e: ActivityFacts, s: SignupFacts | null): boolean =>
  manages(a, e) || staffOf(a, e) || isFor(a, e) || !!s?.standing

export const canSignup = (a: Actor, e: ActivityFacts, s: SignupFacts | null, now: Date) =>
  isApprovedVolunteer(a) && isFor(a, e) && !s?.standing && phaseOf(e, now) === 'signup'

const holds = (s: SignupFacts | null) =>
  s?.standing?.status === 'signed' || s?.standing?.status === 'waitlisted'

export const cancelOpen = (e: ActivityFacts, now: Date): boolean =>
  now.getTime() < ms(e.startAt) - CANCEL_SIGNUP_HOURS * HOUR_MS

export const checkinOpen = (e: ActivityFacts, now: Date): boolean =>
  now.getTime() >= ms(e.startAt) - CHECKIN_OPENS_MINUTES * 60_000 && now.getTime() < ms(e.endAt)

export const canCheckin = (e: ActivityFacts, s: SignupFacts | null, now: Date): boolean =>
  s?.standing?.status === 'signed' && !s.checkedIn && checkinOpen(e, now)

export const canOf = (
  a: Actor,
  e: ActivityFacts,
  s: SignupFacts | null,
  now: Date
): Can<'signup' | 'cancelSignup' | 'checkin' | 'manage'> => ({
  signup: canSignup(a, e, s, now),
  cancelSignup: holds(s) && cancelOpen(e, now),
  checkin: canCheckin(e, s, now),
  manage: manages(a, e),
})

/** Why `a` may not sign up: NOT_FOUND unseen, FORBIDDEN not a volunteer of it, CONFLICT otherwise. */
export function signupDenial(
  a: Actor,
  e: ActivityFacts | null,
  s: SignupFacts | null,
  now: Date
): ErrorCode | null {
  if (!e || !canSee(a, e, s)) return 'NOT_FOUND'
  if (!isApprovedVolunteer(a) || !isFor(a, e)) return 'FORBIDDEN'
  if (s?.standing || phaseOf(e, now) !== 'signup') return 'CONFLICT'
  return null
}

export function cancelDenial(
  a: Actor,
  e: ActivityFacts | null,
  s: SignupFacts | null,
  now: Date
): ErrorCode | null {
  if (!e || !canSee(a, e, s)) return 'NOT_FOUND'
  if (!holds(s) || !cancelOpen(e, now)) return 'CONFLICT'
  return null
}

export function checkinDenial(
  a: Actor,
  e: ActivityFacts | null,
  s: SignupFacts | null,
  now: Date
): ErrorCode | null {
  if (!e || !canSee(a, e, s)) return 'NOT_FOUND'
  if (s?.standing?.status !== 'signed') return 'FORBIDDEN'
  if (s.checkedIn || !checkinOpen(e, now)) return 'CONFLICT'
  return null
}

/** The organizer's steps (check-in code, roster, attendance, summary). */
export function manageDenial(a: Actor, e: ActivityFacts | null): ErrorCode | null {
  if (!e) return 'NOT_FOUND'
  if (!manages(a, e)) return canSee(a, e, null) ? 'FORBIDDEN' : 'NOT_FOUND'
  return null
}

/** Sees the roster's full names and phones: who runs the activity. */
export const seesRosterContact = manages

/** Sees an application in full: its reviewer and the applicant. */
export const seesApplication = (
  a: Actor,
  applicant: Pick<UserDoc, '_id' | 'communityId'>
): boolean => applicant._id === a.openid || reviews(a, applicant.communityId)

/** The viewer's abilities in the volunteer domain (`user.me` → `can`). */
export const volunteerAbilities = (a: Actor): Record<VolunteerAbility, boolean> => ({
  'volunteer.register': canRegister(a),
  'volunteer.review': !!a.committeeCommunityId,
  'volunteer.publish': !!a.committeeCommunityId || a.workerGridIds.length > 0,
  'volunteer.signup': a.verified && isApprovedVolunteer(a),
  'volunteer.record': a.verified,
  'volunteer.ledger': !!a.committeeCommunityId,
})

/** Stars for cumulative hours, and how far the next is. */
export function starsOf(
  hours: number,
  thresholds: readonly number[]
): { stars: number; nextStar: { stars: number; hoursNeeded: number } | null } {
  const stars = thresholds.filter((t) => hours >= t).length
  const next = thresholds[stars]
  return {
    stars,
    nextStar: next === undefined ? null : { stars: stars + 1, hoursNeeded: round1(next - hours) },
  }
}

/** Hours come in halves: sums stay exact, but round for display anyway. */
export const round1 = (n: number) => Math.round(n * 10) / 10
