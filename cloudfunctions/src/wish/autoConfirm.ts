import { WISH_AUTO_CONFIRM_DAYS } from '@/contract/wish'
import { db } from '../lib/cloud'
import { audit } from '../lib/audit'
import { entry } from '../lib/store'
import { leaveActive, move, wishes, type WishDoc } from './store'

const DAY_MS = 24 * 3600 * 1000
const BATCH = 100
const MAX_BATCHES = 50

/**
 * Timer (hourly): a fulfilled wish its author has not confirmed within 7 days is confirmed by
 * the system: `done`, `autoConfirmed`, no rating. Each move is conditional, so an author who
 * confirms at the same moment wins cleanly. Returns how many were confirmed.
 */
export async function autoConfirm(): Promise<number> {
  const cutoff = new Date(Date.now() - WISH_AUTO_CONFIRM_DAYS * DAY_MS)
  let confirmed = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    // Rows that move leave the `fulfilled` status, so each batch starts from the front again.
    const { data } = await wishes()
      .where({ status: 'fulfilled', fulfilledAt: db().command.lte(cutoff) })
      .orderBy('fulfilledAt', 'asc')
      .limit(BATCH)
      .get()
    for (const wish of data) {
      const step = entry(
        new Date(),
        'autoConfirmed',
        `超过 ${WISH_AUTO_CONFIRM_DAYS} 天未确认，系统自动确认点亮`
      )
      const changes: Partial<WishDoc> = {
        status: 'done',
        doneAt: step.at,
        rating: null,
        autoConfirmed: true,
        ...leaveActive(wish._id),
      }
      if (await move(wish, 'fulfilled', {}, changes, step)) {
        confirmed++
        await audit('system', 'wish.autoConfirm', wish._id, { from: 'fulfilled', to: 'done' })
      }
    }
    if (data.length < BATCH) break
  }
  return confirmed
}
