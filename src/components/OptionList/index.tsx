import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import './index.scss'

export interface Option {
  id: string
  label: string
  hint?: string
}

interface OptionListProps {
  options: Option[]
  value: string | null
  onChange: (id: string) => void
  /** Read by screen readers for the whole group, e.g. 选择社区. */
  label: string
  /** Each row is `data-testid="<testIdPrefix><id>"`. */
  testIdPrefix?: string
  /** One full-width row per option instead of two columns (options with long hints). */
  column?: boolean
}

/**
 * One big tappable row per option (a radio group). Friendlier than a scroll picker for elderly
 * users and easy to drive in tests: each row is `data-testid="opt-<id>"` unless another prefix is given.
 */
export function OptionList({
  options,
  value,
  onChange,
  label,
  testIdPrefix = 'opt-',
  column = false,
}: OptionListProps) {
  return (
    <View
      className={`option-list${column ? ' option-list--column' : ''}`}
      role="radiogroup"
      aria-label={label}
    >
      {options.map((opt) => {
        const selected = opt.id === value
        return (
          <View
            key={opt.id}
            className={`option-list__item${selected ? ' option-list__item--selected' : ''}`}
            role="radio"
            {...TAB_STOP}
            aria-checked={selected}
            data-testid={`${testIdPrefix}${opt.id}`}
            onClick={() => onChange(opt.id)}
          >
            <View className="option-list__mark" aria-hidden>
              {selected ? '✓' : ''}
            </View>
            <View className="option-list__text">
              <View>{opt.label}</View>
              {opt.hint && <View className="muted">{opt.hint}</View>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
