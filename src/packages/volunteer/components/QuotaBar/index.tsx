import { View } from '@tarojs/components'
import './index.scss'

interface QuotaBarProps {
  signed: number
  quota: number
  waitlist: number
  testId?: string
}

/** 已报名 12/20 with a bar, and how many wait behind a full quota. */
export function QuotaBar({ signed, quota, waitlist, testId = 'quota' }: QuotaBarProps) {
  const share = quota > 0 ? Math.min(100, Math.round((signed / quota) * 100)) : 0
  const full = signed >= quota
  return (
    <View className="quota-bar" data-testid={testId}>
      <View className="quota-bar__text">
        <View>
          已报名 <View className="quota-bar__n">{signed}</View>/{quota} 人
        </View>
        {full ? (
          <View className="quota-bar__full">
            {waitlist > 0 ? `已满 · 候补 ${waitlist} 人` : '已满'}
          </View>
        ) : (
          <View className="muted">还差 {quota - signed} 人</View>
        )}
      </View>
      <View
        className="quota-bar__track"
        role="progressbar"
        aria-label="报名人数"
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={Math.min(signed, quota)}
      >
        <View
          className={`quota-bar__fill${full ? ' quota-bar__fill--full' : ''}`}
          style={{ width: `${share}%` }}
        />
      </View>
    </View>
  )
}
