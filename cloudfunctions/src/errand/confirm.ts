import { ConfirmErrandInput } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { riskyField } from '../lib/screen'
import { bookerStep, errandById, joinedErrand, move, type ErrandDoc } from './store'
import { denial } from './policy'
import { NOT_SEEN, errandView } from './view'

const NOT_YET = '这个代办还不能销单'

/**
 * The booker (or the staff member who booked it for them, on their behalf) signs off a completed
 * errand with a rating: it is closed.
 */
export const confirm = action(
  ConfirmErrandInput,
  async ({ actor, input, joined, audit }) => {
    const e = joinedErrand(joined)
    const no = refuse(denial('confirm', actor, e), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有预约人或代为预约的工作人员可以销单',
      CONFLICT: NOT_YET,
    })
    if (no || !e) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (input.comment && (await riskyField(actor.openid, { comment: input.comment }, 2))) {
      return fail('CONTENT_REJECTED', '评价包含不适宜的信息，请修改', 'comment')
    }

    const { step, guard, detail } = bookerStep(actor, e, 'confirmed', {
      booker: '居民已销单并评价',
      filer: '工作人员代居民销单并评价',
    })
    const changes: Partial<ErrandDoc> = {
      status: 'closed',
      endedAt: step.at,
      rating: input.rating,
      comment: input.comment || null,
    }
    const now = await move(e, 'completed', guard, changes, step)
    if (!now) return fail('CONFLICT', NOT_YET)
    audit('errand.confirm', e._id, {
      from: 'completed',
      to: 'closed',
      rating: input.rating,
      ...detail,
    })
    return ok(errandView(actor, now))
  },
  { load: (input) => [errandById(input.id)] }
)
