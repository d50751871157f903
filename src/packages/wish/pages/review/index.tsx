import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '@/components/Screen'
import { EmptyState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { WISH_ROUTES } from '../../routes'
import { usePaged } from '@/hooks/usePaged'
import { wishApi } from '@/services/wish'
import type { ApiError } from '@/contract/errors'
import { WishActions } from '../../components/WishActions'
import { WishCard } from '../../components/WishCard'
import './index.scss'

// A grid worker's / the committee's queue of pending wishes. The server decides whose wishes
// appear here and shows reviewers the author in full.

export default function WishReview() {
  const list = usePaged((page) => wishApi.list({ scope: 'review', ...page }))

  // Decided here or by someone else meanwhile: either way it no longer waits.
  const stale = (id: string, error: ApiError) => {
    if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') list.remove(id)
  }

  return (
    <Screen testId="page-wish-review">
      <PagedList list={list} final={['FORBIDDEN']} empty={<EmptyState text="暂无待审核的心愿" />}>
        {(w) => (
          <WishCard
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
        )}
      </PagedList>
    </Screen>
  )
}
