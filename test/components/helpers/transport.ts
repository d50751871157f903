import type { Request } from '@/contract/errors'

// The transport boundary for component tests: every cloud call goes through `send`, which the
// tests replace with a table of fake answers per `<function>.<action>`.

export type Handler = (input: unknown) => unknown | Promise<unknown>

export interface FakeCloud {
  calls: { fn: string; action: string; input: unknown; requestId?: string }[]
  /** A fixed answer, or a function of the input. */
  on: (key: string, answer: Handler | object) => void
  send: (fn: string, request: Request) => Promise<unknown>
  callsTo: (key: string) => unknown[]
}

export function fakeCloud(): FakeCloud {
  const handlers = new Map<string, Handler>()
  const calls: FakeCloud['calls'] = []
  return {
    calls,
    on(key, answer) {
      handlers.set(key, typeof answer === 'function' ? (answer as Handler) : () => answer)
    },
    async send(fn, request) {
      calls.push({ fn, action: request.action, input: request.input, requestId: request.requestId })
      const handler = handlers.get(`${fn}.${request.action}`)
      if (!handler) throw new Error(`no fake for ${fn}.${request.action}`)
      return handler(request.input)
    },
    callsTo(key) {
      return calls.filter((c) => `${c.fn}.${c.action}` === key).map((c) => c.input)
    },
  }
}

export const ok = <T>(data: T) => ({ ok: true as const, data })
export const fail = (code: string, message: string, field?: string) => ({
  ok: false as const,
  error: { code, message, ...(field ? { field } : {}) },
})
