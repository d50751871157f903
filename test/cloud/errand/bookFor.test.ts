import type { BookErrandForInput } from '@/contract/errand'
import {
  booking,
  C2_RESIDENT,
  call,
  callWithStats,
  clockAt,
  CM,
  data,
  ErrandFlow,
  expectError,
  GW,
  NEWCOMER,
  newC2Resident,
  R1,
  R2,
  R3,
  redAgent,
  useEmulator,
  V1,
  WRITE_TRIPS,
} from './helpers'

// errand.bookFor: a grid worker of the resident's grid, or the committee, books for a resident
// without a smartphone; the resident is the booker, the filer may sign off on their behalf.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const G2_AGENT = 'test-agent-g2'
const filed = (residentOpenid: string, patch: Partial<BookErrandForInput> = {}) => ({
  residentOpenid,
  ...booking(emu()),
  ...patch,
})
const bookFor = (who: string, input: BookErrandForInput, requestId?: string) =>
  call(emu(), 'errand', who, 'bookFor', input, requestId)

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('errand.bookFor', () => {
  it('the grid worker books for a resident: the resident is the booker and finds it among theirs', async () => {
    const { result, roundTrips } = await callWithStats(
      emu(),
      'errand',
      GW,
      'bookFor',
      filed(R3, { phone: '13700001111' }),
      'for-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const e = data(result)
    expect(e).toMatchObject({
      status: 'requested',
      level: 'grid',
      gridId: 'g2',
      filedByGridWorker: true,
      mine: false,
      booker: { name: '王秀英', buildingName: '4号楼', room: '301', phone: '13800000003' },
      contactPhone: '13700001111',
      can: { cancel: true, accept: false },
    })
    expect(e.timeline.map((t) => t.type)).toEqual(['filed'])
    expect(e.timeline[0].text).not.toMatch(/王秀英|刘芳|13800000003/)
    const mine = await flow().listAll(R3, 'mine')
    expect(mine.map((i) => [i.id, i.mine])).toEqual([[e.id, true]])
    expect(await flow().ids(GW, 'mine')).not.toContain(e.id)
    expect(await flow().ids(GW, 'managed')).toContain(e.id)
  })

  it('the committee may book for any resident of its community', async () => {
    const e = data(await bookFor(CM, filed(R1)))
    expect(e).toMatchObject({ gridId: 'g1', filedByGridWorker: true, booker: { name: '张桂兰' } })
  })

  it('the audit entry names who filed it', async () => {
    const e = data(await bookFor(GW, filed(R3)))
    const entries = await emu().emulator.db.find('audit', { targetId: e.id })
    expect(entries).toEqual([
      expect.objectContaining({ actorOpenid: GW, action: 'errand.bookFor' }),
    ])
    expect(JSON.stringify(entries[0])).toContain(R3)
  })

  it("counts against the resident's 2 open errands", async () => {
    data(await bookFor(GW, filed(R3)))
    data(await call(emu(), 'errand', R3, 'book', booking(emu())))
    const before = await flow().count()
    expectError(await flow().call(GW, 'bookFor', filed(R3)), 'LIMIT_EXCEEDED')
    expectError(await flow().call(R3, 'book', booking(emu())), 'LIMIT_EXCEEDED')
    expect(await flow().count()).toBe(before)
  })

  it('bookings and filings for one resident racing: 2 open at most', async () => {
    const before = await flow().count()
    const results = await Promise.all([
      ...[1, 2, 3].map((n) => flow().call(GW, 'bookFor', filed(R3, { detail: `代办 ${n}` }))),
      ...[4, 5, 6].map((n) => flow().call(R3, 'book', booking(emu(), { detail: `自己约 ${n}` }))),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    for (const r of results.filter((x) => !x.ok)) expectError(r, 'LIMIT_EXCEEDED')
    expect(await flow().count()).toBe(before + 2)
  })

  it("the filer confirms and rates on the resident's behalf, audited as such", async () => {
    await redAgent(emu(), G2_AGENT, 'g2')
    const e = data(await bookFor(GW, filed(R3)))
    data(await call(emu(), 'errand', G2_AGENT, 'accept', { id: e.id }))
    const done = data(await call(emu(), 'errand', G2_AGENT, 'complete', { id: e.id }))
    expect(done.can.confirm).toBe(false) // the agent's view: not theirs to sign off
    expect(data(await flow().get(GW, e.id)).can.confirm).toBe(true)
    expect(data(await flow().get(R3, e.id)).can.confirm).toBe(true)
    const closed = data(
      await call(emu(), 'errand', GW, 'confirm', { id: e.id, rating: 4, comment: '老人很满意' })
    )
    expect(closed).toMatchObject({ status: 'closed', rating: 4, comment: '老人很满意' })
    const audit = await emu().emulator.db.find('audit', {
      targetId: e.id,
      action: 'errand.confirm',
    })
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: GW })])
    expect(JSON.stringify(audit[0].detail)).toContain(R3)
    // Signed off once: the resident cannot do it again.
    expectError(await flow().call(R3, 'confirm', { id: e.id, rating: 5 }), 'CONFLICT')
  })

  it('the resident may confirm an errand filed for them as well', async () => {
    await redAgent(emu(), G2_AGENT, 'g2')
    const e = data(await bookFor(GW, filed(R3)))
    data(await call(emu(), 'errand', G2_AGENT, 'accept', { id: e.id }))
    data(await call(emu(), 'errand', G2_AGENT, 'complete', { id: e.id }))
    const closed = data(await call(emu(), 'errand', R3, 'confirm', { id: e.id, rating: 5 }))
    expect(closed).toMatchObject({ status: 'closed', rating: 5 })
  })

  it('the committee that filed one cancels it', async () => {
    const e = data(await bookFor(CM, filed(R1)))
    expect(data(await flow().get(CM, e.id)).can.cancel).toBe(true)
    const c = data(await call(emu(), 'errand', CM, 'cancel', { id: e.id, reason: '家属已代办' }))
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: '家属已代办' })
  })

  it.each([
    ['a resident', R2],
    ['a red agent', V1],
  ])('%s may not book for someone (FORBIDDEN), nothing stored', async (_label, who) => {
    const before = await flow().count()
    expectError(await flow().call(who, 'bookFor', filed(R3)), 'FORBIDDEN')
    expect(await flow().count()).toBe(before)
  })

  it('an unknown or unverified resident is NOT_FOUND, nothing stored', async () => {
    const before = await flow().count()
    expectError(await flow().call(GW, 'bookFor', filed('no-such-user')), 'NOT_FOUND')
    expectError(await flow().call(GW, 'bookFor', filed(NEWCOMER)), 'NOT_FOUND')
    expect(await flow().count()).toBe(before)
  })

  it("a resident outside the filer's grids or community is refused, nothing stored", async () => {
    await newC2Resident(emu())
    const before = await flow().count()
    for (const who of [GW, CM]) {
      const res = await flow().call(who, 'bookFor', filed(C2_RESIDENT))
      expect(res.ok).toBe(false)
      expect(!res.ok && ['FORBIDDEN', 'NOT_FOUND']).toContain(!res.ok && res.error.code)
    }
    expect(await flow().count()).toBe(before)
  })

  it('bad input and risky content are refused on their field, nothing stored', async () => {
    const before = await flow().count()
    expectError(
      await flow().call(GW, 'bookFor', { ...booking(emu()) }),
      'INVALID_INPUT',
      'residentOpenid'
    )
    expectError(
      await flow().call(GW, 'bookFor', { ...filed(R3), residentOpenid: 42 }),
      'INVALID_INPUT',
      'residentOpenid'
    )
    expectError(
      await flow().call(GW, 'bookFor', filed(R3, { type: 'help' as never })),
      'INVALID_INPUT',
      'type'
    )
    expectError(
      await flow().call(GW, 'bookFor', filed(R3, { date: '2026-02-30' })),
      'INVALID_INPUT',
      'date'
    )
    expectError(
      await flow().call(GW, 'bookFor', filed(R3, { detail: '代买违禁测试词' })),
      'CONTENT_REJECTED',
      'detail'
    )
    expect(await flow().count()).toBe(before)
  })
})
