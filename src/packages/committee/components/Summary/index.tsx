import { View } from '@tarojs/components'
import type { DashboardRow } from '@/contract/committee'
import { DASHBOARD_NOW, DASHBOARD_NOW_LABELS } from '@/contract/committee.rules'
import type { Column } from '../../figures'
import './index.scss'

/** The total's figures as cards: the range's figures, then the state now. */
export function Summary({ total, columns }: { total: DashboardRow; columns: readonly Column[] }) {
  const range = columns.filter((c) => !c.key.startsWith('now.'))
  return (
    <>
      <View className="summary" data-testid="dashboard-summary">
        {range.map((c) => (
          <View key={c.key} className="summary__card" data-testid={`summary-${c.key}`}>
            <View className="summary__value">{c.text(total)}</View>
            <View className="summary__label">{c.label}</View>
          </View>
        ))}
      </View>
      <View className="card__title summary__now-title">现在</View>
      <View className="summary" data-testid="dashboard-now">
        {DASHBOARD_NOW.map((f) => (
          <View
            key={f}
            className="summary__card summary__card--now"
            data-testid={`summary-now-${f}`}
          >
            <View className="summary__value">{total.now[f]}</View>
            <View className="summary__label">{DASHBOARD_NOW_LABELS[f]}</View>
          </View>
        ))}
      </View>
    </>
  )
}
