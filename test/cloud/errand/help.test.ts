import {
  booking,
  C2_RESIDENT,
  call,
  callWithStats,
  clockAt,
  data,
  ErrandFlow,
  expectError,
  GW,
  MINUTE,
  NEWCOMER,
  newC2Resident,
  R1,
  R3,
  redAgent,
  TPL,
  useEmulator,
  V1,
  WRITE_TRIPS,
  type Today,
} from './helpers'

// errand.help: the elders' one-tap call. An urgent errand for today that reaches the grid's
// workers and red agents at once, with the grid workers' numbers to dial; one per 10 minutes,
// outside the 2-open limit.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
/** The seed's other red agent of g1 (吴建军). */
const SEED_G1_AGENT = 'seed-g1-04'
const G2_AGENT = 'test-agent-g2'
let day: Today

beforeEach(async () => {
  day = await clockAt(emu(), '09:00')
})

describe('errand.help', () => {
  it('one tap: an urgent help errand for today, the grid workers to dial, and everyone told at once', async () => {
    await redAgent(emu(), G2_AGENT, 'g2')
    const { result, roundTrips } = await callWithStats(
      emu(),
      'errand',
      R1,
      'help',
      { note: '头晕，站不起来' },
      'help-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const { errand, callNumbers } = data(result)
    expect(callNumbers).toEqual(['13800000007'])
    expect(errand).toMatchObject({
      type: 'help',
      urgent: true,
      status: 'requested',
      date: day.date,
      gridId: 'g1',
      mine: true,
      booker: { name: '张桂兰', room: '101', phone: '13800000001' },
      can: { cancel: true, accept: false },
    })
    expect(errand.timeline.map((t) => t.type)).toEqual(['help'])
    // The grid worker is alerted, the grid's red agents see it in their pool and are told.
    expect(await flow().messagesAbout(GW, errand.id)).toContain(TPL.alert)
    for (const agent of [V1, SEED_G1_AGENT]) {
      expect(await flow().messagesAbout(agent, errand.id)).toContain(TPL.pool)
    }
    expect(await flow().messagesAbout(G2_AGENT, errand.id)).toEqual([])
    const messages = await emu().outbox()
    expect(JSON.stringify(messages.map((m) => m.data))).not.toMatch(/张桂兰|13800000001|头晕/)
    const pool = await flow().listAll(V1, 'pool')
    expect(pool.find((e) => e.id === errand.id)).toMatchObject({ urgent: true, type: 'help' })
    expect(await flow().ids(GW, 'managed')).toContain(errand.id)
    // A red agent takes it like any other.
    const taken = data(await call(emu(), 'errand', V1, 'accept', { id: errand.id }))
    expect(taken).toMatchObject({ status: 'accepted', agent: { name: '赵志强' } })
  })

  it('works at any hour, dated today (Asia/Shanghai), also when every slot of today is over', async () => {
    const late = await clockAt(emu(), '23:30')
    const { errand } = data(await call(emu(), 'errand', R3, 'help', {}))
    expect(errand).toMatchObject({ type: 'help', urgent: true, date: late.date, gridId: 'g2' })
  })

  it('just after midnight Shanghai (the day before in UTC) it is dated the Shanghai day', async () => {
    const now = await clockAt(emu(), '00:30')
    const { errand } = data(await call(emu(), 'errand', R1, 'help', {}))
    expect(errand.date).toBe(now.date)
  })

  it('a grid without a grid worker still takes the call, with no number to dial', async () => {
    await newC2Resident(emu())
    const { errand, callNumbers } = data(await call(emu(), 'errand', C2_RESIDENT, 'help', {}))
    expect(errand).toMatchObject({ type: 'help', gridId: 'g3', status: 'requested' })
    expect(callNumbers).toEqual([])
  })

  it('is not counted among the 2 open errands, and they do not block it', async () => {
    await flow().requested(R1)
    await flow().requested(R1)
    data(await call(emu(), 'errand', R1, 'help', {}))
    expectError(await flow().call(R1, 'book', booking(emu())), 'LIMIT_EXCEEDED')
  })

  it('a help errand leaves room for two bookings', async () => {
    data(await call(emu(), 'errand', R1, 'help', {}))
    await flow().requested(R1)
    await flow().requested(R1)
  })

  it('at most one per 10 minutes per resident: LIMIT_EXCEEDED until then, nothing stored', async () => {
    data(await call(emu(), 'errand', R1, 'help', {}))
    const before = await flow().count()
    expectError(await flow().call(R1, 'help', {}), 'LIMIT_EXCEEDED')
    await emu().advanceClock(9 * MINUTE)
    expectError(await flow().call(R1, 'help', {}), 'LIMIT_EXCEEDED')
    expect(await flow().count()).toBe(before)
    // Another resident is not held back.
    data(await call(emu(), 'errand', R3, 'help', {}))
    await emu().advanceClock(MINUTE + 5_000)
    data(await call(emu(), 'errand', R1, 'help', {}))
  })

  it('5 taps at once make exactly one help errand', async () => {
    const before = await flow().count()
    const results = await Promise.all(Array.from({ length: 5 }, () => flow().call(R1, 'help', {})))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) {
      expect(!r.ok && ['LIMIT_EXCEEDED', 'CONFLICT']).toContain(!r.ok && r.error.code)
    }
    expect(await flow().count()).toBe(before + 1)
  })

  it('a repeated requestId replays the first call instead of hitting the limit', async () => {
    const first = data(await flow().call(R1, 'help', {}, 'help-once'))
    const again = data(await flow().call(R1, 'help', {}, 'help-once'))
    expect(again).toEqual(first)
  })

  it('refuses callers who are not verified residents, storing nothing', async () => {
    const before = await flow().count()
    expectError(await flow().call(null, 'help', {}), 'UNAUTHENTICATED')
    expectError(await flow().call(NEWCOMER, 'help', {}), 'NOT_BOUND')
    data(
      await emu().call('user', NEWCOMER, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '909',
        name: '新邻居',
      })
    )
    expectError(await flow().call(NEWCOMER, 'help', {}), 'NOT_VERIFIED')
    expect(await flow().count()).toBe(before)
  })

  it.each([
    ['a 101-character note', { note: '急'.repeat(101) }, 'INVALID_INPUT'],
    ['a number as note', { note: 120 }, 'INVALID_INPUT'],
    ['risky text in the note', { note: '违禁测试词' }, 'CONTENT_REJECTED'],
  ])('%s is refused on the note field and nothing is stored', async (_label, input, code) => {
    const before = await flow().count()
    expectError(await flow().call(R1, 'help', input), code, 'note')
    expect(await flow().count()).toBe(before)
    // A refused tap does not use up the 10 minutes.
    data(await call(emu(), 'errand', R1, 'help', { note: '急'.repeat(100) }))
  })
})
