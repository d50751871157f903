import fs from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Clock } from './clock'
import { INTERNAL_MESSAGE } from './constants'
import { createDbService, loadManifest, type DbService, type QueryEvent } from './db'
import { createInvoker } from './functions/invoke'
import { FunctionRegistry } from './functions/registry'
import { FunctionRunner, type UnindexedQuery } from './functions/runner'
import { TimerScheduler } from './functions/timers'
import { failure, HttpError, send, short } from './http'
import { Outbox } from './openapi'
import { adminRoutes } from './routes/admin'
import { functionRoutes } from './routes/api'
import { controlRoutes } from './routes/control'
import { serveStatic } from './routes/static'
import { storageRoutes } from './routes/storage'
import { demoData } from './seed'
import { StatsLog } from './stats'
import { CloudStorage } from './storage'

// The local CloudBase: one HTTP server on 127.0.0.1 that serves, one router each (routes/):
//   /admin[/<tag>]  the protocol wx-server-sdk speaks (database and storage JSON, wx.openApi
//                   multipart),
//   /api/<fn>       the local HTTP API of docs/contract.md (runs a function as X-Openid),
//   /api/_upload    the H5 app's file upload,
//   /api/_*         control routes (reset, clock, timers, stats, outbox, personas),
//   /tcb-cos/*, /tcb-file/*  the bytes of cloud storage (SDK uploads, temporary URLs),
//   everything else the H5 build.
// This file builds the parts (database, cloud storage, function runtime in functions/, clock,
// outbox, stats) and dispatches requests; it holds no route logic.

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
  storage: CloudStorage
  stats: StatsLog
  /** what POST /api/_reset does */
  reset(): Promise<void>
  /** invoke a function's timer triggers now, as POST /api/_timer/<fn> does */
  fireTimers(fn: string): Promise<{ name: string; result: unknown }[] | undefined>
  stop(): Promise<void>
}

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

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
  const storage = new CloudStorage(
    dataDir,
    () => clock.now(),
    () => baseUrl
  )
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
    storage.clear()
  }

  const invoker = createInvoker({ runner, registry, stats, clock, log })
  const admin = adminRoutes({ db, runner, clock, outbox, storage, log })
  const callFunction = functionRoutes({ registry, invoker })
  const files = storageRoutes({ storage, runner })
  const control = controlRoutes({ clock, registry, runner, invoker, stats, outbox, reset })

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let route = url.pathname.slice('/api/'.length)
    try {
      route = decodeURIComponent(route)
    } catch {
      // a malformed escape simply names nothing
    }
    if (!route.startsWith('_')) return callFunction(req, res, route)
    if (route === '_upload') return files.upload(req, res)
    const reply = control(req, url, route)
    if (!reply) return send(res, 404, failure('NOT_FOUND', '没有这个接口'))
    const [status, body] = await reply
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
      'x-db-roundtrips, x-db-unindexed, x-openapi-calls, x-storage-calls, x-duration-ms'
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
    const adminPath = /^\/admin(?:\/([^/]+))?\/?$/.exec(url.pathname)
    if (adminPath) {
      if (req.method !== 'POST')
        return send(res, 405, { code: 'INVALID_METHOD', message: 'POST only' })
      return admin(req, res, adminPath[1] ? decodeURIComponent(adminPath[1]) : undefined)
    }
    if (isApi) return handleApi(req, res, url)
    if (await files.bytes(req, res, url)) return
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
          const result = await invoker.fireTimer(fn, trigger)
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
    storage,
    stats,
    reset,
    fireTimers: invoker.fireTimers,
    stop,
  }
}
