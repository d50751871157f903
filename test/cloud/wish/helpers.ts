import type { Wish, WishCategory } from '@/contract/wish'
import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type Envelope,
  type TestEmulator,
} from '../../helpers/emulator'

// Shared arrangements for the wish tests: one emulator per test file with fresh demo data before
// each test, every query checked against the declared indexes, and the wish flow driven through
// its actions (create → review → claim → fulfill → confirm).

export const R1 = 'demo-resident-1' // 张桂兰, g1, 13800000001, 1号楼 101
export const R2 = 'demo-resident-2' // g1
export const R3 = 'demo-resident-3' // g2
export const V1 = 'demo-volunteer-1' // g1, approved volunteer + red agent
export const V2 = 'demo-volunteer-2' // g2, approved volunteer
export const GW = 'demo-gridworker-1' // serves g1 and g2
export const CM = 'demo-committee-1' // committee of c1
export const ADMIN = 'demo-admin'
export const NEWCOMER = 'demo-newcomer'

/** Round-trip targets (emulator-measured, actor lookup and audit included). */
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

export const wishInput = (n: number | string = 1, category: WishCategory = 'daily') => ({
  title: `想要一根拐杖${n}`,
  content: `腿脚不便，出门需要一根结实的拐杖 ${n}`,
  category,
})

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

export class WishFlow {
  constructor(private emu: TestEmulator) {}

  call<T = Wish>(who: string, action: string, input?: unknown, requestId?: string) {
    return this.emu.call<T>('wish', who, action, input, requestId)
  }

  async pending(author = R1, n: number | string = 1): Promise<Wish> {
    return data(await this.call(author, 'create', wishInput(n)))
  }

  async open(author = R1, n: number | string = 1): Promise<Wish> {
    const w = await this.pending(author, n)
    return data(await this.call(GW, 'review', { id: w.id, approve: true }))
  }

  async claimed(author = R1, claimer = V1): Promise<Wish> {
    const w = await this.open(author)
    return data(await this.call(claimer, 'claim', { id: w.id }))
  }

  async fulfilled(author = R1, claimer = V1): Promise<Wish> {
    const w = await this.claimed(author, claimer)
    return data(await this.call(claimer, 'fulfill', { id: w.id, note: '拐杖已经送到家里' }))
  }

  async done(author = R1, claimer = V1, thanks = '谢谢志强，拐杖很好用'): Promise<Wish> {
    const w = await this.fulfilled(author, claimer)
    return data(await this.call(author, 'confirm', { id: w.id, rating: 5, thanks }))
  }

  get(who: string, id: string) {
    return this.call(who, 'get', { id })
  }

  /** Stored wishes, read straight from the database (to check that nothing was stored). */
  async stored(): Promise<Record<string, unknown>[]> {
    return this.emu.emulator.db.find('wishes')
  }
}

/** A new verified resident, arranged through `user.bindGrid` and verification by staff. */
export async function newResident(
  emu: TestEmulator,
  openid: string,
  place: { gridId: string; buildingId: string } = { gridId: 'g1', buildingId: 'g1-b2' },
  room = '808'
): Promise<void> {
  data(await emu.call('user', openid, 'bindGrid', { ...place, room, name: '测试居民' }))
  const verifier = place.gridId === 'g3' ? ADMIN : GW
  data(await emu.call('user', verifier, 'verifyResident', { openid, approve: true }))
}

/** A new red agent of c1 (eligible to claim), arranged through actions. */
export async function newRedAgent(emu: TestEmulator, openid: string): Promise<void> {
  await newResident(emu, openid)
  data(await emu.call('user', CM, 'setRoles', { openid, roles: ['resident', 'redAgent'] }))
}
