import { RegisterVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { users, type UserDoc } from '../lib/actor'
import { count } from '../lib/counting'
import { db } from '../lib/cloud'
import { riskyField } from '../lib/screen'
import { isApprovedVolunteer } from '../lib/policy'
import { applicationCounted } from './counters'
import type { ApplicationDoc } from './store'
import { applicationView } from './view'

const ALREADY = '您已是志愿者或申请正在审核中'

/**
 * A verified resident applies: the application lives on their profile, for the committee of
 * their community to review. The write is conditional on no application under review or
 * approved, so a double tap applies once.
 */
export const register = action(
  RegisterVolunteerInput,
  async ({ actor, input, audit }) => {
    const user = actor.user!
    const status = user.volunteer?.status
    if (isApprovedVolunteer(actor) || status === 'pending' || status === 'approved') {
      return fail('CONFLICT', ALREADY)
    }
    const texts = { workUnit: input.workUnit, skills: input.skills.join('，') }
    const risky = await riskyField(actor.openid, texts, 1)
    if (risky) return fail('CONTENT_REJECTED', '填写的内容包含不适宜的信息，请修改', risky)

    const application: ApplicationDoc = {
      status: 'pending',
      partyMember: input.partyMember,
      skills: input.skills,
      workUnit: input.partyMember ? (input.workUnit ?? null) : input.workUnit || null,
      appliedAt: new Date(),
      reviewedAt: null,
      reason: null,
    }
    const _ = db().command
    const res = await users()
      .where({ _id: actor.openid, 'volunteer.status': _.nin(['pending', 'approved']) })
      .update({ data: { volunteer: application, updatedAt: application.appliedAt } })
    if (res.stats.updated !== 1) return fail('CONFLICT', ALREADY)
    const now = { ...user, volunteer: application } as UserDoc
    await count(applicationCounted, user, now)
    audit('volunteer.register', actor.openid, { partyMember: input.partyMember })
    return ok(applicationView(actor, now))
  },
  { gate: 'verified' }
)
