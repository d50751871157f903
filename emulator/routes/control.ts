// /api/_*: the emulator's control routes, for tests, the bench and the H5 dev panel (like the
// Firebase Emulator Suite's hub endpoints, apart from the protocol routes): health, reset, demo
// personas, the shifted clock, timers, query/round-trip stats, the message outbox, functions.
import type { IncomingMessage } from 'node:http'
import type { Clock } from '../clock'
import type { Invoker } from '../functions/invoke'
import type { FunctionRegistry } from '../functions/registry'
import type { FunctionRunner } from '../functions/runner'
import { failure, parseJsonObject, readBody } from '../http'
import type { Outbox } from '../openapi'
import { demoPersonas } from '../seed'
import type { StatsLog } from '../stats'

/** Answers [status, body] for "METHOD /api/<route>", or undefined if there is no such route. */
export type ControlRoute = (
  req: IncomingMessage,
  url: URL,
  route: string
) => Promise<[number, unknown]> | undefined

type Handler = (req: IncomingMessage, url: URL, rest: string) => Promise<[number, unknown]>

export function controlRoutes(deps: {
  clock: Clock
  registry: FunctionRegistry
  runner: FunctionRunner
  invoker: Invoker
  stats: StatsLog
  outbox: Outbox
  reset: () => Promise<void>
}): ControlRoute {
  const { clock, registry, runner, invoker, stats, outbox, reset } = deps
  const ok = (data?: unknown): [number, unknown] => [
    200,
    data === undefined ? { ok: true } : { ok: true, data },
  ]
  const clockReply = (): [number, unknown] => [
    200,
    { ok: true, ...clock.toJSON(), data: clock.toJSON() },
  ]
  const routes: Record<string, Handler> = {
    'GET _health': async () => ok(),
    'POST _reset': async () => {
      await reset()
      return ok()
    },
    'GET _personas': async () => ok(demoPersonas),
    'GET _clock': async () => clockReply(),
    'POST _clock': async (req) => {
      const body = parseJsonObject(await readBody(req, 64 * 1024)) ?? {}
      const offset =
        body.offsetMs ??
        (typeof body.advanceMs === 'number' ? clock.offsetMs + body.advanceMs : undefined)
      if (typeof offset !== 'number' || !Number.isFinite(offset)) {
        return [400, failure('INVALID_INPUT', 'offsetMs 必须是毫秒数', 'offsetMs')]
      }
      clock.set(offset)
      return clockReply()
    },
    'POST _timer': async (_req, _url, name) => {
      const fn = registry.get(name)
      if (!fn) return [404, failure('NOT_FOUND', '没有这个云函数')]
      if (fn.config.triggers.length === 0) {
        return [404, failure('NOT_FOUND', '这个云函数没有定时触发器')]
      }
      return ok({ triggers: await invoker.fireTimers(name) })
    },
    'GET _stats': async () => ok({ ...stats.snapshot(), instances: runner.instances() }),
    'POST _stats/reset': async () => {
      stats.reset()
      return ok()
    },
    'GET _outbox': async (_req, url) =>
      ok({ items: outbox.list(url.searchParams.get('touser') ?? undefined) }),
    'POST _outbox/clear': async () => {
      outbox.clear()
      return ok()
    },
    'GET _functions': async () =>
      ok(
        registry
          .list()
          .map((f) => ({ name: f.name, openapi: f.config.openapi, triggers: f.config.triggers }))
      ),
  }
  return (req, url, route) => {
    // `_timer/<fn>` carries its function in the path
    const [head, rest] = route.startsWith('_timer/') ? ['_timer', route.slice(7)] : [route, '']
    return routes[`${req.method} ${head}`]?.(req, url, rest)
  }
}
