import { ItemActions, type StepTable } from '@/components/ItemActions'
import type { ApiError } from '@/contract/errors'
import type { Topic } from '@/contract/deliberation'
import { DELIBERATION_RULES } from '@/contract/deliberation.rules'
import { deliberationApi } from '@/services/deliberation'
import { voterWord } from '../../format'

// The topic's steps that need only a confirm (and a text for 执行情况). Whether a button shows
// comes from the server's `can` only.

type TopicStep = 'openVoting' | 'close' | 'addUpdate'

interface StepInput extends Record<string, unknown> {
  text: string
}

const EMPTY: StepInput = { text: '' }

const STEPS: StepTable<TopicStep, Topic, StepInput> = {
  openVoting: {
    can: 'openVoting',
    button: '提前开始投票',
    kind: 'primary',
    title: '开始投票',
    ok: '开始投票',
    done: '投票已开始',
    text: (t) =>
      `讨论将结束，投票马上开始。此刻已认证的本范围居民${
        t.unit === 'household' ? '（按户计）' : ''
      }进入投票名单，之后认证的居民不能参与本次投票。`,
    send: (id, _in, opts) => deliberationApi.openVoting(id, opts),
  },
  close: {
    can: 'close',
    button: '结束投票',
    kind: 'danger',
    title: '结束投票',
    ok: '结束并公布结果',
    done: '投票已结束，结果已公布',
    text: (t) =>
      `结束后不能再投票，结果立即公布。目前已投 ${t.turnout}${
        t.eligibleCount !== null ? ` / ${t.eligibleCount}` : ''
      } ${voterWord(t)}。`,
    send: (id, _in, opts) => deliberationApi.close(id, opts),
  },
  addUpdate: {
    can: 'addUpdate',
    button: '发布执行情况',
    kind: 'default',
    title: '决议执行情况',
    ok: '发布',
    done: '执行情况已发布',
    text: () => '告诉居民这项决议办得怎么样了，大家都能看到。',
    fields: [
      {
        name: 'text',
        label: '执行情况',
        testId: 'deliberation-update-text',
        placeholder: '如：物业已于本周完成施工，请大家监督',
      },
    ],
    rules: { text: DELIBERATION_RULES.update },
    send: (id, input, opts) => deliberationApi.addUpdate({ id, text: input.text.trim() }, opts),
  },
}

const ORDER: TopicStep[] = ['openVoting', 'close', 'addUpdate']

/** The confirm-and-send buttons of a topic (`deliberation-action-<step>`). */
export function TopicActions({
  topic,
  onChanged,
  onStale,
}: {
  topic: Topic
  onChanged: (topic: Topic) => void
  onStale: (id: string, error: ApiError) => void
}) {
  return (
    <ItemActions
      item={topic}
      table={STEPS}
      order={ORDER}
      empty={EMPTY}
      prefix="deliberation"
      onChanged={onChanged}
      onStale={onStale}
    />
  )
}
