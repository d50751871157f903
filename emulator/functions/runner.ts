import { fork, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { buildSync } from 'esbuild'
import type { Clock } from '../clock'
import { APP_ID, ENV_ID } from '../constants'
import { toJson } from './event-json'
import type { FunctionInfo } from './registry'

// Runs cloud functions the way SCF does: per function a pool of instances (child processes),
// each handling ONE invocation at a time, grown on demand up to a cap, with a queue beyond it.
// Every invocation gets its own WX context and its own /admin URL tag, so database round trips
// and open-API calls can be attributed to the invocation that made them.

const WX_CONTEXT_KEYS = [
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_API_TOKEN',
  'WX_CLOUDBASE_ACCESSTOKEN',
  'WX_TRIGGER_API_TOKEN_V0',
].join(',')
/** what SCF caps a function's result at (-604001 in production) */
const MAX_RESULT_BYTES = 1024 * 1024

export interface UnindexedQuery {
  fn?: string
  action?: string
  collection: string
  queryAction: string
  reason?: string
  query?: unknown
  order?: unknown
  at: string
}

/** One call of `main`, from the moment it is queued until it answers. */
export class Invocation {
  roundTrips = 0
  openapiCalls = 0
  /** cloud storage requests: SDK calls through /admin and the uploads and downloads they make */
  storageCalls = 0
  unindexed: UnindexedQuery[] = []
  tag = ''
  readonly queuedAt = Date.now()
  startedAt = 0

  constructor(
    readonly fn: FunctionInfo,
    readonly action: string | undefined,
    readonly requestId: string
  ) {}
}

export type Outcome =
  | { ok: true; json: string; invocation: Invocation; ms: number }
  | {
      ok: false
      reason: 'threw' | 'timeout' | 'crashed' | 'too-large'
      detail: string
      invocation: Invocation
      ms: number
    }

export interface Caller {
  /** null: no identity (a timer, or an HTTP call without X-Openid) */
  openid: string | null
  trigger?: 'timer'
}

export interface RunnerOptions {
  /** base URL of the emulator's /admin endpoint (known once the server listens) */
  adminUrl: () => string
  clock: Clock
  maxInstances?: number
  timeoutMs?: number
  /** where instance stdout/stderr lines go */
  log?: (line: string) => void
}

interface Pending {
  invocation: Invocation
  event: unknown
  caller: Caller
  resolve: (o: Outcome) => void
}

type HostMessage =
  | { type: 'ready'; loadError?: string }
  | { type: 'result'; id: number; json?: string; error?: string }

let instanceSeq = 0
let invocationSeq = 0

class Instance {
  state: 'starting' | 'idle' | 'busy' | 'dead' = 'starting'
  current?: { pending: Pending; timer: NodeJS.Timeout; id: number }
  readonly id: string

  constructor(
    readonly child: ChildProcess,
    readonly version: number,
    fn: string
  ) {
    this.id = `${fn}.${++instanceSeq}`
  }
}

class Pool {
  instances: Instance[] = []
  queue: Pending[] = []
  constructor(public fn: FunctionInfo) {}
}

let compiledHost: string | undefined

/** The host is TypeScript; compile it once to plain JS so instances start without a TS loader. */
function hostScript(): string {
  if (compiledHost && fs.existsSync(compiledHost)) return compiledHost
  const source = path.join(__dirname, 'function-host.ts')
  const text = fs.readFileSync(source)
  const hash = crypto.createHash('sha1').update(text).digest('hex').slice(0, 12)
  const dir = path.join(os.tmpdir(), 'honglin-emulator')
  const out = path.join(dir, `function-host-${hash}.cjs`)
  if (!fs.existsSync(out)) {
    fs.mkdirSync(dir, { recursive: true })
    const tmp = `${out}.${process.pid}.tmp`
    buildSync({
      entryPoints: [source],
      outfile: tmp,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      bundle: true,
      logLevel: 'error',
    })
    fs.renameSync(tmp, out) // atomic, so parallel test workers never load a half-written file
  }
  compiledHost = out
  return out
}

/** Environment of a fresh instance: the inherited one minus anything that could confuse the SDK. */
function baseEnv(fn: FunctionInfo, adminUrl: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(WX_|TCB_|TENCENTCLOUD|SCF_|NODE_OPTIONS$|TRIGGER_SRC$)/.test(k)) continue
    env[k] = v
  }
  return {
    ...env,
    // Points the real wx-server-sdk at the emulator (see docs/architecture.md §10.4): no network, no probe.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: ENV_ID,
    SCF_FUNCTIONNAME: fn.name,
    SCF_FUNCTIONVERSION: '$LATEST',
    WX_CONTEXT_KEYS,
    WX_APPID: APP_ID,
    // SCF instances run in UTC; code that forgets Asia/Shanghai should fail here too.
    TZ: 'UTC',
    HONGLIN_FUNCTION_ENTRY: fn.entry,
  }
}

/** The per-invocation part of the environment; null deletes the variable. */
function invocationEnv(
  caller: Caller,
  adminUrl: string,
  tag: string
): Record<string, string | null> {
  const timer = caller.trigger === 'timer'
  return {
    WX_OPENID: timer ? null : (caller.openid ?? ''),
    WX_APPID: APP_ID,
    WX_UNIONID: null,
    WX_CLIENTIP: timer ? null : '127.0.0.1',
    WX_CLIENTIPV6: timer ? null : '::ffff:127.0.0.1',
    WX_API_TOKEN: 'local-token',
    WX_CLOUDBASE_ACCESSTOKEN: null,
    WX_TRIGGER_API_TOKEN_V0: timer ? 'local-token' : null,
    TRIGGER_SRC: timer ? 'timer' : null,
    TCB_SOURCE: timer ? null : 'wx_client',
    // The SDK reads this on every request, so each invocation gets its own /admin/<tag> path.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${adminUrl}/${tag}` }),
  }
}

export class FunctionRunner {
  private pools = new Map<string, Pool>()
  private active = new Map<string, Invocation>()
  private stopping = false
  readonly maxInstances: number
  readonly timeoutMs: number
  private log: (line: string) => void

  constructor(private opts: RunnerOptions) {
    this.maxInstances = opts.maxInstances ?? 8
    this.timeoutMs = opts.timeoutMs ?? 20_000
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`))
  }

  /** The invocation a `/admin/<tag>` request belongs to, if it is still running. */
  invocationForTag(tag: string | undefined): Invocation | undefined {
    return tag ? this.active.get(tag) : undefined
  }

  /** The function whose instance sent a `/admin/<tag>` request, even after the invocation ended. */
  functionForTag(tag: string | undefined): FunctionInfo | undefined {
    if (!tag) return undefined
    return this.active.get(tag)?.fn ?? this.pools.get(tag.split('.')[0])?.fn
  }

  invoke(fn: FunctionInfo, event: unknown, caller: Caller, action?: string): Promise<Outcome> {
    const invocation = new Invocation(fn, action, crypto.randomUUID())
    if (this.stopping) {
      return Promise.resolve({
        ok: false,
        reason: 'crashed',
        detail: 'emulator is stopping',
        invocation,
        ms: 0,
      })
    }
    let pool = this.pools.get(fn.name)
    if (!pool) {
      pool = new Pool(fn)
      this.pools.set(fn.name, pool)
    }
    if (pool.fn.version !== fn.version) this.retireOldInstances(pool, fn)
    return new Promise<Outcome>((resolve) => {
      pool.queue.push({ invocation, event, caller, resolve })
      this.pump(pool)
    })
  }

  /** A rebuilt function: idle instances go now, busy ones when they finish. */
  private retireOldInstances(pool: Pool, fn: FunctionInfo): void {
    pool.fn = fn
    for (const inst of [...pool.instances]) {
      if (inst.version !== fn.version && inst.state !== 'busy') this.kill(pool, inst)
    }
  }

  private pump(pool: Pool): void {
    for (const inst of pool.instances) {
      if (pool.queue.length === 0) break
      if (inst.state === 'idle') this.start(pool, inst, pool.queue.shift() as Pending)
    }
    const starting = pool.instances.filter((i) => i.state === 'starting').length
    let missing = pool.queue.length - starting
    while (missing > 0 && pool.instances.length < this.maxInstances) {
      this.spawn(pool)
      missing--
    }
  }

  private spawn(pool: Pool): void {
    const fn = pool.fn
    const child = fork(hostScript(), [], {
      cwd: fn.dir,
      env: baseEnv(fn, this.opts.adminUrl()) as NodeJS.ProcessEnv,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    })
    const inst = new Instance(child, fn.version, fn.name)
    pool.instances.push(inst)
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue
      readline
        .createInterface({ input: stream })
        .on('line', (line) => this.log(`[${inst.id}] ${line}`))
    }
    child.on('message', (msg: HostMessage) => this.onMessage(pool, inst, msg))
    child.on('error', (err) => this.log(`[${inst.id}] process error: ${err.message}`))
    child.on('exit', (code, signal) => this.onExit(pool, inst, code, signal))
  }

  private onMessage(pool: Pool, inst: Instance, msg: HostMessage): void {
    if (msg.type === 'ready') {
      if (msg.loadError) this.log(`[${inst.id}] function failed to load: ${msg.loadError}`)
      if (inst.state === 'starting') inst.state = 'idle'
      this.pump(pool)
      return
    }
    if (msg.type === 'result' && inst.current && inst.current.id === msg.id) {
      const { pending } = inst.current
      const inv = pending.invocation
      const ms = Date.now() - inv.startedAt
      if (msg.json !== undefined) {
        const bytes = Buffer.byteLength(msg.json)
        if (bytes > MAX_RESULT_BYTES) {
          this.finish(pool, inst, {
            ok: false,
            reason: 'too-large',
            detail: `result is ${bytes} bytes; CloudBase rejects results over 1 MB (-604001)`,
            invocation: inv,
            ms,
          })
        } else {
          this.finish(pool, inst, { ok: true, json: msg.json, invocation: inv, ms })
        }
      } else {
        this.finish(pool, inst, {
          ok: false,
          reason: 'threw',
          detail: msg.error ?? 'unknown error',
          invocation: inv,
          ms,
        })
      }
    }
  }

  private onExit(pool: Pool, inst: Instance, code: number | null, signal: string | null): void {
    const wasStarting = inst.state === 'starting'
    inst.state = 'dead'
    pool.instances = pool.instances.filter((i) => i !== inst)
    if (inst.current) {
      const inv = inst.current.pending.invocation
      this.finish(pool, inst, {
        ok: false,
        reason: 'crashed',
        detail: `instance exited (code ${code}, signal ${signal}) during the invocation`,
        invocation: inv,
        ms: Date.now() - inv.startedAt,
      })
      return
    }
    if (wasStarting && !this.stopping && pool.queue.length > 0) {
      // A host that dies before it is ready would be respawned forever: fail one waiting call.
      const pending = pool.queue.shift() as Pending
      this.log(`[${inst.id}] instance exited before it was ready (code ${code}, signal ${signal})`)
      pending.resolve({
        ok: false,
        reason: 'crashed',
        detail: 'instance failed to start',
        invocation: pending.invocation,
        ms: 0,
      })
    }
    if (!this.stopping) this.pump(pool)
  }

  private start(pool: Pool, inst: Instance, pending: Pending): void {
    const inv = pending.invocation
    const id = ++invocationSeq
    inv.tag = `${inst.id}.${id}`
    inv.startedAt = Date.now()
    this.active.set(inv.tag, inv)
    inst.state = 'busy'
    const timeoutMs = pool.fn.config.timeoutMs ?? this.timeoutMs
    const timer = setTimeout(() => {
      this.finish(pool, inst, {
        ok: false,
        reason: 'timeout',
        detail: `invocation exceeded ${timeoutMs} ms`,
        invocation: inv,
        ms: Date.now() - inv.startedAt,
      })
      // Like SCF after a timeout: the instance is not reused.
      this.kill(pool, inst)
    }, timeoutMs)
    inst.current = { pending, timer, id }
    const env = invocationEnv(pending.caller, this.opts.adminUrl(), inv.tag)
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
      request_id: inv.requestId,
      function_name: pool.fn.name,
      function_version: '$LATEST',
      namespace: ENV_ID,
      tencentcloud_region: 'ap-shanghai',
      environment: JSON.stringify(
        Object.fromEntries(
          Object.entries({ ...env, WX_CONTEXT_KEYS, SCF_NAMESPACE: ENV_ID }).filter(
            ([, v]) => v !== null
          )
        )
      ),
    }
    try {
      // The event goes as JSON text, at any depth (see event-json.ts); the instance parses it.
      inst.child.send({
        type: 'invoke',
        id,
        eventJson: toJson(pending.event),
        context,
        env,
        clockOffset: this.opts.clock.offsetMs,
      })
    } catch (e) {
      // Never leave the instance busy, nor throw into whoever pumped the queue.
      this.finish(pool, inst, {
        ok: false,
        reason: 'crashed',
        detail: `could not hand the event to the instance: ${(e as Error).message}`,
        invocation: inv,
        ms: Date.now() - inv.startedAt,
      })
    }
  }

  private finish(pool: Pool, inst: Instance, outcome: Outcome): void {
    const current = inst.current
    if (!current || current.pending.invocation !== outcome.invocation) return
    clearTimeout(current.timer)
    inst.current = undefined
    this.active.delete(outcome.invocation.tag)
    if (inst.state === 'busy') {
      inst.state = 'idle'
      if (inst.version !== pool.fn.version) this.kill(pool, inst)
    }
    current.pending.resolve(outcome)
    if (!this.stopping) this.pump(pool)
  }

  private kill(pool: Pool, inst: Instance): void {
    if (inst.state === 'dead') return
    inst.state = 'dead'
    pool.instances = pool.instances.filter((i) => i !== inst)
    inst.child.kill('SIGKILL')
  }

  /** Instance counts per function, for /api/_stats. */
  instances(): Record<string, { instances: number; busy: number; queued: number }> {
    const out: Record<string, { instances: number; busy: number; queued: number }> = {}
    for (const [name, pool] of this.pools) {
      out[name] = {
        instances: pool.instances.length,
        busy: pool.instances.filter((i) => i.state === 'busy').length,
        queued: pool.queue.length,
      }
    }
    return out
  }

  async stop(): Promise<void> {
    this.stopping = true
    const exits: Promise<void>[] = []
    for (const pool of this.pools.values()) {
      for (const pending of pool.queue.splice(0)) {
        pending.resolve({
          ok: false,
          reason: 'crashed',
          detail: 'emulator is stopping',
          invocation: pending.invocation,
          ms: 0,
        })
      }
      for (const inst of pool.instances) {
        const child = inst.child
        if (child.exitCode !== null || child.signalCode !== null) continue
        exits.push(new Promise<void>((resolve) => child.once('exit', () => resolve())))
        child.kill('SIGKILL')
      }
    }
    await Promise.all(exits)
  }
}
