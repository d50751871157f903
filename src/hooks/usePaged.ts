import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import type { ApiError, Page, Result } from '@/contract/errors'
import type { PageInput } from '@/contract/common'
import { toast } from '@/components/Feedback'
import { usePullRefresh } from './usePullRefresh'

export interface Paged<T> {
  items: T[]
  error: ApiError | null
  /** The first page (or a refresh) is loading. */
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  /** Drops an item locally, e.g. after it was handled. */
  remove: (id: string) => void
}

/**
 * A cursor list (`{cursor?, limit?}` → `{items, nextCursor}`) wired to the page's pull-down
 * refresh and reach-bottom events, and loaded again when the page comes back into view (back
 * from an item, where it may have changed). The page config must set `enablePullDownRefresh: true`.
 * Render it with <PagedList>.
 */
export function usePaged<T extends { id: string }>(
  load: (page: PageInput) => Promise<Result<Page<T>>>,
  { limit = 20 }: { limit?: number } = {}
): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)
  const busyMore = useRef(false)

  const refresh = useCallback(async () => {
    const id = ++seq.current
    setLoading(true)
    const result = await loadRef.current({ limit })
    if (id !== seq.current) return
    if (result.ok) {
      setItems(result.data.items)
      setCursor(result.data.nextCursor)
      setError(null)
    } else {
      setError(result.error)
    }
    setLoading(false)
  }, [limit])

  const loadMore = useCallback(async () => {
    if (!cursor || busyMore.current || loading) return
    busyMore.current = true
    const id = seq.current
    setLoadingMore(true)
    const result = await loadRef.current({ cursor, limit })
    busyMore.current = false
    setLoadingMore(false)
    if (id !== seq.current) return // a refresh started meanwhile
    if (result.ok) {
      setItems((prev) => {
        const seen = new Set(prev.map((it) => it.id))
        return [...prev, ...result.data.items.filter((it) => !seen.has(it.id))]
      })
      setCursor(result.data.nextCursor)
    } else {
      toast(result.error.message)
    }
  }, [cursor, limit, loading])

  const remove = useCallback((id: string) => {
    setItems((prev) => prev.filter((it) => it.id !== id))
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // Shown again after the first load (a list mounted later, e.g. another tab, gets no first show).
  const loaded = useRef(false)
  if (!loading) loaded.current = true
  useDidShow(() => {
    if (loaded.current) void refresh()
  })

  usePullRefresh(refresh)
  useReachBottom(() => {
    void loadMore()
  })

  return { items, error, loading, loadingMore, hasMore: cursor !== null, refresh, loadMore, remove }
}
