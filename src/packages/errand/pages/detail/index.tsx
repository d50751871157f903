import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
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
import { ContactPhone } from '@/components/ContactPhone'
import { TimeText } from '@/components/TimeText'
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
  return (
    <DetailScreen
      testId="page-errand-detail"
      id={params.id ?? ''}
      emptyText="没有找到这件代办"
      load={(id) => errandApi.get(id)}
    >
      {(errand, setErrand, refresh) => (
        <>
          {params.booked && <BookedSteps errand={errand} />}
          <Summary errand={errand} />
          <People errand={errand} />
          <Outcome errand={errand} />
          <Timeline title="代办进展" entries={errand.timeline} testId="errand-timeline" />
          <View className="actions">
            <ErrandActions errand={errand} onChanged={setErrand} onStale={refresh} />
          </View>
        </>
      )}
    </DetailScreen>
  )
}

/** Just booked: what happens next and where to go. */
function BookedSteps({ errand: e }: { errand: Errand }) {
  return (
    <NextSteps
      testId="errand-next-steps"
      title={e.filedByGridWorker ? '已代居民预约' : '预约成功'}
      links={[
        e.mine
          ? { label: '查看我的代办', testId: 'next-mine', url: ERRAND_ROUTES.mine }
          : { label: '查看代办督办', testId: 'next-mine', url: ERRAND_ROUTES.managed },
      ]}
    >
      本网格的红色代办员接单后会联系{e.filedByGridWorker ? '居民' : '您'}
      。4 小时内无人接单，会升级到社区，由全社区的代办员帮忙。
    </NextSteps>
  )
}

function Summary({ errand: e }: { errand: Errand }) {
  return (
    <View className="card">
      <DetailHead
        icon={<ErrandTypeIcon type={e.type} />}
        title={ERRAND_TYPE_LABELS[e.type]}
        testId="errand-detail-title"
      />
      <ErrandTags errand={e} testIdPrefix="errand" />
      <View className="errand-detail__when" data-testid="errand-when">
        {whenText(e.date, e.slot, Date.now())}
      </View>
      {e.detail !== null ? (
        <View className="detail__content" data-testid="errand-detail-text">
          {e.detail}
        </View>
      ) : (
        <View className="detail__content muted">代办内容已按规定清除</View>
      )}
      <View className="detail__meta muted">
        {e.gridName} · 预约于 <TimeText value={e.createdAt} />
        {e.filedByGridWorker ? ' · 网格员代预约' : ''}
      </View>
    </View>
  )
}

function People({ errand: e }: { errand: Errand }) {
  const b = e.booker
  return (
    <View className="card" data-testid="errand-people">
      <View className="card__title">预约居民</View>
      <PersonRows person={b} testIdPrefix="errand-booker" />
      {e.contactPhone && (
        <DetailRow label="其他联系电话">
          <ContactPhone
            phone={e.contactPhone}
            can={{ call: b.can.call }}
            testId="errand-contact-phone"
          />
        </DetailRow>
      )}
      {!b.phone && (
        <View className="muted" data-testid="errand-contact-hidden">
          为保护隐私，居民的住址和电话仅接单的红色代办员和网格员可见。
        </View>
      )}

      {e.agent && (
        <>
          <View className="card__title detail__meta">红色代办员</View>
          <PersonRows person={e.agent} name={agentName(e.agent)} testIdPrefix="errand-agent" />
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
        <NoteBlock
          label="上一位代办员退回的原因"
          testId="errand-release-reason"
          text={e.releaseReason}
        />
      )}
      {e.completeNote && (
        <NoteBlock label="办结说明" testId="errand-complete-note" text={e.completeNote} />
      )}
      {e.cancelReason && (
        <NoteBlock
          label="取消原因"
          tone="bad"
          testId="errand-cancel-reason"
          text={e.cancelReason}
        />
      )}
      {waitingForMe && (
        <View className="detail__hint" data-testid="errand-confirm-hint">
          红色代办员说已经办好了，请确认后销单并评价。{ERRAND_AUTO_CLOSE_DAYS}{' '}
          天内未销单的，将自动销单。
        </View>
      )}
      <RatingRows rating={e.rating} text={e.comment} prefix="errand" />
    </View>
  )
}
