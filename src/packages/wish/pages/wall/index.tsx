import { Text, View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import Taro from '@tarojs/taro'
import { Screen } from '@/components/Screen'
import { EmptyState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { TimeText } from '@/components/TimeText'
import { WISH_ROUTES } from '../../routes'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useQuery } from '@/hooks/useQuery'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { wishApi } from '@/services/wish'
import type { Wish } from '@/contract/wish'
import { authorLine, helperName } from '../../components/WishCard'
import './index.scss'

// The community's lit wishes with the thanks their authors wrote: the neighbourhood's good news.

export default function WishWall() {
  const { me } = useMe()
  const stats = useQuery(() => wishApi.stats())
  usePullRefresh(stats.refresh)
  const list = usePaged((page) => wishApi.list({ scope: 'community', status: 'done', ...page }))
  const lit = stats.data?.community?.litThisYear

  return (
    <Screen testId="page-wish-wall">
      <View className="wish-wall__hero">
        <View className="wish-wall__lanterns">✦ ✦ ✦</View>
        <View className="wish-wall__title">心愿墙</View>
        {lit !== undefined && (
          <View className="wish-wall__count" data-testid="wish-wall-count">
            {stats.data?.year} 年社区已点亮
            <Text className="wish-wall__count-value">{lit}</Text>个心愿
          </View>
        )}
      </View>
      <PagedList
        list={list}
        access={me ? { bindStatus: me.bindStatus, service: '心愿墙' } : undefined}
        empty={
          <EmptyState text="还没有点亮的心愿">
            <View className="state__text">邻居的心愿实现后，会和感谢的话一起出现在这里。</View>
          </EmptyState>
        }
      >
        {(w) => <LitWish wish={w} />}
      </PagedList>
    </Screen>
  )
}

function LitWish({ wish: w }: { wish: Wish }) {
  return (
    <View
      className="card wish-wall__card"
      role="link"
      {...TAB_STOP}
      data-testid={`wish-card-${w.id}`}
      onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.detail(w.id) })}
    >
      <View className="wish-wall__wish">{w.title}</View>
      <View className={`wish-wall__thanks${w.thanks ? '' : ' wish-wall__thanks--none'}`}>
        {w.thanks ? `“${w.thanks}”` : '心愿已经实现，感谢热心的邻居！'}
      </View>
      <View className="wish-wall__who muted">
        {authorLine(w)}
        {w.claimer ? ` 的心愿，由 ${helperName(w.claimer)} 帮忙点亮` : ' 的心愿已点亮'}
      </View>
      {w.doneAt && (
        <View className="muted">
          <TimeText value={w.doneAt} format="YYYY年M月D日" />
        </View>
      )}
    </View>
  )
}
