import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { SubmitBar } from '@/components/SubmitBar'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import type { Activity } from '@/contract/volunteer'
import { CHECKIN_CODE_RULE, CHECKIN_OPENS_MINUTES } from '@/contract/volunteer.rules'
import { VOLUNTEER_ROUTES } from '../../routes'
import { checkinTarget } from '../../scene'
import { spanText } from '../../format'
import './index.scss'

// A signed-up volunteer checks in with the 6-digit code the organizer shows on screen. A scan
// of the organizer's QR code opens this page with the code filled in.

export default function VolunteerCheckin() {
  const params = useRouter()?.params
  const target = useMemo(
    () => checkinTarget((params ?? {}) as Record<string, string | undefined>),
    [params]
  )
  const query = useQuery(() => volunteerApi.getActivity(target.activityId), [target.activityId], {
    enabled: !!target.activityId,
  })
  const a = query.data
  return (
    <Screen testId="page-volunteer-checkin">
      {!target.activityId ? (
        <EmptyState text="没有找到这个活动" />
      ) : a ? (
        <CheckinForm activity={a} code={target.code} onDone={query.setData} />
      ) : query.error && !query.loading ? (
        <ErrorState error={query.error} onRetry={query.refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function CheckinForm({
  activity: a,
  code,
  onDone,
}: {
  activity: Activity
  code: string
  onDone: (a: Activity) => void
}) {
  const form = useForm({ code }, { rules: { code: CHECKIN_CODE_RULE } })
  const intent = useIntent()
  const [done, setDone] = useState(!!a.mySignup?.checkedIn)

  const submit = async () => {
    if (intent.busy) return
    if (!form.attempt()) return
    const result = await intent.run((opts) =>
      volunteerApi.checkin({ activityId: a.id, code: form.values.code.trim() }, opts)
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('签到成功')
    setDone(true)
    onDone(result.data)
  }

  return (
    <>
      <View className="card">
        <View className="card__title">{a.title}</View>
        <View>{spanText(a.startAt, a.endAt)}</View>
        <View className="muted">{a.location}</View>
      </View>
      {done ? (
        <View className="card checkin__done" data-testid="checkin-done" role="status">
          <View className="checkin__done-mark">✓</View>
          <View className="card__title">已签到</View>
          <View className="muted">活动结束后，组织者确认出勤，服务时长会计入您的记录。</View>
          <Button
            className="checkin__next"
            kind="primary"
            block
            testId="checkin-go-detail"
            onClick={() => void Taro.redirectTo({ url: VOLUNTEER_ROUTES.detail(a.id) })}
          >
            查看活动
          </Button>
        </View>
      ) : (
        <>
          <View className="card">
            <Field
              label="签到码"
              name="code"
              error={form.messageOf('code')}
              hint={`请输入组织者屏幕上的 6 位数字。活动开始前 ${CHECKIN_OPENS_MINUTES} 分钟至结束可签到。`}
            >
              <TextInput
                testId="checkin-code"
                type="number"
                value={form.values.code}
                placeholder="6 位数字"
                onChange={(text) => form.set({ code: text })}
                onBlur={() => form.touch('code')}
              />
            </Field>
          </View>
          <SubmitBar
            error={form.formError}
            testId="checkin-submit"
            busy={intent.busy}
            text="签到"
            onSubmit={() => void submit()}
          />
        </>
      )}
    </>
  )
}
