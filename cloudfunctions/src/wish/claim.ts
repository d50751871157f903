import { WishIdInput } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { audit } from '../lib/audit'
import { applied, entry, findWish, transition, type WishDoc } from './store'
import { denial } from './policy'
import { tellClaimed } from './messages'
import { wishView } from './view'

const TAKEN = '这个心愿刚刚被别人认领了'

/**
 * An approved volunteer or red agent of the community claims an open wish. The write is
 * conditional on `status: 'open'`: however many race, exactly one wins, the rest get CONFLICT.
 */
export const claim = action(WishIdInput, async ({ actor, input }) => {
  const wish = await findWish(input.id)
  const no = denial('claim', actor, wish)
  if (no === 'NOT_FOUND' || !wish) return fail('NOT_FOUND', '心愿不存在或您无权查看')
  if (no === 'FORBIDDEN') {
    return fail(
      'FORBIDDEN',
      wish.authorOpenid === actor.openid
        ? '不能认领自己的心愿'
        : '只有本社区认证的志愿者或红色代办员可以认领心愿'
    )
  }
  if (no === 'CONFLICT') {
    return fail('CONFLICT', wish.status === 'claimed' ? TAKEN : '这个心愿现在不能认领')
  }

  const user = actor.user!
  const step = entry(new Date(), 'claimed', '志愿者认领了心愿')
  const changes: Partial<WishDoc> = {
    status: 'claimed',
    claimerOpenid: actor.openid,
    claimerNickname: user.nickname ?? '',
    claimerName: user.realName ?? '',
    claimerPhone: user.phone ?? '',
    claimedAt: step.at,
    releaseReason: null,
  }
  if (!(await transition(wish._id, 'open', {}, changes, step))) return fail('CONFLICT', TAKEN)
  await audit(actor, 'wish.claim', wish._id, { from: 'open', to: 'claimed' })
  const now = applied(wish, changes, step)
  await tellClaimed(now)
  return ok(wishView(actor, now))
})
