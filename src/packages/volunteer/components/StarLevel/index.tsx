import { View } from '@tarojs/components'
import type { ServiceRecord } from '@/contract/volunteer'
import { hoursText } from '../../format'
import './index.scss'

const FIVE = [1, 2, 3, 4, 5]

/** ★★☆☆☆ 二星志愿者 (0 stars: 还未评星). */
export function StarRow({ stars, testId }: { stars: number; testId?: string }) {
  return (
    <View
      className="star-row"
      data-testid={testId}
      role="img"
      aria-label={stars > 0 ? `${stars} 星志愿者` : '还未评星'}
    >
      {FIVE.map((n) => (
        <View key={n} className={`star-row__star${n <= stars ? ' star-row__star--on' : ''}`}>
          {n <= stars ? '★' : '☆'}
        </View>
      ))}
    </View>
  )
}

/**
 * How far the next star is: a bar from this star's threshold to the next, and the hours still
 * needed. `thresholdOf` is not sent: the bar runs from 0 to the next threshold (hours + needed).
 */
export function StarProgress({ record }: { record: ServiceRecord }) {
  const next = record.nextStar
  if (!next) {
    return (
      <View className="star-progress__text" data-testid="star-progress">
        已是最高星级，感谢您的奉献！
      </View>
    )
  }
  const goal = record.totalHours + next.hoursNeeded
  const share = goal > 0 ? Math.min(100, Math.round((record.totalHours / goal) * 100)) : 0
  return (
    <View data-testid="star-progress">
      <View
        className="star-progress__track"
        role="progressbar"
        aria-label={`距 ${next.stars} 星的进度`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share}
      >
        <View className="star-progress__fill" style={{ width: `${share}%` }} />
      </View>
      <View className="star-progress__text">
        再服务 <View className="star-progress__n">{hoursText(next.hoursNeeded)}</View> 小时成为{' '}
        {next.stars} 星志愿者
      </View>
    </View>
  )
}
