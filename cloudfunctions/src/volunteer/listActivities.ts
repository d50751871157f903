import { ListActivitiesInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import { activities, type ActivityDoc } from './store'
import { activityView, visible } from './view'

/**
 * Activities in a scope, keyset-paged on the start time: upcoming ones of the viewer's community
 * soonest first, past ones and the viewer's own (signed up, waitlisted or cancelled) latest
 * first, and the ones a committee or grid worker manages. One indexed query.
 */
export const listActivities = action(
  ListActivitiesInput,
  async ({ actor, input }) => {
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const _ = db().command
    const now = new Date()
    let where: Record<string, unknown>
    let asc = false
    if (input.scope === 'upcoming' || input.scope === 'past') {
      if (!actor.verified || !actor.communityId) return ok({ items: [], nextCursor: null })
      asc = input.scope === 'upcoming'
      const bound = asc
        ? after
          ? _.gte(after.at)
          : _.gt(now)
        : _.lte(after && after.at < now ? after.at : now)
      where = { communityId: actor.communityId, startAt: bound }
    } else if (input.scope === 'mine') {
      where = { queue: actor.openid }
    } else if (actor.committeeCommunityId) {
      where = { communityId: actor.committeeCommunityId }
    } else if (actor.workerGridIds.length) {
      const ids = actor.workerGridIds
      where = { gridId: ids.length === 1 ? ids[0] : _.in(ids) }
    } else if (actor.isAdmin) {
      where = {}
    } else {
      return fail('FORBIDDEN', '只有社区两委或网格员可以管理志愿活动', 'scope')
    }
    if (!asc && after && input.scope !== 'past') where.startAt = _.lte(after.at)
    const limit = input.limit ?? 20
    const { data } = await activities()
      .where(where)
      .orderBy('startAt', asc ? 'asc' : 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    const shown = data.filter((a) => visible(actor, a))
    const view = (a: ActivityDoc) => activityView(actor, a, now)
    return ok(pageOf(shown, after, limit, (a) => a.startAt, view))
  },
  { read: true }
)
