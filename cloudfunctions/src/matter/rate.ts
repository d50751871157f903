import { RateMatterInput } from '@/contract/matter'
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

const NOT_YET = '这条说事还不能评价'

/** The reporter rates the outcome of a resolved matter: it is closed. */
export const rate = action(
  RateMatterInput,
  async ({ actor, input, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('rate', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有反映问题的居民可以评价',
      CONFLICT: NOT_YET,
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (input.comment && (await riskyField(actor.openid, { comment: input.comment }, 2))) {
      return fail('CONTENT_REJECTED', '评价包含不适宜的信息，请修改', 'comment')
    }

    const s = step('rated', `居民评价了处理结果（${input.rating} 星）`, RESIDENT)
    const changes: Partial<MatterDoc> = {
      status: 'closed',
      rating: input.rating,
      comment: input.comment || null,
      endedAt: s.at,
    }
    const now = await move(m, 'resolved', { reporterOpenid: actor.openid }, changes, s)
    if (!now) return fail('CONFLICT', NOT_YET)
    audit('matter.rate', m._id, { from: 'resolved', to: 'closed', rating: input.rating })
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
