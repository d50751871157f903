import { View } from '@tarojs/components'
import { TimeText } from '@/components/TimeText'
import type { Topic } from '@/contract/deliberation'
import './index.scss'

/** 决议执行情况: how the committee carries the decision out, oldest first. */
export function Updates({ topic: t }: { topic: Pick<Topic, 'updates'> }) {
  if (!t.updates.length) return null
  return (
    <View className="card" data-testid="deliberation-updates">
      <View className="card__title">决议执行情况</View>
      {t.updates.map((u, i) => (
        <View key={`${u.at}-${i}`} className="topic-update">
          <View className="muted">
            <TimeText value={u.at} />
          </View>
          <View>{u.text}</View>
        </View>
      ))}
    </View>
  )
}
