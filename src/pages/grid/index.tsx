import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { BindStatusTag } from '@/components/BindStatusTag'
import { ContactPhone } from '@/components/ContactPhone'
import { useMe } from '@/hooks/useMe'
import { useQuery } from '@/hooks/useQuery'
import { useCounts, type Counts } from '@/hooks/useCounts'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { GridCards } from '@/components/DomainEntry'
import { userApi } from '@/services/user'
import type { Me, MyGrid } from '@/contract/user'
import { ENTRIES } from '../entries'
import { ROUTES } from '../routes'
import './index.scss'

export default function GridPage() {
  const { me, loading, error, refresh } = useMe()
  const hasGrid = !!me?.grid && me.bindStatus !== 'none'
  const grid = useQuery(() => userApi.myGrid(), [me?.grid?.id, me?.bindStatus], {
    enabled: hasGrid,
  })
  // Each domain's numbers for the grid, all in one call (the registry says which).
  const counts = useCounts(me, { enabled: hasGrid })
  usePullRefresh(() => Promise.all([refresh(), hasGrid ? grid.refresh() : null, counts.refresh()]))

  if (!me) {
    return (
      <Screen testId="page-grid">
        {error && !loading ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />}
      </Screen>
    )
  }

  if (!hasGrid) {
    return (
      <Screen testId="page-grid">
        <EmptyState text="您还没有绑定网格">
          <View className="muted grid__explain">
            网格是社区划分的服务片区，每个网格都有专门的网格员为居民服务。
          </View>
          <Button
            className="state__action"
            kind="primary"

            testId="grid-bind"
            onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
          >
            绑定网格
          </Button>
        </EmptyState>
      </Screen>
    )
  }

  // A binding still waiting for (or refused) verification may not see the grid's details.
  const waiting = grid.error?.code === 'NOT_VERIFIED'
  return (
    <Screen testId="page-grid">
      <StatusBanner me={me} />
      {grid.data ? (
        <GridDetails grid={grid.data} counts={counts} />
      ) : grid.loading ? (
        <LoadingState />
      ) : grid.error && !waiting ? (
        <ErrorState error={grid.error} onRetry={grid.refresh} />
      ) : null}
    </Screen>
  )
}

function StatusBanner({ me }: { me: Me }) {
  if (me.bindStatus === 'verified' || !me.grid) return null
  return (
    <View className="card grid__banner" data-testid="grid-status">
      <View className="grid__banner-head">
        <View className="card__title">
          {me.grid.communityName} · {me.grid.name}
        </View>
        <BindStatusTag status={me.bindStatus} />
      </View>
      {me.bindStatus === 'pending' ? (
        <View className="muted">您的绑定正在等待网格员认证，认证通过后可以查看网格详情。</View>
      ) : (
        <>
          <View className="error-text">
            未通过认证{me.rejectReason ? `：${me.rejectReason}` : ''}
          </View>
          <Button
            className="grid__rebind"
            kind="primary"

            block
            onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
          >
            重新绑定
          </Button>
        </>
      )}
    </View>
  )
}

function GridDetails({ grid, counts }: { grid: MyGrid; counts: Counts }) {
  return (
    <View data-testid="grid-details">
      <View className="card">
        <View className="grid__name" data-testid="grid-name">
          {grid.grid.name}
        </View>
        <View className="muted">{grid.grid.communityName}</View>
        <View className="grid__stats">
          <View className="grid__stat">
            <View className="grid__stat-value" data-testid="grid-buildings">
              {grid.grid.buildingCount}
            </View>
            <View className="muted">楼栋</View>
          </View>
          <View className="grid__stat">
            <View className="grid__stat-value" data-testid="grid-residents">
              {grid.residentCount}
            </View>
            <View className="muted">已认证居民</View>
          </View>
        </View>
      </View>

      <GridCards entries={ENTRIES} counts={counts} />

      <View className="section-title">本网格的网格员</View>
      {grid.workers.length === 0 ? (
        <View className="card muted">暂未安排网格员，如有需要请联系社区居委会。</View>
      ) : (
        <View className="card grid__workers">
          {grid.workers.map((w) => (
            <View key={w.id} className="grid__worker" data-testid={`worker-${w.id}`}>
              <View className="grid__worker-name">
                {w.name}
                {w.nickname ? `（${w.nickname}）` : ''}
              </View>
              <ContactPhone phone={w.phone} can={w.can} testId={`worker-${w.id}-phone`} />
            </View>
          ))}
        </View>
      )}
      {grid.workers.some((w) => !w.can?.call) && (
        <View className="grid__privacy muted">为保护隐私，姓名和电话已部分隐藏。</View>
      )}
    </View>
  )
}
