// Running a function as the platform does: one invocation through the runner, recorded in the
// stats, failures turned into the INTERNAL envelope; and timer triggers fired with SCF's event.
import type { Clock } from '../clock'
import { INTERNAL } from '../http'
import type { StatsLog } from '../stats'
import type { FunctionInfo, FunctionRegistry, TimerTrigger } from './registry'
import type { FunctionRunner, Outcome } from './runner'

export interface Invoker {
  run(
    fn: FunctionInfo,
    event: unknown,
    openid: string | null,
    label: string,
    trigger?: 'timer'
  ): Promise<{ json: string; outcome: Outcome }>
  fireTimer(fn: FunctionInfo, trigger: TimerTrigger): Promise<unknown>
  /** every timer trigger of `name` now; undefined if there is no such function */
  fireTimers(name: string): Promise<{ name: string; result: unknown }[] | undefined>
}

export function createInvoker(deps: {
  runner: FunctionRunner
  registry: FunctionRegistry
  stats: StatsLog
  clock: Clock
  log: (line: string) => void
}): Invoker {
  const { runner, registry, stats, clock, log } = deps

  const run: Invoker['run'] = async (fn, event, openid, label, trigger) => {
    const outcome = await runner.invoke(fn, event, { openid, trigger }, label)
    const inv = outcome.invocation
    stats.record(fn.name, label, {
      roundTrips: inv.roundTrips,
      ms: outcome.ms,
      ok: outcome.ok,
      unindexed: inv.unindexed,
    })
    if (outcome.ok) return { json: outcome.json, outcome }
    log(`[emulator] ${fn.name}.${label} failed (${outcome.reason}): ${outcome.detail}`)
    return { json: INTERNAL, outcome }
  }

  const fireTimer: Invoker['fireTimer'] = async (fn, trigger) => {
    const event = {
      Type: 'Timer',
      TriggerName: trigger.name,
      Time: new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(trigger.message !== undefined ? { Message: trigger.message } : {}),
    }
    const { json } = await run(fn, event, null, `timer:${trigger.name}`, 'timer')
    return JSON.parse(json) as unknown
  }

  const fireTimers: Invoker['fireTimers'] = async (name) => {
    const fn = registry.get(name)
    if (!fn) return undefined
    const triggers: { name: string; result: unknown }[] = []
    for (const trigger of fn.config.triggers) {
      triggers.push({ name: trigger.name, result: await fireTimer(fn, trigger) })
    }
    return triggers
  }

  return { run, fireTimer, fireTimers }
}
