import { CreateActivityInput } from '@/contract/volunteer'
import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { entry, isDuplicateKey, requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import { count } from '../lib/counting'
import type { CommunityDoc, GridDoc } from '../lib/places'
import { canPublishIn } from './policy'
import { activities, audienceOf, newActivityId, newSecret, type ActivityDoc } from './store'
import { activityView, organizerTitle } from './view'
import { activityCounted } from './counters'

const NO_SCOPE = '网格或社区不存在'

type Placed = Pick<ActivityDoc, 'scopeType' | 'scopeId' | 'scopeName' | 'gridId' | 'communityId'>

/** Where the activity is, from the grid or community read with the caller; null if none. */
function placeOf(type: 'grid' | 'community', joined: Record<string, Doc[]>): Placed | null {
  if (type === 'grid') {
    const grid = (joined.grid?.[0] ?? null) as unknown as GridDoc | null
    if (!grid) return null
    const { _id, name, communityId } = grid
    return { scopeType: type, scopeId: _id, scopeName: name, gridId: _id, communityId }
  }
  const community = (joined.community?.[0] ?? null) as unknown as CommunityDoc | null
  if (!community) return null
  const { _id, name } = community
  return { scopeType: type, scopeId: _id, scopeName: name, gridId: '', communityId: _id }
}

/** A new activity, open for signup. */
function draft(
  actor: Actor,
  input: CreateActivityInput,
  place: Placed,
  id: string,
  staffGridIds: string[]
): ActivityDoc {
  const step = entry(new Date(), 'published', '活动已发布，开始报名')
  return {
    _id: id,
    title: input.title,
    description: input.description ?? '',
    location: input.location,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signupDeadline: new Date(input.signupDeadline),
    quota: input.quota,
    hours: input.hours,
    ...place,
    staffGridIds,
    audience: audienceOf(place),
    organizerOpenid: actor.openid,
    organizerNickname: actor.user?.nickname ?? '',
    organizerTitle: organizerTitle(actor, actor.committeeCommunityId === place.communityId),
    queue: [],
    left: [],
    live: [],
    settled: false,
    checkins: [],
    checkinTimes: [],
    open: true,
    secret: newSecret(),
    confirmedAt: null,
    attendees: [],
    feedback: [],
    feedbackBy: [],
    summary: null,
    createdAt: step.at,
    updatedAt: step.at,
    timeline: [step],
  }
}

/**
 * The committee publishes for its community or any of its grids, a grid worker for their own
 * grids. The texts pass the content check first; the scope is read with the caller.
 */
export const createActivity = action(
  CreateActivityInput,
  async ({ actor, input, joined, requestId, audit }) => {
    const place = placeOf(input.scope.type, joined)
    if (!place) return fail('NOT_FOUND', NO_SCOPE, 'scope.id')
    const scope = {
      type: place.scopeType,
      gridId: place.gridId || null,
      communityId: place.communityId,
    }
    if (!canPublishIn(actor, scope)) {
      return fail('FORBIDDEN', '社区两委可在本社区发布，网格员可在自己的网格发布', 'scope.id')
    }
    if (new Date(input.signupDeadline).getTime() <= Date.now()) {
      return fail('INVALID_INPUT', '报名截止时间必须晚于现在', 'signupDeadline')
    }
    const texts = { title: input.title, description: input.description, location: input.location }
    const risky = await riskyField(actor.openid, texts, 3)
    if (risky) return fail('CONTENT_REJECTED', '内容包含不适宜的信息，请修改', risky)

    const fromRequest = requestDocId(actor.openid, requestId)
    const staffGridIds = place.gridId
      ? [place.gridId]
      : ((joined.communityGrids ?? []) as unknown as GridDoc[]).map((g) => g._id)
    const id = fromRequest ? fromRequest.slice(0, 16) : newActivityId()
    const doc = draft(actor, input, place, id, staffGridIds)
    try {
      await activities().add({ data: { ...doc } })
    } catch (err) {
      if (isDuplicateKey(err, '_id_')) return fail('CONFLICT', '这个活动已经发布过了')
      throw err
    }
    // Open for signup: one more in its grid (every grid of its community) until the deadline.
    await count(activityCounted, null, doc)
    audit('volunteer.createActivity', doc._id, { scope: input.scope.type, quota: input.quota })
    return ok(activityView(actor, doc, doc.createdAt))
  },
  {
    // The scope named is the read's target (one round trip when it exists).
    load: (input) => {
      const grid = { as: 'grid', from: 'grids', field: '_id', equals: input.scope.id }
      const community = {
        as: 'community',
        from: 'communities',
        field: '_id',
        equals: input.scope.id,
      }
      // A community's grids: their grid workers see its activities (staffGridIds).
      const communityGrids = {
        as: 'communityGrids',
        from: 'grids',
        field: 'communityId',
        equals: input.scope.id,
      }
      return input.scope.type === 'grid' ? [grid, community] : [community, grid, communityGrids]
    },
  }
)
