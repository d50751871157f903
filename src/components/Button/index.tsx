import type { ReactNode } from 'react'
import { TAB_STOP } from '@/components/a11y'
import { View } from '@tarojs/components'
import './index.scss'

// The app's button. NutUI's Button costs ~21 KB in the main package (its CSS covers every
// variant); this one has the few looks we use, big enough for elderly hands.

export type ButtonKind = 'primary' | 'default' | 'danger'

interface ButtonProps {
  children?: ReactNode
  kind?: ButtonKind
  /** Full width. */
  block?: boolean
  /** Shows 请稍候… and ignores taps. */
  loading?: boolean
  disabled?: boolean
  className?: string
  testId?: string
  onClick?: () => void
}

export function Button({
  children,
  kind = 'default',
  block,
  loading,
  disabled,
  className,
  testId,
  onClick,
}: ButtonProps) {
  const inactive = !!(disabled || loading)
  const cls = [
    'btn',
    `btn--${kind}`,
    block ? 'btn--block' : '',
    inactive ? 'btn--disabled' : '',
    className ?? '',
  ]
  return (
    <View
      className={cls.filter(Boolean).join(' ')}
      hoverClass={inactive ? 'none' : 'btn--pressed'}
      role="button"
      {...TAB_STOP}
      aria-disabled={inactive}
      data-testid={testId}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {loading ? '请稍候…' : children}
    </View>
  )
}
