import { MyRecordInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import { homeSettings, ledger, pendingOf, totalsOf } from './store'
import { recordNow } from './record'
import { entryView } from './view'

/**
 * The caller's hours, stars and the hours to the next star, per source, and their entries
 * newest first: the totals, the unsummed entries and the settings read with the caller, then
 * one indexed page of entries.
 */
export const myRecord = action(
  MyRecordInput,
  async ({ actor, input, joined }) => {
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const now = recordNow(joined, actor.communityId)
    const _ = db().command
    const where: Record<string, unknown> = { openid: actor.openid }
    if (after) where.at = _.lte(after.at)
    const limit = input.limit ?? 20
    const { data } = await ledger()
      .where(where)
      .orderBy('at', 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    const page = pageOf(data, after, limit, (e) => e.at, entryView)
    return ok({
      totalHours: now.total,
      stars: now.stars,
      nextStar: now.nextStar,
      bySource: now.bySource,
      entries: page.items,
      nextCursor: page.nextCursor,
    })
  },
  {
    read: true,
    gate: 'verified',
    load: (_input, openid) => [totalsOf(openid), pendingOf(openid), homeSettings],
  }
)
