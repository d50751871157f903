import { EscalateMatterInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { riskyField } from '../lib/screen'
import { denial } from './policy'
import { committeeOfMatter, handlerLabel, holdersOf } from './people'
import {
  joinedMatter,
  matterById,
  move,
  step,
  type MatterDoc,
  joinedRounds,
  roundsOfMatter,
} from './store'
import { tellEscalated } from './notify'
import { NOT_SEEN, matterView, photoUrls } from './view'

const CANNOT = '这条说事已上报社区或已处理完毕'

/**
 * A grid worker of its grid sends it up to the community with a reason (大事全网联动): level
 * community, status reported again, waiting for the committee, who are told.
 */
export const escalate = action(
  EscalateMatterInput,
  async ({ actor, input, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('escalate', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有本网格的网格员可以上报社区',
      CONFLICT: CANNOT,
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { reason: input.reason }, 2)) {
      return fail('CONTENT_REJECTED', '上报原因包含不适宜的信息，请修改', 'reason')
    }

    const s = step('escalated', `上报社区：${input.reason}`, handlerLabel(actor, m))
    const changes: Partial<MatterDoc> = {
      status: 'reported',
      level: 'community',
      handlerOpenid: null,
      handler: null,
      acceptedAt: null,
      escalateReason: input.reason,
      waitingSince: s.at,
      overdue: false,
    }
    const now = await move(m, m.status, { level: 'grid' }, changes, s)
    if (!now) return fail('CONFLICT', CANNOT)
    audit('matter.escalate', m._id, { from: m.status, to: 'reported', level: 'community' })
    await tellEscalated(now, holdersOf(joined, 'committee', 'committee'), false)
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter, committeeOfMatter] }
)
