import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { ApiError, Result } from '@/contract/errors'

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | null
  /** True while a load is in flight (the first one and every refresh). */
  loading: boolean
}

export interface Query<T> extends QueryState<T> {
  refresh: () => Promise<Result<T>>
  setData: (data: T) => void
}

/**
 * Loads one Result-returning call when `deps` change; `refresh()` loads it again.
 * A stale answer (an earlier load finishing after a later one) is dropped.
 * Pass `enabled: false` to wait (nothing loads, `loading` is false).
 */
export function useQuery<T>(
  load: () => Promise<Result<T>>,
  deps: DependencyList = [],
  { enabled = true }: { enabled?: boolean } = {}
): Query<T> {
  const [state, setState] = useState<QueryState<T>>({
    data: undefined,
    error: null,
    loading: enabled,
  })
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const refresh = useCallback(async () => {
    const id = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    const result = await loadRef.current()
    if (mounted.current && id === seq.current) {
      setState((s) =>
        result.ok
          ? { data: result.data, error: null, loading: false }
          : { data: s.data, error: result.error, loading: false }
      )
    }
    return result
  }, [])

  const setData = useCallback((data: T) => setState({ data, error: null, loading: false }), [])

  useEffect(() => {
    if (enabled) void refresh()
    else setState((s) => (s.loading ? { ...s, loading: false } : s))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps])

  return { ...state, refresh, setData }
}
