import { View } from '@tarojs/components'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { SubmitBar } from '@/components/SubmitBar'
import { TextBox } from '@/components/TextBox'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { volunteerApi } from '@/services/volunteer'
import type { Activity } from '@/contract/volunteer'
import { FEEDBACK_RULES } from '@/contract/volunteer.rules'

/** The organizer's public report (反馈) on the activity; writing again replaces it. */
export function SummaryForm({
  activity: a,
  onDone,
}: {
  activity: Activity
  onDone: (a: Activity) => void
}) {
  const form = useForm({ text: a.summary?.text ?? '' }, { rules: { text: FEEDBACK_RULES.summary } })
  const intent = useIntent()

  const send = async () => {
    const result = await intent.run((opts) =>
      volunteerApi.summary({ activityId: a.id, text: form.values.text.trim() }, opts)
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('活动总结已发布')
    onDone(result.data)
  }

  return (
    <View className="card" data-testid="summary-form">
      <View className="card__title">活动总结</View>
      <Field label="总结（公开显示在活动页）" name="text" error={form.messageOf('text')}>
        <TextBox
          testId="summary-text"
          tall
          value={form.values.text}
          maxLength={FEEDBACK_RULES.summary.max.value}
          placeholder="如：本次共 12 位志愿者参加，为 30 户老人理发……"
          onChange={(text) => form.set({ text })}
          onBlur={() => form.touch('text')}
        />
      </Field>
      <SubmitBar
        error={form.formError}
        testId="summary-submit"
        busy={intent.busy}
        text={a.summary ? '更新总结' : '发布总结'}
        check={form.attempt}
        fixHint="请按红色提示修改后再发布"
        confirm={{
          title: '发布活动总结',
          okText: '发布',
          body: <View className="muted">总结会公开显示在活动页，所有居民都能看到。</View>,
        }}
        onSubmit={send}
      />
    </View>
  )
}
