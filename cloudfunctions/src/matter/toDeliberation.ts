import { ToDeliberationInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, refuse } from '../lib/result'
import { denial } from './policy'
import { joinedMatter, matterById } from './store'
import { NOT_SEEN } from './view'

export const NOT_YET = '居民议事尚未开通，暂时不能转为议题'

/**
 * The committee turns a matter at level community into a deliberation topic. Deliberation
 * (docs/contract.md §4.4) is not built yet: who and what are checked, then CONFLICT, and nothing
 * changes (see DELIBERATION_OPEN in policy.ts).
 */
export const toDeliberation = action(
  ToDeliberationInput,
  async ({ actor, joined }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('toDeliberation', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有社区两委可以把说事转为居民议事',
      CONFLICT: '只有已上报社区、尚未办结的说事可以转为议题',
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)
    return fail('CONFLICT', NOT_YET)
  },
  { load: (input) => [matterById(input.id)] }
)
