import { db } from '../lib/cloud'
import { countMany } from '../lib/counting'
import { activities, type ActivityDoc } from './store'
import { activityCounted } from './counters'
import { credit, importDone } from './ledger'

/**
 * Activities whose signup deadline has passed stop counting as open (`volunteer.upcoming`): each
 * closed with a write conditional on it being open, so two runs at once take each off the
 * counters once. The counters file them under their deadline, so the count already left them out.
 */
async function closeSignups(now: Date): Promise<number> {
  const _ = db().command
  const { data: due } = await activities()
    .where({ open: true, signupDeadline: _.lte(now) })
    .field(Object.fromEntries(activityCounted.fields.map((f) => [f, true])))
    .limit(1000)
    .get()
  const won = await Promise.all(
    due.map((a) =>
      activities()
        .where({ _id: a._id, open: true })
        .update({ data: { open: false } })
    )
  )
  const closed = due.filter((_a, i) => won[i].stats.updated === 1)
  await countMany(
    activityCounted,
    closed.map((a): [ActivityDoc, ActivityDoc] => [a, { ...a, open: false }])
  )
  return closed.length
}

/**
 * Timer (`volunteer`, every 10 minutes): activities whose signup closed stop counting as open,
 * ended activities stop counting as their volunteers' (`volunteer.signedUp`, the overlap check)
 * and are marked changed (the committee timer recomputes the months of what changed),
 * then the ledger imports done wishes and closed errands and sums the entries not summed yet.
 */
export async function sweep() {
  const _ = db().command
  const now = new Date()
  const [closed, ended] = await Promise.all([
    closeSignups(now),
    activities()
      .where({ settled: false, endAt: _.lte(now) })
      // `updatedAt`: an activity's end is a change the committee's figures count in its month.
      .update({ data: { settled: true, live: [], updatedAt: now } }),
  ])
  const imported = await importDone()
  const credited = await credit()
  return {
    closed,
    ended: ended.stats.updated,
    imported,
    credited,
  }
}
