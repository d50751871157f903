import type { ViewerCounts } from '@/contract/viewer'
import { OPEN_MATTER_STATUSES } from '@/contract/matter'
import type { Counted, DomainCounters, GridCounts } from '../lib/counters'
import { countOf } from '../lib/counters'
import { shanghaiYear } from '../lib/time'
import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import type { MatterDoc } from './store'

// What the matter domain counts per grid: open matters on the board, the staff queue by level
// (waiting, being handled, overdue), and matters closed per calendar year of their resolution.
// Pure.

type Counts = ViewerCounts['counts']
type CountedMatter = Pick<
  MatterDoc,
  | 'status'
  | 'level'
  | 'overdue'
  | 'gridId'
  | 'gridName'
  | 'communityId'
  | 'resolvedAt'
  | 'acceptedAt'
>

export const resolvedKey = (year: number) => `matter.resolved.y${year}`

/** The level's suffix of a staff counter: a grid worker's (`Grid`) or the committee's (`Community`). */
const AT = { grid: 'Grid', community: 'Community' } as const

export const matterCounted: Counted<CountedMatter> = {
  collection: 'matters',
  fields: [
    'status',
    'level',
    'overdue',
    'gridId',
    'gridName',
    'communityId',
    'resolvedAt',
    'acceptedAt',
  ],
  place: (m) =>
    m.communityId && m.gridId
      ? { communityId: m.communityId, gridId: m.gridId, gridName: m.gridName ?? '' }
      : null,
  keys: (m) => {
    const at = AT[m.level] ?? AT.grid
    // In deliberation it is still open and counted here where it was before (unaccepted or
    // handled, overdue or not), so turning it into a topic writes no counter: the committee's
    // counts move it to `handling` as they are read (see `inDeliberation` below).
    if (m.status === 'reported' || m.status === 'handling' || m.status === 'deliberating') {
      const waiting = m.status === 'reported' || (m.status === 'deliberating' && !m.acceptedAt)
      return [
        'matter.open',
        waiting ? `matter.queue${at}` : `matter.handling${at}`,
        ...(m.overdue ? [`matter.overdue${at}`] : []),
      ]
    }
    if (m.status === 'closed' && m.resolvedAt) {
      return [resolvedKey(shanghaiYear(new Date(m.resolvedAt)))]
    }
    return []
  },
}

/**
 * The committee's matters in deliberation that the counters still hold where they were: those it
 * had not accepted (counted as waiting: it handles them now) and those overdue (no longer).
 */
function inDeliberation(actor: Actor, joined: Record<string, Doc[]>) {
  const list = ((joined['matterDeliberating'] ?? []) as unknown as MatterDoc[]).filter(
    (m) =>
      m.status === 'deliberating' &&
      m.level === 'community' &&
      m.communityId === actor.committeeCommunityId
  )
  return {
    waiting: list.filter((m) => !m.acceptedAt).length,
    overdue: list.filter((m) => m.overdue).length,
  }
}

const sum = (grids: GridCounts[], key: string) => grids.reduce((n, g) => n + countOf(g, key), 0)

/**
 * The matter domain in `user.counts`: the viewer's own open matters and those waiting for their
 * rating (read with the caller in `matterLive`), the board's open ones and this year's resolved
 * ones in their grid, and the staff queue at the level they handle: the committee's at level
 * community across its community, a grid worker's at level grid across their grids.
 */
export const matterCounters: DomainCounters = {
  counted: matterCounted as Counted<never>,
  viewerLoads: (openid) => [
    { as: 'matterLive', from: 'matters', field: 'live', equals: openid },
    // The committee's matters in deliberation (few at a time).
    {
      as: 'matterDeliberating',
      from: 'matters',
      field: 'deliberatingIn',
      actorField: 'committeeCommunityId',
    },
  ],
  viewerCounts(actor, year, grids, joined) {
    const out: Counts = {}
    const live = (joined['matterLive'] ?? []) as unknown as MatterDoc[]
    const mine = live.filter((m) => m.reporterOpenid === actor.openid)
    if (actor.verified) {
      out['matter.mine'] = mine.filter((m) => OPEN_MATTER_STATUSES.includes(m.status)).length
      out['matter.toRate'] = mine.filter((m) => m.status === 'resolved').length
      if (actor.gridId) {
        out['matter.open'] = countOf(grids.home, 'matter.open')
        out['matter.resolvedThisYear'] = countOf(grids.home, resolvedKey(year))
      }
    }
    const at = actor.committeeCommunityId
      ? AT.community
      : actor.workerGridIds.length
        ? AT.grid
        : null
    if (grids.reviewed && at) {
      const fix = at === AT.community ? inDeliberation(actor, joined) : { waiting: 0, overdue: 0 }
      out['matter.queue'] = sum(grids.reviewed, `matter.queue${at}`) - fix.waiting
      out['matter.handling'] = sum(grids.reviewed, `matter.handling${at}`) + fix.waiting
      out['matter.overdue'] = sum(grids.reviewed, `matter.overdue${at}`) - fix.overdue
    }
    return out
  },
}
