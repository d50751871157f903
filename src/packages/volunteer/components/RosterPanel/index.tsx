import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { Checkbox } from '@/components/Checkbox'
import { ContactPhone } from '@/components/ContactPhone'
import { Dialog } from '@/components/Dialog'
import { toast } from '@/components/Feedback'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { SubmitBar } from '@/components/SubmitBar'
import { Tag } from '@/components/Tag'
import { useIntent } from '@/hooks/useIntent'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import type { Activity, RosterEntry } from '@/contract/volunteer'
import { hoursText, signupText } from '../../format'
import './index.scss'

const rank = (e: RosterEntry) => (e.status === 'signed' ? 0 : e.status === 'waitlisted' ? 1 : 2)

/**
 * The organizer's roster: who signed up, who checked in; after the start, tick who came and
 * confirm (hours are credited once; signed volunteers not ticked are recorded as no-shows).
 */
export function RosterPanel({
  activity: a,
  onConfirmed,
}: {
  activity: Activity
  onConfirmed: (a: Activity) => void
}) {
  const roster = useQuery(() => volunteerApi.roster(a.id), [a.id])
  const [ticked, setTicked] = useState<Set<string>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const intent = useIntent()
  const items = [...(roster.data?.items ?? [])].sort((x, y) => rank(x) - rank(y))
  const signed = items.filter((e) => e.status === 'signed')
  // The server's clock decides (the phase), not the phone's.
  const started = a.phase === 'ongoing' || a.phase === 'ended'

  // Those who checked in (or were confirmed before) start ticked.
  useEffect(() => {
    const list = roster.data?.items ?? []
    setTicked(
      new Set(
        list
          .filter((e) => e.status === 'signed' && (e.attended ?? e.checkedIn))
          .map((e) => e.openid)
      )
    )
  }, [roster.data])

  const toggle = (openid: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev)
      if (on) next.add(openid)
      else next.delete(openid)
      return next
    })

  const send = async () => {
    const result = await intent.run((opts) =>
      volunteerApi.confirmAttendance({ activityId: a.id, openids: [...ticked] }, opts)
    )
    if (!result) return
    setConfirming(false)
    if (!result.ok) return toast(result.error.message)
    toast('已确认出勤，时长已计入')
    onConfirmed(result.data)
    void roster.refresh()
  }

  if (!roster.data) {
    return roster.error && !roster.loading ? (
      <ErrorState error={roster.error} onRetry={roster.refresh} />
    ) : (
      <LoadingState text="正在加载报名名单…" />
    )
  }
  return (
    <View className="card" data-testid="roster">
      <View className="card__title">
        报名名单（已报名 {signed.length} 人，已签到 {signed.filter((e) => e.checkedIn).length} 人）
      </View>
      {items.length === 0 ? (
        <EmptyState text="还没有志愿者报名" />
      ) : (
        items.map((e) => (
          <View key={e.id} className="roster__row" data-testid={`roster-${e.openid}`}>
            {e.status === 'signed' && started ? (
              <Checkbox
                checked={ticked.has(e.openid)}
                onChange={(on) => toggle(e.openid, on)}
                testId={`roster-tick-${e.openid}`}
              >
                <Who entry={e} />
              </Checkbox>
            ) : (
              <Who entry={e} />
            )}
          </View>
        ))
      )}
      {started && signed.length > 0 && (
        <SubmitBar
          error={null}
          testId="roster-confirm"
          busy={intent.busy}
          text={`确认出勤（${ticked.size} 人）`}
          onSubmit={() => setConfirming(true)}
        />
      )}
      {!started && <View className="muted">活动开始后可以勾选出勤的志愿者并确认。</View>}
      {confirming && (
        <Dialog
          title="确认出勤"
          okText="确认"
          busy={intent.busy}
          onOk={() => void send()}
          onCancel={() => setConfirming(false)}
        >
          <View data-testid="roster-confirm-dialog">
            <View>
              为 {ticked.size} 位志愿者各记 {hoursText(a.hours)} 小时服务时长。
            </View>
            <View className="muted">
              未勾选的 {signed.length - ticked.size}{' '}
              位已报名志愿者将记为缺席。同一位志愿者重复确认不会重复计时。
            </View>
          </View>
        </Dialog>
      )}
    </View>
  )
}

function Who({ entry: e }: { entry: RosterEntry }) {
  return (
    <View className="roster__who">
      <View className="roster__name">
        {e.name}
        {e.nickname && e.nickname !== e.name ? `（${e.nickname}）` : ''}
      </View>
      <View className="roster__tags">
        <Tag tone={e.status === 'signed' ? 'success' : 'default'} plain>
          {signupText(e)}
        </Tag>
        {e.status === 'signed' && (
          <Tag tone={e.checkedIn ? 'success' : 'warning'}>{e.checkedIn ? '已签到' : '未签到'}</Tag>
        )}
        {e.attended === true && <Tag tone="primary">已确认出勤</Tag>}
        {e.attended === false && <Tag>缺席</Tag>}
      </View>
      {e.phone && <ContactPhone phone={e.phone} can={e.can} testId={`roster-phone-${e.openid}`} />}
    </View>
  )
}
