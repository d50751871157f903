import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { ROUTES } from '@/pages/routes'
import { Screen } from '@/components/Screen'
import { ContactPhone } from '@/components/ContactPhone'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { TimeText } from '@/components/TimeText'
import { Stars } from '@/components/Stars'
import { useQuery } from '@/hooks/useQuery'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { errandApi } from '@/services/errand'
import type { Errand } from '@/contract/errand'
import { ERRAND_AUTO_CLOSE_DAYS, ERRAND_TYPE_LABELS } from '@/contract/errand.rules'
import { ERRAND_ROUTES } from '../../routes'
import { ErrandActions } from '../../components/ErrandActions'
import { ErrandTags, ErrandTypeIcon } from '../../components/ErrandTags'
import { agentName } from '../../components/ErrandCard'
import { whenText } from '../../dates'
import './index.scss'

// One errand: everything the server lets this viewer see (the booker's contact in full only for
// those with a need), what happened to it, and the buttons its `can` allows. After an action the
// page shows the errand the server returned.

export default function ErrandDetail() {
  const params = (useRouter()?.params ?? {}) as { id?: string; booked?: string }
  const id = params.id ?? ''
  const query = useQuery(() => errandApi.get(id), [id], { enabled: !!id })
  usePullRefresh(query.refresh)
  const errand = query.data

  return (
    <Screen testId="page-errand-detail">
      {!id ? (
        <EmptyState text="没有找到这件代办" />
      ) : errand ? (
        <>
          {params.booked && <NextSteps errand={errand} />}
          <Summary errand={errand} />
          <People errand={errand} />
          <Outcome errand={errand} />
          <Timeline errand={errand} />
          <View className="actions">
            <ErrandActions
              errand={errand}
              onChanged={query.setData}
              onStale={() => void query.refresh()}
            />
          </View>
        </>
      ) : query.error && !query.loading ? (
        <ErrorState error={query.error} onRetry={query.refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

/** Just booked: what happens next and where to go (the errand's own buttons stay below). */
function NextSteps({ errand: e }: { errand: Errand }) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className="card errand-detail__next" data-testid="errand-next-steps">
      <View className="card__title">{e.filedByGridWorker ? '已代居民预约' : '预约成功'}</View>
      <View className="muted">
        本网格的红色代办员接单后会联系{e.filedByGridWorker ? '居民' : '您'}
        。4 小时内无人接单，会升级到社区，由全社区的代办员帮忙。
      </View>
      <View className="errand-detail__next-buttons">
        <Button
          kind="primary"
          block
          testId="next-mine"
          onClick={() => go(e.mine ? ERRAND_ROUTES.mine : ERRAND_ROUTES.managed)}
        >
          {e.mine ? '查看我的代办' : '查看代办督办'}
        </Button>
        <Button block testId="next-home" onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
          返回首页
        </Button>
      </View>
    </View>
  )
}

function Summary({ errand: e }: { errand: Errand }) {
  return (
    <View className="card">
      <View className="errand-detail__head">
        <ErrandTypeIcon type={e.type} />
        <View className="errand-detail__title" data-testid="errand-detail-title">
          {ERRAND_TYPE_LABELS[e.type]}
        </View>
      </View>
      <ErrandTags errand={e} testIdPrefix="errand" />
      <View className="errand-detail__when" data-testid="errand-when">
        {whenText(e.date, e.slot, Date.now())}
      </View>
      {e.detail !== null ? (
        <View className="errand-detail__content" data-testid="errand-detail-text">
          {e.detail}
        </View>
      ) : (
        <View className="errand-detail__content muted">代办内容已按规定清除</View>
      )}
      <View className="errand-detail__meta muted">
        {e.gridName} · 预约于 <TimeText value={e.createdAt} />
        {e.filedByGridWorker ? ' · 网格员代预约' : ''}
      </View>
    </View>
  )
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="errand-detail__row">
      <View className="errand-detail__label">{label}</View>
      <View className="errand-detail__value" data-testid={testId}>
        {children}
      </View>
    </View>
  )
}

function People({ errand: e }: { errand: Errand }) {
  const b = e.booker
  const place = [b.buildingName, b.room ? `${b.room}室` : ''].filter(Boolean).join(' ')
  return (
    <View className="card" data-testid="errand-people">
      <View className="card__title">预约居民</View>
      <Row label="称呼" testId="errand-booker-name">
        {b.name}
        {b.nickname ? `（${b.nickname}）` : ''}
      </Row>
      {place && (
        <Row label="住址" testId="errand-booker-place">
          {place}
        </Row>
      )}
      {b.phone && (
        <Row label="电话">
          <ContactPhone phone={b.phone} can={b.can} testId="errand-booker-phone" />
        </Row>
      )}
      {e.contactPhone && (
        <Row label="其他联系电话">
          <ContactPhone
            phone={e.contactPhone}
            can={{ call: b.can.call }}
            testId="errand-contact-phone"
          />
        </Row>
      )}
      {!b.phone && (
        <View className="muted" data-testid="errand-contact-hidden">
          为保护隐私，居民的住址和电话仅接单的红色代办员和网格员可见。
        </View>
      )}

      {e.agent && (
        <>
          <View className="card__title errand-detail__meta">红色代办员</View>
          <Row label="称呼" testId="errand-agent-name">
            {agentName(e.agent)}
          </Row>
          {e.agent.phone && (
            <Row label="电话">
              <ContactPhone phone={e.agent.phone} can={e.agent.can} testId="errand-agent-phone" />
            </Row>
          )}
        </>
      )}
    </View>
  )
}

/** Why it was released or cancelled, how it was done, the rating and comment. */
function Outcome({ errand: e }: { errand: Errand }) {
  const waitingForMe = e.status === 'completed' && e.can.confirm
  const anything =
    e.releaseReason || e.completeNote || e.cancelReason || e.rating || e.comment || waitingForMe
  if (!anything) return null
  return (
    <View className="card" data-testid="errand-outcome">
      {e.releaseReason && e.status === 'requested' && (
        <Note
          label="上一位代办员退回的原因"
          testId="errand-release-reason"
          text={e.releaseReason}
        />
      )}
      {e.completeNote && (
        <Note label="办结说明" testId="errand-complete-note" text={e.completeNote} />
      )}
      {e.cancelReason && (
        <Note label="取消原因" tone="bad" testId="errand-cancel-reason" text={e.cancelReason} />
      )}
      {waitingForMe && (
        <View className="errand-detail__hint" data-testid="errand-confirm-hint">
          红色代办员说已经办好了，请确认后销单并评价。{ERRAND_AUTO_CLOSE_DAYS}{' '}
          天内未销单的，将自动销单。
        </View>
      )}
      {e.rating !== null && (
        <Row label="评分">
          <Stars value={e.rating} testId="errand-rating" />
        </Row>
      )}
      {e.comment && <Note label="评价" tone="good" testId="errand-comment-text" text={e.comment} />}
    </View>
  )
}

function Note({
  label,
  text,
  tone,
  testId,
}: {
  label: string
  text: string
  tone?: 'bad' | 'good'
  testId: string
}) {
  return (
    <View className="errand-detail__meta">
      <View className="errand-detail__label">{label}</View>
      <View
        className={`errand-detail__note${tone ? ` errand-detail__note--${tone}` : ''}`}
        data-testid={testId}
      >
        {text}
      </View>
    </View>
  )
}

function Timeline({ errand: e }: { errand: Errand }) {
  if (!e.timeline.length) return null
  return (
    <View className="card">
      <View className="card__title">代办进展</View>
      <View className="errand-detail__timeline" data-testid="errand-timeline">
        {e.timeline.map((t, i) => (
          <View key={`${t.at}-${i}`} className="errand-detail__step" data-type={t.type}>
            <View className="errand-detail__step-time">
              <TimeText value={t.at} />
            </View>
            <View>{t.text}</View>
          </View>
        ))}
      </View>
    </View>
  )
}
