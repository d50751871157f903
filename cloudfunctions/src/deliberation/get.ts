import { TopicIdInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { canSee, residentOf } from './policy'
import { joinedTopic, rollCount, rollEntries, topicById } from './store'
import { NOT_SEEN, topicView, withLiveTurnout } from './view'

/**
 * One topic with the live turnout against the quorum (while voting: its roll entries, counted
 * with the caller's read) and the viewer's part in the vote (their roll entry, or their
 * household's, read by its key). Never per-option counts before close.
 */
export const get = action(
  TopicIdInput,
  async ({ actor, joined }) => {
    const found = joinedTopic(joined)
    if (!found || !canSee(actor, found)) return fail('NOT_FOUND', NOT_SEEN)
    const t = withLiveTurnout(found, joined)
    const roll = residentOf(actor, t) && actor.user ? await rollEntries(t, actor.user) : []
    return ok(topicView(actor, t, { roll: roll[0] ?? null }))
  },
  { read: true, load: (input) => [topicById(input.id), rollCount(input.id)] }
)
