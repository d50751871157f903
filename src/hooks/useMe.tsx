import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { ApiError, Result } from '@/contract/errors'
import type { Me } from '@/contract/user'
import { userApi } from '@/services/user'
import { useQuery } from './useQuery'

// The current user, loaded once for the whole app (app.tsx) and shared by every page. Actions
// that change the user (bind, profile, delete) hand back the new `Me` via `setMe`, or `refresh()`.

export interface MeStore {
  me: Me | null
  loading: boolean
  error: ApiError | null
  refresh: () => Promise<Result<Me>>
  setMe: (me: Me) => void
}

const MeContext = createContext<MeStore | null>(null)

export function MeProvider({ children }: { children?: ReactNode }) {
  const query = useQuery(() => userApi.me())
  const { data, loading, error, refresh, setData } = query
  const store = useMemo<MeStore>(
    () => ({ me: data ?? null, loading, error, refresh, setMe: setData }),
    [data, loading, error, refresh, setData]
  )
  return <MeContext.Provider value={store}>{children}</MeContext.Provider>
}

export function useMe(): MeStore {
  const store = useContext(MeContext)
  if (!store) throw new Error('useMe() needs <MeProvider> (app.tsx)')
  return store
}

/** Grid workers and the committee verify residents. */
export function isStaff(me: Me | null): boolean {
  return !!me && (me.roles.includes('gridWorker') || me.roles.includes('committee'))
}
