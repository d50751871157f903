import { View } from '@tarojs/components'
import { StaffGate } from '@/components/NoAccess'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import type { PartyReport } from '@/contract/volunteer'
import { hoursText } from '../../format'
import './index.scss'

// 双报到台账: per work unit, how many working party members reported to the community and
// their service hours.

export default function PartyReportPage() {
  return (
    <StaffGate
      testId="page-volunteer-report"
      service="双报到台账"
      forWhom="社区两委"
      allowed={(me) => me.can['volunteer.ledger']}
    >
      {() => <Loaded />}
    </StaffGate>
  )
}

function Loaded() {
  const query = useQuery(() => volunteerApi.partyReport())
  usePullRefresh(query.refresh)
  if (query.data) return <Report report={query.data} />
  return query.error && !query.loading ? (
    <ErrorState error={query.error} onRetry={query.refresh} />
  ) : (
    <LoadingState />
  )
}

function Report({ report: r }: { report: PartyReport }) {
  if (!r.units.length) {
    return (
      <EmptyState text="还没有在职党员报到">
        <View className="state__text">党员申请志愿者时填写工作单位，审核通过后计入台账。</View>
      </EmptyState>
    )
  }
  return (
    <>
      <View className="card report__totals" data-testid="report-totals">
        <View>
          <View className="report__n">{r.totalMembers}</View>
          <View className="muted">报到党员（人）</View>
        </View>
        <View>
          <View className="report__n">{hoursText(r.totalHours)}</View>
          <View className="muted">服务时长（小时）</View>
        </View>
      </View>
      <View className="card" role="table" aria-label="按工作单位" data-testid="report-units">
        <View className="report__tr report__tr--head" role="row">
          <View className="report__td report__td--wide" role="columnheader">
            工作单位
          </View>
          <View className="report__td" role="columnheader">
            人数
          </View>
          <View className="report__td" role="columnheader">
            时长
          </View>
        </View>
        {r.units.map((u) => (
          <View key={u.workUnit} className="report__tr" role="row">
            <View className="report__td report__td--wide" role="cell">
              {u.workUnit}
            </View>
            <View className="report__td" role="cell">
              {u.members}
            </View>
            <View className="report__td" role="cell">
              {hoursText(u.hours)}
            </View>
          </View>
        ))}
      </View>
    </>
  )
}
