import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { FilterChips } from '@/components/FilterChips'
import { ListTabs, type ListTab } from '@/components/ListTabs'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { wishApi } from '@/services/wish'
import type { Me } from '@/contract/user'
import { ROUTES } from '@/pages/routes'
import { WISH_ROUTES } from '../../routes'
import { WISH_STATUSES, WISH_STATUS_LABELS, type WishStatus } from '@/contract/wish.rules'
import { WishCard } from '../../components/WishCard'
import './index.scss'

// The wishes of the viewer's grid, their community, their own and the ones they claimed. What
// each list holds (and how much of the author it shows) is the server's decision.

type ListScope = 'grid' | 'community' | 'mine' | 'claimed'

const TABS: ListTab<ListScope>[] = [
  { id: 'grid', label: '网格' },
  { id: 'community', label: '社区' },
  { id: 'mine', label: '我的' },
  { id: 'claimed', label: '我认领的' },
]

/** Tabs that make sense for this viewer: a grid to look at, wishes they could have claimed. */
function tabsFor(me: Me): ListScope[] {
  const hasGrid = !!me.grid || me.can['wish.fileFor']
  return TABS.map((t) => t.id).filter(
    (s) => (s !== 'grid' || hasGrid) && (s !== 'claimed' || me.can['wish.claim'])
  )
}

export default function WishList() {
  const { me, loading, error, refresh } = useMe()
  const asked = (useRouter()?.params ?? {}) as { scope?: string }
  return (
    <Screen testId="page-wish-list" className="wish-list">
      {me ? (
        <ListBody me={me} asked={asked.scope} />
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function ListBody({ me, asked }: { me: Me; asked?: string }) {
  const tabs = tabsFor(me)
  const [scope, setScope] = useState<ListScope>(() => tabs.find((s) => s === asked) ?? tabs[0])
  const [status, setStatus] = useState<WishStatus | null>(null)
  const canPost = me.can['wish.post']
  const canFile = me.can['wish.fileFor']

  return (
    <>
      <ListTabs
        block="wish-list"
        testId="wish-tab"
        tabs={TABS.filter((t) => tabs.includes(t.id))}
        value={scope}
        onPick={setScope}
      />
      <FilterChips
        block="wish-list"
        label="按状态筛选"
        testId="wish-filter"
        options={[
          { id: 'all', label: '全部' },
          ...WISH_STATUSES.map((s) => ({ id: s, label: WISH_STATUS_LABELS[s] })),
        ]}
        value={status ?? 'all'}
        onPick={(s) => setStatus(s === 'all' ? null : s)}
      />

      <Feed key={`${scope}-${status ?? 'all'}`} me={me} scope={scope} status={status} />

      {(canPost || canFile) && (
        <Button
          className="wish-list__new"
          kind="primary"
          testId="wish-new"
          onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.create })}
        >
          {canPost ? '许个心愿' : '代居民许愿'}
        </Button>
      )}
    </>
  )
}

function Feed({ me, scope, status }: { me: Me; scope: ListScope; status: WishStatus | null }) {
  const list = usePaged((page) => wishApi.list({ scope, ...(status ? { status } : {}), ...page }))
  return (
    <PagedList
      list={list}
      testId="wish-list"
      access={{ bindStatus: me.bindStatus, service: '微心愿' }}
      empty={<Empty me={me} scope={scope} filtered={!!status} />}
    >
      {(w) => (
        <WishCard wish={w} onOpen={() => void Taro.navigateTo({ url: WISH_ROUTES.detail(w.id) })} />
      )}
    </PagedList>
  )
}

const EMPTY_TEXT: Record<ListScope, string> = {
  grid: '本网格的邻居们还没有许下心愿。',
  community: '社区里还没有公开的心愿。',
  mine: '您还没有许过心愿，有需要帮忙的小事，就说出来吧。',
  claimed: '您还没有认领心愿，去「网格」或「社区」看看谁需要帮忙。',
}

function Empty({ me, scope, filtered }: { me: Me; scope: ListScope; filtered: boolean }) {
  return (
    <EmptyState text="还没有心愿">
      <View className="state__text">{filtered ? '换个状态看看吧。' : EMPTY_TEXT[scope]}</View>
      {me.can['wish.post'] ? (
        scope !== 'claimed' && (
          <Button
            className="state__action"
            kind="primary"
            testId="wish-empty-create"
            onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.create })}
          >
            许个心愿
          </Button>
        )
      ) : (
        <NotYetHint me={me} />
      )}
    </EmptyState>
  )
}

/** A viewer who may look at their own list but not post yet. */
function NotYetHint({ me }: { me: Me }) {
  if (me.can['wish.fileFor'] && me.bindStatus === 'none') return null
  const waiting = me.bindStatus === 'pending'
  return (
    <View className="wish-list__hint-box" data-testid="wish-verify-hint">
      <View className="state__text">
        {waiting
          ? '您的绑定正在等待网格员认证，认证通过后就可以许心愿了。'
          : '绑定网格并通过认证后，就可以许心愿了。'}
      </View>
      {!waiting && (
        <Button
          className="state__action"
          kind="primary"
          testId="wish-bind"
          onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
        >
          去绑定
        </Button>
      )}
    </View>
  )
}
