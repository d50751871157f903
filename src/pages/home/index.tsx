import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { BindStatusTag } from '@/components/BindStatusTag'
import { hasWork, HomeLinks, Notices, ServiceTiles, StaffQueues } from '@/components/DomainEntry'
import { TAB_STOP } from '@/components/a11y'
import { useMe } from '@/hooks/useMe'
import { useCounts } from '@/hooks/useCounts'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import type { Me } from '@/contract/user'
import { ENTRIES } from '../entries'
import { HelpButton } from './HelpButton'
import { useWorkQueue, WorkQueueCard, Workbench } from './WorkQueue'
import { ROUTES } from '../routes'
import './index.scss'

// Two calls however many domains there are: `user.me` (app-wide) and `user.counts`. Every tile,
// queue and notice comes from the registry (../entries.ts).

export default function Home() {
  const { me, loading, error, refresh } = useMe()
  const counts = useCounts(me)
  const work = useWorkQueue(me)
  usePullRefresh(() =>
    Promise.all([refresh(), counts.refresh(), work.enabled ? work.refresh() : null])
  )
  // Staff who are not residents here come for their work: queues first, binding a small link.
  const staffFirst = !!me && me.bindStatus === 'none' && hasWork(ENTRIES, me)

  if (!me) {
    return (
      <Screen testId="page-home">
        {error && !loading ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />}
      </Screen>
    )
  }

  return (
    <Screen testId="page-home">
      <View className="home__hero">
        <View className="home__greeting" data-testid="home-greeting">
          您好，{me.nickname || '邻居'}
        </View>
        <View className="home__slogan">党建引领 · 邻里守望</View>
      </View>

      {staffFirst ? (
        <>
          {work.enabled && <WorkQueueCard query={work} />}
          <Workbench me={me} />
          <StaffQueues entries={ENTRIES} me={me} counts={counts} />
          <Notices entries={ENTRIES} counts={counts} />
        </>
      ) : (
        <>
          <MyGridCard me={me} />
          {me.can['errand.help'] && <HelpButton elder={me.elderMode} />}
          <Notices entries={ENTRIES} counts={counts} />
          {work.enabled && <WorkQueueCard query={work} />}
          <Workbench me={me} />
          <StaffQueues entries={ENTRIES} me={me} counts={counts} />
        </>
      )}

      <View className="section-title">社区服务</View>
      <ServiceTiles entries={ENTRIES} me={me} counts={counts} />
      <HomeLinks entries={ENTRIES} />
      {staffFirst && (
        <View
          className="home__bind-link"
          role="link"
          {...TAB_STOP}
          data-testid="home-bind-link"
          onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
        >
          也住在社区里？绑定自己的住址 ›
        </View>
      )}
    </Screen>
  )
}

function MyGridCard({ me }: { me: Me }) {
  const goBind = () => void Taro.navigateTo({ url: ROUTES.bind })

  if (!me.grid || me.bindStatus === 'none') {
    return (
      <View className="card home__grid" data-testid="home-grid">
        <View className="card__title">您还没有绑定网格</View>
        <View className="muted">绑定所住的楼栋后，就能发布微心愿、预约代办、参加居民议事。</View>
        <Button
          className="home__bind"
          kind="primary"

          block
          testId="home-bind"
          onClick={goBind}
        >
          绑定网格
        </Button>
      </View>
    )
  }

  const place = [me.grid.buildingName, me.grid.room ? `${me.grid.room}室` : ''].join(' ').trim()
  return (
    <View className="card home__grid" data-testid="home-grid">
      <View className="home__grid-head">
        <View className="card__title">
          {me.grid.communityName} · {me.grid.name}
        </View>
        <BindStatusTag status={me.bindStatus} />
      </View>
      {place && <View className="muted">{place}</View>}
      {me.bindStatus === 'pending' && (
        <View className="home__note">已提交，等待网格员认证。认证通过后即可使用全部服务。</View>
      )}
      {me.bindStatus === 'rejected' && (
        <>
          <View className="home__note home__note--bad">
            未通过认证{me.rejectReason ? `：${me.rejectReason}` : ''}
          </View>
          <Button className="home__bind" kind="primary" block onClick={goBind}>
            重新绑定
          </Button>
        </>
      )}
    </View>
  )
}
