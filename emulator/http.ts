// Small HTTP helpers shared by the emulator's routers: bodies, JSON replies, the error envelope.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { INTERNAL_MESSAGE } from './constants'

export type Envelope =
  | { ok: true; [k: string]: unknown }
  | { ok: false; error: { code: string; message: string; field?: string } }

export const failure = (code: string, message: string, field?: string): Envelope => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}) },
})

/** The body of a failed invocation, as the function router would answer it. */
export const INTERNAL = JSON.stringify(failure('INTERNAL', INTERNAL_MESSAGE))

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

/** How much of an oversized body is read and dropped so that the 413 answer reaches the caller. */
const DRAIN_LIMIT = 64 * 1024 * 1024

/**
 * The request body, up to `limit` bytes. A longer body is refused with 413 (`HttpError`), after
 * the rest of it has been read and dropped: answering while the caller is still sending would
 * reset the connection under them, and they would never see the answer. Beyond DRAIN_LIMIT the
 * connection is closed instead.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    req.on('data', (d: Buffer) => {
      size += d.length
      if (size <= limit) parts.push(d)
      else if (size > DRAIN_LIMIT) req.destroy()
      else parts.length = 0
    })
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, 'request body too large'))
      else resolve(Buffer.concat(parts))
    })
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(400, 'request body incomplete'))
    })
    req.on('error', reject)
  })
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {}
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // not JSON
  }
  return undefined
}

/** A value for a log line, cut to 300 characters. */
export const short = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined ? '' : text.length > 300 ? `${text.slice(0, 300)}…` : text
}
