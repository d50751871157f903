import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import { VOLUNTEER_ROUTES } from '../../routes'
import { ActivityTags } from '../../components/ActivityCard'
import { QuotaBar } from '../../components/QuotaBar'
import { CheckinCodePanel } from '../../components/CheckinCodePanel'
import { RosterPanel } from '../../components/RosterPanel'
import { SummaryForm } from '../../components/SummaryForm'
import { spanText } from '../../format'

// The organizer's screen for one activity (`can.manage`): the rotating check-in code while it
// runs, the roster with check-in state, attendance confirmation, and the public summary.

export default function ManageActivity() {
  const id = ((useRouter()?.params ?? {}) as { id?: string }).id ?? ''
  const query = useQuery(() => volunteerApi.getActivity(id), [id], { enabled: !!id })
  usePullRefresh(query.refresh)
  const a = query.data
  const body = () => {
    if (!id) return <EmptyState text="没有找到这个活动" />
    if (!a) {
      return query.error && !query.loading ? (
        <ErrorState error={query.error} onRetry={query.refresh} />
      ) : (
        <LoadingState />
      )
    }
    if (!a.can.manage) {
      return (
        <EmptyState text="只有活动的组织者可以管理签到和出勤">
          <Button
            className="state__action"
            onClick={() => void Taro.redirectTo({ url: VOLUNTEER_ROUTES.detail(a.id) })}
          >
            查看活动
          </Button>
        </EmptyState>
      )
    }
    const running = a.phase !== 'ended'
    return (
      <>
        <View className="card">
          <View className="card__title" data-testid="manage-title">
            {a.title}
          </View>
          <ActivityTags activity={a} />
          <View>{spanText(a.startAt, a.endAt)}</View>
          <View className="muted">{a.location}</View>
          <QuotaBar signed={a.signedCount} quota={a.quota} waitlist={a.waitlistCount} />
        </View>
        {running && <CheckinCodePanel activity={a} />}
        <RosterPanel activity={a} onConfirmed={query.setData} />
        <SummaryForm activity={a} onDone={query.setData} />
        <View className="actions">
          <Button
            block
            testId="manage-go-detail"
            onClick={() => void Taro.navigateTo({ url: VOLUNTEER_ROUTES.detail(a.id) })}
          >
            查看活动页（评价与总结）
          </Button>
        </View>
      </>
    )
  }
  return <Screen testId="page-volunteer-manage">{body()}</Screen>
}
