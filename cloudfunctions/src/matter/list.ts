import { ListMattersInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import { whereOf } from '../lib/store'
import { matters, type MatterDoc } from './store'
import { canSee, listFilter } from './policy'
import { matterView, photoUrls } from './view'

/**
 * Matters in a scope, keyset-paged, one indexed query: the viewer's own and the public board
 * (grid, community) newest first; the staff queue overdue first, then oldest first. Each item
 * shows its cover photo (one storage call for the page).
 */
export const list = action(
  ListMattersInput,
  async ({ actor, input }) => {
    const filter = listFilter(actor, input.scope, input.status)
    if (!filter.ok) return fail(filter.code, filter.message, 'scope')
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    if (filter.empty) return ok({ items: [], nextCursor: null })

    const _ = db().command
    const where = whereOf(filter.match)
    // A status other than withdrawn implies the board: one index per scope and status.
    if (input.status) {
      delete where.board
      where.status = input.status
    }
    const queue = filter.order === 'queue'
    const time = queue ? 'queueAt' : 'createdAt'
    if (after) where[time] = queue ? _.gte(after.at) : _.lte(after.at)
    const limit = input.limit ?? 20
    const { data } = await matters()
      .where(where)
      .orderBy(time, queue ? 'asc' : 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    // The filter already selects only what the viewer may see; this keeps it so if it ever drifts.
    const visible = data.filter((m) => canSee(actor, m))
    const page = pageOf(
      visible,
      after,
      limit,
      (m) => m[time],
      (m: MatterDoc) => m
    )
    const urls = await photoUrls(page.items, false)
    return ok({
      items: page.items.map((m) => matterView(actor, m, urls, false)),
      nextCursor: page.nextCursor,
    })
  },
  { read: true }
)
