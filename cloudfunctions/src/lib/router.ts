import type { z } from 'zod'
import type { ActionName, Api, FunctionName, InputOf, OutputOf } from '@/contract/api'
import { tooDeep } from '@/contract/rules'
import { actorFrom, type Actor } from './actor'
import { wxContext, type Doc } from './cloud'
import { fail, type Result } from './result'
import { parseInput } from './validate'
import { loadContext, type Join } from './load'
import { record, replayOf, requestRecordId, type Staged } from './audit'

/** What an action may require of its caller before it runs. */
export type Gate = 'identity' | 'actor' | 'bound' | 'verified'

export interface ActionContext<I> {
  actor: Actor
  input: I
  requestId?: string
  /** What `load` asked for, read with the caller in the same round trip. */
  joined: Record<string, Doc[]>
  /**
   * Stages the audit entry of this change. The router writes it once, after the action, holding
   * the result when a `requestId` came with the call: that entry is also the request's record.
   */
  audit(action: string, targetId: string, detail?: Record<string, unknown>): void
}

export interface ActionOptions<I, O = unknown> {
  gate?: Gate
  /** Reads change nothing: no request record. */
  read?: boolean
  /** Documents to read with the caller (one round trip for both; see lib/load). */
  load?: (input: I, openid: string) => Join[]
  /**
   * What the request's record keeps of a successful result, when not all of it may be stored
   * (a secret ballot's receipt): a repeated requestId answers this.
   */
  replay?: (data: O) => O
}

export interface ActionDef<I, O, In = unknown> {
  /** The input schema; `In` is what a caller sends (checked against the contract's Api). */
  schema: z.ZodType<I, In>
  gate: Gate
  read: boolean
  load?: (input: I, openid: string) => Join[]
  // A method (bivariant), so an action's narrower result still checks against the contract's.
  replay?(data: O): O
  run(ctx: ActionContext<I>): Promise<Result<O>>
}

/** Defines one action: its input schema, who may reach it, what it reads with them, its rule. */
export function action<S extends z.ZodType, O>(
  schema: S,
  run: (ctx: ActionContext<z.output<S>>) => Promise<Result<O>>,
  options: ActionOptions<z.output<S>, O> = {}
): ActionDef<z.output<S>, O, z.input<S>> {
  return {
    schema: schema as z.ZodType<z.output<S>, z.input<S>>,
    run,
    gate: options.gate ?? 'actor',
    read: options.read ?? false,
    load: options.load,
    replay: options.replay,
  }
}

export type TimerHandler = () => Promise<unknown>

// Each action's schema input and result are checked against the contract: a schema for another
// input, or a different result, fails to compile.
type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: ActionDef<
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    any,
    OutputOf<F, A>,
    InputOf<F, A>
  >
}

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InputOfDef<D> = D extends ActionDef<any, any, infer In> ? In : never

/** Also the other way: a schema that asks for more than the contract's input fails to compile. */
type ExactInputs<F extends FunctionName, T> = {
  [A in ActionName<F>]: A extends keyof T
    ? Exact<InputOfDef<T[A]>, InputOf<F, A>> extends true
      ? unknown
      : { inputDiffersFromTheContract: InputOf<F, A> }
    : unknown
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
export function createFunction<F extends FunctionName & keyof Api, T extends Handlers<F>>(
  name: F,
  actions: T & ExactInputs<F, T>,
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
      // Nothing the contract takes nests this deep: refuse it before anything walks it.
      const deep = tooDeep(e)
      if (deep) return fail('INVALID_INPUT', '请求内容的层级太深', deep)
      const parsed = parseInput(def.schema, e.input)
      if (!parsed.ok) return parsed
      return await run(def, OPENID, `${name}.${e.action}`, requestId, parsed.data)
    } catch (err) {
      console.error(`[${name}] unexpected error`, err)
      return fail('INTERNAL')
    }
  }
}

/**
 * Runs one parsed call: the caller, a replay's record and the action's documents in one read
 * (none for an identity-only read), the gate, the rule, then the audit entry and request record
 * in one write.
 */
async function run(
  def: ActionDef<unknown, unknown>,
  openid: string,
  key: string,
  requestId: string | undefined,
  input: unknown
): Promise<Result<unknown>> {
  const recordId = !def.read && requestId ? requestRecordId(openid, requestId) : null
  const joins = def.load?.(input, openid) ?? []
  const loaded =
    def.gate === 'identity' && !joins.length && !recordId
      ? { user: null, record: null, joined: {} }
      : await loadContext(openid, recordId, joins)
  if (loaded.record?.replay !== undefined) return replayOf(loaded.record)
  const actor = actorFrom(openid, loaded.user)
  let staged: Staged | null = null
  const result =
    gateFailure(def.gate, actor) ??
    (await def.run({
      actor,
      input,
      requestId,
      joined: loaded.joined,
      audit: (act, targetId, detail = {}) => {
        staged = { action: act, targetId, detail }
      },
    }))
  if (def.read) return result
  // A record whose result was purged (see user/purgeRequests) keeps its entry: this run is
  // recorded as a plain entry.
  const stored =
    def.replay && result.ok ? { ok: true as const, data: def.replay(result.data) } : result
  return record(openid, key, loaded.record ? null : recordId, staged, result, stored)
}
