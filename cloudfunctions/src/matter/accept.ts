import { MatterIdInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
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
import { tellAccepted } from './notify'
import { NOT_SEEN, matterView, photoUrls } from './view'

const TAKEN = '这条说事已被受理或已有变化，请刷新后查看'

/**
 * The handler takes the matter on: a grid worker of its grid at level grid, the committee at
 * level community. Conditional on `reported` at the level read: one winner, the reporter told.
 */
export const accept = action(
  MatterIdInput,
  async ({ actor, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('accept', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN:
        m?.level === 'community'
          ? '这条说事已上报社区，由社区两委受理'
          : '只有本网格的网格员可以受理',
      CONFLICT: TAKEN,
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const handler = handlerLabel(actor, m)
    const s = step('accepted', `${handler}受理了问题，正在处理`, handler)
    const changes: Partial<MatterDoc> = {
      status: 'handling',
      handlerOpenid: actor.openid,
      handler,
      acceptedAt: s.at,
      waitingSince: s.at,
      overdue: false,
    }
    const now = await move(m, 'reported', { level: m.level }, changes, s)
    if (!now) return fail('CONFLICT', TAKEN)
    audit('matter.accept', m._id, { from: 'reported', to: 'handling', level: m.level })
    await tellAccepted(now)
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
