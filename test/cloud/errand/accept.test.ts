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
  R3,
  R4,
  redAgent,
  TPL,
  useEmulator,
  V1,
  V2,
  WRITE_TRIPS,
  type Today,
} from './helpers'

// errand.accept: a red agent takes an errand from their pool. Exactly one of racing agents wins;
// an agent holds at most 2 accepted errands per date + slot.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const accept = (who: string, id: string, requestId?: string) =>
  call(emu(), 'errand', who, 'accept', { id }, requestId)
const G2_AGENT = 'test-agent-g2'
let day: Today

beforeEach(async () => {
  day = await clockAt(emu(), '09:00')
})

describe('errand.accept', () => {
  it('a red agent of the grid accepts: the booker is told, and the agent gets the full contact', async () => {
    const e = await flow().requested(R1, { phone: '13912345678' })
    const { result, roundTrips } = await callWithStats(
      emu(),
      'errand',
      V1,
      'accept',
      { id: e.id },
      'accept-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const taken = data(result)
    expect(taken).toMatchObject({
      status: 'accepted',
      agent: { name: '赵志强', phone: '13800000005' },
      booker: { name: '张桂兰', room: '101', phone: '13800000001' },
      contactPhone: '13912345678',
      can: { accept: false, release: true, complete: true, confirm: false, cancel: false },
    })
    expect(taken.acceptedAt).not.toBeNull()
    expect(taken.timeline.map((t) => t.type)).toEqual(['booked', 'accepted'])
    expect(taken.timeline[1].text).not.toMatch(/赵志强|13800000005/)
    expect(await flow().messagesAbout(R1, e.id)).toEqual([TPL.accepted])
    const msg = (await emu().outbox(R1)).find((m) => m.templateId === TPL.accepted)!
    expect(JSON.stringify(msg.data)).not.toMatch(/赵志强|13800000005|张桂兰/)
    // It left the pool and is in the agent's assigned list.
    expect(await flow().ids(V1, 'pool')).not.toContain(e.id)
    expect(await flow().ids(V1, 'assigned')).toEqual([e.id])
    // The booker sees who took it, with a number to call.
    expect(data(await flow().get(R1, e.id)).agent).toMatchObject({
      name: '赵志强',
      phone: '13800000005',
      can: { call: true },
    })
  })

  it('at level grid, an agent of another grid does not have it in the pool and may not accept it', async () => {
    await redAgent(emu(), G2_AGENT, 'g2')
    const e = await flow().requested(R1)
    expect(await flow().ids(G2_AGENT, 'pool')).not.toContain(e.id)
    const res = await accept(G2_AGENT, e.id)
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_FOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
  })

  it('50 red agents race for one errand: exactly one wins, the rest get CONFLICT, one acceptance is recorded', async () => {
    const racers = Array.from({ length: 50 }, (_x, i) => `test-racer-${i}`)
    for (let i = 0; i < racers.length; i += 10) {
      await Promise.all(racers.slice(i, i + 10).map((openid) => redAgent(emu(), openid)))
    }
    const e = await flow().requested(R1)
    const results = await Promise.all(racers.map((openid) => accept(openid, e.id)))
    const winners = racers.filter((_r, i) => results[i].ok)
    expect(winners).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    const now = data(await flow().get(R1, e.id))
    expect(now.status).toBe('accepted')
    expect(now.timeline.filter((t) => t.type === 'accepted')).toHaveLength(1)
    expect(data(await flow().get(winners[0], e.id)).can.complete).toBe(true)
    expect(await flow().ids(winners[0], 'assigned')).toEqual([e.id])
    expect(await flow().messagesAbout(R1, e.id)).toEqual([TPL.accepted])
    const audit = await emu().emulator.db.find('audit', { targetId: e.id, action: 'errand.accept' })
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: winners[0] })])
  }, 180_000)

  it('an errand already accepted is CONFLICT for the next agent, and it keeps its agent', async () => {
    await redAgent(emu(), 'test-agent-2')
    const e = await flow().accepted(R1, V1)
    expectError(await accept('test-agent-2', e.id), 'CONFLICT')
    expectError(await accept(V1, e.id), 'CONFLICT')
    expect(data(await flow().get(R1, e.id)).agent?.name).toBe('赵志强')
  })

  it.each([
    ['the grid worker', GW],
    ['the committee', CM],
  ])('%s sees it but may not accept it (FORBIDDEN)', async (_label, who) => {
    const e = await flow().requested(R1)
    expect(data(await flow().get(who, e.id)).can.accept).toBe(false)
    expectError(await accept(who, e.id), 'FORBIDDEN')
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
  })

  it('the booker may not accept their own errand, even as a red agent (FORBIDDEN)', async () => {
    const e = await flow().requested(V1)
    expect(data(await flow().get(V1, e.id)).can.accept).toBe(false)
    expectError(await accept(V1, e.id), 'FORBIDDEN')
    expect(data(await flow().get(V1, e.id)).status).toBe('requested')
  })

  it.each([
    ['a resident who is not a red agent', R2],
    ['a volunteer who is not a red agent', V2],
    ['a resident of another grid', R3],
  ])('%s may not accept', async (_label, who) => {
    const e = await flow().requested(R1)
    const res = await accept(who, e.id)
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_FOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
  })

  it('a red agent whose new address waits for verification may not accept until verified again', async () => {
    const e = await flow().requested(R1)
    data(
      await emu().call('user', V1, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b2',
        room: '909',
        name: '赵志强',
      })
    )
    expect(data(await call(emu(), 'user', V1, 'me', {})).can['errand.accept']).toBe(false)
    const res = await accept(V1, e.id)
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_VERIFIED', 'NOT_FOUND', 'FORBIDDEN']).toContain(
      !res.ok && res.error.code
    )
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
    data(await call(emu(), 'user', GW, 'verifyResident', { openid: V1, approve: true }))
    expect(data(await accept(V1, e.id)).status).toBe('accepted')
  })

  it('an unknown id is NOT_FOUND; a missing id is INVALID_INPUT', async () => {
    expectError(await accept(V1, 'no-such-errand'), 'NOT_FOUND')
    expectError(await flow().call(V1, 'accept', {}), 'INVALID_INPUT', 'id')
    expectError(await flow().call(V1, 'accept', { id: 42 }), 'INVALID_INPUT', 'id')
  })

  it('a cancelled errand cannot be accepted', async () => {
    const e = await flow().cancelled(R1)
    const res = await accept(V1, e.id)
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_FOUND', 'CONFLICT']).toContain(!res.ok && res.error.code)
    expect(data(await flow().get(R1, e.id)).status).toBe('cancelled')
  })

  it('a repeated requestId replays the acceptance instead of conflicting with itself', async () => {
    const e = await flow().requested(R1)
    const first = data(await accept(V1, e.id, 'accept-once'))
    const again = data(await accept(V1, e.id, 'accept-once'))
    expect(again).toEqual(first)
    expect(await flow().messagesAbout(R1, e.id)).toEqual([TPL.accepted])
  })

  describe('at most 2 accepted errands per agent for one date + slot', () => {
    const sameSlot = () => booking(emu(), { date: day.plus(2), slot: 'afternoon' })

    it('the third for the same date and slot is LIMIT_EXCEEDED; another slot or date is fine', async () => {
      const a = await flow().requested(R1, sameSlot())
      const b = await flow().requested(R2, sameSlot())
      const c = await flow().requested(R4, sameSlot())
      data(await accept(V1, a.id))
      data(await accept(V1, b.id))
      expectError(await accept(V1, c.id), 'LIMIT_EXCEEDED')
      expect(data(await flow().get(R4, c.id)).status).toBe('requested')
      // Another agent may take it.
      await redAgent(emu(), 'test-agent-2')
      data(await accept('test-agent-2', c.id))
      // Another slot, or the same slot another day, is a separate allowance.
      const d = await flow().requested(R4, { ...sameSlot(), slot: 'evening' })
      data(await accept(V1, d.id))
      const e = await flow().requested(R1, { ...sameSlot(), date: day.plus(3) })
      data(await accept(V1, e.id))
    })

    it('completing or releasing one frees its place', async () => {
      const a = await flow().requested(R1, sameSlot())
      const b = await flow().requested(R2, sameSlot())
      const c = await flow().requested(R4, sameSlot())
      const d = await flow().requested(R4, sameSlot())
      data(await accept(V1, a.id))
      data(await accept(V1, b.id))
      data(await call(emu(), 'errand', V1, 'release', { id: a.id, reason: '临时有事' }))
      data(await accept(V1, c.id))
      data(await call(emu(), 'errand', V1, 'complete', { id: b.id }))
      data(await accept(V1, d.id))
    })

    it('one agent accepting 6 errands of one slot at once gets exactly 2', async () => {
      const made: Errand[] = []
      for (const who of [R1, R2, R4]) {
        made.push(await flow().requested(who, sameSlot()), await flow().requested(who, sameSlot()))
      }
      const results = await Promise.all(made.map((e) => accept(V1, e.id)))
      expect(results.filter((r) => r.ok)).toHaveLength(2)
      for (const r of results.filter((x) => !x.ok)) expectError(r, 'LIMIT_EXCEEDED')
      expect(await flow().ids(V1, 'assigned')).toHaveLength(2)
      const statuses = await Promise.all(
        made.map(async (e) => data(await flow().get(GW, e.id)).status)
      )
      expect(statuses.filter((s) => s === 'accepted')).toHaveLength(2)
      expect(statuses.filter((s) => s === 'requested')).toHaveLength(4)
    })

    it('two agents racing over 4 errands of one slot: each holds at most 2, every errand at most one agent', async () => {
      await redAgent(emu(), 'test-agent-2')
      const made: Errand[] = []
      for (const who of [R1, R2]) {
        made.push(await flow().requested(who, sameSlot()), await flow().requested(who, sameSlot()))
      }
      const tries = made.flatMap((e) => [accept(V1, e.id), accept('test-agent-2', e.id)])
      const results = await Promise.all(tries)
      for (const r of results.filter((x) => !x.ok)) {
        expect(!r.ok && ['CONFLICT', 'LIMIT_EXCEEDED']).toContain(!r.ok && r.error.code)
      }
      expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(4)
      expect((await flow().ids(V1, 'assigned')).length).toBeLessThanOrEqual(2)
      expect((await flow().ids('test-agent-2', 'assigned')).length).toBeLessThanOrEqual(2)
      const wins = results.filter((r) => r.ok).map((r) => (r.ok ? r.data.id : ''))
      expect(new Set(wins).size).toBe(wins.length)
    })
  })
})
