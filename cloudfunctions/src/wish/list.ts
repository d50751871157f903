import { ListWishesInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import { wishes, type WishDoc } from './store'
import { canSee, listFilter } from './policy'
import { wishView } from './view'

/**
 * Wishes in a scope, newest first, keyset-paged: the viewer's grid, their community (the wish
 * wall), the ones they wrote, the ones they claimed, or a reviewer's queue. One indexed query.
 */
export const list = action(
  ListWishesInput,
  async ({ actor, input }) => {
    const filter = listFilter(actor, input.scope, input.status)
    if (!filter.ok) {
      return fail(filter.code, filter.message, filter.code === 'FORBIDDEN' ? 'scope' : undefined)
    }
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    if (filter.statuses && !filter.statuses.length) return ok({ items: [], nextCursor: null })

    const _ = db().command
    const { gridId, ...equal } = filter.match
    const where: Record<string, unknown> = { ...equal }
    if (gridId) where.gridId = gridId.length === 1 ? gridId[0] : _.in(gridId)
    const { statuses } = filter
    if (statuses) where.status = statuses.length === 1 ? statuses[0] : _.in(statuses)
    if (after) where.createdAt = _.lte(after.at)
    const limit = input.limit ?? 20
    const { data } = await wishes()
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    // The filter already selects only what the viewer may see; this keeps it so if it ever drifts.
    const visible = data.filter((w) => canSee(actor, w))
    const view = (w: WishDoc) => wishView(actor, w)
    return ok(pageOf(visible, after, limit, (w) => w.createdAt, view))
  },
  { read: true }
)
