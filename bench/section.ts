// What a domain contributes to the bench (bench/<domain>.ts, registered in bench/sections.ts):
// the reads whose cost may grow with the data, a journey through its actions on the demo
// personas (round trips per action, each state change with a requestId as the app sends it), and
// its share of the concurrency mix.
import type { Dataset } from './dataset'

export interface Call {
  who: string
  action: string
  input?: unknown
  /** a state change: the app sends a requestId with it */
  change?: boolean
}

export interface JourneyStep extends Call {
  /** input built from the ids kept by earlier steps */
  inputFrom?: (ids: Record<string, string>) => unknown
  /** keeps an id from the reply's data for later steps */
  keep?: (data: unknown, ids: Record<string, string>) => void
  /** moves the emulator's clock this far ahead before the step (e.g. past an activity's start) */
  advanceMs?: number
}

export interface BenchSection {
  /** the cloud function */
  fn: string
  /** reads that grow with the data: label → call (demo personas, who see the most data) */
  scaled: [string, Call][]
  journey: JourneyStep[]
  /** the n-th call of a load client, a verified resident of community c1 */
  mix(resident: string, n: number, data: Dataset): Call
  /** figures of its own (e.g. a timer's cost), printed as a titled section of the report */
  extra?: (quick: boolean) => Promise<{ title: string; body: string }>
}
