import type { UnindexedQuery } from './functions/runner'

// Per function+action figures for GET /api/_stats: how many invocations, how many database round
// trips each took, how long, and which queries no index served. Benchmarks and reviews read it;
// cloud tests assert that no query goes unindexed.

interface Range {
  min: number
  max: number
  total: number
}

interface Entry {
  fn: string
  action: string
  invocations: number
  failures: number
  roundTrips: Range
  ms: Range
  unindexed: UnindexedQuery[]
}

const MAX_KEPT = 200

const addTo = (r: Range, n: number, first: boolean): void => {
  r.min = first ? n : Math.min(r.min, n)
  r.max = first ? n : Math.max(r.max, n)
  r.total += n
}

const summary = (r: Range, count: number) => ({
  min: r.min,
  avg: count ? Math.round((r.total / count) * 100) / 100 : 0,
  max: r.max,
})

export class StatsLog {
  private entries = new Map<string, Entry>()
  /** unindexed queries that belong to no running invocation */
  private stray: UnindexedQuery[] = []

  record(
    fn: string,
    action: string,
    figures: { roundTrips: number; ms: number; ok: boolean; unindexed: UnindexedQuery[] }
  ): void {
    const key = `${fn}.${action}`
    let entry = this.entries.get(key)
    if (!entry) {
      entry = {
        fn,
        action,
        invocations: 0,
        failures: 0,
        roundTrips: { min: 0, max: 0, total: 0 },
        ms: { min: 0, max: 0, total: 0 },
        unindexed: [],
      }
      this.entries.set(key, entry)
    }
    const first = entry.invocations === 0
    entry.invocations++
    if (!figures.ok) entry.failures++
    addTo(entry.roundTrips, figures.roundTrips, first)
    addTo(entry.ms, figures.ms, first)
    entry.unindexed.push(...figures.unindexed)
    if (entry.unindexed.length > MAX_KEPT)
      entry.unindexed.splice(0, entry.unindexed.length - MAX_KEPT)
  }

  recordStray(query: UnindexedQuery): void {
    this.stray.push(query)
    if (this.stray.length > MAX_KEPT) this.stray.shift()
  }

  snapshot() {
    const functions = [...this.entries.values()]
      .sort((a, b) => a.fn.localeCompare(b.fn) || a.action.localeCompare(b.action))
      .map((e) => ({
        fn: e.fn,
        action: e.action,
        invocations: e.invocations,
        failures: e.failures,
        roundTrips: summary(e.roundTrips, e.invocations),
        ms: summary(e.ms, e.invocations),
        unindexed: e.unindexed.map(({ collection, queryAction, query, order, reason }) => ({
          collection,
          action: queryAction,
          query,
          order,
          reason,
        })),
      }))
    const unindexedCount = functions.reduce((n, f) => n + f.unindexed.length, 0) + this.stray.length
    return { functions, unindexedCount, strayUnindexed: this.stray }
  }

  reset(): void {
    this.entries.clear()
    this.stray = []
  }
}
