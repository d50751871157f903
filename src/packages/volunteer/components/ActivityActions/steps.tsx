import { View } from '@tarojs/components'
import type { StepSpec, StepTable } from '@/components/ItemActions'
import { volunteerApi } from '@/services/volunteer'
import type { Activity } from '@/contract/volunteer'
import { CANCEL_SIGNUP_HOURS } from '@/contract/volunteer.rules'
import type { CallOptions } from '@/services/cloud'
import { askToSubscribe } from '../../subscribe'
import { hoursText, spanText } from '../../format'

// 报名 and 取消报名 on an activity, from its `can` only. A full activity words them as 候补: the
// same permission and call, another button and dialog.

export type ActivityStep = 'signup' | 'waitlist' | 'cancel' | 'leaveWaitlist'

export type StepInput = Record<string, never>
export const EMPTY: StepInput = {}
export const ALL_STEPS: readonly ActivityStep[] = ['signup', 'waitlist', 'cancel', 'leaveWaitlist']

/** The buttons for `a` as it stands: 报名 or 报名候补, 取消报名 or 取消候补. */
export const stepsFor = (a: Activity): ActivityStep[] => [
  a.signedCount >= a.quota ? 'waitlist' : 'signup',
  a.mySignup?.status === 'waitlisted' ? 'leaveWaitlist' : 'cancel',
]

/** The place (signed or waitlisted) is not the activity: the page shows it from the activity. */
async function signup(id: string, opts: CallOptions) {
  const placed = await volunteerApi.signup(id, opts)
  return placed.ok ? volunteerApi.getActivity(id) : placed
}

/** The activity and its time, then what this step means. */
const told = (a: Activity, text: string) => (
  <>
    <View>「{a.title}」</View>
    <View>{spanText(a.startAt, a.endAt)}</View>
    <View className="muted">{text}</View>
  </>
)

const SIGNUP: Omit<StepSpec<Activity, StepInput>, 'button' | 'done' | 'text'> = {
  can: 'signup',
  testId: 'signup',
  kind: 'primary',
  title: '确认报名',
  ok: '确认报名',
  before: () => askToSubscribe('signup'),
  send: (id, _in, opts) => signup(id, opts),
}

const CANCEL: Omit<StepSpec<Activity, StepInput>, 'button' | 'done'> = {
  can: 'cancelSignup',
  testId: 'cancel',
  kind: 'danger',
  title: '确认取消报名',
  ok: '取消报名',
  text: (a) =>
    told(a, `活动开始前 ${CANCEL_SIGNUP_HOURS} 小时内不能再取消。取消后名额会让给候补的志愿者。`),
  send: (id, _in, opts) => volunteerApi.cancelSignup(id, opts),
}

export const STEPS: StepTable<ActivityStep, Activity, StepInput> = {
  signup: {
    ...SIGNUP,
    button: '我要报名',
    done: '已报名',
    text: (a) => told(a, `按时参加并签到，活动后计入 ${hoursText(a.hours)} 小时服务时长。`),
  },
  waitlist: {
    ...SIGNUP,
    button: '报名候补',
    done: '已报名候补',
    text: (a) => told(a, '名额已满，报名后进入候补，有人取消时按顺序递补并通知您。'),
  },
  cancel: { ...CANCEL, button: '取消报名', done: '已取消报名' },
  leaveWaitlist: { ...CANCEL, button: '取消候补', done: '已取消候补' },
}
