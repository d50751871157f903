import type { z } from 'zod'
import type { ActionName, Api, FunctionName, InputOf, OutputOf } from '@/contract/api'
import { loadActor, type Actor } from './actor'
import { wxContext } from './cloud'
import { fail, type Result } from './result'
import { parseInput } from './validate'
import { withIdempotency } from './idempotency'

/** What an action may require of its caller before it runs. */
export type Gate = 'identity' | 'actor' | 'bound' | 'verified'

export interface ActionContext<I> {
  actor: Actor
  input: I
  requestId?: string
}

export interface ActionDef<I, O> {
  schema: z.ZodType
  gate: Gate
  /** Reads change nothing: no idempotency record. */
  read: boolean
  run(ctx: ActionContext<I>): Promise<Result<O>>
}

/** Defines one action: its input schema, who may reach it, and its rule. */
export function action<S extends z.ZodType, O>(
  schema: S,
  run: (ctx: ActionContext<z.output<S>>) => Promise<Result<O>>,
  options: { gate?: Gate; read?: boolean } = {}
): ActionDef<z.output<S>, O> {
  return { schema, run, gate: options.gate ?? 'actor', read: options.read ?? false }
}

export type TimerHandler = () => Promise<unknown>

type Handlers<F extends FunctionName> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [A in ActionName<F>]: ActionDef<any, OutputOf<F, A>> & { __input?: InputOf<F, A> }
}

const REQUEST_ID_RE = /^[\w.:-]{1,64}$/

function gateFailure(gate: Gate, actor: Actor): Result<never> | null {
  if (gate === 'bound' || gate === 'verified') {
    if (actor.bindStatus === 'none' || actor.bindStatus === 'rejected') return fail('NOT_BOUND')
    if (gate === 'verified' && !actor.verified) return fail('NOT_VERIFIED')
  }
  return null
}

/**
 * The cloud function entry: routes `action` to its handler after checking identity, input and
 * gate, replays a repeated `requestId`, and turns an unexpected exception into INTERNAL.
 */
export function createFunction<F extends FunctionName & keyof Api>(
  name: F,
  actions: Handlers<F>,
  timers: Record<string, TimerHandler> = {}
) {
  const table = actions as unknown as Record<string, ActionDef<unknown, unknown>>
  return async function main(event: unknown): Promise<Result<unknown> | unknown> {
    try {
      const e = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
      const { OPENID } = wxContext()
      // A timer trigger runs without a user. A client can put `Type: 'Timer'` in its data too,
      // but every client call carries an OPENID, so such an event is an ordinary request.
      if (!OPENID && e.Type === 'Timer') {
        const timer = timers[String(e.TriggerName)]
        return timer ? { ok: true, data: await timer() } : fail('NOT_FOUND', '没有这个定时任务')
      }
      if (!OPENID) return fail('UNAUTHENTICATED')
      if (typeof e.action !== 'string' || !Object.prototype.hasOwnProperty.call(table, e.action)) {
        return fail('INVALID_INPUT', '不支持的操作', 'action')
      }
      const def = table[e.action]
      const { requestId } = e
      if (
        requestId !== undefined &&
        (typeof requestId !== 'string' || !REQUEST_ID_RE.test(requestId))
      ) {
        return fail('INVALID_INPUT', '请求编号格式不正确', 'requestId')
      }
      const parsed = parseInput(def.schema, e.input)
      if (!parsed.ok) return parsed
      const run = async () => {
        const actor = def.gate === 'identity' ? identityOnly(OPENID) : await loadActor(OPENID)
        const blocked = gateFailure(def.gate, actor)
        if (blocked) return blocked
        return def.run({ actor, input: parsed.data, requestId })
      }
      if (def.read || requestId === undefined) return await run()
      return await withIdempotency(`${name}.${e.action}`, OPENID, requestId, run)
    } catch (err) {
      console.error(`[${name}] unexpected error`, err)
      return fail('INTERNAL')
    }
  }
}

function identityOnly(openid: string): Actor {
  return {
    openid,
    user: null,
    roles: [],
    bindStatus: 'none',
    verified: false,
    gridId: null,
    communityId: null,
    workerGridIds: [],
    committeeCommunityId: null,
    isAdmin: false,
  }
}
