import { TAB_STOP } from '@/components/a11y'
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { AccessHint, isAccessError } from '@/components/AccessHint'
import { ErrorState, LoadingState } from '@/components/Status'
import type { BindStatus } from '@/contract/roles'
import type { Paged } from '@/hooks/usePaged'
import './index.scss'

interface PagedListProps<T extends { id: string }> {
  /** From usePaged: pull-down refresh, reach-bottom and refresh on return are wired there. */
  list: Paged<T>
  /** One item. */
  children: (item: T) => ReactNode
  /** Shown when the list is empty. */
  empty: ReactNode
  /** Shows NOT_BOUND / NOT_VERIFIED as the way in (bind, wait) instead of an error. */
  access?: { bindStatus: BindStatus; service: string }
  /** The items to show, when the page narrows the loaded ones (e.g. a filter). */
  items?: T[]
  /** Between the items and the footer (e.g. "none match the filter"). */
  after?: ReactNode
  loadingText?: string
  /** No retry for these error codes (e.g. FORBIDDEN: retrying will not help). */
  final?: string[]
  testId?: string
}

/** A cursor list's states, the same everywhere: loading, access hint, error, empty, footer. */
export function PagedList<T extends { id: string }>({
  list,
  children,
  empty,
  access,
  items = list.items,
  after,
  loadingText,
  final = [],
  testId,
}: PagedListProps<T>) {
  if (list.loading && list.items.length === 0) return <LoadingState text={loadingText} />
  if (list.error && list.items.length === 0) {
    if (access && isAccessError(list.error.code)) return <AccessHint {...access} />
    const retry = final.includes(list.error.code) ? undefined : () => void list.refresh()
    return <ErrorState error={list.error} onRetry={retry} />
  }
  if (list.items.length === 0) return <>{empty}</>
  return (
    <View data-testid={testId}>
      {items.map((item) => (
        <View key={item.id}>{children(item)}</View>
      ))}
      {after}
      <View
        className="paged-list__foot muted"
        data-testid="paged-list-foot"
        {...(list.hasMore ? { role: 'button', ...TAB_STOP } : {})}
        onClick={() => void list.loadMore()}
      >
        {list.loadingMore ? '正在加载更多…' : list.hasMore ? '上拉加载更多' : '没有更多了'}
      </View>
    </View>
  )
}
