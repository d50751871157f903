import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AccessHint } from '@/components/AccessHint'
import { Button } from '@/components/Button'
import { Field } from '@/components/Field'
import { ResidentPicker } from '@/components/ResidentPicker'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { Toggle } from '@/components/Toggle'
import { useMe } from '@/hooks/useMe'
import type { Me, ResidentAction, ResidentItem } from '@/contract/user'
import './index.scss'

// The scaffolding of a domain's create page (post a wish, book an errand, …): who may open it,
// the notice on top, the card where staff switch to filing for a resident and pick them, and what
// a LIMIT_EXCEEDED refusal shows. The page keeps its own fields and submit.

/**
 * The viewer, once loaded: the form when `allowed(me)` (for themselves or for a resident), else
 * what they lack to use `service` (bind, wait for verification, …).
 */
export function CreateGate({
  testId,
  service,
  allowed,
  children,
}: {
  testId: string
  service: string
  allowed: (me: Me) => boolean
  children: (me: Me) => ReactNode
}) {
  const { me, loading, error, refresh } = useMe()
  if (!me) {
    return (
      <Screen testId={testId}>
        {error && !loading ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />}
      </Screen>
    )
  }
  if (!allowed(me)) {
    return (
      <Screen testId={testId}>
        <AccessHint bindStatus={me.bindStatus} service={service} />
      </Screen>
    )
  }
  return <>{children(me)}</>
}

/** What the form is for and its limit, on top of the page. */
export function FormNotice({ children }: { children: ReactNode }) {
  return <View className="card create-form__notice">{children}</View>
}

/**
 * Staff file for a resident: the switch (locked on for staff who may not act for themselves)
 * and, while on, the roster picker of whom the server says they may act for (`allowed`).
 */
export function ForResidentCard({
  title,
  toggleTestId,
  on,
  locked,
  onToggle,
  pickLabel,
  error,
  allowed,
  pickerTestIdPrefix,
  resident,
  onPick,
}: {
  /** The card's title and the switch's label (代居民填写). */
  title: string
  toggleTestId: string
  on: boolean
  locked: boolean
  onToggle: (on: boolean) => void
  pickLabel: string
  /** The `residentOpenid` field's message. */
  error?: string
  allowed?: ResidentAction
  pickerTestIdPrefix?: string
  resident: ResidentItem | null
  onPick: (resident: ResidentItem) => void
}) {
  return (
    <View className="card">
      <View className="create-form__for">
        <View className="card__title">{title}</View>
        <Toggle
          testId={toggleTestId}
          label={title}
          checked={on}
          disabled={locked}
          onChange={onToggle}
        />
      </View>
      {on && (
        <View className="create-form__resident">
          <Field
            label={pickLabel}
            name="residentOpenid"
            error={error}
            hint="从您服务网格的已认证居民中选择"
          >
            <ResidentPicker
              testIdPrefix={pickerTestIdPrefix}
              allowed={allowed}
              value={resident}
              onChange={onPick}
            />
          </Field>
        </View>
      )}
    </View>
  )
}

/**
 * LIMIT_EXCEEDED: what the limit is, the server's message, when a place frees up, and (for the
 * viewer's own) a way to the items that hold it.
 */
export function LimitNotice({
  testId,
  title,
  message,
  after,
  mine,
}: {
  /** `<testId>`, and `<testId>-mine` on the button. */
  testId: string
  title: string
  message: string
  after: string
  mine?: { label: string; url: string }
}) {
  return (
    <View className="card create-form__limit" role="alert" data-testid={testId}>
      <View className="create-form__limit-title">{title}</View>
      <View className="muted">{message}</View>
      <View className="muted">{after}</View>
      {mine && (
        <Button
          className="create-form__limit-button"
          block
          testId={`${testId}-mine`}
          onClick={() => void Taro.redirectTo({ url: mine.url })}
        >
          {mine.label}
        </Button>
      )}
    </View>
  )
}
