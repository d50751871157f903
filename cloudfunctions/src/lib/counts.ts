import type { ViewerCounts } from '@/contract/viewer'
import { userCounters } from '../user/counters'
import { wishCounters } from '../wish/counters'
import { errandCounters } from '../errand/counters'
import { volunteerCounters } from '../volunteer/counters'
import { matterCounters } from '../matter/counters'
import { deliberationCounters } from '../deliberation/counters'
import type { Actor } from './actor'
import type { Doc } from './cloud'
import type { Join } from './load'
import { isStaff } from './policy'
import { shanghaiYear } from './time'
import {
  countersOf,
  joinedCounters,
  tally,
  type Counted,
  type CounterDoc,
  type DomainCounters,
  type GridCounts,
  type ViewerGrids,
} from './counters'

// The registry of kept counts: one line per domain (what it counts per grid, what it reads with
// the viewer, and the counts it answers in `user.counts`).
export const COUNTERS: readonly DomainCounters[] = [
  userCounters,
  wishCounters,
  errandCounters,
  volunteerCounters,
  matterCounters,
  deliberationCounters,
]

export const COUNTED: readonly Counted<never>[] = COUNTERS.flatMap((c) => c.counted)

/** The counter documents of a whole data set (the demo seed, a bench data set): see `tally`. */
export const countersFor = (data: Record<string, unknown[]>): CounterDoc[] =>
  tally(
    (data.grids ?? []) as { _id: string; name: string; communityId: string }[],
    COUNTED.map((counted) => ({ counted, docs: data[counted.collection] ?? [] }))
  )

/** What every domain reads with the caller for its per-viewer counts. */
export const viewerLoads = (openid: string): Join[] =>
  COUNTERS.flatMap((c) => c.viewerLoads?.(openid) ?? [])

/** Everything `countsOf` needs, read with the caller: their counters and every domain's loads. */
export const countsLoads = (openid: string): Join[] => [
  countersOf.home,
  countersOf.committee,
  countersOf.worker,
  ...viewerLoads(openid),
]

/**
 * The counts `user.counts` answers, from what `countsLoads` read with the viewer (and, for an
 * admin, every community's counters in `all`).
 */
export function countsOf(
  actor: Actor,
  joined: Record<string, Doc[]>,
  all: readonly CounterDoc[] = []
): { year: number; counts: ViewerCounts['counts'] } {
  const year = shanghaiYear()
  const home = joinedCounters(joined, 'home').find((d) => d.communityId === actor.communityId)
  const grids: ViewerGrids = {
    home: actor.gridId ? home?.grids[actor.gridId] : undefined,
    reviewed: reviewedGrids(actor, joined, all),
  }
  return { year, counts: viewerCounts(actor, year, grids, joined) }
}

/** The counts `user.counts` answers: every domain's, merged. */
export const viewerCounts = (
  actor: Actor,
  year: number,
  grids: ViewerGrids,
  joined: Record<string, Doc[]>
): ViewerCounts['counts'] =>
  Object.assign({}, ...COUNTERS.map((c) => c.viewerCounts(actor, year, grids, joined)))

/**
 * The grid counters of the queues the viewer works, from the counters read with them (see
 * `countersOf`): an admin's every community (`all`, read apart), the committee's community, a grid
 * worker's grids; null when not staff.
 */
export function reviewedGrids(
  actor: Actor,
  joined: Record<string, Doc[]>,
  all: readonly CounterDoc[] = []
): GridCounts[] | null {
  if (actor.isAdmin) return all.flatMap((d) => Object.values(d.grids))
  if (actor.committeeCommunityId) {
    const doc = joinedCounters(joined, 'committee').find(
      (d) => d.communityId === actor.committeeCommunityId
    )
    return Object.values(doc?.grids ?? {})
  }
  if (!isStaff(actor)) return null
  const mine = new Set(actor.workerGridIds)
  return joinedCounters(joined, 'worker').flatMap((d) =>
    Object.entries(d.grids)
      .filter(([id]) => mine.has(id))
      .map(([, g]) => g)
  )
}
