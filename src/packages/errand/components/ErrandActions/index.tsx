import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { StarsInput } from '@/components/Stars'
import { TextBox } from '@/components/TextBox'
import { Dialog } from '@/components/Dialog'
import { useForm, type Form } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import type { ApiError } from '@/contract/errors'
import type { Errand } from '@/contract/errand'
import {
  ERRAND_STEP_RULES as RULES,
  ERRAND_TYPE_LABELS,
  MAX_ACCEPTED_PER_SLOT,
} from '@/contract/errand.rules'
import { askToSubscribe } from '../../subscribe'
import { STEPS, visibleSteps, type ErrandStep, type StepInput } from './steps'
import './index.scss'

export type { ErrandStep }

interface ErrandActionsProps {
  errand: Errand
  /** Which buttons this place offers (default: all); each still needs its `can`. */
  steps?: ErrandStep[]
  /** The action went through: the errand as the server returned it. */
  onChanged: (errand: Errand) => void
  /** The action was refused (taken, gone, no longer allowed, full): the message was shown. */
  onStale: (id: string, error: ApiError) => void
}

/** The buttons the viewer may press on an errand, each confirmed in a dialog before it is sent. */
export function ErrandActions({ errand, steps, onChanged, onStale }: ErrandActionsProps) {
  const [open, setOpen] = useState<ErrandStep | null>(null)
  const shown = visibleSteps(errand, steps)
  if (!shown.length && !open) return null
  return (
    <>
      <View className="errand-actions">
        {shown.map((step) => (
          <Button
            key={step}
            className="errand-actions__button"
            kind={STEPS[step].kind}
            testId={`errand-action-${step}`}
            onClick={() => setOpen(step)}
          >
            {STEPS[step].button}
          </Button>
        ))}
      </View>
      {open && (
        <StepDialog
          key={open}
          step={open}
          errand={errand}
          onClose={() => setOpen(null)}
          onChanged={onChanged}
          onStale={onStale}
        />
      )}
    </>
  )
}

const EMPTY: StepInput = { reason: '', note: '', rating: 5, comment: '' }

function StepDialog({
  step,
  errand,
  onClose,
  onChanged,
  onStale,
}: {
  step: ErrandStep
  errand: Errand
  onClose: () => void
  onChanged: (errand: Errand) => void
  onStale: (id: string, error: ApiError) => void
}) {
  const spec = STEPS[step]
  const form = useForm(EMPTY, { rules: spec.rules ?? {} })
  const intent = useIntent()

  const submit = async () => {
    if (intent.busy) return
    if (!form.attempt()) return
    // WeChat only asks from a tap: before the request, never holding it up.
    if (step === 'accept') await askToSubscribe('accept')
    const result = await intent.run((opts) => spec.send(errand.id, form.values, opts))
    if (!result) return
    if (result.ok) {
      toast(spec.done)
      onClose()
      onChanged(result.data)
      return
    }
    const { code, message, field } = result.error
    toast(message)
    if (code === 'INTERNAL') return // same intent, same id: a retry cannot act twice
    const mine = !!field && !!spec.rules && field in spec.rules
    if (mine && (code === 'INVALID_INPUT' || code === 'CONTENT_REJECTED')) {
      return form.refuse(result.error)
    }
    onClose()
    onStale(errand.id, result.error)
  }

  return (
    <Dialog
      title={spec.title}
      okText={spec.ok}
      okKind={step === 'cancel' ? 'danger' : 'primary'}
      busy={intent.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <View className="errand-actions__dialog" data-testid={`errand-step-${step}`}>
        <StepBody step={step} errand={errand} form={form} />
      </View>
    </Dialog>
  )
}

function StepBody({
  step,
  errand,
  form,
}: {
  step: ErrandStep
  errand: Errand
  form: Form<StepInput>
}) {
  const input = form.values
  const change = form.set
  const label = ERRAND_TYPE_LABELS[errand.type]
  switch (step) {
    case 'accept':
      return (
        <View className="errand-actions__text">
          接下「{label}」后，您会看到居民的姓名、住址和电话，请尽快联系居民。同一时段最多接{' '}
          {MAX_ACCEPTED_PER_SLOT} 件代办。
        </View>
      )
    case 'release':
      return (
        <>
          <View className="errand-actions__text">退回后，代办会重新等待其他红色代办员接单。</View>
          <Field label="退回原因" name="reason" error={form.messageOf('reason')}>
            <TextBox
              testId="errand-reason"
              fixed
              value={input.reason}
              maxLength={RULES.releaseReason.max.value}
              placeholder="如：临时有事，这个时段去不了"
              onChange={(reason) => change({ reason })}
            />
          </Field>
        </>
      )
    case 'complete':
      return (
        <>
          <View className="errand-actions__text">
            已经帮居民办好了？居民销单后，这件代办就办结了。
          </View>
          <Field label="办结说明（选填）" name="note" error={form.messageOf('note')}>
            <TextBox
              testId="errand-note"
              fixed
              value={input.note}
              maxLength={RULES.note.max.value}
              placeholder="如：电费已缴，票据放在门口信箱"
              onChange={(note) => change({ note })}
            />
          </Field>
        </>
      )
    case 'confirm':
      return (
        <>
          <View className="errand-actions__text">代办已经办好了吗？给这次帮助打个分吧。</View>
          <Field label="评分" name="rating" error={form.messageOf('rating')}>
            <StarsInput
              value={input.rating}
              testIdPrefix="errand-rating-"
              onChange={(rating) => change({ rating })}
            />
          </Field>
          <Field label="评价（选填）" name="comment" error={form.messageOf('comment')}>
            <TextBox
              testId="errand-comment"
              fixed
              value={input.comment}
              maxLength={RULES.comment.max.value}
              placeholder="如：办得又快又好，谢谢！"
              onChange={(comment) => change({ comment })}
            />
          </Field>
        </>
      )
    case 'cancel':
      return (
        <>
          <View className="errand-actions__text">
            确定取消这件「{label}」吗？取消后不能恢复
            {errand.agent ? '，红色代办员也不用再跑了' : ''}。
          </View>
          <Field label="取消原因（选填）" name="reason" error={form.messageOf('reason')}>
            <TextBox
              testId="errand-reason"
              fixed
              value={input.reason}
              maxLength={RULES.cancelReason.max.value}
              placeholder="如：家人已经帮忙办了"
              onChange={(reason) => change({ reason })}
            />
          </Field>
        </>
      )
  }
}
