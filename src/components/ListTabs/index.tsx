import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'

export interface ListTab<T extends string> {
  id: T
  label: string
}

interface ListTabsProps<T extends string> {
  /** The page's block: classes are `<block>__tabs`, `<block>__tab`, `<block>__tab--on` (styles/item-list). */
  block: string
  /** The tabs shown, in order (the page has already left out those `me.can` does not allow). */
  tabs: readonly ListTab<T>[]
  value: T
  onPick: (id: T) => void
  /** Each tab is `data-testid="<testId>-<id>"`. */
  testId: string
}

/** The scope tabs of a domain's list page (a tablist). */
export function ListTabs<T extends string>({
  block,
  tabs,
  value,
  onPick,
  testId,
}: ListTabsProps<T>) {
  return (
    <View className={`${block}__tabs`} role="tablist">
      {tabs.map((t) => (
        <View
          key={t.id}
          className={`${block}__tab${t.id === value ? ` ${block}__tab--on` : ''}`}
          role="tab"
          {...TAB_STOP}
          aria-selected={t.id === value}
          data-testid={`${testId}-${t.id}`}
          onClick={() => onPick(t.id)}
        >
          {t.label}
        </View>
      ))}
    </View>
  )
}
