import type { Json, TestEmulator } from '../../helpers/emulator'
import { PERSONAS } from '../helpers'

// The committee console's arrangements, on the shared cloud-test setup (../helpers): the raw
// collections read straight from the emulator's store (no round trips, no server code), so that
// what the console answers is checked against counts made apart from it.

export {
  call,
  C2_RESIDENT,
  callWithStats,
  countsOf,
  data,
  expectError,
  newC2Resident,
  newResident,
  READ_TRIPS,
  runTimer,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'
export { clockAt, DAY, HOUR, MINUTE, shanghaiDate } from '../errand/helpers'

export const P = PERSONAS
export const R1: string = PERSONAS.resident1
export const R2: string = PERSONAS.resident2
export const R3: string = PERSONAS.resident3
/** 张伟, g1, the same household as R1 */
export const R4 = 'demo-resident-4'
export const V1: string = PERSONAS.volunteer1
export const V2: string = PERSONAS.volunteer2
/** 刘芳, grid worker of g1 and g2 */
export const GW: string = PERSONAS.gridWorker
/** 周卫东, committee of c1 */
export const CM: string = PERSONAS.committee
export const ADMIN: string = PERSONAS.admin

export type Doc = Record<string, Json>

/** Every document of a collection as stored (the emulator's in-process store). */
export const raw = async (emu: TestEmulator, collection: string): Promise<Doc[]> =>
  (await emu.emulator.db.find(collection)) as Doc[]

export const ms = (d: unknown): number => (d ? new Date(d as string).getTime() : NaN)

/** 'YYYY-MM' of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghaiMonth = (at: unknown): string =>
  new Date(ms(at) + 8 * 3_600_000).toISOString().slice(0, 7)

/** Eleven digits in a row: a full mobile number. */
export const FULL_PHONE = /(?<!\d)1\d{10}(?!\d)/

/** The steps of an item's timeline of one type, oldest first. */
export const stepsOf = (doc: Doc, type: string): Doc[] =>
  ((doc.timeline ?? []) as Doc[]).filter((s) => s.type === type)
