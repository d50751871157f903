import { WishStatsInput, type WishStats } from '@/contract/wish'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { shanghaiYear } from '../lib/time'
import { countersOf, countOf, joinedCounters } from '../lib/counters'
import { litKey } from './counters'

/**
 * Lit wishes this calendar year (Asia/Shanghai) and open wishes now, for the viewer's grid and
 * every grid of their community, from the kept counters: one read, read with the viewer, at any
 * size. Users without a community get nulls.
 */
export const stats = action(
  WishStatsInput,
  async ({ actor, joined }) => {
    const year = shanghaiYear()
    const communityId = actor.communityId ?? actor.committeeCommunityId
    if (!communityId) return ok<WishStats>({ year, grid: null, community: null })
    const doc = [...joinedCounters(joined, 'home'), ...joinedCounters(joined, 'committee')].find(
      (d) => d.communityId === communityId
    )
    const byGrid = Object.entries(doc?.grids ?? {})
      .map(([gridId, g]) => ({
        gridId,
        gridName: g.name,
        litThisYear: countOf(g, litKey(year)),
        openNow: countOf(g, 'wish.open'),
      }))
      .sort((a, b) => (a.gridId < b.gridId ? -1 : 1))
    const sum = (k: 'litThisYear' | 'openNow') => byGrid.reduce((n, g) => n + g[k], 0)
    const mine =
      actor.gridId && actor.communityId === communityId
        ? byGrid.find((g) => g.gridId === actor.gridId)
        : undefined
    return ok<WishStats>({
      year,
      grid: mine
        ? {
            id: mine.gridId,
            name: mine.gridName,
            litThisYear: mine.litThisYear,
            openNow: mine.openNow,
          }
        : null,
      community: {
        id: communityId,
        litThisYear: sum('litThisYear'),
        openNow: sum('openNow'),
        byGrid,
      },
    })
  },
  { read: true, load: () => [countersOf.home, countersOf.committee] }
)
