import type { ActionName, FunctionName, InputOf, OutputOf } from '@/contract/api'
import type { ApiError, Result } from '@/contract/errors'
import { send } from './transport'

// The only caller of cloud functions. Every call resolves to a Result: a broken network or an
// answer that is not a Result becomes INTERNAL with a message an elderly user can act on.

export const NETWORK_ERROR: ApiError = { code: 'INTERNAL', message: '网络不太好，请稍后再试' }

export interface CallOptions {
  /** Makes a write idempotent: the server answers a repeated id with the first result. */
  requestId?: string
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input?: InputOf<F, A>,
  opts: CallOptions = {}
): Promise<Result<OutputOf<F, A>>> {
  let answer: unknown
  try {
    answer = await send(fn, { action, input, requestId: opts.requestId })
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
  if (!isResult(answer)) return { ok: false, error: NETWORK_ERROR }
  return answer as Result<OutputOf<F, A>>
}

/** A fresh id for one user intent (keep it across retries of that intent). */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  if (v.ok === true) return 'data' in v
  return (
    v.ok === false &&
    typeof v.error === 'object' &&
    v.error !== null &&
    typeof v.error.code === 'string' &&
    typeof v.error.message === 'string'
  )
}
