import { VerifyResidentInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import { count } from '../lib/counting'
import { tellBindResult } from './notify'
import { servesGrid } from '../lib/policy'
import { riskyField } from '../lib/screen'
import { canVerify } from './policy'
import { userById } from './store'
import { userCounted } from './counters'

export const verifyResident = action(
  VerifyResidentInput,
  async ({ actor, input, joined, audit }) => {
    const target = joined.target?.[0] as unknown as UserDoc | undefined
    if (!target || target.bindStatus === 'none')
      return fail('NOT_FOUND', '没有找到这位居民的绑定申请')
    if (!servesGrid(actor, target)) return fail('FORBIDDEN', '只能认证您所服务网格的居民')
    if (!canVerify(actor, target)) {
      return target._id === actor.openid
        ? fail('FORBIDDEN', '不能认证自己的绑定')
        : fail('CONFLICT', '这条绑定申请已经处理过了')
    }
    // The rejected resident reads the reason: checked before anything is stored.
    if (!input.approve && (await riskyField(actor.openid, { reason: input.reason }, 2))) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }
    const _ = db().command
    const bindStatus = input.approve ? ('verified' as const) : ('rejected' as const)
    const data = input.approve
      ? {
          bindStatus,
          roles: _.addToSet('resident'),
          verifiedAt: db().serverDate(),
          verifiedBy: actor.openid,
          rejectReason: _.remove(),
          updatedAt: db().serverDate(),
        }
      : {
          bindStatus,
          rejectReason: input.reason || '信息核对未通过，请联系网格员',
          updatedAt: db().serverDate(),
        }
    // Conditional on the binding still being the pending one we checked: a concurrent verifier or
    // a re-bind by the resident makes this a no-op instead of verifying the wrong address.
    const res = await users()
      .where({ _id: target._id, bindStatus: 'pending', gridId: target.gridId, room: target.room })
      .update({ data })
    if (res.stats.updated !== 1) return fail('CONFLICT', '这条绑定申请已经处理过了')
    await count(userCounted, target, { ...target, bindStatus })
    audit(input.approve ? 'user.verify' : 'user.reject', target._id, { gridId: target.gridId })
    await tellBindResult(target, input.approve)
    return ok({ openid: target._id, bindStatus } as const)
  },
  { load: (input) => [userById(input.openid)] }
)
