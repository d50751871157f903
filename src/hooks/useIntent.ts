import { useCallback, useRef, useState } from 'react'
import type { Result } from '@/contract/errors'
import { newRequestId, type CallOptions } from '@/services/cloud'

export interface Intent {
  /**
   * Sends once (null while a send is on its way). The requestId is kept after a network failure
   * (`INTERNAL`), so retrying cannot act twice; any other answer ends the intent and renews it.
   */
  run: <T>(send: (opts: CallOptions) => Promise<Result<T>>) => Promise<Result<T> | null>
  busy: boolean
}

/** One user intent (submit a form, confirm a step) and its requestId. */
export function useIntent(): Intent {
  const requestId = useRef<string>(newRequestId())
  const sending = useRef(false)
  const [busy, setBusy] = useState(false)
  const run = useCallback(async <T>(send: (opts: CallOptions) => Promise<Result<T>>) => {
    if (sending.current) return null
    sending.current = true
    setBusy(true)
    try {
      const result = await send({ requestId: requestId.current })
      if (result.ok || result.error.code !== 'INTERNAL') requestId.current = newRequestId()
      return result
    } finally {
      sending.current = false
      setBusy(false)
    }
  }, [])
  return { run, busy }
}
