import {
  ERRAND_AUTO_CLOSE_DAYS,
  ERRAND_LEVEL_LABELS,
  ERRAND_OVERDUE_HOURS,
  ERRAND_PURGE_DAYS,
  ESCALATE_TO_COMMITTEE_HOURS,
  ESCALATE_TO_COMMUNITY_HOURS,
  type ErrandLevel,
} from '@/contract/errand'
import { db } from '../lib/cloud'
import { users } from '../lib/actor'
import { entry } from '../lib/store'
import { DAY, HOUR, auditAll, committeeOf, groupBy, sweeper } from '../lib/sweep'
import { errandCounted } from './counters'
import { derived, type ErrandDoc } from './store'
import { tellEscalated, tellExpired, tellOverdue } from './notify'

// The `errand` timer (every 10 minutes): escalation, expiry, the overdue flag, auto-close and the
// purge of personal data. Each path reads its due errands by an index in batches and moves each
// batch with conditional writes: where every errand of a batch gets the same change, one write
// per community moves them all; the counters take one write per community per batch.

const { eachBatch, moveAll, moveEach } = sweeper<ErrandDoc>({ counted: errandCounted, derived })

/** The grid workers of `gridIds`, read at once: for each grid, who serves it. */
async function workersOf(gridIds: string[]): Promise<Map<string, string[]>> {
  const _ = db().command
  const { data } = await users()
    .where({ workerGridIds: gridIds.length === 1 ? gridIds[0] : _.in(gridIds) })
    .limit(1000)
    .get()
  const out = new Map<string, string[]>(gridIds.map((g) => [g, []]))
  for (const u of data) {
    for (const g of u.workerGridIds ?? []) out.get(g)?.push(u._id)
  }
  return out
}

/** The community's verified red agents, read once per community and batch. */
async function agentsOf(communityId: string): Promise<{ _id: string; gridId?: string }[]> {
  const { data } = await users()
    .where({ communityId, bindStatus: 'verified', roles: 'redAgent' })
    .limit(1000)
    .get()
  return data
}

/** The agents whose pool an escalated errand enters: not its booker, nor its own grid's agents. */
const poolGrew = (agents: { _id: string; gridId?: string }[], e: ErrandDoc): string[] =>
  agents.filter((u) => u._id !== e.bookerOpenid && u.gridId !== e.gridId).map((u) => u._id)

/** Unaccepted past the hours of `from`: up one level, with one write per community. */
function escalate(from: ErrandLevel, to: ErrandLevel, hours: number) {
  const cutoff = new Date(Date.now() - hours * HOUR)
  return eachBatch(
    {
      where: { status: 'requested', level: from, createdAt: db().command.lte(cutoff) },
      order: 'createdAt',
    },
    async (batch) => {
      let n = 0
      // One time for the batch (read in booking order): an errand booked later never shows as
      // escalated earlier, so the work queue's booking order is its escalation order.
      const step = entry(new Date(), 'escalated', `无人接单，已升级到${ERRAND_LEVEL_LABELS[to]}`)
      for (const [communityId, list] of groupBy(batch, (e) => e.communityId)) {
        const changes: Partial<ErrandDoc> = {
          level: to,
          pool: `c:${communityId}`,
          helpPool: '',
        }
        const moved = await moveAll(list, { status: 'requested', level: from }, changes, step)
        if (!moved.length) continue
        n += moved.length
        await auditAll('errand.escalate', moved, { from, to })
        // Who is told is read once per community and batch; each errand is told on its own
        // (a subscribe message opens one errand).
        const level = ERRAND_LEVEL_LABELS[to]
        if (to === 'community') {
          const [workers, agents] = await Promise.all([
            workersOf([...new Set(moved.map((e) => e.gridId))]),
            agentsOf(communityId),
          ])
          await Promise.all(
            moved.map((e) =>
              tellEscalated(e, workers.get(e.gridId) ?? [], poolGrew(agents, e), level)
            )
          )
        } else {
          const committee = await committeeOf(communityId)
          await Promise.all(moved.map((e) => tellEscalated(e, committee, [], level)))
        }
      }
      return n
    }
  )
}

/** Unaccepted when its slot ended (a help call: HELP_EXPIRE_HOURS after it): expired, booker told. */
function expire() {
  return eachBatch(
    { where: { status: 'requested', expiresAt: db().command.lte(new Date()) }, order: 'expiresAt' },
    async (batch) => {
      const step = entry(new Date(), 'expired', '时段已过，无人接单，代办已过期')
      // One write each: each gives its booker's key back (its own id).
      const moved = await moveEach(
        batch,
        () => ({ from: 'requested', guard: {}, changes: { status: 'expired', endedAt: step.at } }),
        step
      )
      await auditAll('errand.expire', moved, { from: 'requested', to: 'expired' })
      await Promise.all(moved.map(tellExpired))
      return moved.length
    }
  )
}

/** Accepted and not completed 48 h after acceptance: flagged, the grid workers told. */
function flagOverdue() {
  const cutoff = new Date(Date.now() - ERRAND_OVERDUE_HOURS * HOUR)
  return eachBatch(
    {
      where: { status: 'accepted', overdue: false, acceptedAt: db().command.lte(cutoff) },
      order: 'acceptedAt',
    },
    async (batch) => {
      const step = entry(new Date(), 'overdue', `接单超过 ${ERRAND_OVERDUE_HOURS} 小时未办结`)
      const guard = { status: 'accepted', overdue: false }
      const moved = await moveAll(batch, guard, { overdue: true }, step)
      await auditAll('errand.overdue', moved, {})
      if (moved.length) {
        // The workers of every grid of the batch in one read; each errand told to its grid's.
        const workers = await workersOf([...new Set(moved.map((e) => e.gridId))])
        await Promise.all(moved.map((e) => tellOverdue(e, workers.get(e.gridId) ?? [])))
      }
      return moved.length
    }
  )
}

/** Completed and not signed off for 3 days: closed without a rating. */
function autoClose() {
  const cutoff = new Date(Date.now() - ERRAND_AUTO_CLOSE_DAYS * DAY)
  return eachBatch(
    { where: { status: 'completed', completedAt: db().command.lte(cutoff) }, order: 'completedAt' },
    async (batch) => {
      const step = entry(
        new Date(),
        'autoClosed',
        `超过 ${ERRAND_AUTO_CLOSE_DAYS} 天未销单，系统自动销单`
      )
      const changes: Partial<ErrandDoc> = { status: 'closed', endedAt: step.at, live: [] }
      const moved = await moveAll(batch, { status: 'completed' }, changes, step)
      await auditAll('errand.autoClose', moved, { from: 'completed', to: 'closed' })
      return moved.length
    }
  )
}

/** 30 days after the end: the booker's phone and room, the contact phone and the detail removed. */
function purge() {
  const cutoff = new Date(Date.now() - ERRAND_PURGE_DAYS * DAY)
  return eachBatch(
    { where: { purged: false, endedAt: db().command.lte(cutoff) }, order: 'endedAt' },
    async (batch) => {
      const step = entry(new Date(), 'purged', '已按规定清除联系方式、门牌号和代办内容')
      const changes: Partial<ErrandDoc> = {
        purged: true,
        bookerPhone: null,
        bookerRoom: null,
        contactPhone: null,
        detail: null,
      }
      const moved = await moveAll(batch, { purged: false }, changes, step)
      await auditAll('errand.purge', moved, {})
      return moved.length
    }
  )
}

/** The timer: every path in turn; how many errands each moved. */
export async function sweep() {
  // Expiry first: nobody is told of an escalation for an errand whose time is already over.
  const expired = await expire()
  const community = await escalate('grid', 'community', ESCALATE_TO_COMMUNITY_HOURS)
  const committee = await escalate('community', 'committee', ESCALATE_TO_COMMITTEE_HOURS)
  const overdue = await flagOverdue()
  const closed = await autoClose()
  const purged = await purge()
  return { escalated: community + committee, expired, overdue, closed, purged }
}
