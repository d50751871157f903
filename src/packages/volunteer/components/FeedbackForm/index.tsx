import { View } from '@tarojs/components'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { StarsInput } from '@/components/Stars'
import { SubmitBar } from '@/components/SubmitBar'
import { TextBox } from '@/components/TextBox'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { volunteerApi } from '@/services/volunteer'
import type { Activity } from '@/contract/volunteer'
import { FEEDBACK_RATING, FEEDBACK_RULES } from '@/contract/volunteer.rules'

interface FeedbackValues extends Record<string, unknown> {
  rating: number | null
  comment: string
}

/** An attendee rates the activity once (`feedbackOpen`); the rating and comment are public. */
export function FeedbackForm({
  activity,
  onDone,
}: {
  activity: Activity
  onDone: (a: Activity) => void
}) {
  const form = useForm<FeedbackValues>(
    { rating: null, comment: '' },
    { rules: { rating: FEEDBACK_RATING, comment: FEEDBACK_RULES.comment } }
  )
  const intent = useIntent()
  const v = form.values

  const send = async () => {
    const comment = v.comment.trim()
    const result = await intent.run((opts) =>
      volunteerApi.feedback(
        { activityId: activity.id, rating: v.rating!, ...(comment ? { comment } : {}) },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('感谢您的评价')
    onDone(result.data)
  }

  return (
    <View className="card" data-testid="volunteer-feedback-form">
      <View className="card__title">评价这次活动</View>
      <Field label="评分" name="rating" error={form.messageOf('rating')}>
        <StarsInput
          value={v.rating}
          testIdPrefix="volunteer-rating-"
          onChange={(rating) => form.set({ rating })}
        />
      </Field>
      <Field label="评价（选填）" name="comment" error={form.messageOf('comment')}>
        <TextBox
          testId="volunteer-feedback-comment"
          value={v.comment}
          maxLength={FEEDBACK_RULES.comment.max.value}
          placeholder="如：活动组织得很好，下次还来"
          onChange={(comment) => form.set({ comment })}
          onBlur={() => form.touch('comment')}
        />
      </Field>
      <SubmitBar
        error={form.formError}
        testId="volunteer-feedback-submit"
        busy={intent.busy}
        text="提交评价"
        check={form.attempt}
        confirm={{
          title: '提交评价',
          okText: '提交',
          body: <View className="muted">评价提交后不能修改，评分和评价会公开显示在活动页。</View>,
        }}
        onSubmit={send}
      />
    </View>
  )
}
