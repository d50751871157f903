import type { Can } from '@/contract/common'
import type { ErrorCode } from '@/contract/errors'
import type {
  ERRAND_ABILITIES,
  ErrandActionKey,
  ErrandLevel,
  ErrandScope,
  ErrandStatus,
} from '@/contract/errand'
import type { Actor } from '../lib/actor'
import { isStaff, servesGrid } from '../lib/policy'

// Who may see and do what with an errand. Pure: no database, tested as a table. The actions
// refuse with the same functions the views use to fill `can`, so a button never lies.

type ErrandAbility = (typeof ERRAND_ABILITIES)[number]

export type ErrandFacts = {
  status: ErrandStatus
  level: ErrandLevel
  gridId: string
  communityId: string
  bookerOpenid: string
  agentOpenid: string | null
  /** The grid worker (or committee member) who booked it for the resident (`bookFor`). */
  filedBy?: string | null
}

/** While the agent and the booker need each other's contact. */
const IN_HAND: readonly ErrandStatus[] = ['accepted', 'completed']

export const isRedAgent = (a: Actor): boolean => a.verified && a.roles.includes('redAgent')
const isBooker = (a: Actor, e: ErrandFacts) => e.bookerOpenid === a.openid
const isAgent = (a: Actor, e: ErrandFacts) => !!e.agentOpenid && e.agentOpenid === a.openid

/**
 * The staff member who filed the errand for a resident without a smartphone, while they still
 * serve its grid: they confirm and cancel it on the resident's behalf (audited as such).
 */
export const actsForBooker = (a: Actor, e: ErrandFacts): boolean =>
  !!e.filedBy && e.filedBy === a.openid && !isBooker(a, e) && servesGrid(a, e)
const speaksForBooker = (a: Actor, e: ErrandFacts) => isBooker(a, e) || actsForBooker(a, e)

/**
 * A red agent this errand's level reaches: its own grid's agents at level `grid`, every agent of
 * the community once escalated. Never the booker.
 */
export const reaches = (a: Actor, e: ErrandFacts): boolean =>
  isRedAgent(a) &&
  !isBooker(a, e) &&
  (e.level === 'grid' ? a.gridId === e.gridId : a.communityId === e.communityId)

/** In the viewer's pool: waiting for an agent, and within the viewer's reach. */
export const inPool = (a: Actor, e: ErrandFacts): boolean =>
  e.status === 'requested' && reaches(a, e)

/** The booker (and who filed it for them), its agent, staff of its grid, and agents whose pool holds it. */
export const canSee = (a: Actor, e: ErrandFacts): boolean =>
  speaksForBooker(a, e) || isAgent(a, e) || servesGrid(a, e) || inPool(a, e)

/** Who may take each action, whatever state the errand is in now. */
const WHO: Record<ErrandActionKey, (a: Actor, e: ErrandFacts) => boolean> = {
  accept: reaches,
  release: isAgent,
  complete: isAgent,
  confirm: speaksForBooker,
  cancel: (a, e) => speaksForBooker(a, e) || servesGrid(a, e),
}

/** The states each action starts from. */
export const FROM: Record<ErrandActionKey, readonly ErrandStatus[]> = {
  accept: ['requested'],
  release: ['accepted'],
  complete: ['accepted'],
  confirm: ['completed'],
  cancel: ['requested', 'accepted'],
}

export const can = (key: ErrandActionKey, a: Actor, e: ErrandFacts): boolean =>
  canSee(a, e) && WHO[key](a, e) && FROM[key].includes(e.status)

export const canOf = (a: Actor, e: ErrandFacts): Can<ErrandActionKey> => ({
  accept: can('accept', a, e),
  release: can('release', a, e),
  complete: can('complete', a, e),
  confirm: can('confirm', a, e),
  cancel: can('cancel', a, e),
})

/**
 * Why `a` may not take `key` on `e` now: NOT_FOUND for what they may not see (never FORBIDDEN,
 * which would confirm it exists), FORBIDDEN for the wrong person, CONFLICT for the wrong state.
 * An agent the errand reached who comes too late learns it was taken (CONFLICT): it was in
 * their pool a moment ago.
 */
export function denial(key: ErrandActionKey, a: Actor, e: ErrandFacts | null): ErrorCode | null {
  if (!e) return 'NOT_FOUND'
  if (!canSee(a, e)) return key === 'accept' && reaches(a, e) ? 'CONFLICT' : 'NOT_FOUND'
  if (!WHO[key](a, e)) return 'FORBIDDEN'
  if (!FROM[key].includes(e.status)) return 'CONFLICT'
  return null
}

/** Sees the booker's full name, room and phones. */
export const seesBookerContact = (a: Actor, e: ErrandFacts): boolean =>
  speaksForBooker(a, e) || servesGrid(a, e) || (isAgent(a, e) && IN_HAND.includes(e.status))

/** Sees the agent's full name and phone. */
export const seesAgentContact = (a: Actor, e: ErrandFacts): boolean =>
  isAgent(a, e) || servesGrid(a, e) || (speaksForBooker(a, e) && IN_HAND.includes(e.status))

/** May book for this resident (`bookFor`): one rule with the roster's `can.bookFor`. */
export { canBookFor } from '../lib/policy'

/** What a list scope selects, or why the viewer may not look there. */
export type ErrandFilter =
  | {
      ok: true
      match: {
        bookerOpenid?: string
        agentOpenid?: string
        gridId?: string[]
        communityId?: string
        pool?: string[]
      }
      /** A booker left out (the pool never holds the viewer's own errands: see `reaches`). */
      notBooker?: string
      /** A status the scope cannot hold: nothing to read. */
      empty?: boolean
    }
  | { ok: false; code: ErrorCode; message: string }

/** The key of the pool an errand waits in: its grid's at level `grid`, else its community's. */
export const poolKey = (e: Pick<ErrandFacts, 'level' | 'gridId' | 'communityId'>): string =>
  e.level === 'grid' ? `g:${e.gridId}` : `c:${e.communityId}`

const SCOPES: Record<ErrandScope, (a: Actor, status?: ErrandStatus) => ErrandFilter> = {
  mine: (a) => ({ ok: true, match: { bookerOpenid: a.openid } }),
  assigned: (a) => ({ ok: true, match: { agentOpenid: a.openid } }),
  pool: (a, status) => {
    if (!isRedAgent(a) || !a.gridId || !a.communityId) {
      return { ok: false, code: 'FORBIDDEN', message: '只有红色代办员可以查看待接代办' }
    }
    const pool = [`g:${a.gridId}`, `c:${a.communityId}`]
    return {
      ok: true,
      match: { pool },
      notBooker: a.openid,
      empty: !!status && status !== 'requested',
    }
  },
  managed: (a) => {
    if (a.committeeCommunityId) return { ok: true, match: { communityId: a.committeeCommunityId } }
    if (a.workerGridIds.length) return { ok: true, match: { gridId: a.workerGridIds } }
    if (a.isAdmin) return { ok: true, match: {} }
    return { ok: false, code: 'FORBIDDEN', message: '只有网格员或社区两委可以管理代办' }
  },
}

export const listFilter = (a: Actor, scope: ErrandScope, status?: ErrandStatus): ErrandFilter =>
  SCOPES[scope](a, status)

/** The viewer's abilities in the errand domain (`user.me` → `can`). */
export const errandAbilities = (a: Actor): Record<ErrandAbility, boolean> => ({
  'errand.book': a.verified,
  'errand.help': a.verified,
  'errand.bookFor': a.workerGridIds.length > 0 || !!a.committeeCommunityId,
  'errand.accept': isRedAgent(a) && !!a.gridId,
  'errand.manage': isStaff(a),
})
