import type { ButtonKind } from '@/components/Button'
import type { CallOptions } from '@/services/cloud'
import type { Result } from '@/contract/errors'
import type { Errand, ErrandActionKey } from '@/contract/errand'
import type { FieldRule } from '@/contract/rules'
import { ERRAND_RATING, ERRAND_STEP_RULES as RULES } from '@/contract/errand.rules'
import { errandApi } from '@/services/errand'

// The buttons an errand can show and what each one sends. Whether a button shows comes from the
// server's `can` only.

export type ErrandStep = ErrandActionKey

export interface StepInput extends Record<string, unknown> {
  reason: string
  note: string
  rating: number | null
  comment: string
}

interface StepSpec {
  button: string
  kind: ButtonKind
  title: string
  ok: string
  done: string
  /** The fields of its dialog and their rules (src/contract/errand.rules.ts). */
  rules?: Partial<Record<keyof StepInput & string, FieldRule>>
  send: (id: string, input: StepInput, opts: CallOptions) => Promise<Result<Errand>>
}

const optional = <K extends string>(key: K, text: string) =>
  (text.trim() ? { [key]: text.trim() } : {}) as Partial<Record<K, string>>

export const STEPS: Record<ErrandStep, StepSpec> = {
  accept: {
    button: '接单',
    kind: 'primary',
    title: '接下这件代办',
    ok: '确认接单',
    done: '接单成功，请尽快联系居民',
    send: (id, _in, opts) => errandApi.accept(id, opts),
  },
  complete: {
    button: '已办结',
    kind: 'primary',
    title: '代办已办结',
    ok: '确认办结',
    done: '已告诉居民，等待销单',
    rules: { note: RULES.note },
    send: (id, input, opts) => errandApi.complete({ id, ...optional('note', input.note) }, opts),
  },
  confirm: {
    button: '销单评价',
    kind: 'primary',
    title: '销单并评价',
    ok: '确认销单',
    done: '已销单，谢谢您的评价',
    rules: { rating: ERRAND_RATING, comment: RULES.comment },
    send: (id, input, opts) =>
      errandApi.confirm(
        { id, rating: input.rating ?? 0, ...optional('comment', input.comment) },
        opts
      ),
  },
  release: {
    button: '退回',
    kind: 'default',
    title: '退回代办',
    ok: '确认退回',
    done: '已退回，代办重新等待接单',
    rules: { reason: RULES.releaseReason },
    send: (id, input, opts) => errandApi.release({ id, reason: input.reason.trim() }, opts),
  },
  cancel: {
    button: '取消代办',
    kind: 'danger',
    title: '取消代办',
    ok: '确认取消',
    done: '代办已取消',
    rules: { reason: RULES.cancelReason },
    send: (id, input, opts) => errandApi.cancel({ id, ...optional('reason', input.reason) }, opts),
  },
}

/** Button order: the step that moves the errand forward first, the way out last. */
export const ALL_STEPS: ErrandStep[] = ['accept', 'complete', 'confirm', 'release', 'cancel']

export const visibleSteps = (errand: Errand, steps: ErrandStep[] = ALL_STEPS): ErrandStep[] =>
  steps.filter((s) => errand.can[s])
