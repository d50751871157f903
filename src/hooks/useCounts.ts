import { useEffect, useRef } from 'react'
import type { Me } from '@/contract/user'
import type { CountKey, ViewerCounts } from '@/contract/viewer'
import { userApi } from '@/services/user'
import { useQuery } from './useQuery'
import { useReshown } from './useReshown'

export interface Counts {
  /** Every count the viewer's tabs show, or undefined while unknown (or failing: stay quiet). */
  data: ViewerCounts | undefined
  get: (key: CountKey) => number | undefined
  refresh: () => Promise<unknown>
}

/**
 * `user.counts`: every count of every domain in one call, loaded when the viewer is known and
 * again each time the page comes back into view (something may have been handled meanwhile).
 */
export function useCounts(me: Me | null, { enabled = true }: { enabled?: boolean } = {}): Counts {
  const on = !!me && enabled
  const query = useQuery(() => userApi.counts(), [me?.openid, me?.grid?.id, me?.bindStatus], {
    enabled: on,
  })
  const reshown = useReshown()
  const seen = useRef(reshown)
  const { refresh } = query
  useEffect(() => {
    if (reshown === seen.current) return
    seen.current = reshown
    if (on) void refresh()
  }, [reshown, on, refresh])
  const data = query.data
  return {
    data,
    get: (key) => data?.counts[key],
    refresh: () => (on ? query.refresh() : Promise.resolve(null)),
  }
}
