import { AddUpdateInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { entry } from '../lib/store'
import { riskyField } from '../lib/screen'
import { denial } from './policy'
import { joinedTopic, topicById, topics } from './store'
import { NOT_SEEN, topicView } from './view'

/** The committee reports how the decision is carried out (决议执行情况), on a closed topic. */
export const addUpdate = action(
  AddUpdateInput,
  async ({ actor, input, joined, audit }) => {
    const t = joinedTopic(joined)
    const no = refuse(denial('addUpdate', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有社区两委可以发布决议执行情况',
      CONFLICT: '投票结束后才能发布执行情况',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { text: input.text }, 3)) {
      return fail('CONTENT_REJECTED', '内容包含不适宜的信息，请修改', 'text')
    }
    const _ = db().command
    const step = entry(new Date(), 'update', '社区两委发布了决议执行情况')
    const update = { at: step.at, text: input.text }
    const res = await topics()
      .where({ _id: t._id, phase: 'closed' })
      .update({
        data: { updates: _.push([update]), updatedAt: step.at, timeline: _.push([step]) },
      })
    if (res.stats.updated !== 1) return fail('NOT_FOUND', NOT_SEEN)
    audit('deliberation.addUpdate', t._id, {})
    return ok(
      topicView(actor, {
        ...t,
        updates: [...(t.updates ?? []), update],
        updatedAt: step.at,
        timeline: [...(t.timeline ?? []), step],
      })
    )
  },
  { load: (input) => [topicById(input.id)] }
)
