import {
  addMonths,
  DASHBOARD_NOW,
  DashboardInput,
  monthSpan,
  type Dashboard,
  type DashboardNowFigure,
  type DashboardRow,
} from '@/contract/committee'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import {
  countersOf,
  countOf,
  joinedCounters,
  type CounterDoc,
  type GridCounts,
} from '../lib/counters'
import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import { iso } from '../lib/time'
import { combine, derive, emptyBucket, monthOf, rangeOf, type Bucket } from './figures'
import { adminCommunity, chosenCommunity } from './policy'
import { monthsOf, type StatsDoc } from './store'

/** The counters each live figure reads (the same as `user.counts`' wish.openNow, errand.overdue, matter.open). */
const NOW_KEYS: Record<DashboardNowFigure, string> = {
  wishesOpen: 'wish.open',
  errandsOverdue: 'errand.overdue',
  mattersOpen: 'matter.open',
}

interface Scope {
  counters: CounterDoc | undefined
  communityId: string
  gridIds: string[] | null
  wide: boolean
}

/**
 * What the caller sees: a community, its grids among them, and whether community-wide items
 * count; the message on `communityId` for an admin without one; null for who sees nothing.
 */
function scopeOf(
  a: Actor,
  input: DashboardInput,
  joined: Record<string, Doc[]>
): Scope | { message: string } | null {
  const find = (as: string, id: string | null | undefined) =>
    joinedCounters(joined, as).find((d) => d.communityId === id)
  if (a.isAdmin) {
    const chosen = adminCommunity(a, input, joined)
    if ('message' in chosen) return chosen
    const { communityId } = chosen
    const doc = input.communityId ? find('chosen', communityId) : find('home', communityId)
    return { counters: doc, communityId, gridIds: null, wide: true }
  }
  if (a.committeeCommunityId) {
    const id = a.committeeCommunityId
    return { counters: find('committee', id), communityId: id, gridIds: null, wide: true }
  }
  if (!a.workerGridIds.length) return null
  const doc = joinedCounters(joined, 'worker').find((d) =>
    a.workerGridIds.some((g) => d.gridIds.includes(g))
  )
  const communityId = doc?.communityId ?? a.communityId ?? ''
  const gridIds = a.workerGridIds.filter((g) => !doc || doc.gridIds.includes(g))
  return { counters: doc, communityId, gridIds, wide: false }
}

/** Grids in the order the community lists them (`user.listGrids`: by id). */
const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

const nowOf = (grid: GridCounts | undefined) =>
  Object.fromEntries(DASHBOARD_NOW.map((f) => [f, countOf(grid, NOW_KEYS[f])])) as Record<
    DashboardNowFigure,
    number
  >

function rowOf(
  gridId: string | null,
  name: string,
  byMonth: Bucket[],
  now: Record<DashboardNowFigure, number>
): DashboardRow {
  return { gridId, name, figures: derive(combine(byMonth)), byMonth: byMonth.map(derive), now }
}

/**
 * The committee's figures per grid and in total over a range of months, from the pre-aggregated
 * month documents the committee timer keeps, and the live state from the kept counters. Two round
 * trips at any size: the caller with their counters, then the range's month documents.
 */
export const dashboard = action(
  DashboardInput,
  async ({ actor, input, joined }) => {
    const scope = scopeOf(actor, input, joined)
    if (!scope) return fail('FORBIDDEN', '只有网格员、社区两委或管理员可以查看工作台数据')
    if ('message' in scope) return fail('INVALID_INPUT', scope.message, 'communityId')
    const range = rangeOf(input, monthOf(new Date()))
    if ('field' in range) return fail('INVALID_INPUT', range.message, range.field)
    const months = Array.from({ length: monthSpan(range.from, range.to) }, (_x, i) =>
      addMonths(range.from, i)
    )
    const docs = await monthsOf(scope.communityId, months)
    const byMonth = new Map<string, StatsDoc>(docs.map((d) => [d.month, d]))
    const counted = scope.counters?.grids ?? {}
    const gridIds = [...(scope.gridIds ?? Object.keys(counted))].sort(byId)
    const bucketsOf = (gridId: string | null) =>
      months.map((m) => {
        const doc = byMonth.get(m)
        return (gridId ? doc?.grids?.[gridId] : doc?.community) ?? emptyBucket()
      })
    const grids = gridIds.map((g) =>
      rowOf(g, counted[g]?.name ?? '', bucketsOf(g), nowOf(counted[g]))
    )
    const parts = [...gridIds.map(bucketsOf), ...(scope.wide ? [bucketsOf(null)] : [])]
    const totalNow = nowOf(undefined)
    for (const row of grids) for (const f of DASHBOARD_NOW) totalNow[f] += row.now[f]
    const total = rowOf(
      null,
      '合计',
      months.map((_m, i) => combine(parts.map((p) => p[i]))),
      totalNow
    )
    const computed = docs.map((d) => new Date(d.computedAt).getTime()).filter((t) => t > 0)
    return ok<Dashboard>({
      communityId: scope.communityId,
      from: range.from,
      to: range.to,
      months,
      grids,
      total,
      computedAt: computed.length ? iso(new Date(Math.min(...computed))) : null,
    })
  },
  {
    read: true,
    load: (input) => [
      countersOf.home,
      countersOf.committee,
      countersOf.worker,
      ...(input.communityId
        ? [{ as: 'chosen', from: 'counters', field: 'communityId', equals: [input.communityId] }]
        : []),
      ...chosenCommunity(input),
    ],
  }
)
