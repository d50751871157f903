import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, type ButtonKind } from '@/components/Button'
import './index.scss'

interface Common {
  title: string
  /** The title's colour for an outcome (done, or refused); the default is a plain question. */
  tone?: 'success' | 'warning'
  /** On the title, for an outcome that tests or screen readers look for. */
  titleTestId?: string
  /** The title is said at once by screen readers (`role="alert"`). */
  alert?: boolean
  /** The whole dialog's test id (default `dialog`). */
  testId?: string
  children?: ReactNode
}

/** Asks to confirm an action: 取消 and the ok button. */
interface ConfirmProps extends Common {
  okText: string
  okKind?: ButtonKind
  /** The request is on its way: 请稍候… and no closing. */
  busy?: boolean
  onOk: () => void
  onCancel: () => void
}

/** Tells an outcome: nothing to confirm, one button that closes it (its own buttons in the body). */
interface AcknowledgeProps extends Common {
  closeText: string
  /** Test id of the close button (default `dialog-close`). */
  closeTestId?: string
  onClose: () => void
}

type DialogProps = ConfirmProps | AcknowledgeProps

/**
 * A modal asking to confirm one action, with room for its fields, or telling an outcome (the
 * acknowledge mode: `closeText`/`onClose` instead of `okText`/`onOk`/`onCancel`). Ours rather
 * than NutUI's Dialog: big buttons, the elder-mode sizes of the page, and stable test ids
 * (`dialog`, `dialog-ok`, `dialog-cancel`). Render it only while open.
 */
export function Dialog(props: DialogProps) {
  const { title, tone, titleTestId, alert, testId = 'dialog', children } = props
  const confirm = 'onOk' in props ? props : null
  const busy = !!confirm?.busy
  const close = () => {
    if (busy) return
    if (confirm) confirm.onCancel()
    else (props as AcknowledgeProps).onClose()
  }
  return (
    <View className="dialog" data-testid={testId}>
      {/* The mask keeps the page behind from scrolling; the box itself may scroll. */}
      <View className="dialog__mask" catchMove onClick={close} />
      <View className="dialog__box" role="dialog" aria-modal aria-label={title}>
        <View
          className={`dialog__title${tone ? ` dialog__title--${tone}` : ''}`}
          role={alert ? 'alert' : undefined}
          data-testid={titleTestId}
        >
          {title}
        </View>
        <View className="dialog__body">{children}</View>
        {confirm ? (
          <View className="dialog__buttons">
            <Button
              className="dialog__button"
              testId="dialog-cancel"
              disabled={busy}
              onClick={close}
            >
              取消
            </Button>
            <Button
              className="dialog__button"
              kind={confirm.okKind ?? 'primary'}
              testId="dialog-ok"
              loading={busy}
              onClick={confirm.onOk}
            >
              {confirm.okText}
            </Button>
          </View>
        ) : (
          <View className="dialog__buttons dialog__buttons--column">
            <Button
              block
              testId={(props as AcknowledgeProps).closeTestId ?? 'dialog-close'}
              onClick={close}
            >
              {(props as AcknowledgeProps).closeText}
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
