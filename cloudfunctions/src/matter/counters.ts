import type { ViewerCounts } from '@/contract/viewer'
import { OPEN_MATTER_STATUSES } from '@/contract/matter'
import type { Counted, DomainCounters, GridCounts } from '../lib/counters'
import { countOf } from '../lib/counters'
import { shanghaiYear } from '../lib/time'
import type { MatterDoc } from './store'

// What the matter domain counts per grid: open matters on the board, the staff queue by level
// (waiting, being handled, overdue), and matters closed per calendar year of their resolution.
// Pure.

type Counts = ViewerCounts['counts']
type CountedMatter = Pick<
  MatterDoc,
  'status' | 'level' | 'overdue' | 'gridId' | 'gridName' | 'communityId' | 'resolvedAt'
>

export const resolvedKey = (year: number) => `matter.resolved.y${year}`

/** The level's suffix of a staff counter: a grid worker's (`Grid`) or the committee's (`Community`). */
const AT = { grid: 'Grid', community: 'Community' } as const

export const matterCounted: Counted<CountedMatter> = {
  collection: 'matters',
  fields: ['status', 'level', 'overdue', 'gridId', 'gridName', 'communityId', 'resolvedAt'],
  place: (m) =>
    m.communityId && m.gridId
      ? { communityId: m.communityId, gridId: m.gridId, gridName: m.gridName ?? '' }
      : null,
  keys: (m) => {
    const at = AT[m.level] ?? AT.grid
    // In deliberation it is still open, and the committee's to carry out: counted as handled.
    if (m.status === 'reported' || m.status === 'handling' || m.status === 'deliberating') {
      return [
        'matter.open',
        m.status === 'reported' ? `matter.queue${at}` : `matter.handling${at}`,
        ...(m.overdue ? [`matter.overdue${at}`] : []),
      ]
    }
    if (m.status === 'closed' && m.resolvedAt) {
      return [resolvedKey(shanghaiYear(new Date(m.resolvedAt)))]
    }
    return []
  },
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
  viewerLoads: (openid) => [{ as: 'matterLive', from: 'matters', field: 'live', equals: openid }],
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
      out['matter.queue'] = sum(grids.reviewed, `matter.queue${at}`)
      out['matter.handling'] = sum(grids.reviewed, `matter.handling${at}`)
      out['matter.overdue'] = sum(grids.reviewed, `matter.overdue${at}`)
    }
    return out
  },
}
