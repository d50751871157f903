import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { WISH_ROUTES } from '../../routes'
import { usePaged } from '@/hooks/usePaged'
import { wishApi } from '@/services/wish'
import type { ApiError } from '@/contract/errors'
import { WishActions } from '../../components/WishActions'
import { WishCard } from '../../components/WishCard'
import { useReshown } from '../../useReshown'
import './index.scss'

// A grid worker's / the committee's queue of pending wishes. The server decides whose wishes
// appear here and shows reviewers the author in full.

export default function WishReview() {
  const list = usePaged((page) => wishApi.list({ scope: 'review', ...page }))
  const reshown = useReshown()
  const seen = useRef(reshown)
  const { refresh } = list
  // Back from a wish's page, where it may have been reviewed already.
  useEffect(() => {
    if (reshown === seen.current) return
    seen.current = reshown
    void refresh()
  }, [reshown, refresh])

  // Decided here or by someone else meanwhile: either way it no longer waits.
  const stale = (id: string, error: ApiError) => {
    if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') list.remove(id)
  }

  const body = () => {
    if (list.loading && list.items.length === 0) return <LoadingState />
    if (list.error && list.items.length === 0) {
      const retry = list.error.code === 'FORBIDDEN' ? undefined : list.refresh
      return <ErrorState error={list.error} onRetry={retry} />
    }
    if (list.items.length === 0) return <EmptyState text="暂无待审核的心愿" />
    return (
      <>
        {list.items.map((w) => (
          <WishCard
            key={w.id}
            wish={w}
            full
            onOpen={() => void Taro.navigateTo({ url: WISH_ROUTES.detail(w.id) })}
          >
            <View className="wish-review__buttons">
              <WishActions
                wish={w}
                steps={['approve', 'reject']}
                onChanged={(done) => list.remove(done.id)}
                onStale={stale}
              />
            </View>
          </WishCard>
        ))}
        <View className="wish-review__foot muted">
          {list.loadingMore ? '正在加载更多…' : list.hasMore ? '上拉加载更多' : '没有更多了'}
        </View>
      </>
    )
  }

  return <Screen testId="page-wish-review">{body()}</Screen>
}
