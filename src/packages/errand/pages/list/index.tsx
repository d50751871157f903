import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AccessHint } from '@/components/AccessHint'
import { Button } from '@/components/Button'
import { FilterChips } from '@/components/FilterChips'
import { ListTabs, type ListTab } from '@/components/ListTabs'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { errandApi } from '@/services/errand'
import type { Me } from '@/contract/user'
import type { ApiError } from '@/contract/errors'
import type { Errand } from '@/contract/errand'
import type { ErrandScope } from '@/contract/errand.rules'
import { ERRAND_ROUTES } from '../../routes'
import { ErrandCard } from '../../components/ErrandCard'
import { ErrandActions } from '../../components/ErrandActions'
import { ManagedFeed, STAFF_FILTERS, type StaffFilter } from './managed'
import { byDateAndSlot, groupTitle } from './groups'
import './index.scss'

// The viewer's errands (booked by or for them), a red agent's pool and accepted errands, and the
// staff view. Which tabs show comes from `me.can`; what each list holds is the server's decision.

const TABS: ListTab<ErrandScope>[] = [
  { id: 'mine', label: '我的代办' },
  { id: 'pool', label: '待接单' },
  { id: 'assigned', label: '我接的' },
  { id: 'managed', label: '督办' },
]

function tabsFor(me: Me): ErrandScope[] {
  const shown: Record<ErrandScope, boolean> = {
    mine: me.can['errand.book'] || me.can['errand.help'],
    pool: me.can['errand.accept'],
    assigned: me.can['errand.accept'],
    managed: me.can['errand.manage'],
  }
  return TABS.map((t) => t.id).filter((s) => shown[s])
}

const open = (id: string) => void Taro.navigateTo({ url: ERRAND_ROUTES.detail(id) })

export default function ErrandList() {
  const { me, loading, error, refresh } = useMe()
  const asked = (useRouter()?.params ?? {}) as { scope?: string; show?: string }
  return (
    <Screen testId="page-errand-list" className="errand-list">
      {me ? (
        <ListBody me={me} asked={asked} />
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function ListBody({ me, asked }: { me: Me; asked: { scope?: string; show?: string } }) {
  const tabs = tabsFor(me)
  const [scope, setScope] = useState<ErrandScope | undefined>(
    () => tabs.find((s) => s === asked.scope) ?? tabs[0]
  )
  const [filter, setFilter] = useState<StaffFilter>(
    () => STAFF_FILTERS.find((f) => f.id === asked.show)?.id ?? 'all'
  )
  if (!scope) return <AccessHint bindStatus={me.bindStatus} service="红色代办" />
  const canBook = me.can['errand.book'] || me.can['errand.bookFor']

  return (
    <>
      {tabs.length > 1 && (
        <ListTabs
          block="errand-list"
          testId="errand-tab"
          tabs={TABS.filter((t) => tabs.includes(t.id))}
          value={scope}
          onPick={setScope}
        />
      )}
      {scope === 'managed' && (
        <FilterChips
          block="errand-list"
          label="筛选"
          testId="errand-filter"
          options={STAFF_FILTERS}
          value={filter}
          onPick={setFilter}
        />
      )}

      {scope === 'managed' ? (
        <ManagedFeed key={filter} me={me} filter={filter} onOpen={open} />
      ) : scope === 'mine' ? (
        <MineFeed me={me} />
      ) : (
        <AgentFeed key={scope} me={me} scope={scope} />
      )}

      {canBook && (
        <Button
          className="errand-list__new"
          kind="primary"
          testId="errand-new"
          onClick={() => void Taro.navigateTo({ url: ERRAND_ROUTES.book })}
        >
          {me.can['errand.book'] ? '预约代办' : '代居民预约'}
        </Button>
      )}
    </>
  )
}

function MineFeed({ me }: { me: Me }) {
  const list = usePaged((page) => errandApi.list({ scope: 'mine', ...page }))
  return (
    <PagedList
      list={list}
      testId="errand-list"
      access={{ bindStatus: me.bindStatus, service: '红色代办' }}
      empty={
        <EmptyState text="您还没有预约过代办">
          <View className="state__text">缴费、买药、开证明、取快递……党员代办员帮您跑。</View>
          {me.can['errand.book'] && (
            <Button
              className="state__action"
              kind="primary"
              testId="errand-empty-book"
              onClick={() => void Taro.navigateTo({ url: ERRAND_ROUTES.book })}
            >
              预约代办
            </Button>
          )}
        </EmptyState>
      }
    >
      {(e) => <ErrandCard errand={e} onOpen={() => open(e.id)} />}
    </PagedList>
  )
}

/** The pool and the accepted errands, grouped by date and slot, 接单 right on the card. */
function AgentFeed({ me, scope }: { me: Me; scope: 'pool' | 'assigned' }) {
  const list = usePaged((page) => errandApi.list({ scope, ...page }))
  const items = byDateAndSlot(list.items)
  // Taken by someone else, or no longer in the pool: it no longer waits here.
  const stale = (id: string, error: ApiError) => {
    if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') list.remove(id)
  }
  const accepted = (done: Errand) => {
    list.remove(done.id)
    open(done.id)
  }
  return (
    <PagedList
      list={list}
      items={items}
      testId="errand-list"
      access={{ bindStatus: me.bindStatus, service: '红色代办' }}
      empty={
        <EmptyState text={scope === 'pool' ? '暂时没有等待接单的代办' : '您还没有接下代办'}>
          <View className="state__text">
            {scope === 'pool'
              ? '本网格居民预约的代办和社区升级的代办会出现在这里。'
              : '去「待接单」看看谁需要帮忙。'}
          </View>
        </EmptyState>
      }
    >
      {(e) => (
        <>
          {groupTitle(items, e) && (
            <View className="errand-list__group" data-testid="errand-group">
              {groupTitle(items, e)}
            </View>
          )}
          <ErrandCard errand={e} onOpen={() => open(e.id)}>
            {scope === 'pool' && (
              <View className="actions">
                <ErrandActions errand={e} steps={['accept']} onChanged={accepted} onStale={stale} />
              </View>
            )}
          </ErrandCard>
        </>
      )}
    </PagedList>
  )
}
