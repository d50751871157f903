import type { WISH_ABILITIES } from '@/contract/wish.rules'

type WishAbility = (typeof WISH_ABILITIES)[number]
import type { Can } from '@/contract/common'
import type { ErrorCode } from '@/contract/errors'
import type { WishActionKey, WishScope, WishStatus } from '@/contract/wish'
import type { Actor } from '../lib/actor'
import { isApprovedVolunteer, isStaff, servesGrid } from '../lib/policy'

// Who may see and do what with a wish. Pure: no database, tested as tables. The actions use the
// same functions to refuse that the views use to fill `can`, so a button never lies.

export type WishFacts = {
  status: WishStatus
  gridId: string
  communityId: string
  authorOpenid: string
  claimerOpenid: string | null
  /** The grid worker who filed it for the resident (`createFor`). */
  filedBy?: string | null
}

/** Statuses the community's verified residents see (the public wish wall). */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['open', 'claimed', 'fulfilled', 'done']
/** While the claimer and the author need each other's contact. */
const IN_HAND: readonly WishStatus[] = ['claimed', 'fulfilled']

const isAuthor = (a: Actor, w: WishFacts) => w.authorOpenid === a.openid
const isClaimer = (a: Actor, w: WishFacts) => !!w.claimerOpenid && w.claimerOpenid === a.openid
/**
 * The grid worker who filed the wish for a resident without a smartphone, while they still serve
 * its grid: they confirm and cancel it on the resident's behalf (audited as such).
 */
export const actsForAuthor = (a: Actor, w: WishFacts): boolean =>
  !!w.filedBy && w.filedBy === a.openid && !isAuthor(a, w) && a.workerGridIds.includes(w.gridId)
/** The author, or the grid worker who filed it for them. */
const speaksForAuthor = (a: Actor, w: WishFacts) => isAuthor(a, w) || actsForAuthor(a, w)

/** The author always; reviewers of its grid; its claimer; the community's verified residents once approved. */
export function canSee(a: Actor, w: WishFacts): boolean {
  if (isAuthor(a, w) || isClaimer(a, w) || servesGrid(a, w)) return true
  return a.verified && a.communityId === w.communityId && PUBLIC_STATUSES.includes(w.status)
}

/** Who may take each action, whatever state the wish is in now. */
const WHO: Record<WishActionKey, (a: Actor, w: WishFacts) => boolean> = {
  claim: (a, w) =>
    !isAuthor(a, w) &&
    a.communityId === w.communityId &&
    (isApprovedVolunteer(a) || a.roles.includes('redAgent')),
  release: (a, w) => isClaimer(a, w) || servesGrid(a, w),
  fulfill: isClaimer,
  confirm: speaksForAuthor,
  cancel: speaksForAuthor,
  review: (a, w) => !isAuthor(a, w) && servesGrid(a, w),
}

/** The states each action starts from. */
export const FROM: Record<WishActionKey, readonly WishStatus[]> = {
  claim: ['open'],
  release: ['claimed'],
  fulfill: ['claimed'],
  confirm: ['fulfilled'],
  cancel: ['pending', 'open', 'claimed'],
  review: ['pending'],
}

export const can = (key: WishActionKey, a: Actor, w: WishFacts): boolean =>
  canSee(a, w) && WHO[key](a, w) && FROM[key].includes(w.status)

export const canOf = (a: Actor, w: WishFacts): Can<WishActionKey> => ({
  claim: can('claim', a, w),
  release: can('release', a, w),
  fulfill: can('fulfill', a, w),
  confirm: can('confirm', a, w),
  cancel: can('cancel', a, w),
  review: can('review', a, w),
})

/**
 * Why `a` may not take `key` on `w` now, as the error an action returns: NOT_FOUND for what they
 * may not see (never FORBIDDEN, which would confirm it exists), FORBIDDEN for the wrong person,
 * CONFLICT when the wish is no longer in a state the action starts from.
 */
export function denial(key: WishActionKey, a: Actor, w: WishFacts | null): ErrorCode | null {
  if (!w || !canSee(a, w)) return 'NOT_FOUND'
  if (!WHO[key](a, w)) return 'FORBIDDEN'
  if (!FROM[key].includes(w.status)) return 'CONFLICT'
  return null
}

/** Sees the author's full name, room and phone. */
export const seesAuthorContact = (a: Actor, w: WishFacts): boolean =>
  isAuthor(a, w) || servesGrid(a, w) || (isClaimer(a, w) && IN_HAND.includes(w.status))

/** Sees the claimer's full name and phone. */
export const seesClaimerContact = (a: Actor, w: WishFacts): boolean =>
  isClaimer(a, w) || servesGrid(a, w) || (isAuthor(a, w) && IN_HAND.includes(w.status))

/**
 * Sees the claimer's nickname: the author (who thanks them, before and after confirming) and who
 * speaks for them, the claimer, staff of the grid; everyone else only when the volunteer chose to
 * be credited by name (snapshotted at claim), masked otherwise.
 */
export const seesClaimerNickname = (
  a: Actor,
  w: WishFacts & { claimerCreditByName?: boolean | null }
): boolean =>
  !!w.claimerCreditByName || speaksForAuthor(a, w) || isClaimer(a, w) || servesGrid(a, w)

/** The rating is between the author, the claimer and the reviewers; the thanks are public. */
export const seesRating = (a: Actor, w: WishFacts): boolean =>
  isAuthor(a, w) || isClaimer(a, w) || servesGrid(a, w)

/**
 * What a list scope selects for this viewer: equality filters (arrays mean "one of") and the
 * statuses they may see there (null = all). A failure code when the scope makes no sense for them.
 */
export type ListFilter =
  | {
      ok: true
      match: {
        gridId?: string[]
        communityId?: string
        authorOpenid?: string
        claimerOpenid?: string
      }
      statuses: WishStatus[] | null
    }
  | { ok: false; code: ErrorCode; message?: string }

const narrow = (
  allowed: readonly WishStatus[] | null,
  status?: WishStatus
): WishStatus[] | null => {
  if (!allowed) return status ? [status] : null
  return status ? allowed.filter((s) => s === status) : [...allowed]
}

/** Bound residents whose binding is not verified yet see nothing of the community. */
const unverified = (a: Actor): ListFilter => ({
  ok: false,
  code: a.bindStatus === 'pending' ? 'NOT_VERIFIED' : 'NOT_BOUND',
})

// Grid workers without a home grid of their own look at the grids they serve.
const workerGrids = (a: Actor, status?: WishStatus): ListFilter =>
  a.workerGridIds.length
    ? { ok: true, match: { gridId: a.workerGridIds }, statuses: narrow(null, status) }
    : { ok: false, code: 'NOT_BOUND' }

const SCOPES: Record<WishScope, (a: Actor, status?: WishStatus) => ListFilter> = {
  mine: (a, status) => ({
    ok: true,
    match: { authorOpenid: a.openid },
    statuses: narrow(null, status),
  }),
  claimed: (a, status) => ({
    ok: true,
    match: { claimerOpenid: a.openid },
    statuses: narrow(null, status),
  }),
  grid: (a, status) => {
    if (!a.gridId || !a.communityId) return workerGrids(a, status)
    const reviewer = servesGrid(a, { gridId: a.gridId, communityId: a.communityId })
    if (!a.verified && !reviewer) return unverified(a)
    const statuses = narrow(reviewer ? null : PUBLIC_STATUSES, status)
    return { ok: true, match: { gridId: [a.gridId] }, statuses }
  },
  community: (a, status) => {
    const communityId = a.committeeCommunityId ?? a.communityId
    if (!communityId) return workerGrids(a, status)
    const reviewer = a.isAdmin || a.committeeCommunityId === communityId
    if (!a.verified && !reviewer) return unverified(a)
    const statuses = narrow(reviewer ? null : PUBLIC_STATUSES, status)
    return { ok: true, match: { communityId }, statuses }
  },
  // The queue of pending wishes by default; a status filter shows the area in another state.
  review: (a, status) => {
    const statuses = narrow(null, status ?? 'pending')
    if (a.committeeCommunityId) {
      return { ok: true, match: { communityId: a.committeeCommunityId }, statuses }
    }
    if (a.workerGridIds.length) return { ok: true, match: { gridId: a.workerGridIds }, statuses }
    if (a.isAdmin) return { ok: true, match: {}, statuses }
    return { ok: false, code: 'FORBIDDEN', message: '只有网格员或社区两委可以审核心愿' }
  },
}

export const listFilter = (a: Actor, scope: WishScope, status?: WishStatus): ListFilter =>
  SCOPES[scope](a, status)

/** The viewer's abilities in the wish domain (`user.me` → `can`). */
export const wishAbilities = (a: Actor): Record<WishAbility, boolean> => ({
  'wish.post': a.verified,
  'wish.fileFor': a.workerGridIds.length > 0,
  'wish.review': isStaff(a),
  'wish.claim': !!a.communityId && (isApprovedVolunteer(a) || a.roles.includes('redAgent')),
})
