// One function instance, as SCF runs it: a process that loads the function once and then handles
// one invocation at a time. Forked by runner.ts (compiled to plain JS first, so no TS loader is
// needed). Before each invocation it sets the WeChat context in process.env, which is where
// wx-server-sdk's getWXContext() reads it, and shifts Date by the emulator's clock offset.

interface InvokeMessage {
  type: 'invoke'
  id: number
  /** The event as JSON text: parsed here, so an event of any depth arrives (runner.ts). */
  eventJson: string
  context: Record<string, unknown>
  env: Record<string, string | null>
  clockOffset: number
}

type HostReply =
  | { type: 'ready'; loadError?: string }
  | { type: 'result'; id: number; json: string }
  | { type: 'result'; id: number; error: string }

const send = (msg: HostReply): void => {
  process.send?.(msg)
}

// --- clock: every `new Date()` and `Date.now()` in the function sees the emulator's time -----
const RealDate = Date
let clockOffset = 0
const shiftedNow = (): number => RealDate.now() + clockOffset
globalThis.Date = new Proxy(RealDate, {
  construct(target, args: unknown[], newTarget) {
    return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget)
  },
  apply() {
    // `Date()` called as a function returns the current time as a string
    return new RealDate(shiftedNow()).toString()
  },
  get(target, prop, receiver) {
    if (prop === 'now') return shiftedNow
    return Reflect.get(target, prop, receiver)
  },
}) as DateConstructor

// --- load the function once per instance (the cold start) -----------------------------------
type Main = (event: unknown, context: unknown) => unknown
let main: Main | undefined
let loadError: string | undefined
try {
  const entry = process.env.HONGLIN_FUNCTION_ENTRY
  if (!entry) throw new Error('HONGLIN_FUNCTION_ENTRY is not set')
  const mod = require(entry) as { main?: unknown }
  if (typeof mod.main !== 'function') throw new Error(`${entry} does not export main()`)
  main = mod.main as Main
} catch (e) {
  loadError = e instanceof Error ? (e.stack ?? e.message) : String(e)
}

let busy = false

async function invoke(msg: InvokeMessage): Promise<void> {
  if (busy) {
    send({ type: 'result', id: msg.id, error: 'instance is busy (one invocation at a time)' })
    return
  }
  busy = true
  clockOffset = msg.clockOffset
  for (const [key, value] of Object.entries(msg.env)) {
    if (value === null) delete process.env[key]
    else process.env[key] = value
  }
  try {
    if (!main) throw new Error(`function failed to load:\n${loadError}`)
    const event: unknown = JSON.parse(msg.eventJson)
    const result = await main(event, msg.context)
    // SCF returns the JSON encoding of the result; undefined becomes null.
    send({ type: 'result', id: msg.id, json: JSON.stringify(result === undefined ? null : result) })
  } catch (e) {
    send({
      type: 'result',
      id: msg.id,
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    })
  } finally {
    busy = false
  }
}

process.on('message', (msg: InvokeMessage) => {
  if (msg && msg.type === 'invoke') void invoke(msg)
})
// The parent going away ends the instance too.
process.on('disconnect', () => process.exit(0))

send({ type: 'ready', ...(loadError ? { loadError } : {}) })
