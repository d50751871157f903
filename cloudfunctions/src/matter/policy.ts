import type { Can } from '@/contract/common'
import type { ErrorCode } from '@/contract/errors'
import {
  MATTER_REOPEN_DAYS,
  type MATTER_ABILITIES,
  type MatterActionKey,
  type MatterLevel,
  type MatterScope,
  type MatterStatus,
} from '@/contract/matter'
import type { Actor } from '../lib/actor'
import { servesGrid } from '../lib/policy'

// Who may see and do what with a matter (居民说事). Pure: no database, tested as a table
// (persona × status × level). The actions refuse with the same functions the views use to fill
// `can`, so a button never lies.

type MatterAbility = (typeof MATTER_ABILITIES)[number]

export type MatterFacts = {
  status: MatterStatus
  level: MatterLevel
  gridId: string
  communityId: string
  reporterOpenid: string
  /** Who said 我也遇到 (the viewer's own second decides `mySecond` and `can.second`). */
  seconders?: readonly string[]
  /** When it was resolved (the reporter may reopen it within MATTER_REOPEN_DAYS). */
  resolvedAt?: Date | string | null
}

const DAY = 24 * 3600_000

/** Where a matter waits for its handler (the staff queue, its counts). */
const IN_QUEUE: readonly MatterStatus[] = ['reported', 'handling', 'deliberating']

const isReporter = (a: Actor, m: MatterFacts) => m.reporterOpenid === a.openid

/** A verified resident of the matter's community: the public board's readers. */
export const isNeighbour = (a: Actor, m: Pick<MatterFacts, 'communityId'>): boolean =>
  a.verified && !!a.communityId && a.communityId === m.communityId

/** A grid worker of the matter's grid. */
export const isGridWorkerOf = (a: Actor, m: Pick<MatterFacts, 'gridId'>): boolean =>
  !!m.gridId && a.workerGridIds.includes(m.gridId)

/** The committee of the matter's community. */
export const isCommitteeOf = (a: Actor, m: Pick<MatterFacts, 'communityId'>): boolean =>
  !!m.communityId && a.committeeCommunityId === m.communityId

/** The handler: a grid worker of its grid at level grid, the committee at level community. */
export const isHandler = (a: Actor, m: MatterFacts): boolean =>
  m.level === 'grid' ? isGridWorkerOf(a, m) : isCommitteeOf(a, m)

export const hasSeconded = (a: Actor, m: MatterFacts): boolean => !!m.seconders?.includes(a.openid)

/**
 * The reporter, staff of its grid (its grid workers, the committee, an admin), and verified
 * residents of its community (the public board, reporter masked) unless it was withdrawn.
 */
export const canSee = (a: Actor, m: MatterFacts): boolean =>
  isReporter(a, m) || servesGrid(a, m) || (m.status !== 'withdrawn' && isNeighbour(a, m))

/** Until when the reporter may reopen a resolved matter (null when not resolved). */
export const reopenUntil = (m: MatterFacts): Date | null =>
  m.status === 'resolved' && m.resolvedAt
    ? new Date(new Date(m.resolvedAt).getTime() + MATTER_REOPEN_DAYS * DAY)
    : null

/** Who may take each action, whatever state the matter is in now. */
const WHO: Record<MatterActionKey, (a: Actor, m: MatterFacts) => boolean> = {
  second: (a, m) => isNeighbour(a, m) && !isReporter(a, m),
  accept: isHandler,
  reply: isHandler,
  resolve: isHandler,
  escalate: isGridWorkerOf,
  toDeliberation: isCommitteeOf,
  rate: isReporter,
  reopen: isReporter,
  withdraw: isReporter,
}

/** The states each action starts from. */
export const FROM: Record<MatterActionKey, readonly MatterStatus[]> = {
  second: ['reported', 'handling'],
  accept: ['reported'],
  reply: ['handling'],
  // A matter in deliberation stays the committee's: it resolves it once the decision is carried
  // out (or when no round reached one).
  resolve: ['handling', 'deliberating'],
  escalate: ['reported', 'handling'],
  toDeliberation: ['reported', 'handling'],
  rate: ['resolved'],
  reopen: ['resolved'],
  withdraw: ['reported', 'handling'],
}

/** What else the state must hold (the level, the reopen window, a second not yet given). */
const WHEN: Partial<Record<MatterActionKey, (a: Actor, m: MatterFacts, now: Date) => boolean>> = {
  second: (a, m) => !hasSeconded(a, m),
  escalate: (_a, m) => m.level === 'grid',
  toDeliberation: (_a, m) => m.level === 'community',
  resolve: (_a, m) => m.status !== 'deliberating' || m.level === 'community',
  reopen: (_a, m, now) => {
    const until = reopenUntil(m)
    return !until || now.getTime() <= until.getTime()
  },
}

const inState = (key: MatterActionKey, a: Actor, m: MatterFacts, now: Date) =>
  FROM[key].includes(m.status) && (WHEN[key]?.(a, m, now) ?? true)

export const can = (
  key: MatterActionKey,
  a: Actor,
  m: MatterFacts,
  now: Date = new Date()
): boolean => canSee(a, m) && WHO[key](a, m) && inState(key, a, m, now)

export const canOf = (a: Actor, m: MatterFacts, now: Date = new Date()): Can<MatterActionKey> => ({
  second: can('second', a, m, now),
  accept: can('accept', a, m, now),
  reply: can('reply', a, m, now),
  resolve: can('resolve', a, m, now),
  escalate: can('escalate', a, m, now),
  toDeliberation: can('toDeliberation', a, m, now),
  rate: can('rate', a, m, now),
  reopen: can('reopen', a, m, now),
  withdraw: can('withdraw', a, m, now),
})

/**
 * Why `a` may not take `key` on `m` now: NOT_FOUND for what they may not see (never FORBIDDEN,
 * which would confirm it exists), FORBIDDEN for the wrong person, CONFLICT for the wrong state
 * or level.
 */
export function denial(
  key: MatterActionKey,
  a: Actor,
  m: MatterFacts | null,
  now: Date = new Date()
): ErrorCode | null {
  if (!m || !canSee(a, m)) return 'NOT_FOUND'
  if (!WHO[key](a, m)) return 'FORBIDDEN'
  if (!inState(key, a, m, now)) return 'CONFLICT'
  return null
}

/** Sees the reporter's full name, room and phone: the reporter and staff of its grid. */
export const seesReporterContact = (a: Actor, m: MatterFacts): boolean =>
  isReporter(a, m) || servesGrid(a, m)

/** What a list scope selects, or why the viewer may not look there. */
export type MatterFilter =
  | {
      ok: true
      match: {
        reporterOpenid?: string
        gridId?: string[]
        communityId?: string
        queue?: string[]
        board?: true
      }
      /** The staff queue: overdue first, then oldest first (by `queueAt`). */
      order: 'newest' | 'queue'
      /** A status the scope cannot hold: nothing to read. */
      empty?: boolean
    }
  | { ok: false; code: ErrorCode; message: string }

/**
 * The queue a matter waits in while reported, handling or in deliberation (the committee still
 * resolves it): its grid's or its community's.
 */
export const queueKey = (m: Pick<MatterFacts, 'status' | 'level' | 'gridId' | 'communityId'>) =>
  IN_QUEUE.includes(m.status) ? (m.level === 'grid' ? `g:${m.gridId}` : `c:${m.communityId}`) : ''

const NOT_ON_BOARD = '请先绑定并认证您所在的网格，再查看居民说事'

const SCOPES: Record<MatterScope, (a: Actor, status?: MatterStatus) => MatterFilter> = {
  mine: (a) => ({ ok: true, match: { reporterOpenid: a.openid }, order: 'newest' }),
  grid: (a, status) => {
    const empty = status === 'withdrawn'
    if (a.verified && a.gridId) {
      return { ok: true, match: { gridId: [a.gridId], board: true }, order: 'newest', empty }
    }
    if (a.workerGridIds.length) {
      return { ok: true, match: { gridId: a.workerGridIds, board: true }, order: 'newest', empty }
    }
    // The committee has no grid of its own: its grids are the whole community's.
    if (a.committeeCommunityId) {
      const communityId = a.committeeCommunityId
      return { ok: true, match: { communityId, board: true }, order: 'newest', empty }
    }
    return { ok: false, code: 'FORBIDDEN', message: NOT_ON_BOARD }
  },
  community: (a, status) => {
    const empty = status === 'withdrawn'
    const communityId = a.committeeCommunityId ?? (a.verified ? a.communityId : null)
    if (communityId)
      return { ok: true, match: { communityId, board: true }, order: 'newest', empty }
    if (a.workerGridIds.length) {
      return { ok: true, match: { gridId: a.workerGridIds, board: true }, order: 'newest', empty }
    }
    return { ok: false, code: 'FORBIDDEN', message: NOT_ON_BOARD }
  },
  queue: (a, status) => {
    const queue = [
      ...a.workerGridIds.map((g) => `g:${g}`),
      ...(a.committeeCommunityId ? [`c:${a.committeeCommunityId}`] : []),
    ]
    if (!queue.length) {
      return { ok: false, code: 'FORBIDDEN', message: '只有网格员或社区两委可以查看待办说事' }
    }
    const empty = !!status && !IN_QUEUE.includes(status)
    return { ok: true, match: { queue }, order: 'queue', empty }
  },
}

export const listFilter = (a: Actor, scope: MatterScope, status?: MatterStatus): MatterFilter =>
  SCOPES[scope](a, status)

/** The viewer's abilities in the matter domain (`user.me` → `can`). */
export const matterAbilities = (a: Actor): Record<MatterAbility, boolean> => ({
  'matter.report': a.verified,
  'matter.board':
    (a.verified && !!a.gridId) || a.workerGridIds.length > 0 || !!a.committeeCommunityId,
  'matter.handle': a.workerGridIds.length > 0 || !!a.committeeCommunityId,
})
