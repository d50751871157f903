import { ResolveMatterInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { riskyField } from '../lib/screen'
import { denial } from './policy'
import { handlerLabel } from './people'
import {
  joinedMatter,
  matterById,
  move,
  step,
  type MatterDoc,
  joinedRounds,
  roundsOfMatter,
} from './store'
import { tellResolved } from './notify'
import { NOT_SEEN, matterView, photoUrls } from './view'

const NOT_HANDLING = '这条说事现在不在处理中，不能办结'

/**
 * The handler says how it was resolved; the reporter is asked to rate it (or reopen it). A matter
 * in deliberation is resolved by the committee once the decision is carried out.
 */
export const resolve = action(
  ResolveMatterInput,
  async ({ actor, input, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('resolve', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有负责处理的工作人员可以办结',
      CONFLICT: NOT_HANDLING,
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { text: input.text }, 2)) {
      return fail('CONTENT_REJECTED', '处理结果包含不适宜的信息，请修改', 'text')
    }

    const by = handlerLabel(actor, m)
    const s = step('resolved', `处理结果：${input.text}`, by)
    const changes: Partial<MatterDoc> = {
      status: 'resolved',
      resolution: input.text,
      resolvedAt: s.at,
      overdue: false,
    }
    const now = await move(m, m.status, { level: m.level }, changes, s)
    if (!now) return fail('CONFLICT', NOT_HANDLING)
    audit('matter.resolve', m._id, { from: m.status, to: 'resolved', level: m.level })
    await tellResolved(now)
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
