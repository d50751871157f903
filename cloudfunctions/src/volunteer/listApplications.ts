import { ListApplicationsInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { users, type UserDoc } from '../lib/actor'
import { decodeCursor, pageOf } from '../lib/paging'
import type { ApplicationDoc } from './store'
import { applicationView } from './view'

/**
 * The committee's review queue: applications under review from its community, oldest first.
 * One read by the users' community index (the queue is short; it is paged in order here).
 */
export const listApplications = action(
  ListApplicationsInput,
  async ({ actor, input }) => {
    const communityId = actor.committeeCommunityId
    if (!communityId) return fail('FORBIDDEN', '只有社区两委可以审核志愿者申请')
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const { data } = await users()
      .where({ communityId, bindStatus: 'verified', 'volunteer.status': 'pending' })
      .limit(1000)
      .get()
    const appliedAt = (u: UserDoc) => (u.volunteer as ApplicationDoc).appliedAt ?? new Date(0)
    const at = (u: UserDoc) => new Date(appliedAt(u)).getTime()
    const sorted = data
      .sort((a, b) => at(a) - at(b) || (a._id < b._id ? -1 : 1))
      .filter((u) => !after || at(u) >= after.at.getTime())
    const limit = input.limit ?? 20
    return ok(pageOf(sorted, after, limit, appliedAt, (u) => applicationView(actor, u)))
  },
  { read: true }
)
