import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { BindStatusTag } from '@/components/BindStatusTag'
import { toast } from '@/components/Feedback'
import { isStaff, useMe } from '@/hooks/useMe'
import { useQuery } from '@/hooks/useQuery'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { userApi } from '@/services/user'
import { wishApi } from '@/services/wish'
import { isWishReviewer, wishCounts } from '@/components/WishEntry'
import type { Me } from '@/contract/user'
import { ROUTES, WISH_ROUTES } from '../routes'
import { SERVICES, type ServiceEntry } from './services'
import './index.scss'

export default function Home() {
  const { me, loading, error, refresh } = useMe()
  const staff = isStaff(me)
  const pending = useQuery(() => userApi.listPendingResidents({ limit: 50 }), [], {
    enabled: staff,
  })

  // Coming back from the verification queue: the count has changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && staff) void pending.refresh()
    shown.current = true
  })
  usePullRefresh(() => Promise.all([refresh(), staff ? pending.refresh() : null]))

  if (!me) {
    return (
      <Screen testId="page-home">
        {error && !loading ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />}
      </Screen>
    )
  }

  const openService = (s: ServiceEntry) => {
    if (s.url) void Taro.navigateTo({ url: s.url })
    else toast(`「${s.title}」即将上线，敬请期待`)
  }

  const pendingCount = pending.data
    ? `${pending.data.items.length}${pending.data.nextCursor ? '+' : ''}`
    : ''

  return (
    <Screen testId="page-home">
      <View className="home__hero">
        <View className="home__greeting" data-testid="home-greeting">
          您好，{me.nickname || '邻居'}
        </View>
        <View className="home__slogan">党建引领 · 邻里守望</View>
      </View>

      <MyGridCard me={me} />

      {isWishReviewer(me) && <WishReviewEntry />}
      {staff && (
        <View className="home__staff" data-testid="entry-verify">
          <Cell
            title="待认证居民"
            description="核实新绑定居民的住址与身份"
            extra={<View data-testid="pending-count">{pendingCount}</View>}
            onClick={() => void Taro.navigateTo({ url: ROUTES.verify })}
          />
        </View>
      )}

      <View className="section-title">社区服务</View>
      <View className="home__services">
        {SERVICES.map((s) => (
          <View
            key={s.key}
            className={`home__service home__service--${s.key}`}
            data-testid={`service-${s.key}`}
            onClick={() => openService(s)}
          >
            <View className="home__service-title">{s.title}</View>
            <View className="home__service-desc">{s.desc}</View>
            {s.key === 'wish' && <WishCounts me={me} />}
            {!s.url && <View className="home__service-soon">即将上线</View>}
          </View>
        ))}
      </View>
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

/** 今年已点亮 N 个 · 待认领 M 个, for the viewer's grid; nothing while unknown or failing. */
function WishCounts({ me }: { me: Me }) {
  const enabled = !!me.grid || isWishReviewer(me)
  const stats = useQuery(() => wishApi.stats(), [me.grid?.id, me.bindStatus], { enabled })
  const reload = () => (enabled ? stats.refresh() : Promise.resolve(null))
  // Back from the wish pages: something may have been lit or claimed.
  useDidShow(() => void reload())
  usePullRefresh(reload)
  const counts = wishCounts(stats.data)
  if (!counts) return null
  // Two halves that wrap as wholes on a narrow tile: 今年已点亮 N 个 · 待认领 M 个
  return (
    <View className="home__service-stat" data-testid="wish-stats">
      <Text className="home__service-stat-part">今年已点亮 {counts.lit} 个</Text>
      <Text> · </Text>
      <Text className="home__service-stat-part">待认领 {counts.open} 个</Text>
    </View>
  )
}

/** Grid workers and the committee: wishes waiting for their review. */
function WishReviewEntry() {
  const queue = useQuery(() => wishApi.list({ scope: 'review', limit: 50 }))
  useDidShow(() => void queue.refresh())
  usePullRefresh(queue.refresh)
  const count = queue.data ? `${queue.data.items.length}${queue.data.nextCursor ? '+' : ''}` : ''
  return (
    <View className="home__staff" data-testid="entry-wish-review">
      <Cell
        title="待审核心愿"
        description="审核居民发布的微心愿"
        extra={<View data-testid="wish-review-count">{count}</View>}
        onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.review })}
      />
    </View>
  )
}
