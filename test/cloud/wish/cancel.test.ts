import type { Wish, WishStatus } from '@/contract/wish'
import {
  data,
  expectError,
  GW,
  R1,
  R2,
  R3,
  useEmulator,
  V1,
  WishFlow,
  wishInput,
  WRITE_TRIPS,
} from './helpers'

// wish.cancel: the author withdraws a wish before it is fulfilled.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const make: Record<string, () => Promise<Wish>> = {
  pending: () => flow().pending(),
  open: () => flow().open(),
  claimed: () => flow().claimed(),
}

describe('wish.cancel', () => {
  it.each(['pending', 'open', 'claimed'] as WishStatus[])(
    'the author cancels a %s wish',
    async (status) => {
      const w = await make[status]()
      const { result, roundTrips } = await emu().callWithStats<Wish>('wish', R1, 'cancel', {
        id: w.id,
      })
      expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
      expect(data(result)).toMatchObject({ status: 'cancelled', can: { cancel: false } })
      expect(data(await flow().get(R1, w.id)).timeline.at(-1)?.type).toBe('cancelled')
    }
  )

  it('a cancelled wish frees its place under the limit', async () => {
    const made = [] as Wish[]
    for (const n of [1, 2, 3]) made.push(data(await flow().call(R1, 'create', wishInput(n))))
    expectError(await flow().call(R1, 'create', wishInput(4)), 'LIMIT_EXCEEDED')
    data(await flow().call(R1, 'cancel', { id: made[1].id }))
    data(await flow().call(R1, 'create', wishInput(5)))
  })

  it('a fulfilled or finished wish cannot be cancelled (CONFLICT)', async () => {
    const f = await flow().fulfilled()
    expectError(await flow().call(R1, 'cancel', { id: f.id }), 'CONFLICT')
    expect(data(await flow().get(R1, f.id)).status).toBe('fulfilled')
    const c = await flow().pending(R2)
    data(await flow().call(R2, 'cancel', { id: c.id }))
    expectError(await flow().call(R2, 'cancel', { id: c.id }), 'CONFLICT')
  })

  it('only the author cancels: others who see it get FORBIDDEN, others NOT_FOUND', async () => {
    const w = await flow().claimed()
    expectError(await flow().call(V1, 'cancel', { id: w.id }), 'FORBIDDEN')
    expectError(await flow().call(GW, 'cancel', { id: w.id }), 'FORBIDDEN')
    const p = await flow().pending(R1, 'p')
    expectError(await flow().call(R2, 'cancel', { id: p.id }), 'NOT_FOUND')
    expect(data(await flow().get(R1, p.id)).status).toBe('pending')
  })

  it("the grid worker who filed it cancels on the resident's behalf, audited as such", async () => {
    const w = data(await flow().call(GW, 'createFor', { residentOpenid: R3, ...wishInput('代') }))
    expect(w.can).toMatchObject({ cancel: true, confirm: false })
    const cancelled = data(await flow().call(GW, 'cancel', { id: w.id }))
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.timeline[cancelled.timeline.length - 1].text).toBe('网格员代居民取消了心愿')
    const audit = await emu().emulator.db.find('audit', { targetId: w.id, action: 'wish.cancel' })
    expect(audit).toEqual([
      expect.objectContaining({
        actorOpenid: GW,
        detail: expect.objectContaining({ onBehalfOf: R3 }),
      }),
    ])
    // The resident's own wish stays theirs alone.
    const own = await flow().pending(R3, 'own')
    expect(data(await flow().get(GW, own.id)).can.cancel).toBe(false)
    expectError(await flow().call(GW, 'cancel', { id: own.id }), 'FORBIDDEN')
  })
})
