import { CancelErrandInput } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { riskyField } from '../lib/screen'
import { servesGrid } from '../lib/policy'
import { bookerStep, errandById, joinedErrand, move, type ErrandDoc } from './store'
import { actsForBooker, denial } from './policy'
import { NOT_SEEN, errandView } from './view'

/**
 * The booker, the staff member who booked it for them, or staff of its grid withdraw an errand
 * before it is completed; it leaves the booker's open errands and the agent's slot.
 */
export const cancel = action(
  CancelErrandInput,
  async ({ actor, input, joined, audit }) => {
    const e = joinedErrand(joined)
    const no = refuse(denial('cancel', actor, e), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有预约人或工作人员可以取消代办',
      CONFLICT: '代办已办结或已结束，不能取消',
    })
    if (no || !e) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (input.reason && (await riskyField(actor.openid, { reason: input.reason }, 2))) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }

    const byStaff =
      e.bookerOpenid !== actor.openid && !actsForBooker(actor, e) && servesGrid(actor, e)
    const { step, guard, detail } = byStaff
      ? { step: entry(new Date(), 'cancelled', '工作人员取消了代办'), guard: {}, detail: {} }
      : bookerStep(actor, e, 'cancelled', {
          booker: '居民取消了代办',
          filer: '工作人员代居民取消了代办',
        })
    const changes: Partial<ErrandDoc> = {
      status: 'cancelled',
      endedAt: step.at,
      cancelReason: input.reason || null,
    }
    // Conditional on the status (and agent) we read: if it moved meanwhile, decide again.
    const now = await move(e, e.status, { ...guard, agentOpenid: e.agentOpenid }, changes, step)
    if (!now) return fail('CONFLICT')
    audit('errand.cancel', e._id, { from: e.status, to: 'cancelled', byStaff, ...detail })
    return ok(errandView(actor, now))
  },
  { load: (input) => [errandById(input.id)] }
)
