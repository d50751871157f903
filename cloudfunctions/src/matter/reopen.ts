import { MATTER_REOPEN_DAYS, ReopenMatterInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { riskyField } from '../lib/screen'
import { denial } from './policy'
import { RESIDENT } from './people'
import {
  joinedMatter,
  matterById,
  move,
  step,
  type MatterDoc,
  joinedRounds,
  roundsOfMatter,
} from './store'
import { NOT_SEEN, matterView, photoUrls } from './view'

const TOO_LATE = `只能在办结后 ${MATTER_REOPEN_DAYS} 天内重新反映`

/**
 * The reporter says it is not solved, within MATTER_REOPEN_DAYS of its resolution: reported
 * again at the level it reached, waiting for the handler to accept it anew.
 */
export const reopen = action(
  ReopenMatterInput,
  async ({ actor, input, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('reopen', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有反映问题的居民可以重新反映',
      CONFLICT: m?.status === 'resolved' ? TOO_LATE : '这条说事现在不能重新反映',
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { reason: input.reason }, 2)) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }

    const s = step('reopened', `重新反映：${input.reason}`, RESIDENT)
    const changes: Partial<MatterDoc> = {
      status: 'reported',
      reopenReason: input.reason,
      handlerOpenid: null,
      handler: null,
      acceptedAt: null,
      resolution: null,
      resolvedAt: null,
      waitingSince: s.at,
      overdue: false,
    }
    const now = await move(m, 'resolved', { reporterOpenid: actor.openid }, changes, s)
    if (!now) return fail('CONFLICT', '这条说事现在不能重新反映')
    audit('matter.reopen', m._id, { from: 'resolved', to: 'reported', level: m.level })
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
