import { View } from '@tarojs/components'
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
}

/**
 * One big tappable row per option (a radio group). Friendlier than a scroll picker for elderly
 * users and easy to drive in tests: each row is `data-testid="opt-<id>"`.
 */
export function OptionList({ options, value, onChange, label }: OptionListProps) {
  return (
    <View className="option-list" role="radiogroup" aria-label={label}>
      {options.map((opt) => {
        const selected = opt.id === value
        return (
          <View
            key={opt.id}
            className={`option-list__item${selected ? ' option-list__item--selected' : ''}`}
            role="radio"
            aria-checked={selected}
            data-testid={`opt-${opt.id}`}
            onClick={() => onChange(opt.id)}
          >
            <View className="option-list__mark">{selected ? '✓' : ''}</View>
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
