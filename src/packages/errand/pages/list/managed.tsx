import { View } from '@tarojs/components'
import { EmptyState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { usePaged } from '@/hooks/usePaged'
import { errandApi } from '@/services/errand'
import type { Me } from '@/contract/user'
import type { Errand } from '@/contract/errand'
import type { ErrandStatus } from '@/contract/errand.rules'
import { ErrandCard } from '../../components/ErrandCard'

// The staff view of the grids or community they serve: what needs them first (overdue, then
// escalated above the grid), then the rest. The server picks whose errands; the order and the
// two narrow filters apply to the loaded items.

export type StaffFilter = 'all' | 'overdue' | 'escalated'

export const STAFF_FILTERS: { id: StaffFilter; label: string }[] = [
  { id: 'all', label: '全部' },
  { id: 'overdue', label: '超时未办结' },
  { id: 'escalated', label: '已升级待接单' },
]

const escalated = (e: Errand) => e.status === 'requested' && e.level !== 'grid'

/** What the server narrows to, and what is left to narrow here. */
const NARROW: Record<StaffFilter, { status?: ErrandStatus; keep: (e: Errand) => boolean }> = {
  all: { keep: () => true },
  overdue: { status: 'accepted', keep: (e) => e.overdue },
  escalated: { status: 'requested', keep: escalated },
}

const weight = (e: Errand) => (e.overdue ? 0 : escalated(e) ? 1 : e.urgent ? 2 : 3)

export function needsFirst(items: Errand[]): Errand[] {
  return items
    .map((e, i) => ({ e, i }))
    .sort((a, b) => weight(a.e) - weight(b.e) || a.i - b.i)
    .map(({ e }) => e)
}

export function ManagedFeed({
  me,
  filter,
  onOpen,
}: {
  me: Me
  filter: StaffFilter
  onOpen: (id: string) => void
}) {
  const { status, keep } = NARROW[filter]
  const list = usePaged((page) =>
    errandApi.list({ scope: 'managed', ...(status ? { status } : {}), ...page })
  )
  const items = needsFirst(list.items.filter(keep))
  const empty = (
    <EmptyState text={filter === 'all' ? '您服务的网格还没有代办' : '没有需要督办的代办'}>
      <View className="state__text">
        {filter === 'all' ? '居民预约代办后会出现在这里。' : '换个筛选看看吧。'}
      </View>
    </EmptyState>
  )
  return (
    <PagedList
      list={list}
      items={items}
      testId="errand-list"
      access={{ bindStatus: me.bindStatus, service: '红色代办' }}
      final={['FORBIDDEN']}
      empty={empty}
      after={items.length === 0 ? empty : null}
    >
      {(e) => <ErrandCard errand={e} onOpen={() => onOpen(e.id)} />}
    </PagedList>
  )
}
