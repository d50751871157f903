import {
  C2_RESIDENT,
  call,
  callWithStats,
  clockAt,
  CM,
  data,
  expectError,
  GW,
  MatterFlow,
  NEWCOMER,
  newC2Resident,
  newResident,
  R1,
  R2,
  R3,
  R4,
  useEmulator,
  WRITE_TRIPS,
} from './helpers'

// matter.second (附议 "我也遇到"): verified residents of the matter's community, once each, never
// on their own; the matter carries `seconds` and each viewer's `mySecond`.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('matter.second', () => {
  it('a neighbour seconds: seconds +1, mySecond for her only, can.second gone for her', async () => {
    const m = await flow().reported(R1)
    expect(data(await flow().get(R2, m.id)).can.second).toBe(true)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'matter',
      R2,
      'second',
      { id: m.id },
      'second-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(data(result)).toMatchObject({ seconds: 1, mySecond: true, can: { second: false } })
    expect(data(await flow().get(R1, m.id))).toMatchObject({ seconds: 1, mySecond: false })
    expect(data(await flow().get(R4, m.id))).toMatchObject({
      seconds: 1,
      mySecond: false,
      can: { second: true },
    })
    // The board and the staff queue show the count.
    const onBoard = (await flow().listAll(R2, 'grid')).find((x) => x.id === m.id)
    expect(onBoard).toMatchObject({ seconds: 1, mySecond: true })
    expect((await flow().listAll(GW, 'queue')).find((x) => x.id === m.id)?.seconds).toBe(1)
    // The timeline says someone seconded it, not who.
    for (const t of data(await flow().get(GW, m.id)).timeline) {
      expect(`${t.text}|${t.by}`).not.toMatch(/李建国|建国|13800000002|202/)
    }
  })

  it('a resident of the other grid of the community may second; the household member too', async () => {
    const m = await flow().reported(R1)
    expect(data(await call(emu(), 'matter', R3, 'second', { id: m.id })).seconds).toBe(1)
    expect(data(await call(emu(), 'matter', R4, 'second', { id: m.id })).seconds).toBe(2)
  })

  it('not on her own matter: refused, seconds unchanged', async () => {
    const m = await flow().reported(R1)
    expect(m.can.second).toBe(false)
    const res = await flow().call(R1, 'second', { id: m.id })
    expect(res.ok).toBe(false)
    expect(!res.ok && ['FORBIDDEN', 'CONFLICT']).toContain(!res.ok && res.error.code)
    expect(data(await flow().get(R1, m.id)).seconds).toBe(0)
  })

  it('once each: a second time is CONFLICT, seconds unchanged', async () => {
    const m = await flow().reported(R1)
    data(await call(emu(), 'matter', R2, 'second', { id: m.id }))
    expectError(await flow().call(R2, 'second', { id: m.id }), 'CONFLICT')
    expect(data(await flow().get(R1, m.id)).seconds).toBe(1)
  })

  it('a repeated requestId replays the first answer and counts once', async () => {
    const m = await flow().reported(R1)
    const first = data(await flow().call(R2, 'second', { id: m.id }, 'sec-1'))
    const again = data(await flow().call(R2, 'second', { id: m.id }, 'sec-1'))
    expect(again.seconds).toBe(first.seconds)
    expect(data(await flow().get(R1, m.id)).seconds).toBe(1)
  })

  it('20 parallel seconds by one resident: seconds +1 exactly once, the rest refused', async () => {
    const m = await flow().reported(R1)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => flow().call(R2, 'second', { id: m.id }))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    expect(data(await flow().get(R1, m.id)).seconds).toBe(1)
    expect(data(await flow().get(R2, m.id))).toMatchObject({ seconds: 1, mySecond: true })
  })

  it('8 residents second at once: seconds is 8', async () => {
    const m = await flow().reported(R1)
    const people = Array.from({ length: 6 }, (_x, n) => `test-neighbour-${n}`)
    for (const who of people) await newResident(emu(), who)
    const all = [...people, R2, R3]
    const results = await Promise.all(all.map((who) => flow().call(who, 'second', { id: m.id })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(data(await flow().get(R1, m.id)).seconds).toBe(all.length)
  })

  it('staff, people of another community and people without a grid may not second', async () => {
    await newC2Resident(emu())
    const m = await flow().reported(R1)
    for (const who of [GW, CM, C2_RESIDENT, NEWCOMER]) {
      const res = await flow().call(who, 'second', { id: m.id })
      expect([who, res.ok]).toEqual([who, false])
    }
    expect(data(await flow().get(R1, m.id)).seconds).toBe(0)
  })

  it('a withdrawn matter cannot be seconded', async () => {
    const m = await flow().withdrawn(R1)
    const res = await flow().call(R2, 'second', { id: m.id })
    expect(res.ok).toBe(false)
    expect(data(await flow().get(R1, m.id)).seconds).toBe(0)
  })
})
