import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import './index.scss'

export interface Choice<T extends string> {
  id: T
  label: string
  hint?: string
  /** Shown in front of the text (a domain's round icon). */
  icon?: ReactNode
}

interface ChoiceTilesProps<T extends string> {
  /** Read by screen readers for the whole group, e.g. 问题类别. */
  label: string
  choices: readonly Choice<T>[]
  value: T | null | undefined
  onPick: (id: T) => void
  /** Each tile is `data-testid="<testId>-<id>"`. */
  testId: string
  /** Two tiles a row (one in the elder mode) instead of one. */
  twoColumns?: boolean
}

/**
 * One big tile per choice, icon, label and hint (a radio group): what kind of errand, what kind
 * of matter. Friendlier than a picker for elderly users and easy to drive in tests.
 */
export function ChoiceTiles<T extends string>({
  label,
  choices,
  value,
  onPick,
  testId,
  twoColumns = false,
}: ChoiceTilesProps<T>) {
  return (
    <View
      className={`choice-tiles${twoColumns ? ' choice-tiles--two' : ''}`}
      role="radiogroup"
      aria-label={label}
    >
      {choices.map((c) => (
        <View
          key={c.id}
          className={`choice-tiles__tile${value === c.id ? ' choice-tiles__tile--on' : ''}`}
          role="radio"
          {...TAB_STOP}
          aria-checked={value === c.id}
          data-testid={`${testId}-${c.id}`}
          onClick={() => onPick(c.id)}
        >
          {c.icon}
          <View className="choice-tiles__text">
            <View className="choice-tiles__label">{c.label}</View>
            {c.hint && <View className="muted">{c.hint}</View>}
          </View>
        </View>
      ))}
    </View>
  )
}
