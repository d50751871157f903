import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { FilterChips } from '@/components/FilterChips'
import { ListTabs, type ListTab } from '@/components/ListTabs'
import { AccessHint } from '@/components/AccessHint'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { matterApi } from '@/services/matter'
import type { Me } from '@/contract/user'
import {
  MATTER_CATEGORIES,
  MATTER_CATEGORY_LABELS,
  MATTER_STATUSES,
  MATTER_STATUS_LABELS,
  type MatterCategory,
  type MatterScope,
  type MatterStatus,
} from '@/contract/matter.rules'
import { MATTER_ROUTES } from '../../routes'
import { MatterCard } from '../../components/MatterCard'
import { MatterActions } from '../../components/MatterActions'
import './index.scss'

// The public board of the viewer's grid and of the whole community, what they reported, and
// the staff queue. Which tabs show comes from `me.can`; what each list holds (and its order:
// overdue first in the queue) is the server's decision.

const TABS: ListTab<MatterScope>[] = [
  { id: 'grid', label: '本网格' },
  { id: 'community', label: '全社区' },
  { id: 'mine', label: '我反映的' },
  { id: 'queue', label: '待处理' },
]

function tabsFor(me: Me): MatterScope[] {
  const shown: Record<MatterScope, boolean> = {
    grid: me.can['matter.board'] && !!me.grid,
    community: me.can['matter.board'],
    mine: me.can['matter.report'],
    queue: me.can['matter.handle'],
  }
  return TABS.map((t) => t.id).filter((s) => shown[s])
}

/** The status chips of each list: the board shows what is open and done, the queue its two. */
const STATUS_CHIPS: Record<MatterScope, readonly MatterStatus[]> = {
  grid: ['reported', 'handling', 'resolved', 'closed'],
  community: ['reported', 'handling', 'resolved', 'closed'],
  mine: MATTER_STATUSES,
  queue: ['reported', 'handling'],
}

const open = (id: string) => void Taro.navigateTo({ url: MATTER_ROUTES.detail(id) })

export default function MatterList() {
  const { me, loading, error, refresh } = useMe()
  const asked = (useRouter()?.params ?? {}) as { scope?: string; status?: string }
  return (
    <Screen testId="page-matter-list" className="matter-list">
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

function ListBody({ me, asked }: { me: Me; asked: { scope?: string; status?: string } }) {
  const tabs = tabsFor(me)
  const [scope, setScope] = useState<MatterScope | undefined>(
    () => tabs.find((s) => s === asked.scope) ?? tabs[0]
  )
  const [status, setStatus] = useState<MatterStatus | 'all'>(() =>
    scope && STATUS_CHIPS[scope].includes(asked.status as MatterStatus)
      ? (asked.status as MatterStatus)
      : 'all'
  )
  const [category, setCategory] = useState<MatterCategory | 'all'>('all')
  if (!scope) return <AccessHint bindStatus={me.bindStatus} service="居民说事" />
  const pickScope = (s: MatterScope) => {
    setScope(s)
    setStatus('all')
  }

  return (
    <>
      {tabs.length > 1 && (
        <ListTabs
          block="matter-list"
          testId="matter-tab"
          tabs={TABS.filter((t) => tabs.includes(t.id))}
          value={scope}
          onPick={pickScope}
        />
      )}
      <FilterChips
        block="matter-list"
        label="按状态筛选"
        testId="matter-status"
        value={status}
        onPick={setStatus}
        options={[
          { id: 'all', label: '全部状态' },
          ...STATUS_CHIPS[scope].map((s) => ({ id: s, label: MATTER_STATUS_LABELS[s] })),
        ]}
      />
      <FilterChips
        block="matter-list"
        label="按类别筛选"
        testId="matter-category"
        value={category}
        onPick={setCategory}
        options={[
          { id: 'all', label: '全部类别' },
          ...MATTER_CATEGORIES.map((c) => ({ id: c, label: MATTER_CATEGORY_LABELS[c] })),
        ]}
      />

      <Feed key={`${scope}|${status}`} me={me} scope={scope} status={status} category={category} />

      {me.can['matter.report'] && (
        <Button
          className="matter-list__new"
          kind="primary"
          testId="matter-new"
          onClick={() => void Taro.navigateTo({ url: MATTER_ROUTES.report })}
        >
          我要说
        </Button>
      )}
    </>
  )
}

const EMPTY_TEXT: Record<MatterScope, [string, string]> = {
  grid: ['本网格还没有人说事', '遇到环境卫生、设施损坏、邻里纠纷等烦心事，都可以说一说。'],
  community: ['社区里还没有人说事', '遇到环境卫生、设施损坏、邻里纠纷等烦心事，都可以说一说。'],
  mine: ['您还没有反映过问题', '身边有烦心事？拍张照片说给网格员，小事一格解决。'],
  queue: [
    '暂时没有需要处理的说事',
    '居民新反映的和上报到您这里的问题会出现在这里，超时的排在最前。',
  ],
}

/** One list (scope and status on the server; the category narrows what is loaded). */
function Feed({
  me,
  scope,
  status,
  category,
}: {
  me: Me
  scope: MatterScope
  status: MatterStatus | 'all'
  category: MatterCategory | 'all'
}) {
  const list = usePaged((page) =>
    matterApi.list({ scope, ...(status === 'all' ? {} : { status }), ...page })
  )
  const items = category === 'all' ? list.items : list.items.filter((m) => m.category === category)
  const [title, hint] = EMPTY_TEXT[scope]
  const empty = (
    <EmptyState text={status === 'all' && category === 'all' ? title : '没有符合筛选的说事'}>
      <View className="state__text">{status === 'all' ? hint : '换个筛选看看吧。'}</View>
      {scope === 'mine' && me.can['matter.report'] && (
        <Button
          className="state__action"
          kind="primary"
          testId="matter-empty-report"
          onClick={() => void Taro.navigateTo({ url: MATTER_ROUTES.report })}
        >
          我要说
        </Button>
      )}
    </EmptyState>
  )
  const board = scope === 'grid' || scope === 'community'
  // Seconded here, or no longer open to it: the list as the server now holds it.
  const reload = () => void list.refresh()
  return (
    <PagedList
      list={list}
      items={items}
      testId="matter-list"
      access={{ bindStatus: me.bindStatus, service: '居民说事' }}
      final={['FORBIDDEN']}
      empty={empty}
      after={items.length === 0 ? empty : null}
    >
      {(m) => (
        <MatterCard matter={m} onOpen={() => open(m.id)}>
          {board && m.can.second && (
            <View className="actions">
              <MatterActions matter={m} steps={['second']} onChanged={reload} onStale={reload} />
            </View>
          )}
        </MatterCard>
      )}
    </PagedList>
  )
}
