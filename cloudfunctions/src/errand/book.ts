import { BookErrandInput, MAX_OPEN_ERRANDS } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { entry, requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import { freeHolds, heldOf, insertErrand, newErrandId, slotEnd } from './store'
import { errandView } from './view'

export const LIMIT_MESSAGE = `最多同时有 ${MAX_OPEN_ERRANDS} 个进行中的代办，请等已有代办办结或取消后再预约`

/**
 * A verified resident books an errand for a date and slot. At most two of theirs are open at
 * once: the insert takes one of their two unique keys, so parallel bookings cannot overshoot.
 */
export const book = action(
  BookErrandInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const risky = await riskyField(actor.openid, { detail: input.detail }, 3)
    if (risky) return fail('CONTENT_REJECTED', '代办内容包含不适宜的信息，请修改后再提交', risky)
    const step = entry(new Date(), 'booked', '居民预约了代办，等待红色代办员接单')
    const draft = {
      ...input,
      urgent: false,
      expiresAt: slotEnd(input.date, input.slot),
      filedBy: null,
    }
    const id = newErrandId(requestDocId(actor.openid, requestId))
    const holds = freeHolds(actor.openid, joined)
    const e = await insertErrand(actor.user!, draft, holds, step, id)
    if (e === 'limit') return fail('LIMIT_EXCEEDED', LIMIT_MESSAGE)
    if (e === 'duplicate') return fail('CONFLICT', '这个请求正在处理中，请稍候')
    audit('errand.book', e._id, { gridId: e.gridId, type: e.type, date: e.date, slot: e.slot })
    return ok(errandView(actor, e))
  },
  { gate: 'verified', load: (_input, openid) => [heldOf(openid)] }
)
