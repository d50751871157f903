import { useState } from 'react'
import { View } from '@tarojs/components'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { StaffGate } from '@/components/NoAccess'
import { ErrorState, LoadingState } from '@/components/Status'
import { SubmitBar } from '@/components/SubmitBar'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import { checkInt } from '@/contract/rules'
import type { LedgerSettings } from '@/contract/volunteer'
import { SETTINGS_HOURS, STAR_THRESHOLD, STAR_THRESHOLDS_CROSS } from '@/contract/volunteer.rules'

// The community's ledger settings: hours credited for a wish done and an errand closed, and the
// cumulative hours for 1–5 stars. Changes apply to what is credited from now on.

const num = (text: string): number | undefined => (text.trim() ? Number(text) : undefined)

export default function LedgerSettingsPage() {
  return (
    <StaffGate
      testId="page-volunteer-settings"
      service="服务时长设置"
      forWhom="社区两委"
      allowed={(me) => me.can['volunteer.ledger']}
    >
      {() => <Loaded />}
    </StaffGate>
  )
}

function Loaded() {
  const query = useQuery(() => volunteerApi.settings())
  if (query.data) return <SettingsForm settings={query.data} onSaved={query.setData} />
  return query.error && !query.loading ? (
    <ErrorState error={query.error} onRetry={query.refresh} />
  ) : (
    <LoadingState />
  )
}

interface SettingsText extends Record<string, unknown> {
  wishHours: string
  errandHours: string
  stars: string[]
}

function SettingsForm({
  settings,
  onSaved,
}: {
  settings: LedgerSettings
  onSaved: (s: LedgerSettings) => void
}) {
  const [text, setText] = useState<SettingsText>({
    wishHours: String(settings.wishHours),
    errandHours: String(settings.errandHours),
    stars: settings.starThresholds.map(String),
  })
  const values = {
    wishHours: num(text.wishHours),
    errandHours: num(text.errandHours),
    starThresholds: text.stars.map((s) => num(s) ?? NaN),
  }
  const form = useForm(values, {
    rules: { wishHours: SETTINGS_HOURS, errandHours: SETTINGS_HOURS },
    cross: STAR_THRESHOLDS_CROSS,
  })
  const starError = (i: number): string | undefined => {
    const n = values.starThresholds[i]
    const own = checkInt(STAR_THRESHOLD, Number.isNaN(n) ? undefined : n)
    if (own) return own
    const prev = values.starThresholds[i - 1]
    return i > 0 && n <= prev ? '每一星所需时长须高于上一星' : undefined
  }
  const [submitted, setSubmitted] = useState(false)
  const intent = useIntent()

  const change = (patch: Partial<SettingsText>) => {
    const next = { ...text, ...patch }
    setText(next)
    form.set({
      wishHours: num(next.wishHours),
      errandHours: num(next.errandHours),
      starThresholds: next.stars.map((s) => num(s) ?? NaN),
    })
  }
  const check = () => {
    setSubmitted(true)
    const starsOk = text.stars.every((_, i) => !starError(i))
    return form.attempt() && starsOk
  }
  const send = async () => {
    const result = await intent.run((opts) =>
      volunteerApi.updateSettings(
        {
          wishHours: values.wishHours!,
          errandHours: values.errandHours!,
          starThresholds: values.starThresholds,
        },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('设置已保存')
    onSaved(result.data)
  }

  return (
    <>
      <View className="card">
        <View className="card__title">计入服务时长</View>
        <Field label="完成一个微心愿（小时）" name="wishHours" error={form.messageOf('wishHours')}>
          <TextInput
            testId="settings-wish"
            value={text.wishHours}
            onChange={(wishHours) => change({ wishHours })}
          />
        </Field>
        <Field
          label="办结一件红色代办（小时）"
          name="errandHours"
          error={form.messageOf('errandHours')}
        >
          <TextInput
            testId="settings-errand"
            value={text.errandHours}
            onChange={(errandHours) => change({ errandHours })}
          />
        </Field>
      </View>
      <View className="card">
        <View className="card__title">星级所需累计时长（小时）</View>
        {text.stars.map((s, i) => (
          <Field
            key={i}
            label={`${i + 1} 星`}
            name={`star${i + 1}`}
            error={submitted ? starError(i) : undefined}
          >
            <TextInput
              testId={`settings-star-${i + 1}`}
              type="number"
              value={s}
              onChange={(v) => change({ stars: text.stars.map((old, j) => (j === i ? v : old)) })}
            />
          </Field>
        ))}
      </View>
      <SubmitBar
        error={form.formError}
        testId="settings-submit"
        busy={intent.busy}
        text="保存设置"
        check={check}
        fixHint="请按红色提示修改后再保存"
        confirm={{
          title: '保存设置',
          okText: '保存',
          body: <View className="muted">新的时长从现在起计入；星级按新标准重新计算。</View>,
        }}
        onSubmit={send}
      />
    </>
  )
}
