import { MatterIdInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
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

const TOO_LATE = '这条说事已处理完毕，不能撤回'

/** The reporter takes it back before it is resolved: off the board and the staff queue. */
export const withdraw = action(
  MatterIdInput,
  async ({ actor, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('withdraw', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有反映问题的居民可以撤回',
      CONFLICT: TOO_LATE,
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const s = step('withdrawn', '居民撤回了这条说事', RESIDENT)
    const changes: Partial<MatterDoc> = { status: 'withdrawn', endedAt: s.at, overdue: false }
    const now = await move(m, m.status, { reporterOpenid: actor.openid }, changes, s)
    if (!now) return fail('CONFLICT', TOO_LATE)
    audit('matter.withdraw', m._id, { from: m.status, to: 'withdrawn' })
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
