import {
  ERRAND_TEMPLATES,
  type BookErrandInput,
  type Errand,
  type ErrandScope,
  type ErrandStatus,
} from '@/contract/errand'
import type { TestEmulator } from '../../helpers/emulator'
import {
  call,
  countsOf,
  data,
  listAll,
  messagesAbout,
  newResident,
  PERSONAS,
  runTimer,
} from '../helpers'

// The errand domain's arrangements, on the shared cloud-test setup (../helpers): the emulator
// clock put at a known Asia/Shanghai hour (slots and "today" depend on it), and the flow driven
// through its actions (book → accept → complete → confirm).

export {
  call,
  C2_RESIDENT,
  callWithStats,
  data,
  expectError,
  newC2Resident,
  newResident,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'

export const R1: string = PERSONAS.resident1
export const R2: string = PERSONAS.resident2
export const R3: string = PERSONAS.resident3
/** 张伟, g1, the same household as R1 */
export const R4 = 'demo-resident-4'
/** 赵志强, g1, red agent */
export const V1: string = PERSONAS.volunteer1
/** 陈晓燕, g2, volunteer but not a red agent */
export const V2: string = PERSONAS.volunteer2
export const GW: string = PERSONAS.gridWorker
export const CM: string = PERSONAS.committee
export const ADMIN: string = PERSONAS.admin
export const NEWCOMER: string = PERSONAS.newcomer

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** The subscribe-message template ids as the emulator's outbox shows them. */
export const TPL = {
  accepted: `HONGLIN_TPL_${ERRAND_TEMPLATES.errandAccepted}`,
  completed: `HONGLIN_TPL_${ERRAND_TEMPLATES.errandCompleted}`,
  expired: `HONGLIN_TPL_${ERRAND_TEMPLATES.errandExpired}`,
  pool: `HONGLIN_TPL_${ERRAND_TEMPLATES.errandPool}`,
  alert: `HONGLIN_TPL_${ERRAND_TEMPLATES.errandAlert}`,
} as const

/** R1 as those with a need see her, and as everyone else does. */
export const R1_FULL = { name: '张桂兰', buildingName: '1号楼', room: '101', phone: '13800000001' }
export const R1_MASKED = { name: '张*', buildingName: '1号楼', room: null, phone: null }
/** V1 as an accepting agent, in full and masked. */
export const V1_FULL = { name: '赵志强', phone: '13800000005' }
export const V1_MASKED = { name: '赵*', phone: null }

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghaiDate = (ms: number): string =>
  new Date(ms + 8 * HOUR).toISOString().slice(0, 10)

/** The day the emulator's clock is in, Asia/Shanghai. */
export interface Today {
  /** 'YYYY-MM-DD' */
  date: string
  /** today + n days, 'YYYY-MM-DD' */
  plus(days: number): string
}

const today = (nowMs: number): Today => ({
  date: shanghaiDate(nowMs),
  plus: (days) => shanghaiDate(nowMs + days * DAY),
})

/**
 * Puts the emulator's clock at the next `hh:mm` Asia/Shanghai (at least a minute after real time,
 * so the demo data made at reset stays in the past) and returns that day.
 */
export async function clockAt(emu: TestEmulator, hhmm = '09:00'): Promise<Today> {
  const [h, m] = hhmm.split(':').map(Number)
  const real = Date.now()
  // hh:mm Shanghai on the UTC calendar day of `real`, then moved forward to the next one.
  const day = new Date(real).toISOString().slice(0, 10)
  let target = Date.parse(`${day}T00:00:00.000Z`) + (h - 8) * HOUR + m * MINUTE
  while (target < real + MINUTE) target += DAY
  await emu.setClock(target - real)
  return today(target)
}

/** The emulator's "today" without moving its clock. */
export const emulatorToday = (emu: TestEmulator): Today => today(emu.emulator.clock.now())

/** A booking that is valid whenever it is made: tomorrow evening. */
export function booking(emu: TestEmulator, patch: Partial<BookErrandInput> = {}): BookErrandInput {
  return {
    type: 'medicine',
    detail: '帮忙到药店买两盒降压药，处方在门口鞋柜上',
    date: emulatorToday(emu).plus(1),
    slot: 'evening',
    ...patch,
  }
}

/** Grants `redAgent` through the committee (a new resident of `gridId` first when `fresh`). */
export async function redAgent(
  emu: TestEmulator,
  openid: string,
  gridId: 'g1' | 'g2' = 'g1',
  fresh = true
): Promise<void> {
  if (fresh) {
    await newResident(emu, openid, { gridId, buildingId: gridId === 'g1' ? 'g1-b2' : 'g2-b4' })
  }
  data(
    await call(emu, 'user', CM, 'setRoles', {
      openid,
      roles: ['resident', 'redAgent'],
    })
  )
}

export class ErrandFlow {
  constructor(private emu: TestEmulator) {}

  /** An untyped call (for bad input); typed ones go through `call(emu, 'errand', …)`. */
  call<T = Errand>(who: string | null, action: string, input?: unknown, requestId?: string) {
    return this.emu.call<T>('errand', who, action, input, requestId)
  }

  async requested(booker = R1, patch: Partial<BookErrandInput> = {}): Promise<Errand> {
    return data(await call(this.emu, 'errand', booker, 'book', booking(this.emu, patch)))
  }

  async accepted(booker = R1, agent = V1, patch: Partial<BookErrandInput> = {}): Promise<Errand> {
    const e = await this.requested(booker, patch)
    return data(await call(this.emu, 'errand', agent, 'accept', { id: e.id }))
  }

  async completed(booker = R1, agent = V1, patch: Partial<BookErrandInput> = {}): Promise<Errand> {
    const e = await this.accepted(booker, agent, patch)
    return data(await call(this.emu, 'errand', agent, 'complete', { id: e.id, note: '药已送到' }))
  }

  async closed(booker = R1, agent = V1, patch: Partial<BookErrandInput> = {}): Promise<Errand> {
    const e = await this.completed(booker, agent, patch)
    return data(
      await call(this.emu, 'errand', booker, 'confirm', { id: e.id, rating: 5, comment: '很及时' })
    )
  }

  async cancelled(booker = R1): Promise<Errand> {
    const e = await this.requested(booker)
    return data(await call(this.emu, 'errand', booker, 'cancel', { id: e.id }))
  }

  get(who: string, id: string) {
    return call(this.emu, 'errand', who, 'get', { id })
  }

  list(who: string, scope: ErrandScope, extra: { status?: ErrandStatus; limit?: number } = {}) {
    return call(this.emu, 'errand', who, 'list', { scope, ...extra })
  }

  /** Every item of a scope, following the cursor to the end. */
  listAll(who: string, scope: ErrandScope, status?: ErrandStatus): Promise<Errand[]> {
    return listAll<Errand>(this.emu, 'errand', who, scope, status)
  }

  /** The ids in a scope, all pages. */
  async ids(who: string, scope: ErrandScope, status?: ErrandStatus): Promise<string[]> {
    return (await this.listAll(who, scope, status)).map((e) => e.id)
  }

  /** How many errands are stored (demo data included): to check that a refusal stored nothing. */
  async count(): Promise<number> {
    return (await this.emu.emulator.db.find('errands')).length
  }

  /** Messages to someone about one errand (their page names its id). */
  messagesAbout(touser: string, id: string): Promise<string[]> {
    return messagesAbout(this.emu, touser, id)
  }

  /** Runs the errand timer. */
  async tick(): Promise<void> {
    await runTimer(this.emu, 'errand')
  }

  counts(who: string): Promise<Record<string, number | undefined>> {
    return countsOf(this.emu, who)
  }
}
