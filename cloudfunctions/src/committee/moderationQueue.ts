import { EmptyInput } from '@/contract/common'
import {
  QUEUE_COUNT_KEYS,
  QUEUE_KINDS,
  type QueueKind,
  type QueueSection,
  type WorkQueue,
} from '@/contract/committee'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db, type Doc } from '../lib/cloud'
import { isStaff } from '../lib/policy'
import type { CounterDoc } from '../lib/counters'
import { countsLoads, countsOf } from '../lib/counts'
import { areaOf, queueItem, queueLookup, queueQuery } from './queue'

const ALL_COUNTERS = '__counters'

/**
 * Every queue the caller serves, most urgent kind first, with the count `user.counts` answers for
 * it and its first items. Two round trips: the caller with their counters and the domains' loads
 * (as `user.counts` reads them), then one aggregation whose uncorrelated `$lookup`s read each
 * queue's first items by index (and, for an admin, every community's counters).
 */
export const moderationQueue = action(
  EmptyInput,
  async ({ actor, joined }) => {
    const area = areaOf(actor)
    if (!isStaff(actor) || !area) {
      return fail('FORBIDDEN', '只有网格员、社区两委或管理员可以查看待办')
    }
    // Which counts the caller is answered (whatever the numbers): the queues they serve. An
    // admin's numbers need every community's counters, read below with the items.
    const known = countsOf(actor, joined).counts
    const served = QUEUE_KINDS.filter((k) => QUEUE_COUNT_KEYS[k] in known)
    const queries = served.flatMap((kind) => {
      const q = queueQuery(kind, actor, area)
      return q ? [{ kind, q }] : []
    })

    let agg = db()
      .collection('users')
      .aggregate()
      .match({ _id: actor.openid })
      .limit(1)
      .project({ _id: 1 })
    for (const { kind, q } of queries) agg = agg.lookup(queueLookup(kind, q))
    if (actor.isAdmin) {
      agg = agg.lookup({ from: 'counters', pipeline: [{ $match: {} }], as: ALL_COUNTERS })
    }
    const row = ((await agg.end()).list[0] ?? {}) as Record<string, unknown>

    const all = (row[ALL_COUNTERS] ?? []) as CounterDoc[]
    const counts = actor.isAdmin ? countsOf(actor, joined, all).counts : known
    const sections: QueueSection[] = served.map((kind: QueueKind) => ({
      kind,
      count: counts[QUEUE_COUNT_KEYS[kind]] ?? 0,
      items: ((row[kind] ?? []) as Doc[]).map((d) => queueItem(kind, d)),
    }))
    return ok<WorkQueue>({ total: sections.reduce((n, s) => n + s.count, 0), sections })
  },
  { read: true, load: (_input, openid) => countsLoads(openid) }
)
