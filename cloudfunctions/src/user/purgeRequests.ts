import { db } from '../lib/cloud'
import { audits, REQUEST_RETENTION_MS } from '../lib/audit'

/**
 * Timer: a request's stored result only matters while a client may still retry; older ones are
 * dropped from their audit entries (which stay), so results holding personal data do not pile up.
 */
export async function purgeRequests(): Promise<{ removed: number }> {
  const _ = db().command
  const before = new Date(Date.now() - REQUEST_RETENTION_MS)
  const { stats } = await audits()
    .where({ at: _.lt(before), replay: _.exists(true) })
    .update({ data: { replay: _.remove() } })
  return { removed: stats.updated }
}
