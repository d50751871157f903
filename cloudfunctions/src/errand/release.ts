import { ReleaseErrandInput } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { riskyField } from '../lib/screen'
import { errandById, joinedErrand, move, type ErrandDoc } from './store'
import { denial } from './policy'
import { NOT_SEEN, errandView } from './view'

const NOT_HELD = '这个代办已不在办理中'

/**
 * The agent gives an accepted errand back: it is requested again, in the pool of its level, the
 * agent and their contact cleared; the reason is kept (not in the timeline: it is free text).
 */
export const release = action(
  ReleaseErrandInput,
  async ({ actor, input, joined, audit }) => {
    const e = joinedErrand(joined)
    const no = refuse(denial('release', actor, e), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有接单的代办员可以退回代办',
      CONFLICT: NOT_HELD,
    })
    if (no || !e) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { reason: input.reason }, 2)) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }

    const step = entry(new Date(), 'released', '代办员退回了代办，重新等待接单')
    const changes: Partial<ErrandDoc> = {
      status: 'requested',
      agentOpenid: null,
      agentNickname: null,
      agentName: null,
      agentPhone: null,
      acceptedAt: null,
      overdue: false,
      releaseReason: input.reason,
    }
    const now = await move(e, 'accepted', { agentOpenid: actor.openid }, changes, step)
    if (!now) return fail('CONFLICT', NOT_HELD)
    audit('errand.release', e._id, { from: 'accepted', to: 'requested' })
    return ok(errandView(actor, now))
  },
  { load: (input) => [errandById(input.id)] }
)
