import { db } from '../lib/cloud'
import { REQUEST_RETENTION_MS } from '../lib/idempotency'

/**
 * Timer: idempotency records only matter while a client may still retry; older ones are removed
 * so the collection (which may hold results with personal data) does not grow without bound.
 */
export async function purgeRequests(): Promise<{ removed: number }> {
  const before = new Date(Date.now() - REQUEST_RETENTION_MS)
  const { stats } = await db()
    .collection('requests')
    .where({ at: db().command.lt(before) })
    .remove()
  return { removed: stats.removed }
}
