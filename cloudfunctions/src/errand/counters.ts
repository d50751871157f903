import type { ViewerCounts } from '@/contract/viewer'
import type { Counted, DomainCounters, GridCounts } from '../lib/counters'
import { countOf, joinedCounters } from '../lib/counters'
import { shanghaiYear } from '../lib/time'
import { isRedAgent } from './policy'
import type { ErrandDoc } from './store'

// What the errand domain counts per grid: requested errands in the grid's pool, requested ones
// escalated above it, overdue ones, and errands closed per calendar year. Pure.

type Counts = ViewerCounts['counts']
type CountedErrand = Pick<
  ErrandDoc,
  'status' | 'level' | 'type' | 'overdue' | 'gridId' | 'gridName' | 'communityId' | 'endedAt'
>

export const closedKey = (year: number) => `errand.closed.y${year}`

export const errandCounted: Counted<CountedErrand> = {
  collection: 'errands',
  fields: ['status', 'level', 'type', 'overdue', 'gridId', 'gridName', 'communityId', 'endedAt'],
  place: (e) =>
    e.communityId && e.gridId
      ? { communityId: e.communityId, gridId: e.gridId, gridName: e.gridName ?? '' }
      : null,
  keys: (e) => {
    // A help errand waiting in its grid is counted per agent from `helpPool` (see viewerLoads):
    // creating one then costs no counter write.
    if (e.status === 'requested' && e.level === 'grid')
      return e.type === 'help' ? [] : ['errand.pool']
    if (e.status === 'requested') return ['errand.escalated']
    if (e.status === 'accepted' && e.overdue) return ['errand.overdue']
    if (e.status === 'closed' && e.endedAt) return [closedKey(shanghaiYear(new Date(e.endedAt)))]
    return []
  },
}

const sum = (grids: GridCounts[], key: string) => grids.reduce((n, g) => n + countOf(g, key), 0)

/**
 * The errand domain in `user.counts`: an agent's pool (their grid's, the community's escalated
 * ones, and help calls waiting in their grid), what they have in hand, the viewer's own open
 * errands and those waiting for their sign-off, and the staff's escalated and overdue ones.
 */
export const errandCounters: DomainCounters = {
  counted: errandCounted as Counted<never>,
  viewerLoads: (openid) => [
    { as: 'errandLive', from: 'errands', field: 'live', equals: openid },
    { as: 'errandHelp', from: 'errands', field: 'helpPool', actorField: 'gridId' },
  ],
  viewerCounts(actor, year, grids, joined) {
    const out: Counts = {}
    const live = (joined['errandLive'] ?? []) as unknown as ErrandDoc[]
    const mine = live.filter((e) => e.bookerOpenid === actor.openid)
    if (actor.verified) {
      out['errand.open'] = mine.filter((e) => ['requested', 'accepted'].includes(e.status)).length
      out['errand.toConfirm'] = mine.filter((e) => e.status === 'completed').length
      if (actor.gridId) out['errand.closedThisYear'] = countOf(grids.home, closedKey(year))
    }
    if (isRedAgent(actor) && actor.gridId) {
      const community = joinedCounters(joined, 'home').find(
        (d) => d.communityId === actor.communityId
      )
      const help = (joined['errandHelp'] ?? []) as unknown as ErrandDoc[]
      // The kept counts hold the viewer's own requested errands too, which their pool leaves
      // out (read with the caller in `errandLive`); help calls at level grid are counted apart.
      const ownInPool = mine.filter(
        (e) =>
          e.status === 'requested' &&
          (e.level === 'grid'
            ? e.type !== 'help' && e.gridId === actor.gridId
            : e.communityId === actor.communityId)
      ).length
      out['errand.pool'] =
        countOf(grids.home, 'errand.pool') +
        sum(Object.values(community?.grids ?? {}), 'errand.escalated') +
        help.filter((e) => e.helpPool === actor.gridId && e.bookerOpenid !== actor.openid).length -
        ownInPool
      out['errand.assigned'] = live.filter(
        (e) => e.agentOpenid === actor.openid && e.status === 'accepted'
      ).length
    }
    if (grids.reviewed) {
      out['errand.escalated'] = sum(grids.reviewed, 'errand.escalated')
      out['errand.overdue'] = sum(grids.reviewed, 'errand.overdue')
    }
    return out
  },
}
