import type { ActionName, FunctionName, InputOf, OutputOf } from '@/contract/api'
import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type CallStats,
  type Envelope,
  type TestEmulator,
} from '../helpers/emulator'

// What every domain's cloud tests share: one emulator per test file with fresh demo data before
// each test (every query checked against the declared indexes), the demo personas, and calls
// typed from the contract (a wrong input or a misspelt action fails to compile).
//
//   const emu = useEmulator()
//   const me = data(await call(emu(), 'user', PERSONAS.resident1, 'me', {}))

/** The demo personas (emulator/seed.ts). */
export const PERSONAS = {
  /** 张桂兰, g1, 13800000001, 1号楼 101 */
  resident1: 'demo-resident-1',
  /** 李建国, g1 */
  resident2: 'demo-resident-2',
  /** 王秀英, g2 */
  resident3: 'demo-resident-3',
  /** 赵志强, g1, approved volunteer + red agent */
  volunteer1: 'demo-volunteer-1',
  /** 陈晓燕, g2, approved volunteer */
  volunteer2: 'demo-volunteer-2',
  /** 刘芳, serves g1 and g2 */
  gridWorker: 'demo-gridworker-1',
  /** 周卫东, committee of c1 */
  committee: 'demo-committee-1',
  /** 孙明, street admin */
  admin: 'demo-admin',
  /** not bound to any grid */
  newcomer: 'demo-newcomer',
} as const

/** Round-trip budgets with a requestId (emulator-measured; caller, audit and record included). */
export const READ_TRIPS = 2
export const WRITE_TRIPS = 4

export function useEmulator(): () => TestEmulator {
  let emu: TestEmulator | undefined
  beforeAll(async () => {
    emu = await startTestEmulator({ log: () => undefined })
  }, 60_000)
  afterAll(async () => {
    await emu?.stop()
  })
  beforeEach(async () => {
    await emu!.reset()
    await emu!.setClock(0)
  })
  afterEach(() => expectAllQueriesIndexed(emu!))
  return () => emu!
}

/** A call typed from the contract: input checked, `data` typed. */
export function call<F extends FunctionName, A extends ActionName<F>>(
  emu: TestEmulator,
  fn: F,
  who: string | null,
  action: A,
  input: InputOf<F, A>,
  requestId?: string
): Promise<Envelope<OutputOf<F, A>>> {
  return emu.call<OutputOf<F, A>>(fn, who, action, input, requestId)
}

/** As `call`, with the round trips it cost. */
export function callWithStats<F extends FunctionName, A extends ActionName<F>>(
  emu: TestEmulator,
  fn: F,
  who: string | null,
  action: A,
  input: InputOf<F, A>,
  requestId?: string
): Promise<CallStats<OutputOf<F, A>>> {
  return emu.callWithStats<OutputOf<F, A>>(fn, who, action, input, requestId)
}

export function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return res.data
}

export function expectError(res: Envelope, code: string, field?: string): void {
  expect(res.ok).toBe(false)
  if (res.ok) return
  expect(res.error.code).toBe(code)
  expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
  if (field !== undefined) expect(res.error.field).toBe(field)
}

/** A new verified resident, arranged through `user.bindGrid` and verification by staff. */
export async function newResident(
  emu: TestEmulator,
  openid: string,
  place: { gridId: string; buildingId: string } = { gridId: 'g1', buildingId: 'g1-b2' },
  room = '808'
): Promise<void> {
  data(await call(emu, 'user', openid, 'bindGrid', { ...place, room, name: '测试居民' }))
  const verifier = place.gridId === 'g3' ? PERSONAS.admin : PERSONAS.gridWorker
  data(await call(emu, 'user', verifier, 'verifyResident', { openid, approve: true }))
}

/** A new red agent of c1 (eligible to claim), arranged through actions. */
export async function newRedAgent(emu: TestEmulator, openid: string): Promise<void> {
  await newResident(emu, openid)
  data(
    await call(emu, 'user', PERSONAS.committee, 'setRoles', {
      openid,
      roles: ['resident', 'redAgent'],
    })
  )
}

/** A verified resident of the second community (c2, grid g3). */
export const C2_RESIDENT = 'test-c2-resident'
export const newC2Resident = (emu: TestEmulator): Promise<void> =>
  newResident(emu, C2_RESIDENT, { gridId: 'g3', buildingId: 'g3-b1' })

/** Every item of a domain's list in a scope (and status), following the cursor to the end. */
export async function listAll<T>(
  emu: TestEmulator,
  fn: FunctionName,
  who: string,
  scope: string,
  status?: string
): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  for (let page = 0; page < 100; page++) {
    const res = data(
      await emu.call<{ items: T[]; nextCursor: string | null }>(fn, who, 'list', {
        scope,
        ...(status ? { status } : {}),
        limit: 50,
        ...(cursor ? { cursor } : {}),
      })
    )
    items.push(...res.items)
    if (!res.nextCursor) return items
    cursor = res.nextCursor
  }
  throw new Error('list never ended')
}

/** Runs a domain's timer (it must go through); returns what it reports it did. */
export async function runTimer(
  emu: TestEmulator,
  fn: FunctionName
): Promise<Record<string, number>> {
  const triggers = await emu.fireTimer(fn)
  expect(triggers.length).toBeGreaterThan(0)
  for (const t of triggers) expect(t.result).toMatchObject({ ok: true })
  return triggers[0].result.data as Record<string, number>
}

/** The template ids of the messages to someone about one item (their page names its id), newest first. */
export async function messagesAbout(
  emu: TestEmulator,
  touser: string,
  id: string
): Promise<string[]> {
  return (await emu.outbox(touser))
    .filter((m) => (m.page ?? '').includes(id))
    .map((m) => m.templateId)
}

/** The viewer's counts (`user.counts`). */
export async function countsOf(
  emu: TestEmulator,
  who: string
): Promise<Record<string, number | undefined>> {
  return data(await call(emu, 'user', who, 'counts', {})).counts
}
