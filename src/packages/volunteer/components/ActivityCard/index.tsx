import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import { Tag, type TagTone } from '@/components/Tag'
import type { Activity } from '@/contract/volunteer'
import { ACTIVITY_PHASE_LABELS, type ActivityPhase } from '@/contract/volunteer.rules'
import { hoursText, scopeText, signupText, spanText } from '../../format'
import { QuotaBar } from '../QuotaBar'
import './index.scss'

const PHASE_TONE: Record<ActivityPhase, TagTone> = {
  signup: 'primary',
  closed: 'warning',
  ongoing: 'success',
  ended: 'default',
}

/** 报名中 · 已报名 / 候补第 2 位 · 2 小时: what the activity is now and where the viewer stands. */
export function ActivityTags({ activity: a }: { activity: Activity }) {
  const mine = a.mySignup && a.mySignup.status !== 'cancelled' ? a.mySignup : null
  return (
    <View className="activity-tags">
      <View data-testid="activity-phase">
        <Tag tone={PHASE_TONE[a.phase]}>{ACTIVITY_PHASE_LABELS[a.phase]}</Tag>
      </View>
      {mine && (
        <View data-testid="activity-my-signup">
          <Tag tone={mine.status === 'signed' ? 'success' : 'warning'} plain>
            {signupText(mine)}
          </Tag>
        </View>
      )}
      <Tag plain>{hoursText(a.hours)} 小时</Tag>
    </View>
  )
}

/** One activity in a list: title, state, when, where, the quota bar. */
export function ActivityCard({
  activity: a,
  onOpen,
  children,
}: {
  activity: Activity
  onOpen: () => void
  children?: ReactNode
}) {
  return (
    <View className="card activity-card" data-testid={`activity-card-${a.id}`}>
      <View role="link" {...TAB_STOP} onClick={onOpen}>
        <View className="activity-card__title">{a.title}</View>
        <ActivityTags activity={a} />
        <View className="activity-card__line">{spanText(a.startAt, a.endAt)}</View>
        <View className="activity-card__line muted">
          {a.location} · {scopeText(a)}
        </View>
        <QuotaBar
          signed={a.signedCount}
          quota={a.quota}
          waitlist={a.waitlistCount}
          testId={`activity-quota-${a.id}`}
        />
      </View>
      {children}
    </View>
  )
}
