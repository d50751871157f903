import type { StepTable } from '@/components/ItemActions'
import { optionalText as optional, ratingDialog, textDialog } from '@/components/ItemActions'
import type { Errand, ErrandActionKey } from '@/contract/errand'
import {
  ERRAND_RATING,
  ERRAND_STEP_RULES as RULES,
  ERRAND_TYPE_LABELS,
  MAX_ACCEPTED_PER_SLOT,
} from '@/contract/errand.rules'
import { errandApi } from '@/services/errand'
import { askToSubscribe } from '../../subscribe'

// The buttons an errand can show and what each one sends. Whether a button shows comes from the
// server's `can` only.

export type ErrandStep = ErrandActionKey

export interface StepInput extends Record<string, unknown> {
  reason: string
  note: string
  rating: number | null
  comment: string
}

export const EMPTY: StepInput = { reason: '', note: '', rating: 5, comment: '' }

export const STEPS: StepTable<ErrandStep, Errand, StepInput> = {
  accept: {
    can: 'accept',
    button: '接单',
    kind: 'primary',
    title: '接下这件代办',
    ok: '确认接单',
    done: '接单成功，请尽快联系居民',
    text: (e) => (
      <>
        接下「{ERRAND_TYPE_LABELS[e.type]}
        」后，您会看到居民的姓名、住址和电话，请尽快联系居民。同一时段最多接 {
          MAX_ACCEPTED_PER_SLOT
        }{' '}
        件代办。
      </>
    ),
    before: () => askToSubscribe('accept'),
    send: (id, _in, opts) => errandApi.accept(id, opts),
  },
  complete: {
    can: 'complete',
    button: '已办结',
    kind: 'primary',
    title: '代办已办结',
    ok: '确认办结',
    done: '已告诉居民，等待销单',
    text: () => '已经帮居民办好了？居民销单后，这件代办就办结了。',
    ...textDialog(
      {
        name: 'note',
        label: '办结说明（选填）',
        testId: 'errand-note',
        placeholder: '如：电费已缴，票据放在门口信箱',
        rule: RULES.note,
      },
      (id, note, opts) => errandApi.complete({ id, ...optional('note', note) }, opts)
    ),
  },
  confirm: {
    can: 'confirm',
    button: '销单评价',
    kind: 'primary',
    title: '销单并评价',
    ok: '确认销单',
    done: '已销单，谢谢您的评价',
    text: () => '代办已经办好了吗？给这次帮助打个分吧。',
    ...ratingDialog({
      stars: 'errand-rating-',
      rating: ERRAND_RATING,
      comment: {
        name: 'comment',
        label: '评价（选填）',
        testId: 'errand-comment',
        placeholder: '如：办得又快又好，谢谢！',
        rule: RULES.comment,
      },
      call: (id, rating, comment, opts) =>
        errandApi.confirm({ id, rating, ...optional('comment', comment) }, opts),
    }),
  },
  release: {
    can: 'release',
    button: '退回',
    kind: 'default',
    title: '退回代办',
    ok: '确认退回',
    done: '已退回，代办重新等待接单',
    text: () => '退回后，代办会重新等待其他红色代办员接单。',
    ...textDialog(
      {
        name: 'reason',
        label: '退回原因',
        testId: 'errand-reason',
        placeholder: '如：临时有事，这个时段去不了',
        rule: RULES.releaseReason,
      },
      (id, reason, opts) => errandApi.release({ id, reason }, opts)
    ),
  },
  cancel: {
    can: 'cancel',
    button: '取消代办',
    kind: 'danger',
    title: '取消代办',
    ok: '确认取消',
    done: '代办已取消',
    text: (e) => (
      <>
        确定取消这件「{ERRAND_TYPE_LABELS[e.type]}」吗？取消后不能恢复
        {e.agent ? '，红色代办员也不用再跑了' : ''}。
      </>
    ),
    ...textDialog(
      {
        name: 'reason',
        label: '取消原因（选填）',
        testId: 'errand-reason',
        placeholder: '如：家人已经帮忙办了',
        rule: RULES.cancelReason,
      },
      (id, reason, opts) => errandApi.cancel({ id, ...optional('reason', reason) }, opts)
    ),
  },
}

/** Button order: the step that moves the errand forward first, the way out last. */
export const ALL_STEPS: ErrandStep[] = ['accept', 'complete', 'confirm', 'release', 'cancel']
