import type { Can } from '@/contract/common'
import type { ErrorCode } from '@/contract/errors'
import type {
  DELIBERATION_ABILITIES,
  DeliberationPhase,
  TopicActionKey,
  TopicScopeType,
  VoteOutcome,
  VoteUnit,
} from '@/contract/deliberation'
import type { Actor } from '../lib/actor'
import { isStaff } from '../lib/policy'

// Who may see and do what with a topic and its comments. Pure: no database, no clock of its own
// (`now` is given), tested as a table. The actions refuse with the same functions the views use
// to fill `can`, so a button never lies.

type DeliberationAbility = (typeof DELIBERATION_ABILITIES)[number]

export interface TopicFacts {
  scopeType: TopicScopeType
  gridId: string | null
  communityId: string
  /** The grids whose workers are its staff. */
  gridIds: string[]
  phase: DeliberationPhase
  creatorOpenid: string
  unit: VoteUnit
  votingOpenedAt: Date | string | null
  votingEndsAt: Date | string
  outcome: VoteOutcome | null
  nextId: string | null
}

/** Who a topic (or one of its comments, which keeps these) is for and who serves it. */
export type ScopeFacts = Pick<TopicFacts, 'scopeType' | 'gridId' | 'communityId' | 'gridIds'>

/** What the action knows besides the topic: the time, and whether the viewer's vote is in. */
export interface VoteState {
  now: Date
  /** The viewer (or their household, for a household topic) is on the roll of who voted. */
  voted: boolean
}

const ms = (d: Date | string | null | undefined): number =>
  d === null || d === undefined ? NaN : new Date(d).getTime()

/** A verified resident of the topic's scope: its grid, or any grid of its community. */
export const residentOf = (a: Actor, t: ScopeFacts): boolean =>
  a.verified && (t.scopeType === 'grid' ? a.gridId === t.gridId : a.communityId === t.communityId)

/** Staff of the topic: the committee of its community, a worker of one of its grids, an admin. */
export const staffOf = (a: Actor, t: ScopeFacts): boolean =>
  a.isAdmin ||
  a.committeeCommunityId === t.communityId ||
  t.gridIds.some((g) => a.workerGridIds.includes(g))

export const committeeOf = (a: Actor, t: Pick<TopicFacts, 'communityId'>): boolean =>
  !!a.committeeCommunityId && a.committeeCommunityId === t.communityId

export const canSee = (a: Actor, t: ScopeFacts): boolean => residentOf(a, t) || staffOf(a, t)

/** May open topics in this scope: the committee (its community, any of its grids), a grid worker (own grid). */
export function mayCreateIn(
  a: Actor,
  scope: { type: TopicScopeType; id: string; communityId: string }
): boolean {
  if (a.committeeCommunityId && a.committeeCommunityId === scope.communityId) return true
  return scope.type === 'grid' && a.workerGridIds.includes(scope.id)
}

/** The creator while they still serve the topic, or its committee. */
const steers = (a: Actor, t: TopicFacts): boolean =>
  committeeOf(a, t) || (t.creatorOpenid === a.openid && staffOf(a, t))

/**
 * On the roll frozen when voting opened: a verified resident of the scope whose verification is
 * not later than that instant (a profile from before verification times were kept counts as
 * verified then), with a household when the topic votes by household.
 */
export function onRoll(a: Actor, t: TopicFacts): boolean {
  if (!residentOf(a, t) || t.votingOpenedAt === null) return false
  if (t.unit === 'household' && !(a.user?.buildingId && a.user?.room)) return false
  const verifiedAt = a.user?.verifiedAt
  return verifiedAt === undefined || verifiedAt === null || ms(verifiedAt) <= ms(t.votingOpenedAt)
}

const WHO: Record<TopicActionKey, (a: Actor, t: TopicFacts) => boolean> = {
  comment: canSee,
  openVoting: steers,
  vote: residentOf,
  recordInPerson: committeeOf,
  close: steers,
  result: canSee,
  followUp: (a, t) =>
    mayCreateIn(a, {
      type: t.scopeType,
      id: t.scopeType === 'grid' ? (t.gridId ?? '') : t.communityId,
      communityId: t.communityId,
    }),
  addUpdate: committeeOf,
  moderate: staffOf,
}

/** The phases each action starts from. */
export const FROM: Record<TopicActionKey, readonly DeliberationPhase[]> = {
  comment: ['discussion', 'voting'],
  openVoting: ['discussion'],
  vote: ['voting'],
  recordInPerson: ['voting'],
  close: ['voting'],
  result: ['closed'],
  followUp: ['closed'],
  addUpdate: ['closed'],
  moderate: ['discussion', 'voting', 'closed'],
}

/** Facts beyond the phase: the vote's window and roll, a follow-up only after no decision. */
function stateAllows(key: TopicActionKey, a: Actor, t: TopicFacts, s: VoteState): ErrorCode | null {
  if (!FROM[key].includes(t.phase)) return 'CONFLICT'
  if (key === 'vote' || key === 'recordInPerson') {
    if (s.now.getTime() >= ms(t.votingEndsAt)) return 'CONFLICT'
  }
  if (key === 'vote') {
    if (!onRoll(a, t)) return 'FORBIDDEN'
    if (s.voted) return 'CONFLICT'
  }
  if (key === 'followUp' && (t.outcome === 'decided' || t.nextId)) return 'CONFLICT'
  return null
}

/**
 * Why `a` may not take `key` on `t` now: NOT_FOUND for a topic they may not see (never
 * FORBIDDEN, which would confirm it exists), FORBIDDEN for the wrong person (or someone not on
 * the roll), CONFLICT for the wrong phase, a vote already in, or a decided topic's follow-up.
 */
export function denial(
  key: TopicActionKey,
  a: Actor,
  t: TopicFacts | null,
  s: VoteState
): ErrorCode | null {
  if (!t || !canSee(a, t)) return 'NOT_FOUND'
  if (!WHO[key](a, t)) return 'FORBIDDEN'
  return stateAllows(key, a, t, s)
}

export const can = (key: TopicActionKey, a: Actor, t: TopicFacts, s: VoteState): boolean =>
  denial(key, a, t, s) === null

export const canOf = (a: Actor, t: TopicFacts, s: VoteState): Can<TopicActionKey> => ({
  comment: can('comment', a, t, s),
  openVoting: can('openVoting', a, t, s),
  vote: can('vote', a, t, s),
  recordInPerson: can('recordInPerson', a, t, s),
  close: can('close', a, t, s),
  result: can('result', a, t, s),
  followUp: can('followUp', a, t, s),
  addUpdate: can('addUpdate', a, t, s),
  moderate: can('moderate', a, t, s),
})

// Comments.

export interface CommentFacts {
  authorOpenid: string
  hidden: boolean
  awaitingReview: boolean
  reporters: string[]
}

export type CommentActionKey = 'report' | 'hide' | 'restore'

/**
 * Why `a` may not act on comment `c` of topic `t`: NOT_FOUND when they may not see the topic;
 * reporting: FORBIDDEN on one's own, CONFLICT when already reported by them or already hidden;
 * hide and restore: staff of the topic, CONFLICT when a moderator already hid it (hide) or it
 * is not hidden (restore).
 */
export function commentDenial(
  key: CommentActionKey,
  a: Actor,
  t: ScopeFacts | null,
  c: CommentFacts | null
): ErrorCode | null {
  if (!t || !c || !canSee(a, t)) return 'NOT_FOUND'
  if (key === 'report') {
    if (c.authorOpenid === a.openid) return 'FORBIDDEN'
    return c.reporters.includes(a.openid) || c.hidden ? 'CONFLICT' : null
  }
  if (!staffOf(a, t)) return 'FORBIDDEN'
  if (key === 'hide') return c.hidden && !c.awaitingReview ? 'CONFLICT' : null
  return c.hidden ? null : 'CONFLICT'
}

export const commentCan = (a: Actor, t: ScopeFacts, c: CommentFacts): Can<CommentActionKey> => ({
  report: commentDenial('report', a, t, c) === null,
  hide: commentDenial('hide', a, t, c) === null,
  restore: commentDenial('restore', a, t, c) === null,
})

/** The viewer's abilities in the deliberation domain (`user.me` → `can`). */
export const deliberationAbilities = (a: Actor): Record<DeliberationAbility, boolean> => ({
  'deliberation.view': a.verified || isStaff(a),
  'deliberation.create': !!a.committeeCommunityId || a.workerGridIds.length > 0,
  'deliberation.moderate': isStaff(a),
})
