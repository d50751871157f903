import { ListTopicsInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db, type Doc } from '../lib/cloud'
import { isStaff } from '../lib/policy'
import type { Actor } from '../lib/actor'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import type { GridDoc } from '../lib/places'
import { canSee, residentOf } from './policy'
import { rollKeyEnds, topics, type RollDoc, type TopicDoc } from './store'
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
 * The page's topics, each with the viewer's roll entry (their own, or their household's on a
 * household topic) looked up by its key: one aggregation, served by the list's index and `_id`.
 */
async function topicsWithRoll(
  actor: Actor,
  where: Record<string, unknown>,
  size: number
): Promise<(TopicDoc & { __roll?: RollDoc[] })[]> {
  const $ = db().command.aggregate
  let agg = topics().aggregate().match(where).sort({ createdAt: -1, _id: 1 }).limit(size)
  if (actor.user) {
    const ends = rollKeyEnds(actor.user)
    const end = $.cond({
      if: $.eq(['$unit', 'household']),
      then: ends.household,
      else: ends.resident,
    })
    agg = agg
      .addFields({ __key: $.concat(['$_id', ':', end]) })
      .lookup({ from: 'deliberationVotes', localField: '__key', foreignField: '_id', as: '__roll' })
      .project({ __key: 0 })
  }
  const { list } = await agg.end()
  return list as unknown as (TopicDoc & { __roll?: RollDoc[] })[]
}

/**
 * Topics open (discussion or voting) or closed, newest first, keyset-paged: one indexed read,
 * with the viewer's part in each vote as `get` shows it (their household's vote included). A
 * voting topic's turnout is the one the timer last counted (store `TopicDoc.turnout`); `get`
 * counts it live.
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
    const rows = await topicsWithRoll(actor, where, fetchSize(limit, after))
    const visible = rows.filter((t) => canSee(actor, t))
    const view = ({ __roll, ...t }: TopicDoc & { __roll?: RollDoc[] }) =>
      topicView(actor, t, { roll: residentOf(actor, t) ? (__roll?.[0] ?? null) : null })
    return ok(pageOf(visible, after, limit, (t) => t.createdAt, view))
  },
  {
    read: true,
    load: () => [
      { as: 'workerGrids', from: 'grids', field: '_id', actorField: 'workerGridIds' },
      {
        as: 'committeeGrids',
        from: 'grids',
        field: 'communityId',
        actorField: 'committeeCommunityId',
      },
    ],
  }
)
