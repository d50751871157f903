import type { StepTable } from '@/components/ItemActions'
import { optionalText as optional, ratingDialog, textDialog } from '@/components/ItemActions'
import type { Matter, MatterActionKey } from '@/contract/matter'
import {
  MATTER_CATEGORY_LABELS,
  MATTER_RATING,
  MATTER_REOPEN_DAYS,
  MATTER_STEP_RULES as RULES,
} from '@/contract/matter.rules'
import { matterApi } from '@/services/matter'
import { askToSubscribe } from '../../subscribe'

// The buttons a matter can show and what each one sends. Whether a button shows comes from the
// server's `can` only. `toDeliberation` is no step here: it opens the topic form (the detail
// page's 转为议事), which sends it.

export type MatterStep = Exclude<MatterActionKey, 'toDeliberation'>

export interface StepInput extends Record<string, unknown> {
  text: string
  reason: string
  rating: number | null
  comment: string
}

export const EMPTY: StepInput = { text: '', reason: '', rating: 5, comment: '' }

const what = (m: Matter) => `「${MATTER_CATEGORY_LABELS[m.category]}」`

export const STEPS: StepTable<MatterStep, Matter, StepInput> = {
  second: {
    can: 'second',
    button: '我也遇到',
    kind: 'primary',
    title: '我也遇到了',
    ok: '确认附议',
    done: '已附议',
    text: () => '附议后，网格员和社区会知道这件事困扰着更多邻居，优先处理。每人只能附议一次。',
    send: (id, _in, opts) => matterApi.second(id, opts),
  },
  accept: {
    can: 'accept',
    button: '受理',
    kind: 'primary',
    title: '受理这件事',
    ok: '确认受理',
    done: '已受理，已告诉反映的居民',
    text: (m) => (
      <>
        受理{what(m)}后由您负责处理，请及时回复进展；处理好了点「办结」。超过 72
        小时未办结会标为超时。
      </>
    ),
    before: () => askToSubscribe('accept'),
    send: (id, _in, opts) => matterApi.accept(id, opts),
  },
  reply: {
    can: 'reply',
    button: '回复进展',
    kind: 'default',
    title: '回复处理进展',
    ok: '发送回复',
    done: '回复已发送，居民会收到通知',
    text: () => '告诉居民现在处理到哪一步了，所有能看到这件事的人都能看到这条回复。',
    ...textDialog(
      {
        name: 'text',
        label: '处理进展',
        testId: 'matter-reply-text',
        placeholder: '如：已联系物业，维修师傅明天上午到场',
        rule: RULES.reply,
      },
      (id, text, opts) => matterApi.reply({ id, text }, opts)
    ),
  },
  resolve: {
    can: 'resolve',
    button: '办结',
    kind: 'primary',
    title: '办结这件事',
    ok: '确认办结',
    done: '已办结，等待居民评价',
    text: () =>
      `写下是怎么解决的。居民可以评价，${MATTER_REOPEN_DAYS} 天内没解决好也可以重新反映。`,
    ...textDialog(
      {
        name: 'text',
        label: '处理结果',
        testId: 'matter-resolve-text',
        placeholder: '如：路灯已更换，今晚起恢复照明',
        rule: RULES.resolve,
      },
      (id, text, opts) => matterApi.resolve({ id, text }, opts)
    ),
  },
  rate: {
    can: 'rate',
    button: '评价',
    kind: 'primary',
    title: '评价处理结果',
    ok: '提交评价',
    done: '谢谢您的评价',
    text: () => '这件事处理得怎么样？给个评分吧。',
    ...ratingDialog({
      stars: 'matter-rating-',
      rating: MATTER_RATING,
      comment: {
        name: 'comment',
        label: '评价（选填）',
        testId: 'matter-comment',
        placeholder: '如：处理得很及时，谢谢网格员！',
        rule: RULES.comment,
      },
      call: (id, rating, comment, opts) =>
        matterApi.rate({ id, rating, ...optional('comment', comment) }, opts),
    }),
  },
  escalate: {
    can: 'escalate',
    button: '上报社区',
    kind: 'default',
    title: '上报社区',
    ok: '确认上报',
    done: '已上报社区，两委会接手处理',
    text: (m) => <>网格内解决不了{what(m)}？上报后由社区两委处理，请写明原因。</>,
    ...textDialog(
      {
        name: 'reason',
        label: '上报原因',
        testId: 'matter-escalate-reason',
        placeholder: '如：涉及多个网格，需要社区协调物业公司',
        rule: RULES.escalateReason,
      },
      (id, reason, opts) => matterApi.escalate({ id, reason }, opts)
    ),
    before: () => askToSubscribe('escalate'),
  },
  reopen: {
    can: 'reopen',
    button: '没解决，重新反映',
    testId: 'reopen',
    kind: 'default',
    title: '重新反映',
    ok: '重新反映',
    done: '已重新反映，工作人员会再处理',
    text: () => '问题还没有解决？写下原因，这件事会回到待受理，重新处理。',
    ...textDialog(
      {
        name: 'reason',
        label: '重新反映的原因',
        testId: 'matter-reopen-reason',
        placeholder: '如：路灯换了但晚上还是不亮',
        rule: RULES.reopenReason,
      },
      (id, reason, opts) => matterApi.reopen({ id, reason }, opts)
    ),
  },
  withdraw: {
    can: 'withdraw',
    button: '撤回',
    kind: 'danger',
    title: '撤回这件事',
    ok: '确认撤回',
    done: '已撤回',
    text: (m) => <>确定撤回{what(m)}吗？撤回后工作人员不再处理，也不能恢复。</>,
    send: (id, _in, opts) => matterApi.withdraw(id, opts),
  },
}

/** Button order: the step that moves the matter forward first, the way out last. */
export const ALL_STEPS: MatterStep[] = [
  'second',
  'accept',
  'reply',
  'resolve',
  'rate',
  'escalate',
  'reopen',
  'withdraw',
]
