import { ListActivitiesInput, type ActivityListScope } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import type { Actor } from '../lib/actor'
import { decodeCursor, fetchSize, pageOf, type Cursor } from '../lib/paging'
import { activities, type ActivityDoc } from './store'
import { activityView, visible } from './view'

type Selection =
  | { ok: true; where: Record<string, unknown>; asc: boolean }
  | { ok: true; empty: true }
  | { ok: false }

/** What a scope reads, in which order (each by its index); the cursor bounds the start time. */
function select(
  actor: Actor,
  scope: ActivityListScope,
  after: Cursor | null,
  now: Date
): Selection {
  const _ = db().command
  if (scope === 'upcoming' || scope === 'past') {
    if (!actor.verified || !actor.communityId) return { ok: true, empty: true }
    const startAt =
      scope === 'upcoming'
        ? after
          ? _.gte(after.at)
          : _.gt(now)
        : _.lte(after && after.at < now ? after.at : now)
    const audience = [`c:${actor.communityId}`, ...(actor.gridId ? [`g:${actor.gridId}`] : [])]
    return { ok: true, where: { audience: _.in(audience), startAt }, asc: scope === 'upcoming' }
  }
  let where: Record<string, unknown>
  if (scope === 'mine') where = { queue: actor.openid }
  else if (actor.committeeCommunityId) where = { communityId: actor.committeeCommunityId }
  else if (actor.workerGridIds.length) where = { gridId: _.in(actor.workerGridIds) }
  else if (actor.isAdmin) where = {}
  else return { ok: false }
  if (after) where.startAt = _.lte(after.at)
  return { ok: true, where, asc: false }
}

/**
 * Activities in a scope, keyset-paged on the start time: upcoming ones for the viewer (their
 * community's and their grid's) soonest first, past ones and the viewer's own (signed up, waitlisted or cancelled) latest
 * first, and the ones a committee or grid worker manages. One indexed query.
 */
export const listActivities = action(
  ListActivitiesInput,
  async ({ actor, input }) => {
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const now = new Date()
    const sel = select(actor, input.scope, after, now)
    if (!sel.ok) return fail('FORBIDDEN', '只有社区两委或网格员可以管理志愿活动', 'scope')
    if ('empty' in sel) return ok({ items: [], nextCursor: null })
    const limit = input.limit ?? 20
    const { data } = await activities()
      .where(sel.where)
      .orderBy('startAt', sel.asc ? 'asc' : 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    const shown = data.filter((a) => visible(actor, a))
    const view = (a: ActivityDoc) => activityView(actor, a, now)
    return ok(pageOf(shown, after, limit, (a) => a.startAt, view))
  },
  { read: true }
)
