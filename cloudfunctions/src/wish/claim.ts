import { WishIdInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { move, joinedWish, wishById, type WishDoc } from './store'
import { denial } from './policy'
import { tellClaimed } from './notify'
import { NOT_SEEN, wishView } from './view'

const TAKEN = '这个心愿刚刚被别人认领了'

/**
 * An approved volunteer or red agent of the community claims an open wish. The write is
 * conditional on `status: 'open'`: however many race, exactly one wins, the rest get CONFLICT.
 */
export const claim = action(
  WishIdInput,
  async ({ actor, joined, audit }) => {
    const wish = joinedWish(joined)
    const no = refuse(denial('claim', actor, wish), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN:
        wish?.authorOpenid === actor.openid
          ? '不能认领自己的心愿'
          : '只有本社区认证的志愿者或红色代办员可以认领心愿',
      CONFLICT: wish?.status === 'claimed' ? TAKEN : '这个心愿现在不能认领',
    })
    if (no || !wish) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const user = actor.user!
    const step = entry(new Date(), 'claimed', '志愿者认领了心愿')
    const changes: Partial<WishDoc> = {
      status: 'claimed',
      claimerOpenid: actor.openid,
      claimerNickname: user.nickname ?? '',
      claimerName: user.realName ?? '',
      claimerPhone: user.phone ?? '',
      claimerCreditByName: user.creditByName === true,
      claimedAt: step.at,
      releaseReason: null,
    }
    const now = await move(wish, 'open', {}, changes, step)
    if (!now) return fail('CONFLICT', TAKEN)
    audit('wish.claim', wish._id, { from: 'open', to: 'claimed' })
    await tellClaimed(now)
    return ok(wishView(actor, now))
  },
  { load: (input) => [wishById(input.id)] }
)
