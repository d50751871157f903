import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, type ButtonKind } from '@/components/Button'
import './index.scss'

interface WishDialogProps {
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
 * (`wish-dialog`, `wish-dialog-ok`, `wish-dialog-cancel`). Render it only while open.
 */
export function WishDialog({
  title,
  okText,
  okKind = 'primary',
  busy,
  onOk,
  onCancel,
  children,
}: WishDialogProps) {
  const cancel = () => {
    if (!busy) onCancel()
  }
  return (
    <View className="wish-dialog" data-testid="wish-dialog">
      {/* The mask keeps the page behind from scrolling; the box itself may scroll. */}
      <View className="wish-dialog__mask" catchMove onClick={cancel} />
      <View className="wish-dialog__box" role="dialog" aria-modal aria-label={title}>
        <View className="wish-dialog__title">{title}</View>
        <View className="wish-dialog__body">{children}</View>
        <View className="wish-dialog__buttons">
          <Button
            className="wish-dialog__button"
            testId="wish-dialog-cancel"
            disabled={busy}
            onClick={cancel}
          >
            取消
          </Button>
          <Button
            className="wish-dialog__button"
            kind={okKind}
            testId="wish-dialog-ok"
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
