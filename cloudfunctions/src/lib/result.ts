import { ERROR_MESSAGES, type ApiError, type ErrorCode, type Result } from '@/contract/errors'

export type { Result }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

/** A business failure: a result, never an exception. The message defaults to the contract's. */
export function fail<T = never>(code: ErrorCode, message?: string, field?: string): Result<T> {
  const error: ApiError = { code, message: message ?? ERROR_MESSAGES[code] }
  if (field) error.field = field
  return { ok: false, error }
}

export const isFailure = <T>(r: Result<T>): r is { ok: false; error: ApiError } => !r.ok

/**
 * A policy's refusal (`denial` codes) as the failure the caller sees, with the domain's message
 * for each code; null when nothing was refused.
 */
export function refuse(
  code: ErrorCode | null,
  messages: Partial<Record<ErrorCode, string>>
): Result<never> | null {
  return code ? fail(code, messages[code]) : null
}
