import { ListTopicsInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db, type Doc } from '../lib/cloud'
import { isStaff } from '../lib/policy'
import type { Actor } from '../lib/actor'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import type { GridDoc } from '../lib/places'
import { canSee } from './policy'
import { topics, type RollDoc, type TopicDoc } from './store'
import { topicView } from './view'

/**
 * The audiences whose topics the viewer sees: their own grid and community as a verified
 * resident; every grid of their community on the committee; their grids and those grids'
 * community as a grid worker. Null: every topic (an admin).
 */
function audiencesOf(actor: Parameters<typeof canSee>[0], grids: GridDoc[]): string[] | null {
  if (actor.isAdmin) return null
  const keys = new Set<string>()
  if (actor.verified) {
    if (actor.gridId) keys.add(`g:${actor.gridId}`)
    if (actor.communityId) keys.add(`c:${actor.communityId}`)
  }
  for (const g of grids) {
    const serves =
      actor.workerGridIds.includes(g._id) || actor.committeeCommunityId === g.communityId
    if (!serves) continue
    keys.add(`g:${g._id}`)
    keys.add(`c:${g.communityId}`)
  }
  if (actor.committeeCommunityId) keys.add(`c:${actor.committeeCommunityId}`)
  return [...keys]
}

/** Why someone neither verified nor staff sees no topics yet. */
const notYet = (a: Actor): 'NOT_BOUND' | 'NOT_VERIFIED' =>
  a.bindStatus === 'none' || a.bindStatus === 'rejected' ? 'NOT_BOUND' : 'NOT_VERIFIED'

const joinedGrids = (joined: Record<string, Doc[]>): GridDoc[] =>
  [...(joined.workerGrids ?? []), ...(joined.committeeGrids ?? [])] as unknown as GridDoc[]

/**
 * Topics open (discussion or voting) or closed, newest first, keyset-paged: one indexed query.
 * The viewer's own votes come with them (`voter`); a household member's vote shows on `get`.
 */
export const list = action(
  ListTopicsInput,
  async ({ actor, input, joined }) => {
    if (!actor.verified && !isStaff(actor)) return fail(notYet(actor))
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const keys = audiencesOf(actor, joinedGrids(joined))
    if (keys && !keys.length) return ok({ items: [], nextCursor: null })
    const _ = db().command
    const where: Record<string, unknown> = { open: (input.scope ?? 'open') === 'open' }
    if (keys) where.audience = keys.length === 1 ? keys[0] : _.in(keys)
    if (after) where.createdAt = _.lte(after.at)
    const limit = input.limit ?? 20
    const { data } = await topics()
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    const rolls = new Map(
      ((joined.myRoll ?? []) as unknown as RollDoc[]).map((r) => [r.topicId, r] as const)
    )
    const visible = data.filter((t) => canSee(actor, t))
    const view = (t: TopicDoc) => topicView(actor, t, { roll: rolls.get(t._id) ?? null })
    return ok(pageOf(visible, after, limit, (t) => t.createdAt, view))
  },
  {
    read: true,
    load: (_input, openid) => [
      { as: 'workerGrids', from: 'grids', field: '_id', actorField: 'workerGridIds' },
      {
        as: 'committeeGrids',
        from: 'grids',
        field: 'communityId',
        actorField: 'committeeCommunityId',
      },
      { as: 'myRoll', from: 'deliberationVotes', field: 'voter', equals: openid },
    ],
  }
)
