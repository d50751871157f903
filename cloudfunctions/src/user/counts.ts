import { CountsInput } from '@/contract/user'
import type { ViewerCounts } from '@/contract/viewer'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { db } from '../lib/cloud'
import { shanghaiYearStart } from '../lib/time'
import { isStaff } from '../lib/policy'
import { wishes } from '../wish/store'
import { users } from '../lib/actor'

/**
 * Every count home shows, in one call. Interim: counted by indexed queries; kept counters replace
 * this (see the domain kit issue).
 */
export const counts = action(
  CountsInput,
  async ({ actor }) => {
    const now = new Date()
    const yearStart = shanghaiYearStart(now)
    const year = new Date(yearStart.getTime() + 8 * 3600 * 1000).getUTCFullYear()
    const _ = db().command
    const out: ViewerCounts['counts'] = {}
    const staffScope: Record<string, unknown> | null = !isStaff(actor)
      ? null
      : actor.isAdmin
        ? {}
        : actor.committeeCommunityId
          ? { communityId: actor.committeeCommunityId }
          : { gridId: _.in(actor.workerGridIds) }
    const jobs: Promise<void>[] = []
    const put = (key: keyof ViewerCounts['counts'], q: Promise<{ total: number }>) =>
      jobs.push(q.then((r) => void (out[key] = r.total)))
    if (actor.gridId && actor.verified) {
      const gridId = actor.gridId
      put(
        'wish.litThisYear',
        wishes()
          .where({ gridId, status: 'done', doneAt: _.gte(yearStart) })
          .count()
      )
      put('wish.openNow', wishes().where({ gridId, status: 'open' }).count())
      put(
        'wish.toConfirm',
        wishes().where({ authorOpenid: actor.openid, status: 'fulfilled' }).count()
      )
    }
    if (staffScope) {
      put(
        'user.toVerify',
        users()
          .where({ ...staffScope, bindStatus: 'pending' })
          .count()
      )
      put(
        'wish.toReview',
        wishes()
          .where({ ...staffScope, status: 'pending' })
          .count()
      )
    }
    await Promise.all(jobs)
    return ok<ViewerCounts>({ year, counts: out })
  },
  { read: true }
)
