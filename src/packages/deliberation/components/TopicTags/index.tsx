import { View } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/Tag'
import type { Topic } from '@/contract/deliberation'
import {
  DELIBERATION_PHASE_LABELS,
  VOTE_OUTCOME_LABELS,
  VOTE_UNIT_LABELS,
  type DeliberationPhase,
  type VoteOutcome,
} from '@/contract/deliberation.rules'
import './index.scss'

const PHASE_TONE: Record<DeliberationPhase, TagTone> = {
  discussion: 'primary',
  voting: 'warning',
  closed: 'default',
}

const OUTCOME_TONE: Record<VoteOutcome, TagTone> = {
  decided: 'success',
  tie: 'warning',
  noQuorum: 'warning',
}

/** 讨论中 / 投票中 / 已结束: the exact label text (e2e tests read it). */
export function PhaseTag({ phase, testId }: { phase: DeliberationPhase; testId?: string }) {
  return (
    <View className="topic-tag" data-testid={testId} data-phase={phase}>
      <Tag tone={PHASE_TONE[phase]}>{DELIBERATION_PHASE_LABELS[phase]}</Tag>
    </View>
  )
}

/** Phase, one vote per resident or household, the outcome once closed, 已投票 for the viewer. */
export function TopicTags({ topic: t, testIdPrefix }: { topic: Topic; testIdPrefix: string }) {
  return (
    <View className="topic-tags">
      <PhaseTag phase={t.phase} testId={`${testIdPrefix}-phase`} />
      <View className="topic-tag" data-testid={`${testIdPrefix}-unit`}>
        <Tag>{VOTE_UNIT_LABELS[t.unit]}</Tag>
      </View>
      {t.outcome && (
        <View className="topic-tag" data-testid={`${testIdPrefix}-outcome`}>
          <Tag tone={OUTCOME_TONE[t.outcome]}>{VOTE_OUTCOME_LABELS[t.outcome]}</Tag>
        </View>
      )}
      {(t.myVote.voted || t.myVote.byHousehold) && (
        <View className="topic-tag" data-testid={`${testIdPrefix}-voted-tag`}>
          <Tag tone="success" plain>
            {t.myVote.voted ? '已投票' : '家人已投票'}
          </Tag>
        </View>
      )}
    </View>
  )
}
