import { CountsInput } from '@/contract/user'
import type { ViewerCounts } from '@/contract/viewer'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { shanghaiYear } from '../lib/time'
import { isStaff } from '../lib/policy'
import { countersOf, joinedCounters, type GridCounts, type ViewerGrids } from '../lib/counters'
import { counters } from '../lib/counting'
import { viewerCounts, viewerLoads } from '../lib/counts'

/**
 * Every count home shows, in one call, from the kept counters read with the viewer: one round
 * trip (an admin, who sees every community, two).
 */
export const counts = action(
  CountsInput,
  async ({ actor, joined }) => {
    const year = shanghaiYear()
    const home = joinedCounters(joined, 'home').find((d) => d.communityId === actor.communityId)
    let reviewed: GridCounts[] | null = null
    if (actor.isAdmin) {
      const { data } = await counters().limit(1000).get()
      reviewed = data.flatMap((d) => Object.values(d.grids))
    } else if (actor.committeeCommunityId) {
      const doc = joinedCounters(joined, 'committee').find(
        (d) => d.communityId === actor.committeeCommunityId
      )
      reviewed = Object.values(doc?.grids ?? {})
    } else if (isStaff(actor)) {
      const mine = new Set(actor.workerGridIds)
      reviewed = joinedCounters(joined, 'worker').flatMap((d) =>
        Object.entries(d.grids)
          .filter(([id]) => mine.has(id))
          .map(([, g]) => g)
      )
    }
    const grids: ViewerGrids = {
      home: actor.gridId ? home?.grids[actor.gridId] : undefined,
      reviewed,
    }
    return ok<ViewerCounts>({
      year,
      counts: viewerCounts(actor, year, grids, joined),
    })
  },
  {
    read: true,
    load: (_input, openid) => [
      countersOf.home,
      countersOf.committee,
      countersOf.worker,
      ...viewerLoads(openid),
    ],
  }
)
