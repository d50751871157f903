import type { ViewerCounts } from '@/contract/viewer'
import { userCounted, userCounts } from '../user/counters'
import { wishCounted, wishCounts } from '../wish/counters'
import type { WishDoc } from '../wish/store'
import type { Actor } from './actor'
import { tally, type Counted, type CounterDoc, type GridCounts } from './counters'

// The registry of kept counters: one line per domain (what it counts, from which collection).
export const COUNTED: Counted<never>[] = [
  userCounted as Counted<never>,
  wishCounted as Counted<never>,
]

/** The counter documents of a whole data set (the demo seed, a bench data set): see `tally`. */
export const countersFor = (data: Record<string, unknown[]>): CounterDoc[] =>
  tally(
    (data.grids ?? []) as { _id: string; name: string; communityId: string }[],
    COUNTED.map((counted) => ({ counted, docs: data[counted.collection] ?? [] }))
  )

/** The counts `user.counts` answers, one line per domain. */
export const viewerCounts = (
  actor: Actor,
  year: number,
  grids: { home?: GridCounts; reviewed: GridCounts[] | null },
  active: Pick<WishDoc, 'status'>[]
): ViewerCounts['counts'] => ({
  ...userCounts(grids.reviewed),
  ...wishCounts(actor, year, grids, active),
})
