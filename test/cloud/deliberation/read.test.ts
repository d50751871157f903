import {
  ADMIN,
  C2_RESIDENT,
  call,
  callWithStats,
  CM,
  data,
  DelibFlow,
  expectError,
  GW,
  newC2Resident,
  NEWCOMER,
  R1,
  R2,
  R3,
  R4,
  READ_TRIPS,
  useEmulator,
  V2,
} from './helpers'

// deliberation.get and list: open to verified residents within the topic's scope and to staff
// (NOT_FOUND to anyone else), the open and closed scopes, paging, the live turnout and no
// per-option counts before close, within the read budget.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

describe('deliberation.get', () => {
  it('a grid topic: its residents and staff see it; another grid, another community, a newcomer do not', async () => {
    await newC2Resident(emu())
    const t = await flow().create(GW)
    for (const who of [R1, R2, GW, CM]) {
      const { result, roundTrips } = await callWithStats(emu(), 'deliberation', who, 'get', {
        id: t.id,
      })
      expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
      expect(data(result).id).toBe(t.id)
    }
    expectError(await flow().get(R3, t.id), 'NOT_FOUND')
    expectError(await flow().get(V2, t.id), 'NOT_FOUND')
    expectError(await flow().get(C2_RESIDENT, t.id), 'NOT_FOUND')
    const newcomer = await flow().get(NEWCOMER, t.id)
    expect(newcomer.ok).toBe(false)
    if (!newcomer.ok) expect(['NOT_FOUND', 'NOT_BOUND']).toContain(newcomer.error.code)
    expectError(await flow().get(R1, 'no-such-topic'), 'NOT_FOUND')
  })

  it('a community topic: residents of both grids see it, the other community does not', async () => {
    await newC2Resident(emu())
    const t = await flow().create(CM, { scope: { type: 'community', id: 'c1' } })
    for (const who of [R1, R3, V2, GW]) expect(data(await flow().get(who, t.id)).id).toBe(t.id)
    expectError(await flow().get(C2_RESIDENT, t.id), 'NOT_FOUND')
  })

  it('an unverified resident of the grid is refused', async () => {
    const t = await flow().create(GW)
    data(
      await call(emu(), 'user', 'test-pending', 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '303',
        name: '待认证',
      })
    )
    const res = await flow().get('test-pending', t.id)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(['NOT_VERIFIED', 'NOT_FOUND']).toContain(res.error.code)
  })

  it('the live turnout and the quorum meter, never the counts per option', async () => {
    const t = await flow().voting(CM, { quorum: 50 })
    expect(t.quorumNeeded).toBe(Math.ceil((50 * t.eligibleCount!) / 100))
    await flow().voted(R1, t.id, 0)
    await flow().voted(R2, t.id, 0)
    const seen = data(await flow().get(GW, t.id))
    expect(seen).toMatchObject({ turnout: 2, eligibleCount: t.eligibleCount, outcome: null })
    expect(JSON.stringify(seen)).not.toMatch(/"counts"|"winner"|"tallyHash"|"optionIndex"/)
  })

  it('bad ids are INVALID_INPUT naming id', async () => {
    expectError(await flow().call(R1, 'get', {}), 'INVALID_INPUT', 'id')
    expectError(await flow().call(R1, 'get', { id: 12 }), 'INVALID_INPUT', 'id')
    expectError(await flow().call(R1, 'get', { id: { $gt: '' } }), 'INVALID_INPUT', 'id')
  })
})

describe('deliberation.list', () => {
  it('open holds discussion and voting, closed the closed, no scope the open; each only where the viewer may see', async () => {
    const d = await flow().create(GW)
    const v = await flow().voting(CM)
    const c = (await flow().closed([[R1, 0]])).topic
    const g2 = await flow().create(CM, { scope: { type: 'grid', id: 'g2' } })
    const open = await flow().ids(R1, 'open')
    expect(open).toEqual(expect.arrayContaining([d.id, v.id]))
    expect(open).not.toContain(c.id)
    expect(open).not.toContain(g2.id)
    const closed = await flow().ids(R1, 'closed')
    expect(closed).toContain(c.id)
    expect(closed).not.toContain(d.id)
    // no scope: the open ones (the default)
    expect(await flow().ids(R1)).toEqual(expect.arrayContaining([d.id, v.id]))
    expect(await flow().ids(R3, 'open')).toContain(g2.id)
    expect(await flow().ids(R3, 'open')).not.toContain(d.id)
    const staff = await flow().ids(GW, 'open')
    expect(staff).toEqual(expect.arrayContaining([d.id, v.id, g2.id]))
    for (const t of await flow().listAll(R1, 'open')) {
      expect(['discussion', 'voting']).toContain(t.phase)
      expect(t.can).toEqual(expect.any(Object))
      expect(JSON.stringify(t)).not.toMatch(/"counts"|"winner"|"tallyHash"/)
    }
    for (const t of await flow().listAll(R1, 'closed')) expect(t.phase).toBe('closed')
  })

  it('pages without loss or repeat, and each page within the read budget', async () => {
    const made: string[] = []
    for (let i = 0; i < 7; i++) made.push((await flow().create(CM, { title: `议题第${i}号` })).id)
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 20; page++) {
      const { result, roundTrips } = await callWithStats(emu(), 'deliberation', R1, 'list', {
        scope: 'open',
        limit: 3,
        ...(cursor ? { cursor } : {}),
      })
      expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
      const res = data(result)
      expect(res.items.length).toBeLessThanOrEqual(3)
      seen.push(...res.items.map((t) => t.id))
      if (!res.nextCursor) break
      cursor = res.nextCursor
    }
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(expect.arrayContaining(made))
  })

  it('myVote in the list says voted for the voter only', async () => {
    const v = await flow().voting()
    await flow().voted(R1, v.id, 1)
    expect((await flow().listAll(R1, 'open')).find((t) => t.id === v.id)?.myVote.voted).toBe(true)
    expect((await flow().listAll(R2, 'open')).find((t) => t.id === v.id)?.myVote.voted).toBe(false)
  })

  it('myVote in the list shows a household member the household vote, as get does', async () => {
    const v = await flow().voting(CM, { unit: 'household', scope: { type: 'community', id: 'c1' } })
    await flow().voted(R1, v.id, 0)
    for (const who of [R1, R4, R2]) {
      const listed = (await flow().listAll(who, 'open')).find((t) => t.id === v.id)
      const got = data(await flow().get(who, v.id))
      expect({ who, myVote: listed?.myVote, can: listed?.can }).toEqual({
        who,
        myVote: got.myVote,
        can: got.can,
      })
    }
    const son = (await flow().listAll(R4, 'open')).find((t) => t.id === v.id)!
    expect(son.myVote).toMatchObject({ voted: false, byHousehold: true })
    expect(son.myVote.householdVoter).toEqual(expect.any(String))
    expect(son.can.vote).toBe(false)
    const { roundTrips } = await callWithStats(emu(), 'deliberation', R4, 'list', { scope: 'open' })
    expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
  })

  it('bad input: an unknown scope, a limit of 0 or 51, a forged cursor', async () => {
    expectError(await flow().call(R1, 'list', { scope: 'mine' }), 'INVALID_INPUT', 'scope')
    expectError(await flow().call(R1, 'list', { limit: 0 }), 'INVALID_INPUT', 'limit')
    expectError(await flow().call(R1, 'list', { limit: 51 }), 'INVALID_INPUT', 'limit')
    expectError(
      await flow().call(R1, 'list', { cursor: 'not-a-cursor' }),
      'INVALID_INPUT',
      'cursor'
    )
  })

  it('the admin and a newcomer get an envelope, a newcomer no topics of c1', async () => {
    const t = await flow().create(GW)
    const res = await flow().call(NEWCOMER, 'list', {})
    if (res.ok) expect(JSON.stringify(res.data)).not.toContain(t.id)
    else expect(['NOT_BOUND', 'NOT_FOUND']).toContain(res.error.code)
    expect((await flow().call(ADMIN, 'list', {})).ok).toBe(true)
  })
})
