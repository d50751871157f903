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
import type { Wish } from '@/contract/wish'
import { WISH_STEP_RULES as RULES } from '@/contract/wish.rules'
import { askToSubscribe } from '../../subscribe'
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

const EMPTY: StepInput = { approve: false, reason: '', note: '', rating: 5, thanks: '' }

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
  const form = useForm(EMPTY, { rules: spec.rules ?? {}, cross: spec.cross })
  const intent = useIntent()

  const submit = async () => {
    if (intent.busy) return
    if (!form.attempt()) return
    // WeChat only asks from a tap: before the request, never holding it up.
    if (step === 'claim' || step === 'confirm') await askToSubscribe(step)
    const result = await intent.run((opts) => spec.send(wish.id, form.values, opts))
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
    onStale(wish.id, result.error)
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
      <View className="wish-actions__dialog" data-testid={`wish-step-${step}`}>
        <StepBody step={step} wish={wish} form={form} />
      </View>
    </Dialog>
  )
}

function StepBody({ step, wish, form }: { step: WishStep; wish: Wish; form: Form<StepInput> }) {
  const input = form.values
  const change = form.set
  const errors = {
    reason: form.messageOf('reason'),
    note: form.messageOf('note'),
    rating: form.messageOf('rating'),
    thanks: form.messageOf('thanks'),
  }
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
              maxLength={RULES.releaseReason.max.value}
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
              maxLength={RULES.note.max.value}
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
            <StarsInput
              value={input.rating}
              testIdPrefix="wish-rating-"
              onChange={(rating) => change({ rating })}
            />
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
              maxLength={RULES.thanks.max.value}
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
