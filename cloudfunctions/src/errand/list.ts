import { ListErrandsInput } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import { whereOf } from '../lib/store'
import { errands, type ErrandDoc } from './store'
import { canSee, listFilter } from './policy'
import { errandView } from './view'

/**
 * Errands in a scope, newest first, keyset-paged: the viewer's own, the pool they may accept
 * from, the ones they accepted, or the staff view of the grids or community they serve. One
 * indexed query.
 */
export const list = action(
  ListErrandsInput,
  async ({ actor, input }) => {
    const filter = listFilter(actor, input.scope, input.status)
    if (!filter.ok) return fail(filter.code, filter.message, 'scope')
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    if (filter.empty) return ok({ items: [], nextCursor: null })

    const _ = db().command
    const where = whereOf(filter.match)
    // A condition the index does not hold: applied as it walks, so pages stay full.
    if (filter.notBooker) where.bookerOpenid = _.neq(filter.notBooker)
    if (input.status && input.scope !== 'pool') where.status = input.status
    if (after) where.createdAt = _.lte(after.at)
    const limit = input.limit ?? 20
    const { data } = await errands()
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    // The filter already selects only what the viewer may see; this keeps it so if it ever drifts.
    const visible = data.filter((e) => canSee(actor, e))
    const view = (e: ErrandDoc) => errandView(actor, e)
    return ok(pageOf(visible, after, limit, (e) => e.createdAt, view))
  },
  { read: true }
)
