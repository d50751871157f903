import { CreateActivityInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { entry, isDuplicateKey, requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import type { CommunityDoc, GridDoc } from '../lib/places'
import { canPublishIn } from './policy'
import { activities, newActivityId, newSecret, type ActivityDoc } from './store'
import { activityView, organizerTitle } from './view'

const NO_SCOPE = '网格或社区不存在'

/**
 * The committee publishes for its community or any of its grids, a grid worker for their own
 * grids. The texts pass the content check first; the scope is read with the caller.
 */
export const createActivity = action(
  CreateActivityInput,
  async ({ actor, input, joined, requestId, audit }) => {
    const grid = (joined.grid?.[0] ?? null) as unknown as GridDoc | null
    const community = (joined.community?.[0] ?? null) as unknown as CommunityDoc | null
    const isGrid = input.scope.type === 'grid'
    if (isGrid ? !grid : !community) return fail('NOT_FOUND', NO_SCOPE, 'scope.id')
    const communityId = isGrid ? grid!.communityId : community!._id
    const scope = { type: input.scope.type, gridId: isGrid ? grid!._id : null, communityId }
    if (!canPublishIn(actor, scope)) {
      return fail('FORBIDDEN', '社区两委可在本社区发布，网格员可在自己的网格发布', 'scope.id')
    }
    if (new Date(input.signupDeadline).getTime() <= Date.now()) {
      return fail('INVALID_INPUT', '报名截止时间必须晚于现在', 'signupDeadline')
    }
    const risky = await riskyField(
      actor.openid,
      { title: input.title, description: input.description, location: input.location },
      3
    )
    if (risky) return fail('CONTENT_REJECTED', '内容包含不适宜的信息，请修改', risky)

    const step = entry(new Date(), 'published', '活动已发布，开始报名')
    const fromRequest = requestDocId(actor.openid, requestId)
    const doc: ActivityDoc = {
      _id: fromRequest ? fromRequest.slice(0, 16) : newActivityId(),
      title: input.title,
      description: input.description ?? '',
      location: input.location,
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      signupDeadline: new Date(input.signupDeadline),
      quota: input.quota,
      hours: input.hours,
      scopeType: input.scope.type,
      scopeId: isGrid ? grid!._id : community!._id,
      scopeName: isGrid ? grid!.name : community!.name,
      gridId: isGrid ? grid!._id : '',
      communityId,
      organizerOpenid: actor.openid,
      organizerNickname: actor.user?.nickname ?? '',
      organizerTitle: organizerTitle(actor, actor.committeeCommunityId === communityId),
      queue: [],
      left: [],
      live: [],
      settled: false,
      checkins: [],
      checkinTimes: [],
      openGrid: isGrid ? grid!._id : '',
      openCommunity: isGrid ? '' : communityId,
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
    try {
      await activities().add({ data: { ...doc } })
    } catch (err) {
      if (isDuplicateKey(err, '_id_')) return fail('CONFLICT', '这个活动已经发布过了')
      throw err
    }
    audit('volunteer.createActivity', doc._id, { scope: input.scope.type, quota: input.quota })
    return ok(activityView(actor, doc, step.at))
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
      return input.scope.type === 'grid' ? [grid, community] : [community, grid]
    },
  }
)
