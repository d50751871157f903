import type { Clock } from '../clock'
import { cronFiresBetween, parseCron, type Cron } from './cron'
import type { FunctionInfo, FunctionRegistry, TimerTrigger } from './registry'

// Runs timer triggers on their cron schedule in `npm start` mode, on the emulator clock: moving
// the clock forward over a scheduled time fires the trigger once (as if time had passed).

export class TimerScheduler {
  private handle?: NodeJS.Timeout
  private last = 0
  private running = new Set<string>()
  private crons = new Map<string, Cron | null>()

  constructor(
    private registry: FunctionRegistry,
    private clock: Clock,
    private fire: (fn: FunctionInfo, trigger: TimerTrigger) => Promise<void>,
    private warn: (line: string) => void
  ) {}

  start(): void {
    this.last = this.clock.now()
    this.handle = setInterval(() => this.tick(), 1000)
    this.handle.unref()
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle)
    this.handle = undefined
  }

  private cron(source: string): Cron | null {
    if (!this.crons.has(source)) {
      try {
        this.crons.set(source, parseCron(source))
      } catch (e) {
        this.warn(`[timer] cannot parse cron "${source}": ${(e as Error).message}`)
        this.crons.set(source, null)
      }
    }
    return this.crons.get(source) ?? null
  }

  private tick(): void {
    const now = this.clock.now()
    const from = this.last
    this.last = now
    if (now <= from) return // the clock was set back (e.g. _reset): nothing is due
    for (const fn of this.registry.list()) {
      for (const trigger of fn.config.triggers) {
        const cron = this.cron(trigger.config)
        if (!cron || !cronFiresBetween(cron, from, now)) continue
        const key = `${fn.name}/${trigger.name}`
        if (this.running.has(key)) continue // never overlap runs of one trigger
        this.running.add(key)
        this.fire(fn, trigger)
          .catch((e: Error) => this.warn(`[timer] ${key} failed: ${e.message}`))
          .finally(() => this.running.delete(key))
      }
    }
  }
}
