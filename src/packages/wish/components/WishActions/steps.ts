import type { ButtonKind } from '@/components/Button'
import type { CallOptions } from '@/services/cloud'
import type { Result } from '@/contract/errors'
import type { Wish, WishActionKey } from '@/contract/wish'
import type { CrossRule, FieldRule } from '@/contract/rules'
import { WISH_RATING, WISH_REVIEW_CROSS, WISH_STEP_RULES as RULES } from '@/contract/wish.rules'
import { wishApi } from '@/services/wish'

// The buttons a wish can show and what each one sends. Whether a button shows comes from the
// server's `can` only; review is one permission with two buttons.

export type WishStep = 'claim' | 'release' | 'fulfill' | 'confirm' | 'cancel' | 'approve' | 'reject'

export interface StepInput extends Record<string, unknown> {
  /** Fixed per step (false for reject), for the rules between fields. */
  approve: boolean
  reason: string
  note: string
  rating: number | null
  thanks: string
}

interface StepSpec {
  /** The permission in `wish.can` that shows the button. */
  can: WishActionKey
  button: string
  /** `wish-action-<testId>`. */
  testId: string
  kind: ButtonKind
  title: string
  ok: string
  done: string
  /** The fields of its dialog and their rules (src/contract/wish.rules.ts). */
  rules?: Partial<Record<keyof StepInput & string, FieldRule>>
  cross?: readonly CrossRule<keyof StepInput & string>[]
  send: (id: string, input: StepInput, opts: CallOptions) => Promise<Result<Wish>>
}

const optional = <K extends string>(key: K, text: string) =>
  (text.trim() ? { [key]: text.trim() } : {}) as Partial<Record<K, string>>

export const STEPS: Record<WishStep, StepSpec> = {
  claim: {
    can: 'claim',
    button: '认领',
    testId: 'claim',
    kind: 'primary',
    title: '认领心愿',
    ok: '确认认领',
    done: '认领成功，请尽快联系发布人',
    send: (id, _in, opts) => wishApi.claim(id, opts),
  },
  fulfill: {
    can: 'fulfill',
    button: '已完成',
    testId: 'fulfill',
    kind: 'primary',
    title: '心愿已完成',
    ok: '确认完成',
    done: '已告诉发布人，等待确认',
    rules: { note: RULES.note },
    send: (id, input, opts) => wishApi.fulfill({ id, ...optional('note', input.note) }, opts),
  },
  confirm: {
    can: 'confirm',
    button: '确认并致谢',
    testId: 'confirm',
    kind: 'primary',
    title: '确认心愿已实现',
    ok: '确认并致谢',
    done: '心愿已点亮，谢谢您的反馈',
    rules: { rating: WISH_RATING, thanks: RULES.thanks },
    send: (id, input, opts) =>
      wishApi.confirm({ id, rating: input.rating ?? 0, ...optional('thanks', input.thanks) }, opts),
  },
  approve: {
    can: 'review',
    button: '审核通过',
    testId: 'review-approve',
    kind: 'primary',
    title: '审核通过',
    ok: '确认通过',
    done: '已通过，心愿已发布',
    send: (id, _in, opts) => wishApi.review({ id, approve: true }, opts),
  },
  reject: {
    can: 'review',
    button: '不通过',
    testId: 'review-reject',
    kind: 'default',
    title: '审核不通过',
    ok: '确认不通过',
    done: '已标记为不通过',
    rules: { reason: RULES.reviewReason },
    cross: WISH_REVIEW_CROSS,
    send: (id, input, opts) =>
      wishApi.review({ id, approve: false, reason: input.reason.trim() }, opts),
  },
  release: {
    can: 'release',
    button: '放弃认领',
    testId: 'release',
    kind: 'default',
    title: '放弃认领',
    ok: '确认放弃',
    done: '已放弃认领，心愿重新等待认领',
    rules: { reason: RULES.releaseReason },
    send: (id, input, opts) => wishApi.release({ id, reason: input.reason.trim() }, opts),
  },
  cancel: {
    can: 'cancel',
    button: '取消心愿',
    testId: 'cancel',
    kind: 'danger',
    title: '取消心愿',
    ok: '确认取消',
    done: '心愿已取消',
    send: (id, _in, opts) => wishApi.cancel(id, opts),
  },
}

/** Button order: the step that moves the wish forward first, the way out last. */
export const ALL_STEPS: WishStep[] = [
  'claim',
  'fulfill',
  'confirm',
  'approve',
  'reject',
  'release',
  'cancel',
]

export const visibleSteps = (wish: Wish, steps: WishStep[] = ALL_STEPS): WishStep[] =>
  steps.filter((s) => wish.can[STEPS[s].can])
