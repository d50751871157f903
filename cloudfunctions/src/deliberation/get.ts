import { TopicIdInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { canSee, residentOf } from './policy'
import { joinedTopic, rollEntries, topicById } from './store'
import { NOT_SEEN, topicView } from './view'

/**
 * One topic with the live turnout against the quorum and the viewer's part in the vote (their
 * roll entry, or their household's, read by its key). Never per-option counts before close.
 */
export const get = action(
  TopicIdInput,
  async ({ actor, joined }) => {
    const t = joinedTopic(joined)
    if (!t || !canSee(actor, t)) return fail('NOT_FOUND', NOT_SEEN)
    const roll = residentOf(actor, t) && actor.user ? await rollEntries(t, actor.user) : []
    return ok(topicView(actor, t, { roll: roll[0] ?? null }))
  },
  { read: true, load: (input) => [topicById(input.id)] }
)
