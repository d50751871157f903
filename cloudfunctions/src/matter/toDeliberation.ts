import { ToDeliberationInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { scopeLoads } from '../deliberation/draft'
import { openTopicFor } from './deliberation'
import { joinedMatter, joinedRounds, matterById, roundsOfMatter } from './store'
import { matterView, photoUrls } from './view'

/**
 * The committee turns a matter at level community (reported or handling) into a deliberation
 * topic (docs/contract.md §4.4): the topic is stored with the matter's id, the matter moves to
 * `deliberating` with the topic's, and the answer is the matter as `get` shows it.
 */
export const toDeliberation = action(
  ToDeliberationInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const { id, ...fields } = input
    const opened = await openTopicFor(actor, joinedMatter(joined), fields, joined, requestId)
    if (!opened.ok) return fail(opened.code, opened.message, opened.field)
    const { matter: m, topic: t } = opened
    audit('matter.toDeliberation', id, {
      from: joinedMatter(joined)?.status,
      to: 'deliberating',
      deliberationId: t._id,
    })
    const rounds = [...joinedRounds(joined), t]
    return ok(matterView(actor, m, await photoUrls([m], true), true, rounds))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter, ...scopeLoads(input.scope)] }
)
