import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, type ButtonKind } from '@/components/Button'
import './index.scss'

interface DialogProps {
  title: string
  okText: string
  okKind?: ButtonKind
  /** The request is on its way: 请稍候… and no closing. */
  busy?: boolean
  onOk: () => void
  onCancel: () => void
  children?: ReactNode
}

/**
 * A modal asking to confirm one action, with room for its fields. Ours rather than NutUI's
 * Dialog: big buttons, the elder-mode sizes of the page, and stable test ids
 * (`dialog`, `dialog-ok`, `dialog-cancel`). Render it only while open.
 */
export function Dialog({
  title,
  okText,
  okKind = 'primary',
  busy,
  onOk,
  onCancel,
  children,
}: DialogProps) {
  const cancel = () => {
    if (!busy) onCancel()
  }
  return (
    <View className="dialog" data-testid="dialog">
      {/* The mask keeps the page behind from scrolling; the box itself may scroll. */}
      <View className="dialog__mask" catchMove onClick={cancel} />
      <View className="dialog__box" role="dialog" aria-modal aria-label={title}>
        <View className="dialog__title">{title}</View>
        <View className="dialog__body">{children}</View>
        <View className="dialog__buttons">
          <Button
            className="dialog__button"
            testId="dialog-cancel"
            disabled={busy}
            onClick={cancel}
          >
            取消
          </Button>
          <Button
            className="dialog__button"
            kind={okKind}
            testId="dialog-ok"
            loading={busy}
            onClick={onOk}
          >
            {okText}
          </Button>
        </View>
      </View>
    </View>
  )
}
