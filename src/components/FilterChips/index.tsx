import { ScrollView, View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'

export interface FilterChip<T extends string> {
  id: T
  label: string
}

interface FilterChipsProps<T extends string> {
  /** The page's block: classes are `<block>__filters`, `<block>__filter`, `<block>__filter--on` (styles/item-list). */
  block: string
  /** Read by screen readers for the whole row, e.g. 按状态筛选. */
  label: string
  options: readonly FilterChip<T>[]
  value: T
  onPick: (id: T) => void
  /** Each chip is `data-testid="<testId>-<id>"`. */
  testId: string
}

/** A row of filter chips that scrolls sideways (a radio group). */
export function FilterChips<T extends string>({
  block,
  label,
  options,
  value,
  onPick,
  testId,
}: FilterChipsProps<T>) {
  return (
    <ScrollView
      scrollX
      className={`${block}__filters`}
      {...{ role: 'radiogroup', 'aria-label': label }}
    >
      {options.map((o) => (
        <View
          key={o.id}
          className={`${block}__filter${o.id === value ? ` ${block}__filter--on` : ''}`}
          role="radio"
          {...TAB_STOP}
          aria-checked={o.id === value}
          data-testid={`${testId}-${o.id}`}
          onClick={() => onPick(o.id)}
        >
          {o.label}
        </View>
      ))}
    </ScrollView>
  )
}
