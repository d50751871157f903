import type { ViewerCounts } from '@/contract/viewer'
import { userCounters } from '../user/counters'
import { wishCounters } from '../wish/counters'
import { errandCounters } from '../errand/counters'
import { volunteerCounters } from '../volunteer/counters'
import { deliberationCounters } from '../deliberation/counters'
import type { Actor } from './actor'
import type { Doc } from './cloud'
import type { Join } from './load'
import { tally, type CounterDoc, type DomainCounters, type ViewerGrids } from './counters'

// The registry of kept counts: one line per domain (what it counts per grid, what it reads with
// the viewer, and the counts it answers in `user.counts`).
export const COUNTERS: readonly DomainCounters[] = [
  userCounters,
  wishCounters,
  errandCounters,
  volunteerCounters,
  deliberationCounters,
]

export const COUNTED = COUNTERS.map((c) => c.counted)

/** The counter documents of a whole data set (the demo seed, a bench data set): see `tally`. */
export const countersFor = (data: Record<string, unknown[]>): CounterDoc[] =>
  tally(
    (data.grids ?? []) as { _id: string; name: string; communityId: string }[],
    COUNTED.map((counted) => ({ counted, docs: data[counted.collection] ?? [] }))
  )

/** What every domain reads with the caller for its per-viewer counts. */
export const viewerLoads = (openid: string): Join[] =>
  COUNTERS.flatMap((c) => c.viewerLoads?.(openid) ?? [])

/** The counts `user.counts` answers: every domain's, merged. */
export const viewerCounts = (
  actor: Actor,
  year: number,
  grids: ViewerGrids,
  joined: Record<string, Doc[]>
): ViewerCounts['counts'] =>
  Object.assign({}, ...COUNTERS.map((c) => c.viewerCounts(actor, year, grids, joined)))
