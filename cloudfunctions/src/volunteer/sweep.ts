import { db } from '../lib/cloud'
import { activities } from './store'
import { credit, importDone } from './ledger'

/**
 * Timer (`volunteer`, every 10 minutes): activities whose signup closed stop counting as open
 * (`volunteer.upcoming`), ended activities stop counting as their volunteers'
 * (`volunteer.signedUp`, the overlap check), then the ledger imports done wishes and closed
 * errands and sums the entries not summed yet.
 */
export async function sweep() {
  const _ = db().command
  const now = new Date()
  const [closed, ended] = await Promise.all([
    activities()
      .where({ open: true, signupDeadline: _.lte(now) })
      .update({ data: { open: false, openGrid: '', openCommunity: '' } }),
    activities()
      .where({ settled: false, endAt: _.lte(now) })
      .update({ data: { settled: true, live: [] } }),
  ])
  const imported = await importDone()
  const credited = await credit()
  return {
    closed: closed.stats.updated,
    ended: ended.stats.updated,
    imported,
    credited,
  }
}
