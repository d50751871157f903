import { MAX_ACTIVE_WISHES } from '@/contract/wish'
import type { ViewerCounts } from '@/contract/viewer'
import type { Counted, DomainCounters } from '../lib/counters'
import type { Join } from '../lib/load'
import { countOf } from '../lib/counters'
import { shanghaiYear } from '../lib/time'
import type { WishDoc } from './store'

// What the wish domain counts: pending wishes (the review queue), open wishes, and wishes lit per
// calendar year (Asia/Shanghai), per grid. Pure.

type Counts = ViewerCounts['counts']

export const wishCounted: Counted<
  Pick<WishDoc, 'status' | 'gridId' | 'gridName' | 'communityId' | 'doneAt'>
> = {
  collection: 'wishes',
  fields: ['status', 'gridId', 'gridName', 'communityId', 'doneAt'],
  place: (w) =>
    w.communityId && w.gridId
      ? { communityId: w.communityId, gridId: w.gridId, gridName: w.gridName ?? '' }
      : null,
  keys: (w) => {
    if (w.status === 'pending') return ['wish.pending']
    if (w.status === 'open') return ['wish.open']
    if (w.status === 'done' && w.doneAt) return [litKey(shanghaiYear(new Date(w.doneAt)))]
    return []
  },
}

export const litKey = (year: number) => `wish.lit.y${year}`

/** The slots that hold the author's active wishes (at most MAX_ACTIVE_WISHES). */
export const slotKey = (openid: string, n: number): string => `${openid}#${n}`
export const slotsOf = (openid: string): string[] =>
  Array.from({ length: MAX_ACTIVE_WISHES }, (_x, n) => slotKey(openid, n))

/** Reads the author's active wishes with the caller (see lib/load). */
export const activeOf = (openid: string, as = 'active'): Join => ({
  as,
  from: 'wishes',
  field: 'slot',
  equals: slotsOf(openid),
})

/**
 * The wish domain in `user.counts`: the viewer's grid, the queue they review, and their own
 * fulfilled wishes to confirm (read with the caller from their active slots, at most three).
 */
export const wishCounters: DomainCounters = {
  counted: wishCounted as Counted<never>,
  viewerLoads: (openid) => [activeOf(openid, 'wishActive')],
  viewerCounts(actor, year, grids, joined) {
    const out: Counts = {}
    if (actor.gridId && actor.verified) {
      const active = (joined['wishActive'] ?? []) as unknown as Pick<WishDoc, 'status'>[]
      out['wish.litThisYear'] = countOf(grids.home, litKey(year))
      out['wish.openNow'] = countOf(grids.home, 'wish.open')
      out['wish.toConfirm'] = active.filter((w) => w.status === 'fulfilled').length
    }
    if (grids.reviewed) {
      out['wish.toReview'] = grids.reviewed.reduce((n, g) => n + countOf(g, 'wish.pending'), 0)
    }
    return out
  },
}
