import { CreateTopicInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { draftTopic, scopeLoads } from './draft'
import { newId, topics } from './store'
import { isDuplicateKey, requestDocId } from '../lib/store'
import { topicView } from './view'
import { openTopicFor } from '../matter/deliberation'
import { joinedMatter, matterById } from '../matter/store'

/**
 * The committee (its community or any of its grids) or a grid worker (own grid) opens a topic
 * for discussion, then a vote. With a `matterId` it is `matter.toDeliberation` by another door
 * (the same code, the same checks, refusals about the matter on `matterId`): the matter moves to
 * `deliberating` and both are linked.
 */
export const create = action(
  CreateTopicInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const { matterId, ...fields } = input
    if (matterId) {
      const m = joinedMatter(joined)
      const opened = await openTopicFor(actor, m, fields, joined, requestId, 'matterId')
      if (!opened.ok) return fail(opened.code, opened.message, opened.field)
      const t = opened.topic
      audit('deliberation.create', t._id, {
        scope: `${t.scopeType}:${t.scopeId}`,
        unit: t.unit,
        matterId,
        from: m?.status,
      })
      return ok(topicView(actor, t))
    }
    const drafted = await draftTopic(actor, fields, joined, {
      id: requestDocId(actor.openid, requestId) ?? newId(),
      text: '议题已发起，开始讨论',
    })
    if (!drafted.ok) return fail(drafted.code, drafted.message, drafted.field)
    const t = drafted.doc
    try {
      await topics().add({ data: { ...t } })
    } catch (err) {
      // Another delivery of this request created it.
      if (!isDuplicateKey(err, '_id_')) throw err
      return fail('CONFLICT', '这个请求正在处理中，请稍候')
    }
    audit('deliberation.create', t._id, { scope: `${t.scopeType}:${t.scopeId}`, unit: t.unit })
    return ok(topicView(actor, t))
  },
  {
    load: (input) =>
      input.matterId
        ? [matterById(input.matterId), ...scopeLoads(input.scope)]
        : scopeLoads(input.scope),
  }
)
