import { CompleteErrandInput } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry } from '../lib/store'
import { riskyField } from '../lib/screen'
import { errandById, joinedErrand, move, type ErrandDoc } from './store'
import { denial } from './policy'
import { tellCompleted } from './notify'
import { NOT_SEEN, errandView } from './view'

const CANNOT = '这个代办现在不能办结'

/** The agent marks the errand done; the booker is asked to sign it off (or it closes in 3 days). */
export const complete = action(
  CompleteErrandInput,
  async ({ actor, input, joined, audit }) => {
    const e = joinedErrand(joined)
    const no = refuse(denial('complete', actor, e), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有接单的代办员可以办结代办',
      CONFLICT: CANNOT,
    })
    if (no || !e) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (input.note && (await riskyField(actor.openid, { note: input.note }, 2))) {
      return fail('CONTENT_REJECTED', '说明包含不适宜的信息，请修改', 'note')
    }

    const step = entry(new Date(), 'completed', '代办员已办结，等待居民销单')
    const changes: Partial<ErrandDoc> = {
      status: 'completed',
      completedAt: step.at,
      completeNote: input.note || null,
    }
    const now = await move(e, 'accepted', { agentOpenid: actor.openid }, changes, step)
    if (!now) return fail('CONFLICT', CANNOT)
    audit('errand.complete', e._id, { from: 'accepted', to: 'completed' })
    await tellCompleted(now)
    return ok(errandView(actor, now))
  },
  { load: (input) => [errandById(input.id)] }
)
