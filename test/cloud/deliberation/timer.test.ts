import {
  call,
  CM,
  data,
  DelibFlow,
  expectError,
  GW,
  HOUR,
  MINUTE,
  NEWCOMER,
  R1,
  R2,
  R3,
  R4,
  rollOf,
  TPL,
  useEmulator,
  V1,
} from './helpers'

// The `deliberation` timer, reached through the clock endpoint: discussion → voting at
// discussionEndsAt (the roll frozen then, the eligible told), voting → closed at votingEndsAt
// (the result published and told); votes after votingEndsAt refused even before it runs.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

const at = (ms: number) => new Date(emu().emulator.clock.now() + ms).toISOString()

/** Moves the clock on by `ms` (from where it is) and runs the timer. */
const after = async (ms: number) => {
  await emu().advanceClock(ms)
  await flow().tick()
}

describe('deliberation timer', () => {
  it('discussion → voting at discussionEndsAt, voting → closed at votingEndsAt, each once', async () => {
    const t = await flow().create(GW, {
      discussionEndsAt: at(HOUR),
      votingEndsAt: at(3 * HOUR),
    })
    await after(HOUR - 5 * MINUTE)
    expect(data(await flow().get(R1, t.id)).phase).toBe('discussion')
    expectError(await flow().vote(R1, t.id, 0), 'CONFLICT')

    await after(6 * MINUTE)
    const open = data(await flow().get(R1, t.id))
    const roll = await rollOf(emu(), { type: 'grid', id: 'g1' })
    expect(open).toMatchObject({
      phase: 'voting',
      eligibleCount: roll.residents.length,
      turnout: 0,
    })
    expect(open.timeline.map((e) => e.type)).toEqual(['created', 'votingOpened'])
    await flow().voted(R1, t.id, 0)
    await flow().voted(R2, t.id, 0)

    await after(2 * HOUR - 5 * MINUTE)
    expect(data(await flow().get(R1, t.id)).phase).toBe('voting')
    await after(6 * MINUTE)
    const closed = data(await flow().get(R1, t.id))
    expect(closed).toMatchObject({ phase: 'closed', outcome: 'decided', turnout: 2 })
    expect(closed.timeline.map((e) => e.type)).toEqual(['created', 'votingOpened', 'closed'])
    expect(data(await call(emu(), 'deliberation', R2, 'result', { id: t.id }))).toMatchObject({
      counts: [2, 0],
      winner: 0,
    })

    // Running again changes nothing and sends nothing new.
    const sent = (await emu().outbox()).filter((m) => (m.page ?? '').includes(t.id)).length
    await after(HOUR)
    expect((await emu().outbox()).filter((m) => (m.page ?? '').includes(t.id))).toHaveLength(sent)
    expect(data(await flow().get(R1, t.id)).timeline).toHaveLength(3)
  })

  it('votes after votingEndsAt are refused before the timer closes the topic', async () => {
    const t = await flow().create(CM, { discussionEndsAt: at(HOUR), votingEndsAt: at(2 * HOUR) })
    await after(HOUR + MINUTE)
    await flow().voted(R1, t.id, 1)
    await emu().advanceClock(HOUR) // 1 minute past votingEndsAt, no timer run
    expectError(await flow().vote(R2, t.id, 0), 'CONFLICT')
    await flow().tick()
    const r = data(await call(emu(), 'deliberation', R1, 'result', { id: t.id }))
    expect(r).toMatchObject({ counts: [0, 1], turnout: 1 })
  })

  it('a topic opened early by the committee is closed at votingEndsAt; one closed early is left alone', async () => {
    const early = await flow().create(CM, {
      discussionEndsAt: at(HOUR),
      votingEndsAt: at(2 * HOUR),
    })
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: early.id }))
    const done = await flow().create(CM, { discussionEndsAt: at(HOUR), votingEndsAt: at(2 * HOUR) })
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: done.id }))
    const closedAt = (await flow().close(done.id)).closedAt
    await after(HOUR + MINUTE)
    expect(data(await flow().get(R1, early.id)).phase).toBe('voting')
    await after(HOUR)
    expect(data(await flow().get(R1, early.id)).phase).toBe('closed')
    const still = data(await flow().get(R1, done.id))
    expect(still.closedAt).toBe(closedAt)
    expect(still.timeline.filter((e) => e.type === 'closed')).toHaveLength(1)
  })

  it('when voting opens the eligible are told; not those outside the scope or verified later', async () => {
    const late = 'test-late-timer'
    data(
      await call(emu(), 'user', late, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b2',
        room: '707',
        name: '晚来的',
      })
    )
    const t = await flow().create(GW, { discussionEndsAt: at(HOUR), votingEndsAt: at(3 * HOUR) })
    expect(await flow().recipients(TPL.votingOpened, t.id)).toEqual([])
    await after(HOUR + MINUTE)
    const told = await flow().recipients(TPL.votingOpened, t.id)
    const roll = await rollOf(emu(), { type: 'grid', id: 'g1' })
    expect(told).toEqual(expect.arrayContaining([R1, R2, R4, V1]))
    for (const who of told) expect(roll.residents).toContain(who)
    for (const who of [R3, late, NEWCOMER, CM]) expect(told).not.toContain(who)
    expect(new Set(told).size).toBe(told.length) // once each

    // Verified later: not told, not eligible.
    data(await call(emu(), 'user', GW, 'verifyResident', { openid: late, approve: true }))
    expectError(await flow().vote(late, t.id, 0), 'FORBIDDEN')

    await flow().voted(R1, t.id, 0)
    await after(2 * HOUR)
    const results = await flow().recipients(TPL.resultPublished, t.id)
    expect(results).toContain(R1)
    for (const who of results) expect(roll.residents).toContain(who)
    expect(results).not.toContain(R3)
    expect(new Set(results).size).toBe(results.length)
  })

  it('timer runs at the same moment close a topic once and tell each resident once', async () => {
    const runs = async () => {
      await Promise.all(Array.from({ length: 4 }, () => flow().tick()))
    }
    await runs() // four warm instances, so that the next runs really overlap
    const t = await flow().create(CM, {
      scope: { type: 'community', id: 'c1' },
      discussionEndsAt: at(HOUR),
      votingEndsAt: at(2 * HOUR),
    })
    await emu().advanceClock(HOUR + MINUTE)
    await runs()
    const opened = await flow().recipients(TPL.votingOpened, t.id)
    expect(opened.length).toBeGreaterThan(0)
    expect(opened).toEqual([...new Set(opened)])
    await flow().voted(R1, t.id, 0)
    await emu().advanceClock(HOUR)
    await runs()
    const told = await flow().recipients(TPL.resultPublished, t.id)
    expect(told).toContain(R1)
    expect(told).toEqual([...new Set(told)])
    const closed = data(await flow().get(R1, t.id)).timeline.filter((e) => e.type === 'closed')
    expect(closed).toHaveLength(1)
  })

  it('timer runs at the same moment after a close leave each ballot stored once', async () => {
    await Promise.all(Array.from({ length: 4 }, () => flow().tick())) // warm instances
    const t = await flow().voting(CM, { scope: { type: 'community', id: 'c1' } })
    const receipts: string[] = []
    for (const who of [R1, R2, R3, V1]) receipts.push((await flow().voted(who, t.id, 1)).receipt)
    await flow().close(t.id)
    await Promise.all(Array.from({ length: 4 }, () => flow().tick()))
    // Whatever the runs do to the box (a receipt lives in its ballot and nowhere else).
    const db = emu().emulator.db
    const stored: string[] = []
    for (const name of db.collectionNames()) {
      for (const doc of await db.find(name)) stored.push(JSON.stringify(doc))
    }
    expect(receipts.map((r) => stored.filter((d) => d.includes(r)).length)).toEqual([1, 1, 1, 1])
    for (const receipt of receipts) {
      expect(
        data(await call(emu(), 'deliberation', R1, 'verifyReceipt', { id: t.id, receipt }))
      ).toEqual({ counted: true, optionIndex: 1, origin: 'online' })
    }
  })

  it('openVoting and close by hand tell the same people (by the next timer run at the latest)', async () => {
    const t = await flow().create(CM, { scope: { type: 'community', id: 'c1' } })
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: t.id }))
    await flow().tick()
    const told = await flow().recipients(TPL.votingOpened, t.id)
    expect(told).toEqual(expect.arrayContaining([R1, R2, R3, R4, V1]))
    expect(told).not.toContain(GW)
    await flow().voted(R3, t.id, 1)
    await flow().close(t.id)
    await flow().tick()
    expect(await flow().recipients(TPL.resultPublished, t.id)).toContain(R3)
    // once each, however often the timer runs
    await flow().tick()
    const twice = await flow().recipients(TPL.votingOpened, t.id)
    expect(new Set(twice).size).toBe(twice.length)
  })
})
