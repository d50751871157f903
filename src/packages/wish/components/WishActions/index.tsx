import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { newRequestId } from '@/services/cloud'
import type { ApiError } from '@/contract/errors'
import type { Wish } from '@/contract/wish'
import { askToSubscribe } from '../../subscribe'
import {
  NOTE_MAX,
  REASON_MAX,
  THANKS_MAX,
  checkNote,
  checkRating,
  checkRejectReason,
  checkReleaseReason,
  checkThanks,
} from '../../validate'
import { StarsInput } from '../Stars'
import { TextBox } from '../TextBox'
import { WishDialog } from '../WishDialog'
import { STEPS, visibleSteps, type StepInput, type WishStep } from './steps'
import './index.scss'

export type { WishStep }

interface WishActionsProps {
  wish: Wish
  /** Which buttons this place offers (default: all); each still needs its `can`. */
  steps?: WishStep[]
  /** The action went through: the wish as the server returned it. */
  onChanged: (wish: Wish) => void
  /** The action was refused (already taken, gone, no longer allowed): the message was shown. */
  onStale: (id: string, error: ApiError) => void
}

/** The buttons the viewer may press on a wish, each confirmed in a dialog before it is sent. */
export function WishActions({ wish, steps, onChanged, onStale }: WishActionsProps) {
  const [open, setOpen] = useState<WishStep | null>(null)
  const shown = visibleSteps(wish, steps)
  if (!shown.length && !open) return null
  return (
    <>
      <View className="wish-actions">
        {shown.map((step) => (
          <Button
            key={step}
            className="wish-actions__button"
            kind={STEPS[step].kind}
            testId={`wish-action-${STEPS[step].testId}`}
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
          wish={wish}
          onClose={() => setOpen(null)}
          onChanged={onChanged}
          onStale={onStale}
        />
      )}
    </>
  )
}

type StepErrors = Partial<Record<'reason' | 'note' | 'rating' | 'thanks', string>>

const EMPTY: StepInput = { reason: '', note: '', rating: 5, thanks: '' }

function check(step: WishStep, input: StepInput): StepErrors {
  const errors: StepErrors = {}
  if (step === 'release') errors.reason = checkReleaseReason(input.reason)
  if (step === 'reject') errors.reason = checkRejectReason(input.reason)
  if (step === 'fulfill') errors.note = checkNote(input.note)
  if (step === 'confirm') {
    errors.rating = checkRating(input.rating)
    errors.thanks = checkThanks(input.thanks)
  }
  for (const key of Object.keys(errors) as (keyof StepErrors)[])
    if (!errors[key]) delete errors[key]
  return errors
}

const FIELDS = ['reason', 'note', 'rating', 'thanks'] as const
const fieldOf = (field?: string) => FIELDS.find((f) => f === field)

function StepDialog({
  step,
  wish,
  onClose,
  onChanged,
  onStale,
}: {
  step: WishStep
  wish: Wish
  onClose: () => void
  onChanged: (wish: Wish) => void
  onStale: (id: string, error: ApiError) => void
}) {
  const spec = STEPS[step]
  const [input, setInput] = useState<StepInput>(EMPTY)
  const [errors, setErrors] = useState<StepErrors>({})
  const [busy, setBusy] = useState(false)
  // One id per intent, kept across a retry after a network failure.
  const [requestId, setRequestId] = useState(newRequestId)

  const change = (patch: Partial<StepInput>) => {
    setInput((prev) => ({ ...prev, ...patch }))
    setErrors({})
  }

  const submit = async () => {
    if (busy) return
    const problems = check(step, input)
    if (Object.keys(problems).length) return setErrors(problems)
    // WeChat only asks from a tap: before the request, never holding it up.
    if (step === 'claim' || step === 'confirm') await askToSubscribe(step)
    setBusy(true)
    const result = await spec.send(wish.id, input, { requestId })
    setBusy(false)
    if (result.ok) {
      toast(spec.done)
      onClose()
      onChanged(result.data)
      return
    }
    const { code, message, field } = result.error
    toast(message)
    if (code === 'INTERNAL') return // same intent, same id: a retry cannot act twice
    setRequestId(newRequestId())
    const at = fieldOf(field)
    if (at && (code === 'INVALID_INPUT' || code === 'CONTENT_REJECTED')) {
      return setErrors({ [at]: message })
    }
    onClose()
    onStale(wish.id, result.error)
  }

  return (
    <WishDialog
      title={spec.title}
      okText={spec.ok}
      okKind={step === 'cancel' ? 'danger' : 'primary'}
      busy={busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <View className="wish-actions__dialog" data-testid={`wish-step-${step}`}>
        <StepBody step={step} wish={wish} input={input} errors={errors} change={change} />
      </View>
    </WishDialog>
  )
}

function StepBody({
  step,
  wish,
  input,
  errors,
  change,
}: {
  step: WishStep
  wish: Wish
  input: StepInput
  errors: StepErrors
  change: (patch: Partial<StepInput>) => void
}) {
  switch (step) {
    case 'claim':
      return (
        <View className="wish-actions__text">
          认领「{wish.title}
          」后，发布人和网格员会看到您的姓名和电话。请尽快联系发布人，帮忙实现心愿。
        </View>
      )
    case 'release':
    case 'reject':
      return (
        <>
          <View className="wish-actions__text">
            {step === 'release'
              ? '放弃后，心愿会重新等待其他志愿者认领。'
              : '发布人会看到不通过的原因，可以修改后重新发布。'}
          </View>
          <Field
            label={step === 'release' ? '放弃原因' : '不通过的原因'}
            name="reason"
            error={errors.reason}
          >
            <TextBox
              testId="wish-reason"
              fixed
              value={input.reason}
              maxLength={REASON_MAX}
              placeholder={
                step === 'release' ? '如：临时有事，无法按时帮忙' : '如：请写清楚需要帮什么忙'
              }
              onChange={(reason) => change({ reason })}
            />
          </Field>
        </>
      )
    case 'fulfill':
      return (
        <>
          <View className="wish-actions__text">
            已经帮发布人实现了这个心愿？发布人确认后，心愿就点亮了。
          </View>
          <Field label="完成说明（选填）" name="note" error={errors.note}>
            <TextBox
              testId="wish-note"
              fixed
              value={input.note}
              maxLength={NOTE_MAX}
              placeholder="如：已送到家中"
              onChange={(note) => change({ note })}
            />
          </Field>
        </>
      )
    case 'confirm':
      return (
        <>
          <View className="wish-actions__text">心愿已经实现了吗？给这次帮助打个分吧。</View>
          <Field label="评分" name="rating" error={errors.rating}>
            <StarsInput value={input.rating} onChange={(rating) => change({ rating })} />
          </Field>
          <Field
            label="感谢的话（选填）"
            name="thanks"
            error={errors.thanks}
            hint="会显示在心愿墙上"
          >
            <TextBox
              testId="wish-thanks"
              fixed
              value={input.thanks}
              maxLength={THANKS_MAX}
              placeholder="如：谢谢小赵，帮了大忙！"
              onChange={(thanks) => change({ thanks })}
            />
          </Field>
        </>
      )
    case 'cancel':
      return (
        <View className="wish-actions__text">
          确定取消「{wish.title}」吗？取消后不能恢复{wish.claimer ? '，认领人也不用再帮忙了' : ''}。
        </View>
      )
    case 'approve':
      return (
        <View className="wish-actions__text">
          通过后，「{wish.title}」会发布到社区，志愿者就可以认领了。
        </View>
      )
  }
}
