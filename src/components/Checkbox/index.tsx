import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import './index.scss'

/** A big tick box with its words as its label (the whole row is the target). */
export function Checkbox({
  checked,
  onChange,
  children,
  testId,
}: {
  checked: boolean
  onChange: (checked: boolean) => void
  children?: ReactNode
  testId?: string
}) {
  return (
    <View
      className={`checkbox${checked ? ' checkbox--on' : ''}`}
      role="checkbox"
      aria-checked={checked}
      {...TAB_STOP}
      data-testid={testId}
      onClick={() => onChange(!checked)}
    >
      <View className="checkbox__box" aria-hidden>
        {checked ? '✓' : ''}
      </View>
      <View className="checkbox__label">{children}</View>
    </View>
  )
}
