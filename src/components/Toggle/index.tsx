import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import './index.scss'

// An on/off switch, big enough to hit. Ours rather than NutUI's Switch, which pulls NutUI's icon
// font into the main package (~20 KB).

interface ToggleProps {
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
  /** Read aloud by screen readers. */
  label: string
  testId?: string
}

export function Toggle({ checked, onChange, disabled, label, testId }: ToggleProps) {
  const cls = ['toggle', checked ? 'toggle--on' : '', disabled ? 'toggle--disabled' : '']
  return (
    <View
      className={cls.filter(Boolean).join(' ')}
      role="switch"
      {...TAB_STOP}
      aria-checked={checked}
      aria-disabled={!!disabled}
      aria-label={label}
      data-testid={testId}
      onClick={(e) => {
        e.stopPropagation()
        if (!disabled) onChange(!checked)
      }}
    >
      <View className="toggle__knob" />
    </View>
  )
}
