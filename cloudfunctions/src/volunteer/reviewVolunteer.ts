import { ReviewVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { users, type Actor, type UserDoc } from '../lib/actor'
import { count } from '../lib/counting'
import { db } from '../lib/cloud'
import { applicationCounted } from './counters'
import { reviews } from './policy'
import { tellReviewed } from './notify'
import type { ApplicationDoc } from './store'
import { applicationView } from './view'

const NOT_SEEN = '申请不存在或您无权审核'
const DONE = '这份申请已经审核过了'

/** Why the reviewer may not decide on this application now, or null. */
function refusal(actor: Actor, target: UserDoc | null) {
  if (!target?.volunteer || !reviews(actor, target.communityId)) return fail('NOT_FOUND', NOT_SEEN)
  if (target._id === actor.openid) return fail('FORBIDDEN', '不能审核自己的申请')
  if (target.volunteer.status !== 'pending') return fail('CONFLICT', DONE)
  return null
}

/**
 * The committee of the applicant's community approves (the `volunteer` role is added in the same
 * write) or refuses with a reason. Conditional on the application still under review: of two
 * reviewers acting at once, one wins and the other gets CONFLICT.
 */
export const reviewVolunteer = action(
  ReviewVolunteerInput,
  async ({ actor, input, joined, audit }) => {
    const target = (joined.applicant?.[0] ?? null) as unknown as UserDoc | null
    const no = refusal(actor, target)
    if (no || !target?.volunteer) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const at = new Date()
    const v: ApplicationDoc = {
      ...(target.volunteer as ApplicationDoc),
      status: input.approve ? 'approved' : 'rejected',
      reviewedAt: at,
      reason: input.approve ? null : (input.reason ?? null),
    }
    const _ = db().command
    const data: Record<string, unknown> = {
      'volunteer.status': v.status,
      'volunteer.reviewedAt': at,
      'volunteer.reason': v.reason,
      updatedAt: at,
    }
    if (input.approve) data.roles = _.addToSet('volunteer')
    const res = await users()
      .where({ _id: target._id, 'volunteer.status': 'pending' })
      .update({ data })
    if (res.stats.updated !== 1) return fail('CONFLICT', DONE)
    const roles = input.approve && !target.roles.includes('volunteer')
    const now = {
      ...target,
      volunteer: v,
      roles: roles ? [...target.roles, 'volunteer'] : target.roles,
    } as UserDoc
    await count(applicationCounted, target, now)
    audit(input.approve ? 'volunteer.approve' : 'volunteer.reject', target._id, {
      from: 'pending',
      to: v.status,
    })
    await tellReviewed(target._id, input.approve, v.reason)
    return ok(applicationView(actor, now))
  },
  { load: (input) => [{ as: 'applicant', from: 'users', field: '_id', equals: input.openid }] }
)
