import type { Errand } from '@/contract/errand'
import type { Envelope } from '../../helpers/emulator'
import {
  ADMIN,
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
  R1_FULL,
  R1_MASKED,
  R2,
  R3,
  R4,
  READ_TRIPS,
  redAgent,
  useEmulator,
  V1,
  V1_FULL,
  V1_MASKED,
  V2,
} from './helpers'

// errand.get: the errand with its timeline; who may see it, and how much of the booker (and the
// agent) each viewer sees: in full only for the booker, staff, and the accepting agent while the
// errand is accepted or completed.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const CONTACT = '13912345678'
const A2 = 'test-agent-2'

const get = async (who: string, id: string): Promise<Envelope<Errand>> => {
  const { result, roundTrips } = await callWithStats(emu(), 'errand', who, 'get', { id })
  expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
  return result
}

/** What a viewer without a need gets: NOT_FOUND, or the errand with the booker masked. */
async function expectMaskedOrHidden(who: string, id: string): Promise<void> {
  const res = await get(who, id)
  if (!res.ok) {
    expectError(res, 'NOT_FOUND')
    return
  }
  expect(res.data.booker).toMatchObject(R1_MASKED)
  expect(res.data.contactPhone).toBeNull()
  expect(JSON.stringify(res.data)).not.toMatch(/张桂兰|13800000001|13912345678/)
}

async function expectFull(who: string, id: string): Promise<Errand> {
  const e = data(await get(who, id))
  expect(e.booker).toMatchObject(R1_FULL)
  expect(e.contactPhone).toBe(CONTACT)
  return e
}

beforeEach(async () => {
  await clockAt(emu(), '09:00')
  await redAgent(emu(), A2)
})

describe('errand.get', () => {
  it('returns the errand with a timeline free of personal data', async () => {
    const e = await flow().closed(R1, V1, { phone: CONTACT })
    const got = data(await get(R1, e.id))
    expect(got.timeline.map((t) => t.type)).toEqual([
      'booked',
      'accepted',
      'completed',
      'confirmed',
    ])
    for (const t of got.timeline) {
      expect(Date.parse(t.at)).not.toBeNaN()
      expect(t.text).toMatch(/[\u4e00-\u9fa5]/)
      expect(t.text).not.toMatch(/张桂兰|赵志强|1380000|13912345678|101/)
    }
    expect(got).toMatchObject({
      status: 'closed',
      rating: 5,
      completeNote: '药已送到',
      comment: '很及时',
    })
  })

  it('an unknown id is NOT_FOUND; a missing or malformed id is INVALID_INPUT', async () => {
    expectError(await get(R1, 'no-such-errand'), 'NOT_FOUND')
    expectError(await flow().call(R1, 'get', {}), 'INVALID_INPUT', 'id')
    expectError(await flow().call(R1, 'get', { id: ['x'] }), 'INVALID_INPUT', 'id')
    expectError(await flow().call(null, 'get', { id: 'x' }), 'UNAUTHENTICATED')
  })

  it('people of another community, and people without a grid, never see it', async () => {
    await newC2Resident(emu())
    const e = await flow().requested(R1, { phone: CONTACT })
    expectError(await get(C2_RESIDENT, e.id), 'NOT_FOUND')
    const res = await get(NEWCOMER, e.id)
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_FOUND', 'NOT_BOUND']).toContain(!res.ok && res.error.code)
  })

  describe('the booker per viewer and status', () => {
    it('requested: full for the booker and staff; masked for the pool and neighbours', async () => {
      const e = await flow().requested(R1, { phone: CONTACT })
      for (const who of [R1, GW, CM, ADMIN]) await expectFull(who, e.id)
      // The grid's red agents see it in their pool, masked.
      for (const who of [V1, A2]) {
        const seen = data(await get(who, e.id))
        expect(seen.booker).toMatchObject(R1_MASKED)
        expect(seen.contactPhone).toBeNull()
        expect(seen.can.accept).toBe(true)
        expect(seen.booker.can.call).toBe(false)
      }
      for (const who of [R2, R3, R4, V2]) await expectMaskedOrHidden(who, e.id)
    })

    it('accepted: full for the accepting agent, masked for the other agents', async () => {
      const e = await flow().accepted(R1, V1, { phone: CONTACT })
      const agentView = await expectFull(V1, e.id)
      expect(agentView.booker.can.call).toBe(true)
      for (const who of [R1, GW, CM]) await expectFull(who, e.id)
      for (const who of [A2, R2, R4, V2]) await expectMaskedOrHidden(who, e.id)
    })

    it('completed: still full for the agent', async () => {
      const e = await flow().completed(R1, V1, { phone: CONTACT })
      await expectFull(V1, e.id)
      await expectMaskedOrHidden(A2, e.id)
    })

    it('closed: the agent no longer sees the booker in full; the booker and staff still do', async () => {
      const e = await flow().closed(R1, V1, { phone: CONTACT })
      const res = await get(V1, e.id)
      if (res.ok) {
        expect(res.data.booker).toMatchObject(R1_MASKED)
        expect(res.data.contactPhone).toBeNull()
      } else expectError(res, 'NOT_FOUND')
      for (const who of [R1, GW, CM]) await expectFull(who, e.id)
    })

    it('released: the agent who let it go sees it masked again', async () => {
      const e = await flow().accepted(R1, V1, { phone: CONTACT })
      data(await flow().call(V1, 'release', { id: e.id, reason: '临时有事' }))
      const seen = data(await get(V1, e.id))
      expect(seen.booker).toMatchObject(R1_MASKED)
      expect(seen.contactPhone).toBeNull()
    })

    it("the booker's own contact is never a call button for herself", async () => {
      const e = await flow().accepted(R1, V1)
      expect(data(await get(R1, e.id)).booker.can.call).toBe(false)
      expect(data(await get(GW, e.id)).booker.can.call).toBe(true)
    })
  })

  describe('the agent per viewer', () => {
    it('in hand: full for the booker, staff and the agent; masked for others', async () => {
      const e = await flow().accepted(R1, V1)
      for (const who of [R1, GW, CM, V1]) {
        expect(data(await get(who, e.id)).agent).toMatchObject(V1_FULL)
      }
      expect(data(await get(R1, e.id)).agent?.can.call).toBe(true)
      expect(data(await get(V1, e.id)).agent?.can.call).toBe(false)
      for (const who of [A2, R2, R4]) {
        const res = await get(who, e.id)
        if (res.ok) expect(res.data.agent).toMatchObject(V1_MASKED)
        else expectError(res, 'NOT_FOUND')
      }
    })

    it("once closed the booker no longer gets the agent's phone; staff still do", async () => {
      const e = await flow().closed(R1, V1)
      const agent = data(await get(R1, e.id)).agent
      expect(agent?.phone).toBeNull()
      expect(agent?.can.call).toBe(false)
      expect(data(await get(GW, e.id)).agent).toMatchObject(V1_FULL)
    })
  })

  describe('in the data export (user.exportMyData)', () => {
    const exported = async (who: string) =>
      JSON.stringify(data(await call(emu(), 'user', who, 'exportMyData', {})).records)

    it("holds the booker's errands, and shows the agent the booker only as the app does", async () => {
      const e = await flow().closed(R1, V1, { phone: CONTACT })
      const mine = await exported(R1)
      expect(mine).toContain(e.id)
      expect(mine).toContain('13912345678')
      const agents = await exported(V1)
      expect(agents).toContain(e.id)
      // Closed: the agent's need has passed.
      expect(agents).not.toMatch(/张桂兰|13800000001|13912345678/)
      expect(await exported(R2)).not.toContain(e.id)
    })
  })
})
