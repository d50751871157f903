import type { Wish, WishCategory } from '@/contract/wish'
import type { TestEmulator } from '../../helpers/emulator'
import { data, PERSONAS } from '../helpers'

// The wish domain's arrangements, on the shared cloud-test setup (../helpers): the flow driven
// through its actions (create → review → claim → fulfill → confirm).

export {
  data,
  expectError,
  newRedAgent,
  newResident,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'

export const R1: string = PERSONAS.resident1
export const R2: string = PERSONAS.resident2
export const R3: string = PERSONAS.resident3
export const V1: string = PERSONAS.volunteer1
export const V2: string = PERSONAS.volunteer2
export const GW: string = PERSONAS.gridWorker
export const CM: string = PERSONAS.committee
export const ADMIN: string = PERSONAS.admin
export const NEWCOMER: string = PERSONAS.newcomer

/**
 * The demo seed's own wishes (docs/contract.md §6: written by `seed-*` neighbours, all older than
 * anything a test creates). Lists show them too; tests assert on what they created.
 */
export const isSeeded = (w: { id?: unknown; _id?: unknown }): boolean =>
  String(w.id ?? w._id).startsWith('seed-')
/** The ids of a page's items a test created, in the page's order. */
export const createdIds = (page: { items: { id: string }[] }): string[] =>
  page.items.filter((w) => !isSeeded(w)).map((w) => w.id)

export const wishInput = (n: number | string = 1, category: WishCategory = 'daily') => ({
  title: `想要一根拐杖${n}`,
  content: `腿脚不便，出门需要一根结实的拐杖 ${n}`,
  category,
})

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

  /** Stored wishes other than the seed's, read straight from the database (to check that nothing was stored). */
  async stored(): Promise<Record<string, unknown>[]> {
    return (await this.emu.emulator.db.find('wishes')).filter((w) => !isSeeded(w))
  }
}
