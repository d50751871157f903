import { ReplyMatterInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { riskyField } from '../lib/screen'
import { denial } from './policy'
import { handlerLabel } from './people'
import { joinedMatter, matterById, move, step, joinedRounds, roundsOfMatter } from './store'
import { tellReplied } from './notify'
import { NOT_SEEN, matterView, photoUrls } from './view'

const NOT_HANDLING = '这条说事现在不在处理中，不能回复进展'

/** The handler adds a progress note to the timeline; the reporter is told. */
export const reply = action(
  ReplyMatterInput,
  async ({ actor, input, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('reply', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有负责处理的工作人员可以回复进展',
      CONFLICT: NOT_HANDLING,
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { text: input.text }, 2)) {
      return fail('CONTENT_REJECTED', '进展内容包含不适宜的信息，请修改', 'text')
    }

    const by = handlerLabel(actor, m)
    const s = step('replied', `处理进展：${input.text}`, by)
    const now = await move(m, 'handling', { level: m.level }, {}, s)
    if (!now) return fail('CONFLICT', NOT_HANDLING)
    audit('matter.reply', m._id, { level: m.level })
    await tellReplied(now)
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
