import type { Errand } from '@/contract/errand'
import {
  booking,
  call,
  callWithStats,
  clockAt,
  CM,
  data,
  ErrandFlow,
  expectError,
  GW,
  R1,
  R2,
  R4,
  useEmulator,
  V1,
  WRITE_TRIPS,
} from './helpers'

// errand.cancel: the booker, the filer or staff cancel an errand that is not yet completed.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const cancel = (who: string, id: string, reason?: string, requestId?: string) =>
  call(emu(), 'errand', who, 'cancel', reason === undefined ? { id } : { id, reason }, requestId)

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('errand.cancel', () => {
  it.each([
    ['requested', (f: ErrandFlow) => f.requested(R1)],
    ['accepted', (f: ErrandFlow) => f.accepted(R1, V1)],
  ])('the booker cancels a %s errand; it leaves every list but hers', async (_s, make) => {
    const e: Errand = await make(flow())
    const c = data(await cancel(R1, e.id, '已经自己买到了'))
    expect(c).toMatchObject({
      status: 'cancelled',
      cancelReason: '已经自己买到了',
      can: { accept: false, release: false, complete: false, confirm: false, cancel: false },
    })
    expect(c.endedAt).not.toBeNull()
    expect(c.timeline.at(-1)?.type).toBe('cancelled')
    expect(await flow().ids(V1, 'pool')).not.toContain(e.id)
    expect(await flow().ids(V1, 'assigned', 'accepted')).not.toContain(e.id)
    expect(await flow().ids(R1, 'mine')).toContain(e.id)
  })

  it.each([
    ['the grid worker', GW],
    ['the committee', CM],
  ])('%s (staff) may cancel', async (_label, who) => {
    const e = await flow().requested(R1)
    expect(data(await flow().get(who, e.id)).can.cancel).toBe(true)
    expect(data(await cancel(who, e.id, '居民电话告知不需要了')).status).toBe('cancelled')
  })

  it('a cancelled errand frees a place under the 2-open limit', async () => {
    const a = await flow().requested(R1)
    await flow().requested(R1)
    expectError(await flow().call(R1, 'book', booking(emu())), 'LIMIT_EXCEEDED')
    data(await cancel(R1, a.id))
    data(await flow().call(R1, 'book', booking(emu())))
  })

  it('the agent may not cancel (FORBIDDEN): they release instead', async () => {
    const e = await flow().accepted(R1, V1)
    expect(data(await flow().get(V1, e.id)).can.cancel).toBe(false)
    expectError(await cancel(V1, e.id), 'FORBIDDEN')
    expect(data(await flow().get(R1, e.id)).status).toBe('accepted')
  })

  it('a neighbour, even of the same household, may not cancel', async () => {
    const e = await flow().requested(R1)
    for (const who of [R2, R4]) {
      const res = await cancel(who, e.id)
      expect(res.ok).toBe(false)
      expect(!res.ok && ['NOT_FOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    }
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
  })

  it('once completed, closed or cancelled it cannot be cancelled (CONFLICT)', async () => {
    const completed = await flow().completed(R1, V1)
    expect(data(await flow().get(R1, completed.id)).can.cancel).toBe(false)
    expectError(await cancel(R1, completed.id), 'CONFLICT')
    expectError(await cancel(GW, completed.id), 'CONFLICT')
    data(await call(emu(), 'errand', R1, 'confirm', { id: completed.id, rating: 5 }))
    expectError(await cancel(R1, completed.id), 'CONFLICT')
    const cancelled = await flow().cancelled(R2)
    expectError(await cancel(R2, cancelled.id), 'CONFLICT')
    expect(data(await flow().get(R1, completed.id)).status).toBe('closed')
  })

  it('the booker cancelling while an agent accepts: exactly one of them wins', async () => {
    const e = await flow().requested(R1)
    const [c, a] = await Promise.all([
      cancel(R1, e.id),
      call(emu(), 'errand', V1, 'accept', { id: e.id }),
    ])
    const final = data(await flow().get(R1, e.id))
    if (a.ok && c.ok) {
      // Cancel may legitimately follow an acceptance; then it ends cancelled.
      expect(final.status).toBe('cancelled')
    } else {
      expect([c.ok, a.ok].filter(Boolean)).toHaveLength(1)
      expect(final.status).toBe(c.ok ? 'cancelled' : 'accepted')
    }
  })

  it.each([
    ['a 101-character reason', { reason: '不'.repeat(101) }, 'INVALID_INPUT'],
    ['risky text in the reason', { reason: '违禁测试词' }, 'CONTENT_REJECTED'],
  ])('%s is refused on the reason field and the errand stays', async (_l, patch, code) => {
    const e = await flow().requested(R1)
    expectError(await flow().call(R1, 'cancel', { id: e.id, ...patch }), code, 'reason')
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
  })

  it('a repeated requestId replays the first cancellation', async () => {
    const e = await flow().requested(R1)
    const first = data(await cancel(R1, e.id, undefined, 'cancel-1'))
    expect(data(await cancel(R1, e.id, undefined, 'cancel-1'))).toEqual(first)
  })

  it('costs at most 4 round trips with a requestId', async () => {
    const e = await flow().accepted(R1, V1)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'errand',
      R1,
      'cancel',
      { id: e.id },
      'cancel-trips'
    )
    expect(data(result).status).toBe('cancelled')
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
  })

  it('a requestId already used by the same user for another action replays that result and cancels nothing', async () => {
    const booked = data(await flow().call(R1, 'book', booking(emu()), 'one-intent'))
    const replay = data(await cancel(R1, booked.id, undefined, 'one-intent'))
    expect(replay).toEqual(booked)
    expect(data(await flow().get(R1, booked.id)).status).toBe('requested')
  })
})
