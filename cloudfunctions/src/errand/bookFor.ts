import { BookErrandForInput, MAX_OPEN_ERRANDS } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { entry, requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import type { UserDoc } from '../lib/actor'
import { canBookFor } from './policy'
import { freeHolds, heldOf, insertErrand, newErrandId, slotEnd } from './store'
import { errandView } from './view'

const RESIDENT_LIMIT = `这位居民已有 ${MAX_OPEN_ERRANDS} 个进行中的代办，请等已有代办办结后再预约`

/**
 * A grid worker of the resident's grid (or the committee of its community) books for a verified
 * resident without a smartphone. The resident is the booker (it counts against their limit);
 * `filedBy` keeps who filed it, who may then confirm or cancel it on their behalf.
 */
export const bookFor = action(
  BookErrandForInput,
  async ({ actor, input, requestId, joined, audit }) => {
    if (!actor.workerGridIds.length && !actor.committeeCommunityId) {
      return fail('FORBIDDEN', '只有网格员或社区两委可以代居民预约')
    }
    const resident = joined.resident?.find((u) => u._id !== actor.openid) as UserDoc | undefined
    if (!resident || resident.bindStatus !== 'verified' || !resident.gridId) {
      return fail('NOT_FOUND', '没有找到这位已认证的居民', 'residentOpenid')
    }
    if (!canBookFor(actor, resident)) {
      return fail('FORBIDDEN', '只能为您服务的网格或社区的居民预约', 'residentOpenid')
    }
    const risky = await riskyField(actor.openid, { detail: input.detail }, 3)
    if (risky) return fail('CONTENT_REJECTED', '代办内容包含不适宜的信息，请修改后再提交', risky)

    const step = entry(new Date(), 'filed', '工作人员代居民预约了代办，等待红色代办员接单')
    const { residentOpenid: _r, ...booking } = input
    const draft = {
      ...booking,
      urgent: false,
      expiresAt: slotEnd(input.date, input.slot),
      filedBy: actor.openid,
    }
    const id = newErrandId(requestDocId(actor.openid, requestId))
    const holds = freeHolds(resident._id, joined)
    const e = await insertErrand(resident, draft, holds, step, id)
    if (e === 'limit') return fail('LIMIT_EXCEEDED', RESIDENT_LIMIT)
    if (e === 'duplicate') return fail('CONFLICT', '这个请求正在处理中，请稍候')
    audit('errand.bookFor', e._id, {
      filedBy: actor.openid,
      bookerOpenid: resident._id,
      gridId: e.gridId,
      type: e.type,
    })
    return ok(errandView(actor, e))
  },
  {
    load: (input) => [
      { as: 'resident', from: 'users', field: '_id', equals: input.residentOpenid },
      heldOf(input.residentOpenid),
    ],
  }
)
