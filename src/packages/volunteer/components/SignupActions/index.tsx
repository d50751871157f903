import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { toast } from '@/components/Feedback'
import { useIntent } from '@/hooks/useIntent'
import { volunteerApi } from '@/services/volunteer'
import type { ApiError } from '@/contract/errors'
import type { Activity } from '@/contract/volunteer'
import { CANCEL_SIGNUP_HOURS } from '@/contract/volunteer.rules'
import { askToSubscribe } from '../../subscribe'
import { hoursText, spanText } from '../../format'

type Step = 'signup' | 'cancel'

interface SignupActionsProps {
  activity: Activity
  /** Cancelled: the activity as the server returned it. */
  onChanged: (a: Activity) => void
  /** Signed up (the answer is the place, not the activity), or refused: load it again. */
  onRefresh: () => void
}

/** 报名 and 取消报名 from the activity's `can`, each confirmed before it is sent. */
export function SignupActions({ activity: a, onChanged, onRefresh }: SignupActionsProps) {
  const [open, setOpen] = useState<Step | null>(null)
  const intent = useIntent()
  const full = a.signedCount >= a.quota

  const refused = (error: ApiError) => {
    toast(error.message)
    if (error.code === 'INTERNAL') return // same intent: a retry cannot act twice
    setOpen(null)
    onRefresh()
  }

  const signup = async () => {
    await askToSubscribe('signup')
    const result = await intent.run((opts) => volunteerApi.signup(a.id, opts))
    if (!result) return
    if (!result.ok) return refused(result.error)
    const r = result.data
    toast(r.status === 'signed' ? '报名成功' : `已进入候补，第 ${r.position ?? ''} 位`)
    setOpen(null)
    onRefresh()
  }

  const cancel = async () => {
    const result = await intent.run((opts) => volunteerApi.cancelSignup(a.id, opts))
    if (!result) return
    if (!result.ok) return refused(result.error)
    toast('已取消报名')
    setOpen(null)
    onChanged(result.data)
  }

  return (
    <>
      {a.can.signup && (
        <Button kind="primary" block testId="volunteer-signup" onClick={() => setOpen('signup')}>
          {full ? '报名候补' : '我要报名'}
        </Button>
      )}
      {a.can.cancelSignup && (
        <Button kind="danger" block testId="volunteer-cancel" onClick={() => setOpen('cancel')}>
          {a.mySignup?.status === 'waitlisted' ? '取消候补' : '取消报名'}
        </Button>
      )}
      {open && (
        <Dialog
          title={open === 'signup' ? '确认报名' : '确认取消报名'}
          okText={open === 'signup' ? '确认报名' : '取消报名'}
          okKind={open === 'signup' ? 'primary' : 'danger'}
          busy={intent.busy}
          onOk={() => void (open === 'signup' ? signup() : cancel())}
          onCancel={() => setOpen(null)}
        >
          <View data-testid={`volunteer-confirm-${open}`}>
            <View>「{a.title}」</View>
            <View>{spanText(a.startAt, a.endAt)}</View>
            <View className="muted">
              {open === 'signup'
                ? full
                  ? '名额已满，报名后进入候补，有人取消时按顺序递补并通知您。'
                  : `按时参加并签到，活动后计入 ${hoursText(a.hours)} 小时服务时长。`
                : `活动开始前 ${CANCEL_SIGNUP_HOURS} 小时内不能再取消。取消后名额会让给候补的志愿者。`}
            </View>
          </View>
        </Dialog>
      )}
    </>
  )
}
