import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { ScopeField, scopeOf } from '@/components/ScopeField'
import { StaffGate } from '@/components/NoAccess'
import { SubmitBar } from '@/components/SubmitBar'
import { TextBox } from '@/components/TextBox'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { volunteerApi } from '@/services/volunteer'
import type { Me } from '@/contract/user'
import {
  ACTIVITY_CROSS,
  ACTIVITY_HOURS,
  ACTIVITY_QUOTA,
  ACTIVITY_RULES,
} from '@/contract/volunteer.rules'
import { VOLUNTEER_ROUTES } from '../../routes'
import { DateTimeField } from '@/components/DateTimePick'
import { hoursText, spanText } from '../../format'
import './index.scss'

// The committee (any grid or the whole community) or a grid worker (their grids) publishes an
// activity. The scopes offered are the viewer's community and its grids; the server says which
// are the viewer's to use, next to the field. Every check is the contract's rule data.

interface PublishValues extends Record<string, unknown> {
  title: string
  description: string
  location: string
  startAt: string
  endAt: string
  signupDeadline: string
  quota: number | undefined
  hours: number
  scope: string
}

type Fields = keyof PublishValues & string
const { scopeType: _t, scopeId: _i, ...TEXT_RULES } = ACTIVITY_RULES
const HALF_HOUR = 30 * 60_000
const HOUR = 2 * HALF_HOUR

/** Server fields to where they show: `scope.id` and `scope.type` at the scope. */
const fieldOf = (f: string): Fields | null =>
  f.startsWith('scope')
    ? 'scope'
    : (
          [
            'title',
            'description',
            'location',
            'startAt',
            'endAt',
            'signupDeadline',
            'quota',
            'hours',
          ] as string[]
        ).includes(f)
      ? (f as Fields)
      : null

export default function PublishActivity() {
  return (
    <StaffGate
      testId="page-volunteer-publish"
      service="发布志愿活动"
      forWhom="社区两委和网格员"
      allowed={(me) => me.can['volunteer.publish']}
    >
      {(me) => <PublishForm me={me} />}
    </StaffGate>
  )
}

function PublishForm({ me }: { me: Me }) {
  // Defaults: starting on the next half hour at least an hour from now, two hours long, signup
  // until the start. The phone's clock; the server checks again by its own.
  const initial = useMemo(() => {
    const start = Math.ceil((Date.now() + HOUR) / HALF_HOUR) * HALF_HOUR
    return {
      title: '',
      description: '',
      location: '',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * HOUR).toISOString(),
      signupDeadline: new Date(start).toISOString(),
      quota: 10 as number | undefined,
      hours: 2,
      scope: '',
    }
  }, [])
  const form = useForm<PublishValues>(initial, {
    rules: {
      ...TEXT_RULES,
      quota: ACTIVITY_QUOTA,
      hours: ACTIVITY_HOURS,
      scope: { required: '请选择活动范围', blank: '请选择活动范围' },
    },
    cross: ACTIVITY_CROSS,
    fieldOf,
  })
  const v = form.values
  const [quotaText, setQuotaText] = useState(String(initial.quota))
  const intent = useIntent()

  const timeField = (field: 'startAt' | 'endAt' | 'signupDeadline', label: string) => (
    <DateTimeField
      name={field}
      label={label}
      value={v[field]}
      error={form.messageOf(field)}
      testId={`publish-${field}`}
      onChange={(iso) => {
        form.set({ [field]: iso })
        form.touch(field)
      }}
    />
  )

  const send = async () => {
    const description = v.description.trim()
    const result = await intent.run((opts) =>
      volunteerApi.createActivity(
        {
          title: v.title.trim(),
          ...(description ? { description } : {}),
          location: v.location.trim(),
          startAt: v.startAt,
          endAt: v.endAt,
          signupDeadline: v.signupDeadline,
          quota: v.quota!,
          hours: v.hours,
          scope: scopeOf(v.scope),
        },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('活动已发布')
    void Taro.redirectTo({ url: VOLUNTEER_ROUTES.published(result.data.id) })
  }

  const stepHours = (d: number) => {
    const next = Math.round((v.hours + d) * 2) / 2
    form.set({
      hours: Math.min(ACTIVITY_HOURS.max!.value, Math.max(ACTIVITY_HOURS.min!.value, next)),
    })
  }

  return (
    <>
      <View className="card">
        <Field label="活动名称" name="title" error={form.messageOf('title')}>
          <TextInput
            testId="publish-title"
            value={v.title}
            maxLength={ACTIVITY_RULES.title.max.value}
            placeholder="如：重阳节为老人义务理发"
            onChange={(title) => form.set({ title })}
            onBlur={() => form.touch('title')}
          />
        </Field>
        <Field label="活动介绍（选填）" name="description" error={form.messageOf('description')}>
          <TextBox
            testId="publish-description"
            tall
            value={v.description}
            maxLength={ACTIVITY_RULES.description.max.value}
            placeholder="做什么、需要带什么、注意事项"
            onChange={(description) => form.set({ description })}
            onBlur={() => form.touch('description')}
          />
        </Field>
        <Field label="活动地点" name="location" error={form.messageOf('location')}>
          <TextInput
            testId="publish-location"
            value={v.location}
            maxLength={ACTIVITY_RULES.location.max.value}
            placeholder="如：社区党群服务中心一楼"
            onChange={(location) => form.set({ location })}
            onBlur={() => form.touch('location')}
          />
        </Field>
      </View>

      <View className="card">
        {timeField('startAt', '开始时间')}
        {timeField('endAt', '结束时间')}
        {timeField('signupDeadline', '报名截止')}
      </View>

      <View className="card">
        <Field label="招募人数" name="quota" error={form.messageOf('quota')} hint="报满后可候补">
          <TextInput
            testId="publish-quota"
            type="number"
            value={quotaText}
            placeholder="1–500"
            onChange={(text) => {
              setQuotaText(text)
              form.set({ quota: text.trim() ? Number(text) : undefined })
            }}
            onBlur={() => form.touch('quota')}
          />
        </Field>
        <Field label="每人计入服务时长" name="hours" error={form.messageOf('hours')}>
          <View className="publish__stepper">
            <Button testId="publish-hours-minus" onClick={() => stepHours(-0.5)}>
              减 0.5
            </Button>
            <View className="publish__hours" data-testid="publish-hours" aria-live="polite">
              {hoursText(v.hours)} 小时
            </View>
            <Button testId="publish-hours-plus" onClick={() => stepHours(0.5)}>
              加 0.5
            </Button>
          </View>
        </Field>
      </View>

      <View className="card">
        <ScopeField
          me={me}
          label="活动范围"
          hint="网格活动由该网格的志愿者报名，社区活动全社区志愿者都能报名"
          error={form.messageOf('scope')}
          value={v.scope}
          onChange={(scope) => form.set({ scope })}
          testIdPrefix="publish-scope-"
        />
      </View>

      <SubmitBar
        error={form.formError}
        testId="publish-submit"
        busy={intent.busy}
        text="发布活动"
        check={form.attempt}
        fixHint="请按红色提示修改后再发布"
        confirm={{
          title: '确认发布',
          okText: '发布',
          body: (
            <View data-testid="publish-confirm">
              <View>「{v.title.trim()}」</View>
              <View>{spanText(v.startAt, v.endAt)}</View>
              <View>
                {v.location.trim()} · 招募 {v.quota} 人 · {hoursText(v.hours)} 小时
              </View>
              <View className="muted">发布后志愿者就可以报名了。</View>
            </View>
          ),
        }}
        onSubmit={send}
      />
    </>
  )
}
