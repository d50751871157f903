import { TAB_STOP } from '@/components/a11y'
import { View } from '@tarojs/components'
import type { Topic } from '@/contract/deliberation'
import { TopicTags } from '../TopicTags'
import { deadlineText, scopeText, voterWord } from '../../format'
import './index.scss'

/** One topic in a list: title, phase and deadline, scope, turnout while voting, comments. */
export function TopicCard({ topic: t, onOpen }: { topic: Topic; onOpen: () => void }) {
  return (
    <View className="card topic-card" data-testid={`topic-card-${t.id}`}>
      <View role="link" {...TAB_STOP} onClick={onOpen}>
        <View className="topic-card__title">{t.title}</View>
        <TopicTags topic={t} testIdPrefix="topic-tag" />
        <View className="topic-card__deadline" data-testid="topic-card-deadline">
          {deadlineText(t)}
        </View>
        <View className="topic-card__meta muted">
          {scopeText(t)} · {t.commentCount} 条讨论
          {t.eligibleCount !== null
            ? ` · 已投 ${t.turnout}/${t.eligibleCount} ${voterWord(t)}`
            : ''}
        </View>
      </View>
    </View>
  )
}
