import {
  MATTER_AUTO_CLOSE_DAYS,
  MATTER_ESCALATE_HOURS,
  MATTER_OVERDUE_HOURS,
  MATTER_PURGE_DAYS,
} from '@/contract/matter'
import { db, deleteFiles } from '../lib/cloud'
import { DAY, HOUR, auditAll, committeeOf, groupBy, sweeper } from '../lib/sweep'
import { matterCounted } from './counters'
import { SYSTEM } from './people'
import { derived, step, type MatterDoc } from './store'
import { tellEscalated } from './notify'

// The `matter` timer (every 10 minutes): escalation to the community, the overdue flag,
// auto-close and the purge of photos and personal data. Each path reads its due matters by an
// index in batches and moves each batch with conditional writes: where every matter of a batch
// gets the same change, one write per community moves them all; the counters take one write per
// community per batch.

const { eachBatch, moveAll, moveEach } = sweeper<MatterDoc>({ counted: matterCounted, derived })

/** Reported and unaccepted for 24 h in the grid: up to the community, the committee told. */
function escalate() {
  const cutoff = new Date(Date.now() - MATTER_ESCALATE_HOURS * HOUR)
  return eachBatch(
    {
      where: { status: 'reported', level: 'grid', waitingSince: db().command.lte(cutoff) },
      order: 'waitingSince',
    },
    async (batch) => {
      let n = 0
      for (const [communityId, list] of groupBy(batch, (m) => m.communityId)) {
        const s = step(
          'autoEscalated',
          `超过 ${MATTER_ESCALATE_HOURS} 小时未受理，已上报社区`,
          SYSTEM
        )
        const changes: Partial<MatterDoc> = {
          level: 'community',
          waitingSince: s.at,
          overdue: false,
          queue: `c:${communityId}`,
          queueAt: s.at,
        }
        const moved = await moveAll(list, { status: 'reported', level: 'grid' }, changes, s)
        if (!moved.length) continue
        n += moved.length
        await auditAll('matter.autoEscalate', moved, { from: 'grid', to: 'community' })
        const committee = await committeeOf(communityId)
        await Promise.all(moved.map((m) => tellEscalated(m, committee, true)))
      }
      return n
    }
  )
}

/**
 * Waiting too long at its level (unaccepted 72 h at the community, or handled 72 h without a
 * resolution): flagged, first in the staff queue. One write each: each moves to its own place.
 */
function flagOverdue(where: Record<string, unknown>, text: string) {
  return eachBatch({ where, order: 'waitingSince' }, async (batch) => {
    const s = step('overdue', text, SYSTEM)
    const moved = await moveEach(
      batch,
      (m) => ({
        from: m.status,
        guard: { overdue: false, level: m.level },
        changes: { overdue: true },
      }),
      s
    )
    await auditAll('matter.overdue', moved, {})
    return moved.length
  })
}

function overdue() {
  const _ = db().command
  const cutoff = _.lte(new Date(Date.now() - MATTER_OVERDUE_HOURS * HOUR))
  return Promise.all([
    flagOverdue(
      { status: 'reported', level: 'community', overdue: false, waitingSince: cutoff },
      `上报社区超过 ${MATTER_OVERDUE_HOURS} 小时未受理`
    ),
    flagOverdue(
      { status: 'handling', overdue: false, waitingSince: cutoff },
      `受理超过 ${MATTER_OVERDUE_HOURS} 小时未办结`
    ),
  ]).then(([a, b]) => a + b)
}

/** Resolved and not rated for 7 days: closed without a rating. */
function autoClose() {
  const cutoff = new Date(Date.now() - MATTER_AUTO_CLOSE_DAYS * DAY)
  return eachBatch(
    { where: { status: 'resolved', resolvedAt: db().command.lte(cutoff) }, order: 'resolvedAt' },
    async (batch) => {
      const s = step('autoClosed', `超过 ${MATTER_AUTO_CLOSE_DAYS} 天未评价，系统自动办结`, SYSTEM)
      const changes: Partial<MatterDoc> = {
        status: 'closed',
        endedAt: s.at,
        live: [],
        queue: '',
        queueAt: null,
      }
      const moved = await moveAll(batch, { status: 'resolved' }, changes, s)
      await auditAll('matter.autoClose', moved, { from: 'resolved', to: 'closed' })
      return moved.length
    }
  )
}

/** 90 days after closed or withdrawn: the photos leave storage, the reporter's phone and room go. */
function purge() {
  const cutoff = new Date(Date.now() - MATTER_PURGE_DAYS * DAY)
  return eachBatch(
    { where: { purged: false, endedAt: db().command.lte(cutoff) }, order: 'endedAt' },
    async (batch) => {
      // The files first: a crash after leaves them listed, and the next run deletes them again.
      const files = batch.flatMap((m) => m.photos ?? [])
      if (files.length) await deleteFiles(files)
      const s = step('purged', '已按规定删除照片并清除联系方式和门牌号', SYSTEM)
      const changes: Partial<MatterDoc> = {
        purged: true,
        photos: [],
        reporterPhone: null,
        reporterRoom: null,
      }
      const moved = await moveAll(batch, { purged: false }, changes, s)
      await auditAll('matter.purge', moved, { photos: files.length })
      return moved.length
    }
  )
}

/** The timer: every path in turn; how many matters each moved. */
export async function sweep() {
  const escalated = await escalate()
  const flagged = await overdue()
  const closed = await autoClose()
  const purged = await purge()
  return { escalated, overdue: flagged, closed, purged }
}
