import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import {
  DetailHead,
  DetailRow,
  DetailScreen,
  NextSteps,
  NoteBlock,
  PersonRows,
  RatingRows,
  Timeline,
} from '@/components/Detail'
import { TimeText } from '@/components/TimeText'
import { matterApi } from '@/services/matter'
import type { Matter } from '@/contract/matter'
import {
  MATTER_CATEGORY_LABELS,
  MATTER_ESCALATE_HOURS,
  MATTER_REOPEN_DAYS,
} from '@/contract/matter.rules'
import { DELIBERATION_PHASE_LABELS, VOTE_OUTCOME_LABELS } from '@/contract/deliberation.rules'
import { DELIBERATION_ROUTES } from '@/packages/deliberation/routes'
import { MATTER_ROUTES } from '../../routes'
import { MatterActions } from '../../components/MatterActions'
import { MatterCategoryIcon, MatterTags } from '../../components/MatterTags'
import { PhotoGrid } from '../../components/Photos'
import './index.scss'

// One matter: its photos (tap to see them full size), who reported it (masked unless the viewer
// has a need), what staff replied and did, what became of it in 居民议事 if the committee put it
// to a vote, and the buttons its `can` allows. After an action the page shows the matter the
// server returned.

export default function MatterDetail() {
  const params = (useRouter()?.params ?? {}) as { id?: string; reported?: string }
  return (
    <DetailScreen
      testId="page-matter-detail"
      id={params.id ?? ''}
      emptyText="没有找到这件事"
      load={(id) => matterApi.get(id)}
    >
      {(matter, setMatter, refresh) => (
        <>
          {params.reported && <ReportedSteps matter={matter} />}
          <Summary matter={matter} />
          <People matter={matter} />
          <Outcome matter={matter} />
          <Deliberation matter={matter} />
          <Timeline title="处理进展" entries={withWho(matter)} testId="matter-timeline" />
          <View className="actions">
            {matter.can.toDeliberation && (
              <Button
                block
                testId="matter-to-deliberation"
                onClick={() =>
                  void Taro.navigateTo({ url: DELIBERATION_ROUTES.fromMatter(matter.id) })
                }
              >
                转为议事
              </Button>
            )}
            <MatterActions matter={matter} onChanged={setMatter} onStale={refresh} />
          </View>
        </>
      )}
    </DetailScreen>
  )
}

/** Each step says who did it (处理进展：…（网格员 小李）) unless its words already do. */
const withWho = (m: Matter) =>
  m.timeline.map((t) =>
    t.by && !t.text.includes(t.by) ? { ...t, text: `${t.text}（${t.by}）` } : t
  )

/** Just reported: what happens next and where to go. */
function ReportedSteps({ matter: m }: { matter: Matter }) {
  return (
    <NextSteps
      testId="matter-next-steps"
      title="已反映"
      links={[{ label: '查看我反映的', testId: 'next-mine', url: MATTER_ROUTES.mine }]}
    >
      {m.gridName}的网格员受理后会回复处理进展，您会收到通知。{MATTER_ESCALATE_HOURS}{' '}
      小时内没人受理，会自动上报社区。
    </NextSteps>
  )
}

function Summary({ matter: m }: { matter: Matter }) {
  return (
    <View className="card">
      <DetailHead
        icon={<MatterCategoryIcon category={m.category} />}
        title={MATTER_CATEGORY_LABELS[m.category]}
        testId="matter-detail-title"
      />
      <MatterTags matter={m} testIdPrefix="matter" />
      <View className="detail__content" data-testid="matter-content">
        {m.content}
      </View>
      <PhotoGrid photos={m.photos} testId="matter-photo" />
      {m.place && (
        <DetailRow label="位置" testId="matter-place">
          {m.place}
        </DetailRow>
      )}
      <View
        className={m.seconds > 0 ? 'matter-detail__seconds' : 'matter-detail__seconds muted'}
        data-testid="matter-seconds"
      >
        {m.seconds > 0
          ? `${m.seconds} 位邻居也遇到${m.mySecond ? '，包括您' : ''}`
          : '还没有邻居附议'}
      </View>
      <View className="detail__meta muted">
        {m.gridName} · 反映于 <TimeText value={m.createdAt} />
      </View>
    </View>
  )
}

function People({ matter: m }: { matter: Matter }) {
  const r = m.reporter
  return (
    <View className="card" data-testid="matter-people">
      <View className="card__title">反映的居民</View>
      <PersonRows person={r} testIdPrefix="matter-reporter" />
      {!r.phone && (
        <View className="muted" data-testid="matter-contact-hidden">
          为保护隐私，居民的门牌和电话仅网格员和社区两委可见。
        </View>
      )}
      {m.handler && (
        <DetailRow label="负责处理" testId="matter-handler">
          {m.handler}
        </DetailRow>
      )}
    </View>
  )
}

/** Why it went to the community, how it was resolved, the rating; what the reporter may do now. */
function Outcome({ matter: m }: { matter: Matter }) {
  const toRate = m.status === 'resolved' && m.can.rate
  if (!m.escalateReason && !m.resolution && m.rating === null && !m.comment && !toRate) return null
  return (
    <View className="card" data-testid="matter-outcome">
      {m.escalateReason && (
        <NoteBlock
          label="上报社区的原因"
          testId="matter-escalate-reason-text"
          text={m.escalateReason}
        />
      )}
      {m.resolution && (
        <NoteBlock label="处理结果" tone="good" testId="matter-resolution" text={m.resolution} />
      )}
      {toRate && (
        <View className="detail__hint" data-testid="matter-rate-hint">
          工作人员说已经处理好了，请评价。没解决好可以重新反映
          {m.reopenUntil ? (
            <>
              （<TimeText value={m.reopenUntil} /> 前）
            </>
          ) : (
            `（${MATTER_REOPEN_DAYS} 天内）`
          )}
          ，{MATTER_REOPEN_DAYS} 天内未评价的将自动办结。
        </View>
      )}
      <RatingRows rating={m.rating} text={m.comment} prefix="matter" />
    </View>
  )
}

/** The topic (居民议事) the committee opened for it: its newest round, the result, the updates. */
function Deliberation({ matter: m }: { matter: Matter }) {
  const d = m.deliberation
  if (!d) return null
  return (
    <View className="card" data-testid="matter-deliberation">
      <View className="card__title">居民议事</View>
      <DetailRow label="议题" testId="matter-deliberation-title">
        {d.title}
        {d.rounds > 1 ? `（第 ${d.rounds} 轮）` : ''}
      </DetailRow>
      <DetailRow label="进展" testId="matter-deliberation-phase">
        {d.outcome ? VOTE_OUTCOME_LABELS[d.outcome] : DELIBERATION_PHASE_LABELS[d.phase]}
      </DetailRow>
      {d.winner && (
        <DetailRow label="决议" testId="matter-deliberation-winner">
          {d.winner}
        </DetailRow>
      )}
      {d.updates.length > 0 && (
        <View className="matter-detail__updates" data-testid="matter-deliberation-updates">
          <View className="detail__label">决议执行情况</View>
          {d.updates.map((u, i) => (
            <View key={i} className="matter-detail__update">
              <TimeText value={u.at} />：{u.text}
            </View>
          ))}
        </View>
      )}
      <Button
        block
        testId="matter-deliberation-link"
        onClick={() => void Taro.navigateTo({ url: DELIBERATION_ROUTES.detail(d.id) })}
      >
        查看议题
      </Button>
    </View>
  )
}
