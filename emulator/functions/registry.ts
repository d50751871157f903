import fs from 'node:fs'
import path from 'node:path'

// What the emulator knows about one deployed function folder: `index.js` plus the `config.json`
// that CloudBase reads for open-API permissions and timer triggers.

export interface TimerTrigger {
  name: string
  config: string
  message?: string
}

export interface FunctionConfig {
  openapi: string[]
  triggers: TimerTrigger[]
  /** SCF's per-function timeout, when config.json sets one (seconds there) */
  timeoutMs?: number
}

export interface FunctionInfo {
  name: string
  dir: string
  entry: string
  /** mtime of index.js: a rebuilt function gets fresh instances */
  version: number
  config: FunctionConfig
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/

export function isValidFunctionName(name: string): boolean {
  return NAME.test(name)
}

function readConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json')
  if (!fs.existsSync(file)) return { openapi: [], triggers: [] }
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    permissions?: { openapi?: unknown }
    triggers?: { name?: unknown; type?: unknown; config?: unknown; message?: unknown }[]
    timeout?: unknown
  }
  const openapi = Array.isArray(raw.permissions?.openapi)
    ? raw.permissions.openapi.filter((x): x is string => typeof x === 'string')
    : []
  const triggers: TimerTrigger[] = []
  for (const t of raw.triggers ?? []) {
    if (t.type !== 'timer' || typeof t.name !== 'string' || typeof t.config !== 'string') continue
    triggers.push({
      name: t.name,
      config: t.config,
      ...(typeof t.message === 'string' ? { message: t.message } : {}),
    })
  }
  const timeoutMs =
    typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout * 1000 : undefined
  return { openapi, triggers, ...(timeoutMs ? { timeoutMs } : {}) }
}

/** Looks functions up on disk on every call, so a rebuild while the emulator runs is picked up. */
export class FunctionRegistry {
  private cache = new Map<string, FunctionInfo>()

  constructor(readonly dir: string) {}

  get(name: string): FunctionInfo | undefined {
    if (!isValidFunctionName(name)) return undefined
    const dir = path.join(this.dir, name)
    const entry = path.join(dir, 'index.js')
    let stat: fs.Stats
    try {
      stat = fs.statSync(entry)
    } catch {
      this.cache.delete(name)
      return undefined
    }
    const cached = this.cache.get(name)
    if (cached && cached.version === stat.mtimeMs) return cached
    const info: FunctionInfo = { name, dir, entry, version: stat.mtimeMs, config: readConfig(dir) }
    this.cache.set(name, info)
    return info
  }

  list(): FunctionInfo[] {
    if (!fs.existsSync(this.dir)) return []
    return fs
      .readdirSync(this.dir)
      .sort()
      .map((name) => this.get(name))
      .filter((f): f is FunctionInfo => f !== undefined)
  }
}
