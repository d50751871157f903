import { ReviewWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { audit } from '../lib/audit'
import { applied, entry, findWish, leaveActive, transition, type WishDoc } from './store'
import { denial } from './policy'
import { tellReviewed } from './messages'
import { wishView } from './view'

/**
 * A grid worker of the wish's grid or the committee of its community approves a pending wish
 * (`open`, on the wish wall) or rejects it with a reason the author sees (it leaves their
 * active set).
 */
export const review = action(ReviewWishInput, async ({ actor, input }) => {
  const wish = await findWish(input.id)
  const no = denial('review', actor, wish)
  if (no === 'NOT_FOUND' || !wish) return fail('NOT_FOUND', '心愿不存在或您无权查看')
  if (no === 'FORBIDDEN') return fail('FORBIDDEN', '只有本网格的网格员或社区两委可以审核心愿')
  if (no === 'CONFLICT') return fail('CONFLICT', '这个心愿已经审核过了')

  const at = new Date()
  const step = input.approve
    ? entry(at, 'approved', '审核通过，等待志愿者认领')
    : entry(at, 'rejected', `审核未通过：${input.reason}`)
  const changes: Partial<WishDoc> = input.approve
    ? { status: 'open', reviewedAt: at, reviewedBy: actor.openid }
    : {
        status: 'rejected',
        reviewedAt: at,
        reviewedBy: actor.openid,
        rejectReason: input.reason ?? null,
        ...leaveActive(wish._id),
      }
  if (!(await transition(wish._id, 'pending', {}, changes, step))) {
    return fail('CONFLICT', '这个心愿已经审核过了')
  }
  await audit(actor, input.approve ? 'wish.approve' : 'wish.reject', wish._id, {
    from: 'pending',
    to: changes.status,
  })
  const now = applied(wish, changes, step)
  await tellReviewed(now, input.approve, input.reason)
  return ok(wishView(actor, now))
})
