import { ListApplicationsInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import type { ApplicationDoc } from './store'
import { applicationView } from './view'

const appliedAt = (u: UserDoc) => (u.volunteer as ApplicationDoc).appliedAt

/**
 * The committee's review queue: applications under review from its community, oldest first,
 * a page at a time by the users' (community, application status, applied at) index.
 */
export const listApplications = action(
  ListApplicationsInput,
  async ({ actor, input }) => {
    const communityId = actor.committeeCommunityId
    if (!communityId) return fail('FORBIDDEN', '只有社区两委可以审核志愿者申请')
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const limit = input.limit ?? 20
    const where: Record<string, unknown> = { communityId, 'volunteer.status': 'pending' }
    if (after) where['volunteer.appliedAt'] = db().command.gte(after.at)
    const { data } = await users()
      .where(where)
      .orderBy('volunteer.appliedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    // A pending application from someone no longer verified (moved, deleted) waits unseen.
    const verified = data.filter((u) => u.bindStatus === 'verified')
    return ok(pageOf(verified, after, limit, appliedAt, (u) => applicationView(actor, u)))
  },
  { read: true }
)
