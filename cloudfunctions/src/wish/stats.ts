import { WishStatsInput, type WishStats } from '@/contract/wish'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { db } from '../lib/cloud'
import { shanghaiYearStart } from '../lib/time'
import { wishes } from './store'
import { grids } from '../lib/places'

type Counts = { litThisYear: number; openNow: number }

/**
 * Lit wishes this calendar year (Asia/Shanghai) and open wishes now, for the viewer's grid and
 * every grid of their community. Counted by the database (two grouped aggregates), not by
 * fetching rows. Users without a community get nulls.
 */
export const stats = action(
  WishStatsInput,
  async ({ actor }) => {
    const now = new Date()
    const yearStart = shanghaiYearStart(now)
    const year = new Date(yearStart.getTime() + 8 * 3600 * 1000).getUTCFullYear()
    const communityId = actor.communityId ?? actor.committeeCommunityId
    if (!communityId) return ok<WishStats>({ year, grid: null, community: null })

    const _ = db().command
    const $ = _.aggregate
    const perGrid = (match: Record<string, unknown>) =>
      wishes()
        .aggregate()
        .match({ communityId, ...match })
        .group({ _id: '$gridId', n: $.sum(1) })
        // Without a $limit stage the service returns only 20 groups.
        .limit(100)
        .end()
    const [gridRows, lit, open] = await Promise.all([
      grids().where({ communityId }).limit(100).get(),
      perGrid({ status: 'done', doneAt: _.gte(yearStart) }),
      perGrid({ status: 'open' }),
    ])
    const count = (rows: { list: Record<string, unknown>[] }, gridId: string) =>
      Number(rows.list.find((r) => r._id === gridId)?.n ?? 0)
    const byGrid = gridRows.data
      .map((g) => ({
        gridId: g._id,
        gridName: g.name,
        litThisYear: count(lit, g._id),
        openNow: count(open, g._id),
      }))
      .sort((a, b) => (a.gridId < b.gridId ? -1 : 1))
    const sum = (k: keyof Counts) => byGrid.reduce((n, g) => n + g[k], 0)
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
  { read: true }
)
