import { db } from '../lib/cloud'
import { audits } from '../lib/audit'
import { PERSONAL_DATA } from '../lib/personal-data'

/** `detail.erase` of a `user.deleteMe` audit entry: waiting for this timer, then done. */
export const ERASE_PENDING = 'pending'
export const ERASE_DONE = 'done'

const BATCH = 20
const MAX_BATCHES = 25

interface EraseJob {
  _id: string
  targetId: string
  at: Date | string
}

/**
 * Timer (every 10 minutes): completes account deletions. For each `user.deleteMe` entry still
 * pending, oldest first, every registered record that holds the person's data and was made
 * before the deletion is anonymised (after its domain's `erase` hook, e.g. photos deleted) (one conditional update per registry entry), the stored
 * results of their earlier requests are dropped (the deletion's own, which holds nothing personal,
 * stays, so its retry still answers `deleted`), and the entry is marked done. Re-running a job is
 * harmless (the updates are idempotent), so a crash midway is finished by the next run. Records
 * made after the deletion (the person came back and bound again) are theirs anew and left alone.
 */
export async function erase(): Promise<{ erased: number }> {
  const _ = db().command
  let erased = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { data } = (await audits()
      .where({ 'detail.erase': ERASE_PENDING })
      .orderBy('at', 'asc')
      .limit(BATCH)
      .get()) as unknown as { data: EraseJob[] }
    for (const job of data) {
      const openid = job.targetId
      const deletedAt = new Date(job.at)
      // Before the anonymising updates: a hook may read what they overwrite (photo file IDs).
      await Promise.all(PERSONAL_DATA.map((p) => p.erase?.(openid, deletedAt)))
      await Promise.all([
        ...PERSONAL_DATA.map((p) =>
          db()
            .collection(p.collection)
            .where({ [p.ownerField]: openid, createdAt: _.lte(deletedAt) })
            .update({ data: p.anonymize })
        ),
        audits()
          .where({ actorOpenid: openid, replay: _.exists(true), at: _.lt(deletedAt) })
          .update({ data: { replay: _.remove() } }),
      ])
      await audits()
        .doc(job._id)
        .update({ data: { 'detail.erase': ERASE_DONE, erasedAt: db().serverDate() } })
      erased++
    }
    if (data.length < BATCH) break
  }
  return { erased }
}
