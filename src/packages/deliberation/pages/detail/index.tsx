import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { DetailRow, DetailScreen, Timeline } from '@/components/Detail'
import { TimeText } from '@/components/TimeText'
import { useMe } from '@/hooks/useMe'
import { deliberationApi } from '@/services/deliberation'
import type { Topic } from '@/contract/deliberation'
import { VOTE_OUTCOME_LABELS } from '@/contract/deliberation.rules'
import { MATTER_ROUTES } from '@/packages/matter/routes'
import { DELIBERATION_ROUTES } from '../../routes'
import { TopicTags } from '../../components/TopicTags'
import { QuorumMeter } from '../../components/QuorumMeter'
import { VotePanel } from '../../components/VotePanel'
import { TopicActions } from '../../components/TopicActions'
import { Comments } from '../../components/Comments'
import { Updates } from '../../components/Updates'
import { scopeText, whenText } from '../../format'
import './index.scss'

// One topic: its background and options, the viewer's vote (and receipt), the live turnout
// against the quorum, the steps its `can` allows, the decision's updates and the discussion; the
// matter (居民说事) it came from, if any.

const go = (url: string) => void Taro.navigateTo({ url })

export default function TopicDetail() {
  const params = (useRouter()?.params ?? {}) as { id?: string }
  const { me } = useMe()
  return (
    <DetailScreen
      testId="page-deliberation-detail"
      id={params.id ?? ''}
      emptyText="没有找到这个议题"
      load={(id) => deliberationApi.get(id)}
    >
      {(topic, setTopic, refresh) => (
        <>
          <Summary topic={topic} />
          <VotePanel
            key={`${topic.id}-${topic.phase}-${me?.openid ?? ''}`}
            topic={topic}
            openid={me?.openid ?? ''}
            onChanged={setTopic}
            onStale={refresh}
          />
          <QuorumMeter topic={topic} />
          <Outcome topic={topic} />
          <Steps topic={topic} onChanged={setTopic} onStale={refresh} />
          <Updates topic={topic} />
          <Timeline title="议题进展" entries={topic.timeline} testId="deliberation-timeline" />
          <Comments key={topic.id} topic={topic} />
        </>
      )}
    </DetailScreen>
  )
}

function Summary({ topic: t }: { topic: Topic }) {
  return (
    <View className="card">
      <View className="detail__title" data-testid="deliberation-title">
        {t.title}
      </View>
      <TopicTags topic={t} testIdPrefix="deliberation" />
      <View className="topic-detail__deadlines">
        {/* Opened early or on time: when voting really began. */}
        {t.votingOpenedAt ? (
          <View>投票开始 {whenText(t.votingOpenedAt)}</View>
        ) : (
          <View>讨论截止 {whenText(t.discussionEndsAt)}</View>
        )}
        <View>投票截止 {whenText(t.votingEndsAt)}</View>
      </View>
      <View className="topic-detail__background" data-testid="deliberation-background">
        {t.background}
      </View>
      <View className="detail__meta muted">
        {scopeText(t)} · {t.createdBy} 发起于 <TimeText value={t.createdAt} />
      </View>
      {t.matterId && (
        <View className="topic-detail__matter detail__meta" data-testid="deliberation-matter">
          <View className="muted">本议题由居民说事转来</View>
          <Button
            testId="deliberation-matter-link"
            onClick={() => go(MATTER_ROUTES.detail(t.matterId!))}
          >
            查看居民说事
          </Button>
        </View>
      )}
      {(t.previousId || t.nextId) && (
        <View className="topic-detail__rounds detail__meta">
          {t.previousId && (
            <Button
              testId="deliberation-previous"
              onClick={() => go(DELIBERATION_ROUTES.detail(t.previousId!))}
            >
              查看上一轮议题
            </Button>
          )}
          {t.nextId && (
            <Button
              testId="deliberation-next"
              onClick={() => go(DELIBERATION_ROUTES.detail(t.nextId!))}
            >
              查看下一轮议题
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

/** Closed: the outcome in words and the way to the counts. */
function Outcome({ topic: t }: { topic: Topic }) {
  if (t.phase !== 'closed') return null
  return (
    <View className="card" data-testid="deliberation-closed">
      <View className="card__title">投票结果</View>
      {t.outcome && (
        <DetailRow label="结果" testId="deliberation-outcome-text">
          {VOTE_OUTCOME_LABELS[t.outcome]}
        </DetailRow>
      )}
      {t.can.result && (
        <Button
          kind="primary"
          block
          testId="deliberation-open-result"
          onClick={() => go(DELIBERATION_ROUTES.result(t.id))}
        >
          查看各选项票数
        </Button>
      )}
    </View>
  )
}

/** The committee's and creator's steps: dialogs, meeting votes, the next round. */
function Steps({
  topic: t,
  onChanged,
  onStale,
}: {
  topic: Topic
  onChanged: (t: Topic) => void
  onStale: () => void
}) {
  const more = t.can.recordInPerson || t.can.followUp
  return (
    <View className="actions">
      <TopicActions topic={t} onChanged={onChanged} onStale={() => onStale()} />
      {more && (
        <View className="topic-detail__buttons">
          {t.can.recordInPerson && (
            <Button
              testId="deliberation-meeting"
              onClick={() => go(DELIBERATION_ROUTES.meeting(t.id))}
            >
              录入会议投票
            </Button>
          )}
          {t.can.followUp && (
            <Button
              kind="primary"
              testId="deliberation-follow-up"
              onClick={() => go(DELIBERATION_ROUTES.followUp(t.id))}
            >
              发起下一轮议题
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
