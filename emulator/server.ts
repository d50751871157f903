import crypto from 'node:crypto'
import fs from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Clock } from './clock'
import { APP_ID, INTERNAL_MESSAGE } from './constants'
import { createDbService, loadManifest, type DbService, type QueryEvent } from './db'
import { FunctionRegistry, type FunctionInfo, type TimerTrigger } from './functions'
import { handleWxOpenApi, isMultipart, Outbox, parseMultipart } from './openapi'
import { FunctionRunner, type Outcome, type UnindexedQuery } from './runner'
import { demoData, demoPersonas } from './seed'
import { serveStatic } from './static'
import { StatsLog } from './stats'
import { TimerScheduler } from './timers'

// The local CloudBase: one HTTP server on 127.0.0.1 that serves
//   /admin[/<tag>]  the protocol wx-server-sdk speaks (database JSON, wx.openApi multipart),
//   /api/<fn>       the local HTTP API of DESIGN §5 (runs a function as X-Openid),
//   /api/_*         dev endpoints (reset, clock, timers, stats, outbox, personas),
//   everything else the H5 build.

export const REPO_ROOT = path.resolve(__dirname, '..')

export interface EmulatorOptions {
  /** 0 picks a free port */
  port?: number
  /** default: a fresh temporary folder */
  dataDir?: string
  /** default: cloudfunctions/dist */
  functionsDir?: string
  /** default: dist/h5 */
  staticDir?: string
  /** a manifest folder or one file; default: cloudfunctions/db/collections/ */
  manifestFile?: string
  /** run timer triggers on their cron schedule (npm start); default false */
  timers?: boolean
  /** load the demo data when the store is empty; default true */
  seed?: boolean
  /** instances per function (SCF grows a pool per function); default 8 */
  maxInstances?: number
  /** per invocation, like SCF's function timeout; default 20 s */
  timeoutMs?: number
  /** where warnings and function output go; default stderr */
  log?: (line: string) => void
  /** called for every query that no index served */
  onUnindexed?: (query: UnindexedQuery) => void
}

export interface Emulator {
  url: string
  port: number
  dataDir: string
  functionsDir: string
  db: DbService
  clock: Clock
  runner: FunctionRunner
  outbox: Outbox
  stats: StatsLog
  /** what POST /api/_reset does */
  reset(): Promise<void>
  /** invoke a function's timer triggers now, as POST /api/_timer/<fn> does */
  fireTimers(fn: string): Promise<{ name: string; result: unknown }[] | undefined>
  stop(): Promise<void>
}

type Envelope =
  | { ok: true; [k: string]: unknown }
  | { ok: false; error: { code: string; message: string; field?: string } }

const failure = (code: string, message: string, field?: string): Envelope => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}) },
})

const INTERNAL = JSON.stringify(failure('INTERNAL', INTERNAL_MESSAGE))

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    req.on('data', (d: Buffer) => {
      size += d.length
      if (size > limit) {
        reject(new HttpError(413, 'request body too large'))
        req.destroy()
        return
      }
      parts.push(d)
    })
    req.on('end', () => resolve(Buffer.concat(parts)))
    req.on('error', reject)
  })
}

function send(
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

function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // not JSON
  }
  return undefined
}

const short = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined ? '' : text.length > 300 ? `${text.slice(0, 300)}…` : text
}

function unindexedEntry(event: QueryEvent, fn?: string, action?: string): UnindexedQuery {
  const entry: UnindexedQuery = {
    collection: event.collection,
    queryAction: event.action,
    at: new Date().toISOString(),
  }
  if (fn) entry.fn = fn
  if (action) entry.action = action
  if (event.reason) entry.reason = event.reason
  if (event.query !== undefined) entry.query = event.query
  if (event.order !== undefined) entry.order = event.order
  return entry
}

export function describeUnindexed(q: UnindexedQuery): string {
  const where = q.fn ? `in ${q.fn}${q.action ? `.${q.action}` : ''}: ` : ''
  const order = q.order !== undefined ? ` order ${short(q.order)}` : ''
  const reason = q.reason ? ` (${q.reason})` : ''
  return `${where}${q.collection} ${q.queryAction} ${short(q.query)}${order}${reason}`
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const createdDataDir = !opts.dataDir
  const dataDir = path.resolve(
    opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-emu-'))
  )
  fs.mkdirSync(dataDir, { recursive: true })
  const functionsDir = path.resolve(
    opts.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions', 'dist')
  )
  const staticDir = path.resolve(opts.staticDir ?? path.join(REPO_ROOT, 'dist', 'h5'))

  const clock = new Clock()
  const registry = new FunctionRegistry(functionsDir)
  const stats = new StatsLog()
  const outbox = new Outbox(dataDir)
  let baseUrl = '' // known once the server listens; instances fork only after that
  const runner = new FunctionRunner({
    adminUrl: () => `${baseUrl}/admin`,
    clock,
    maxInstances: opts.maxInstances,
    timeoutMs: opts.timeoutMs,
    log,
  })

  const onQuery = (event: QueryEvent, tag: string | undefined): void => {
    if (event.served) return
    const invocation = runner.invocationForTag(tag)
    const entry = unindexedEntry(event, runner.functionForTag(tag)?.name, invocation?.action)
    if (invocation) invocation.unindexed.push(entry)
    else stats.recordStray(entry)
    log(`[emulator] UNINDEXED query ${describeUnindexed(entry)}`)
    opts.onUnindexed?.(entry)
  }

  const db = await createDbService({
    dataDir,
    manifest: loadManifest(opts.manifestFile),
    now: () => clock.now(),
    onQuery,
  })
  if ((opts.seed ?? true) && (await db.isEmpty()))
    await db.resetAll(demoData(new Date(clock.now())))

  const reset = async (): Promise<void> => {
    clock.set(0)
    await db.resetAll(demoData(new Date(clock.now())))
    outbox.clear()
  }

  /** Runs one invocation and turns failures into the INTERNAL envelope, as the router would. */
  const run = async (
    fn: FunctionInfo,
    event: unknown,
    openid: string | null,
    label: string,
    trigger?: 'timer'
  ): Promise<{ json: string; outcome: Outcome }> => {
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

  const fireTimer = async (fn: FunctionInfo, trigger: TimerTrigger): Promise<unknown> => {
    const event = {
      Type: 'Timer',
      TriggerName: trigger.name,
      Time: new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(trigger.message !== undefined ? { Message: trigger.message } : {}),
    }
    const { json } = await run(fn, event, null, `timer:${trigger.name}`, 'timer')
    return JSON.parse(json) as unknown
  }

  const fireTimers = async (name: string) => {
    const fn = registry.get(name)
    if (!fn) return undefined
    const triggers: { name: string; result: unknown }[] = []
    for (const trigger of fn.config.triggers) {
      triggers.push({ name: trigger.name, result: await fireTimer(fn, trigger) })
    }
    return triggers
  }

  // --- /admin: what wx-server-sdk sends --------------------------------------------------------
  const handleAdmin = async (
    req: IncomingMessage,
    res: ServerResponse,
    tag: string | undefined
  ) => {
    const raw = await readBody(req, 20 * 1024 * 1024)
    const invocation = runner.invocationForTag(tag)
    if (isMultipart(req.headers)) {
      const fields = await parseMultipart(req.headers, raw)
      const action = fields.get('action')?.toString('utf8')
      if (action !== 'wx.openApi') {
        send(res, 200, {
          requestId: crypto.randomUUID(),
          code: 'INVALID_ACTION',
          message: `${action} is not available in the emulator`,
        })
        return
      }
      if (invocation) invocation.openapiCalls++
      const { body } = handleWxOpenApi({
        fields,
        fn: runner.functionForTag(tag),
        ctx: { now: () => clock.now(), outbox },
        warn: log,
      })
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': body.length,
      })
      res.end(body)
      return
    }
    const body = parseJsonObject(raw)
    if (!body) {
      send(res, 200, {
        requestId: crypto.randomUUID(),
        code: 'INVALID_PARAM',
        message: 'body is not a JSON object',
      })
      return
    }
    if (invocation) invocation.roundTrips++
    let reply: Record<string, unknown>
    try {
      reply = await db.handle(body, tag)
    } catch (e) {
      log(`[emulator] /admin ${String(body.action)} failed: ${(e as Error).stack ?? String(e)}`)
      reply = { requestId: crypto.randomUUID(), code: 'SYS_ERR', message: (e as Error).message }
    }
    send(res, 200, reply)
  }

  // --- /api: the local HTTP API ------------------------------------------------------------------
  const handleFunctionCall = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    const fn = registry.get(name)
    if (!fn) {
      send(res, 404, failure('NOT_FOUND', '没有这个云函数'))
      return
    }
    if (req.method !== 'POST') {
      send(res, 405, failure('INVALID_INPUT', '请用 POST 调用云函数'), { allow: 'POST' })
      return
    }
    const body = parseJsonObject(await readBody(req, 6 * 1024 * 1024))
    if (!body) {
      send(res, 200, failure('INVALID_INPUT', '请求格式不正确', 'body'))
      return
    }
    const header = req.headers['x-openid']
    const openid = (Array.isArray(header) ? header[0] : header)?.trim() || null
    // The event is the caller's data; callFunction adds userInfo, and never lets the caller set it.
    const event: Record<string, unknown> = { ...body }
    delete event.userInfo
    if (openid) event.userInfo = { appId: APP_ID, openId: openid }
    const label = typeof body.action === 'string' ? body.action : '(no action)'
    const { json, outcome } = await run(fn, event, openid, label)
    send(res, 200, json, {
      'x-db-roundtrips': outcome.invocation.roundTrips,
      'x-db-unindexed': outcome.invocation.unindexed.length,
      'x-openapi-calls': outcome.invocation.openapiCalls,
      'x-duration-ms': outcome.ms,
    })
  }

  // Dev endpoints: "METHOD /api/<route>" → handler answering [status, body].
  type DevRoute = (req: IncomingMessage, url: URL, rest: string) => Promise<[number, unknown]>
  const ok = (data?: unknown): [number, unknown] => [
    200,
    data === undefined ? { ok: true } : { ok: true, data },
  ]
  const clockReply = (): [number, unknown] => [
    200,
    { ok: true, ...clock.toJSON(), data: clock.toJSON() },
  ]
  const devRoutes: Record<string, DevRoute> = {
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
      return ok({ triggers: await fireTimers(name) })
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

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let route = url.pathname.slice('/api/'.length)
    try {
      route = decodeURIComponent(route)
    } catch {
      // a malformed escape simply names nothing
    }
    if (!route.startsWith('_')) return handleFunctionCall(req, res, route)
    // `_timer/<fn>` carries its function in the path
    const [head, rest] = route.startsWith('_timer/') ? ['_timer', route.slice(7)] : [route, '']
    const devRoute = devRoutes[`${req.method} ${head}`]
    if (!devRoute) return send(res, 404, failure('NOT_FOUND', '没有这个接口'))
    const [status, body] = await devRoute(req, url, rest)
    send(res, status, body)
  }

  const allowLocalOrigin = (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin
    if (!origin || !LOCAL_ORIGIN.test(origin)) return false
    // the H5 dev server (another local port) may call the API; other sites may not
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-headers', 'content-type, x-openid')
    res.setHeader(
      'access-control-expose-headers',
      'x-db-roundtrips, x-db-unindexed, x-openapi-calls, x-duration-ms'
    )
    res.setHeader('vary', 'origin')
    return true
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const isApi = url.pathname.startsWith('/api/')
    if (isApi && allowLocalOrigin(req, res) && req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET, POST' })
      res.end()
      return
    }
    const admin = /^\/admin(?:\/([^/]+))?\/?$/.exec(url.pathname)
    if (admin) {
      if (req.method !== 'POST')
        return send(res, 405, { code: 'INVALID_METHOD', message: 'POST only' })
      return handleAdmin(req, res, admin[1] ? decodeURIComponent(admin[1]) : undefined)
    }
    if (isApi) return handleApi(req, res, url)
    serveStatic(staticDir, req, res, url.pathname)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500
      if (status === 500)
        log(`[emulator] ${req.method} ${req.url} failed: ${(e as Error).stack ?? String(e)}`)
      if (!res.headersSent)
        send(
          res,
          status,
          failure(
            status === 413 ? 'INVALID_INPUT' : 'INTERNAL',
            status === 413 ? '请求内容太大' : INTERNAL_MESSAGE
          )
        )
      else res.end()
    })
  })
  // Longer than the SDK's keep-alive agent (4.8 s free-socket timeout): it closes first, so it
  // never reuses a socket the server is closing.
  server.keepAliveTimeout = 30_000

  const requestedPort = opts.port ?? 0
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`

  const scheduler = opts.timers
    ? new TimerScheduler(
        registry,
        clock,
        async (fn, trigger) => {
          const result = await fireTimer(fn, trigger)
          log(`[timer] ${fn.name}/${trigger.name} → ${short(result)}`)
        },
        log
      )
    : undefined
  scheduler?.start()

  let stopped = false
  const stop = async (): Promise<void> => {
    if (stopped) return
    stopped = true
    scheduler?.stop()
    await runner.stop()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
    await db.close()
    if (createdDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }

  return {
    url: baseUrl,
    port,
    dataDir,
    functionsDir,
    db,
    clock,
    runner,
    outbox,
    stats,
    reset,
    fireTimers,
    stop,
  }
}
