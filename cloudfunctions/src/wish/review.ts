import { ReviewWishInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { leaveActive, move, joinedWish, wishById, type WishDoc } from './store'
import { denial } from './policy'
import { tellReviewed } from './notify'
import { riskyField } from '../lib/screen'
import { NOT_SEEN, wishView } from './view'

const REVIEWED = '这个心愿已经审核过了'

/**
 * A grid worker of the wish's grid or the committee of its community approves a pending wish
 * (`open`, on the wish wall) or rejects it with a reason the author sees (it leaves their
 * active set).
 */
export const review = action(
  ReviewWishInput,
  async ({ actor, input, joined, audit }) => {
    const wish = joinedWish(joined)
    const no = refuse(denial('review', actor, wish), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有本网格的网格员或社区两委可以审核心愿',
      CONFLICT: REVIEWED,
    })
    if (no || !wish) return no ?? fail('NOT_FOUND', NOT_SEEN)
    // The author reads the reason of a rejection: checked before anything is stored.
    if (!input.approve && (await riskyField(actor.openid, { reason: input.reason }, 2))) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }

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
    const now = await move(wish, 'pending', {}, changes, step)
    if (!now) return fail('CONFLICT', REVIEWED)
    audit(input.approve ? 'wish.approve' : 'wish.reject', wish._id, {
      from: 'pending',
      to: changes.status,
    })
    await tellReviewed(now, input.approve, input.reason)
    return ok(wishView(actor, now))
  },
  { load: (input) => [wishById(input.id)] }
)
