import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { DetailRow, DetailScreen, NextSteps } from '@/components/Detail'
import { Stars } from '@/components/Stars'
import { TimeText } from '@/components/TimeText'
import { volunteerApi } from '@/services/volunteer'
import type { Activity } from '@/contract/volunteer'
import { CHECKIN_OPENS_MINUTES } from '@/contract/volunteer.rules'
import { VOLUNTEER_ROUTES } from '../../routes'
import { ActivityTags } from '../../components/ActivityCard'
import { QuotaBar } from '../../components/QuotaBar'
import { ActivityActions } from '../../components/ActivityActions'
import { FeedbackForm } from '../../components/FeedbackForm'
import { hoursText, scopeText, signupText, spanText, timeText } from '../../format'
import './index.scss'

// One activity: what, when, where, how many, who organizes it, where the viewer stands, and the
// buttons its `can` allows. Feedback and the organizer's summary are public on it.

const go = (url: string) => void Taro.navigateTo({ url })

export default function ActivityDetail() {
  const params = (useRouter()?.params ?? {}) as { id?: string; published?: string }
  return (
    <DetailScreen
      testId="page-volunteer-detail"
      id={params.id ?? ''}
      emptyText="没有找到这个活动"
      load={volunteerApi.getActivity}
    >
      {(a, setActivity, refresh) => (
        <>
          {params.published && <Published activity={a} />}
          <Summary activity={a} />
          <MyPlace activity={a} />
          <View className="actions volunteer-detail__actions">
            {a.can.checkin && (
              <Button
                kind="primary"
                block
                testId="volunteer-go-checkin"
                onClick={() => go(VOLUNTEER_ROUTES.checkin(a.id))}
              >
                签到
              </Button>
            )}
            {a.can.manage && (
              <Button
                block
                testId="volunteer-go-manage"
                onClick={() => go(VOLUNTEER_ROUTES.manage(a.id))}
              >
                签到码与出勤管理
              </Button>
            )}
            <ActivityActions activity={a} onChanged={setActivity} onRefresh={refresh} />
          </View>
          {a.feedbackOpen && <FeedbackForm activity={a} onDone={setActivity} />}
          <Report activity={a} />
        </>
      )}
    </DetailScreen>
  )
}

function Published({ activity: a }: { activity: Activity }) {
  return (
    <NextSteps
      testId="volunteer-published"
      title="活动已发布"
      links={[{ label: '查看我组织的活动', testId: 'next-managed', url: VOLUNTEER_ROUTES.managed }]}
    >
      {scopeText(a)}的志愿者现在可以报名了。活动开始前 {CHECKIN_OPENS_MINUTES}{' '}
      分钟起，在「签到码与出勤管理」出示签到码，活动后确认出勤。
    </NextSteps>
  )
}

function Summary({ activity: a }: { activity: Activity }) {
  return (
    <View className="card">
      <View
        className="detail__title"
        role="heading"
        aria-level={2}
        data-testid="volunteer-detail-title"
      >
        {a.title}
      </View>
      <ActivityTags activity={a} />
      <DetailRow label="时间" testId="volunteer-detail-when">
        {spanText(a.startAt, a.endAt)}
      </DetailRow>
      <DetailRow label="地点" testId="volunteer-detail-location">
        {a.location}
      </DetailRow>
      <DetailRow label="范围">{scopeText(a)}</DetailRow>
      <DetailRow label="服务时长" testId="volunteer-detail-hours">
        {hoursText(a.hours)} 小时
      </DetailRow>
      <DetailRow label="报名截止">{timeText(a.signupDeadline)}</DetailRow>
      <DetailRow label="组织者" testId="volunteer-detail-organizer">
        {a.organizer.nickname}
        {a.organizer.title ? `（${a.organizer.title}）` : ''}
      </DetailRow>
      <QuotaBar signed={a.signedCount} quota={a.quota} waitlist={a.waitlistCount} />
      {a.description ? (
        <View className="detail__content" data-testid="volunteer-detail-description">
          {a.description}
        </View>
      ) : null}
    </View>
  )
}

/** Where the viewer stands: signed, waitlisted (and which place), checked in, attended. */
function MyPlace({ activity: a }: { activity: Activity }) {
  const s = a.mySignup
  if (!s || s.status === 'cancelled') return null
  const notes: string[] = []
  if (s.status === 'waitlisted') notes.push('有人取消时，按候补顺序依次递补，递补后会通知您。')
  if (s.checkedIn) notes.push('已签到')
  if (s.attended === true) notes.push(`组织者已确认出勤，${hoursText(a.hours)} 小时已计入服务记录`)
  if (s.attended === false) notes.push('组织者确认出勤时，未将您记为出勤')
  return (
    <View className="card volunteer-detail__mine" data-testid="volunteer-my-place">
      <View className="volunteer-detail__mine-status" data-testid="volunteer-my-status">
        {signupText(s)}
      </View>
      {notes.map((n) => (
        <View key={n} className="muted">
          {n}
        </View>
      ))}
      {s.attended === true && (
        <Button
          className="volunteer-detail__next-button"
          block
          testId="volunteer-go-record"
          onClick={() => go(VOLUNTEER_ROUTES.record)}
        >
          查看我的服务记录
        </Button>
      )}
    </View>
  )
}

/** The organizer's summary and the attendees' feedback, public on the activity. */
function Report({ activity: a }: { activity: Activity }) {
  const f = a.feedback
  if (!a.summary && f.count === 0) return null
  return (
    <View className="card" data-testid="volunteer-report">
      {a.summary && (
        <>
          <View className="card__title">活动总结</View>
          <View className="detail__content" data-testid="volunteer-summary-text">
            {a.summary.text}
          </View>
          <View className="muted">
            <TimeText value={a.summary.at} />
          </View>
        </>
      )}
      {f.count > 0 && (
        <>
          <View className="card__title volunteer-detail__gap">
            志愿者评价（{f.count} 条{f.average !== null ? `，平均 ${hoursText(f.average)} 分` : ''}
            ）
          </View>
          {f.comments.map((c, i) => (
            <View
              key={`${c.at}-${i}`}
              className="volunteer-detail__comment"
              data-testid="volunteer-comment"
            >
              <Stars value={c.rating} />
              {c.comment && <View>{c.comment}</View>}
            </View>
          ))}
        </>
      )}
    </View>
  )
}
