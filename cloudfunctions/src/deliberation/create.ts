import { CreateTopicInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { draftTopic, scopeLoads } from './draft'
import { topics } from './store'
import { topicView } from './view'

/**
 * The committee (its community or any of its grids) or a grid worker (own grid) opens a topic
 * for discussion, then a vote. A topic from a matter (居民说事) keeps its id.
 */
export const create = action(
  CreateTopicInput,
  async ({ actor, input, joined, audit }) => {
    const { matterId, ...fields } = input
    const text = matterId ? '由居民说事转为议题，开始讨论' : '议题已发起，开始讨论'
    const drafted = await draftTopic(actor, fields, joined, { matterId: matterId || null, text })
    if (!drafted.ok) return fail(drafted.code, drafted.message, drafted.field)
    const t = drafted.doc
    await topics().add({ data: { ...t } })
    audit('deliberation.create', t._id, {
      scope: `${t.scopeType}:${t.scopeId}`,
      unit: t.unit,
      ...(t.matterId ? { matterId: t.matterId } : {}),
    })
    return ok(topicView(actor, t))
  },
  { load: (input) => scopeLoads(input.scope) }
)
