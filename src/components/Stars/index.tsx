import { View } from '@tarojs/components'
import './index.scss'

const WORDS = ['', '不满意', '一般', '还可以', '满意', '非常满意']
const ONE_TO_FIVE = [1, 2, 3, 4, 5]

/** Five big stars to tap (1–5), each `<testIdPrefix><n>`. */
export function StarsInput({
  value,
  onChange,
  testIdPrefix = 'rating-',
}: {
  value: number | null
  onChange: (n: number) => void
  testIdPrefix?: string
}) {
  return (
    <View className="stars" role="radiogroup" aria-label="评分">
      {ONE_TO_FIVE.map((n) => (
        <View
          key={n}
          className={`stars__star${value !== null && n <= value ? ' stars__star--on' : ''}`}
          role="radio"
          aria-checked={value === n}
          aria-label={`${n} 分`}
          data-testid={`${testIdPrefix}${n}`}
          onClick={() => onChange(n)}
        >
          ★
        </View>
      ))}
      {value !== null && <View className="stars__word">{WORDS[value]}</View>}
    </View>
  )
}

/** A given rating, read-only: ★★★★☆ 4 分. */
export function Stars({ value, testId }: { value: number; testId?: string }) {
  return (
    <View className="stars stars--small" data-testid={testId} aria-label={`${value} 分`}>
      {ONE_TO_FIVE.map((n) => (
        <View key={n} className={`stars__star${n <= value ? ' stars__star--on' : ''}`}>
          ★
        </View>
      ))}
      <View className="stars__word">{value} 分</View>
    </View>
  )
}
