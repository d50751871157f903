import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { OutboxMessage } from '../../emulator/openapi/outbox'
import type { UnindexedQuery } from '../../emulator/functions/runner'
import {
  describeUnindexed,
  REPO_ROOT,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../emulator/server'

// The emulator for jest: a fresh data folder with the demo data, timers off, and calls that go
// through the local HTTP API exactly as the H5 app makes them.
//
//   const emu = await startTestEmulator()
//   afterAll(() => emu.stop())
//   afterEach(() => expectAllQueriesIndexed(emu))
//   const res = await emu.call('wish', 'demo-resident-1', 'create', { title: '…' })

/** Test code reads arbitrary JSON shapes; one loose type instead of casts in every test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export type Envelope<T = Json> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } }

export interface RawResponse {
  status: number
  /** parsed JSON, or the text when the body is not JSON */
  body: Json
  text: string
  headers: http.IncomingHttpHeaders
}

export interface CallStats<T = Json> {
  result: Envelope<T>
  roundTrips: number
  unindexed: number
  ms: number
}

export interface TestEmulator {
  readonly url: string
  readonly port: number
  readonly dataDir: string
  /** the running emulator (db, clock, runner, outbox, stats) */
  readonly emulator: Emulator
  /** database round trips of the last call (X-Db-Roundtrips) */
  readonly lastRoundTrips: number
  call<T = Json>(
    fn: string,
    openid: string | null,
    action: string,
    input?: unknown,
    requestId?: string
  ): Promise<Envelope<T>>
  callWithStats<T = Json>(
    fn: string,
    openid: string | null,
    action: string,
    input?: unknown,
    requestId?: string
  ): Promise<CallStats<T>>
  callRaw(fn: string, openid: string | null, rawBody: string): Promise<RawResponse>
  request(
    method: string,
    urlPath: string,
    body?: unknown,
    headers?: Record<string, string>
  ): Promise<RawResponse>
  reset(): Promise<void>
  /** how far the emulator clock runs ahead of real time */
  setClock(offsetMs: number): Promise<{ offsetMs: number; now: string }>
  advanceClock(ms: number): Promise<{ offsetMs: number; now: string }>
  fireTimer(fn: string): Promise<{ name: string; result: Json }[]>
  outbox(touser?: string): Promise<OutboxMessage[]>
  stats(): Promise<Json>
  /** every query no index served since the harness started (across restarts) */
  unindexedQueries(): UnindexedQuery[]
  clearUnindexedQueries(): void
  /** stop and start again on the same data folder, to test persistence */
  restart(): Promise<void>
  stop(): Promise<void>
}

export interface TestEmulatorOptions extends Omit<EmulatorOptions, 'port' | 'onUnindexed'> {
  /** keep the data folder after stop() (default: removed if the harness created it) */
  keepDataDir?: boolean
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

function httpRequest(
  base: string,
  method: string,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {}
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${urlPath}`,
      {
        method,
        agent,
        headers: {
          ...(body !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(body)),
              }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (d: Buffer) => parts.push(d))
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8')
          let parsed: unknown = text
          try {
            parsed = JSON.parse(text)
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text, headers: res.headers })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

function functionsDirOrFail(dir: string): string {
  if (!fs.existsSync(dir)) {
    throw new Error(`No cloud functions in ${dir}: run \`npm run build:functions\` first.`)
  }
  return dir
}

export async function startTestEmulator(opts: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const ownDataDir = !opts.dataDir
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-test-'))
  const unindexed: UnindexedQuery[] = []
  const options: EmulatorOptions = {
    ...opts,
    port: 0,
    dataDir,
    timers: opts.timers ?? false,
    seed: opts.seed ?? true,
    onUnindexed: (q) => unindexed.push(q),
  }
  functionsDirOrFail(opts.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions', 'dist'))
  let emu = await startEmulator(options)
  let lastRoundTrips = 0

  const api = (method: string, urlPath: string, body?: unknown, headers?: Record<string, string>) =>
    httpRequest(
      emu.url,
      method,
      urlPath,
      body === undefined ? undefined : JSON.stringify(body),
      headers
    )

  const ok = <T>(res: RawResponse, what: string): T => {
    if (res.status !== 200 || !res.body?.ok) {
      throw new Error(`${what} failed: HTTP ${res.status} ${res.text}`)
    }
    return res.body.data as T
  }

  const callRaw = async (fn: string, openid: string | null, rawBody: string) => {
    const res = await httpRequest(
      emu.url,
      'POST',
      `/api/${encodeURIComponent(fn)}`,
      rawBody,
      openid ? { 'x-openid': openid } : {}
    )
    lastRoundTrips = Number(res.headers['x-db-roundtrips'] ?? 0)
    return res
  }

  const callWithStats = async <T>(
    fn: string,
    openid: string | null,
    action: string,
    input?: unknown,
    requestId?: string
  ): Promise<CallStats<T>> => {
    const body: Record<string, unknown> = { action }
    if (input !== undefined) body.input = input
    if (requestId !== undefined) body.requestId = requestId
    const res = await callRaw(fn, openid, JSON.stringify(body))
    if (res.status !== 200 || typeof res.body !== 'object') {
      throw new Error(`${fn}.${action}: HTTP ${res.status} ${res.text}`)
    }
    return {
      result: res.body as Envelope<T>,
      roundTrips: Number(res.headers['x-db-roundtrips'] ?? 0),
      unindexed: Number(res.headers['x-db-unindexed'] ?? 0),
      ms: Number(res.headers['x-duration-ms'] ?? 0),
    }
  }

  const harness: TestEmulator = {
    get url() {
      return emu.url
    },
    get port() {
      return emu.port
    },
    dataDir,
    get emulator() {
      return emu
    },
    get lastRoundTrips() {
      return lastRoundTrips
    },
    async call<T>(
      fn: string,
      openid: string | null,
      action: string,
      input?: unknown,
      requestId?: string
    ) {
      return (await callWithStats<T>(fn, openid, action, input, requestId)).result
    },
    callWithStats,
    callRaw,
    request: api,
    async reset() {
      ok(await api('POST', '/api/_reset', {}), 'reset')
    },
    async setClock(offsetMs: number) {
      return ok(await api('POST', '/api/_clock', { offsetMs }), 'setClock')
    },
    async advanceClock(ms: number) {
      return ok(await api('POST', '/api/_clock', { advanceMs: ms }), 'advanceClock')
    },
    async fireTimer(fn: string) {
      return ok<{ triggers: { name: string; result: Json }[] }>(
        await api('POST', `/api/_timer/${encodeURIComponent(fn)}`, {}),
        `fireTimer(${fn})`
      ).triggers
    },
    async outbox(touser?: string) {
      const qs = touser ? `?touser=${encodeURIComponent(touser)}` : ''
      return ok<{ items: OutboxMessage[] }>(await api('GET', `/api/_outbox${qs}`), 'outbox').items
    },
    async stats() {
      return ok(await api('GET', '/api/_stats'), 'stats')
    },
    unindexedQueries: () => [...unindexed],
    clearUnindexedQueries: () => {
      unindexed.length = 0
    },
    async restart() {
      await emu.stop()
      emu = await startEmulator(options)
    },
    async stop() {
      await emu.stop()
      if (ownDataDir && !opts.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return harness
}

/** Cloud tests fail on any query that no index served (call it in afterEach or afterAll). */
export function expectAllQueriesIndexed(emu: TestEmulator): void {
  const queries = emu.unindexedQueries()
  if (queries.length === 0) return
  const lines = queries.map((q) => `  ${describeUnindexed(q)}`)
  emu.clearUnindexedQueries() // report each query once
  throw new Error(
    `${queries.length} database quer${queries.length === 1 ? 'y was' : 'ies were'} not served by an index ` +
      `(add an index in cloudfunctions/db/collections/<domain>.json or change the query):\n${lines.join('\n')}`
  )
}
