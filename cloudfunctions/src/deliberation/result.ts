import { TopicIdInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { denial } from './policy'
import { joinedTopic, topicById } from './store'
import { NOT_SEEN, resultView } from './view'

/** The sealed tally of a closed topic (sealed once at close): before close, CONFLICT. */
export const result = action(
  TopicIdInput,
  async ({ actor, joined }) => {
    const t = joinedTopic(joined)
    const no = refuse(denial('result', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      CONFLICT: '投票结束后才公布结果',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (!t.tally) return fail('CONFLICT', '投票结束后才公布结果')
    return ok(resultView(t))
  },
  { read: true, load: (input) => [topicById(input.id)] }
)
