import {
  call,
  CM,
  data,
  DelibFlow,
  expectError,
  GW,
  HOUR,
  jamBins,
  MINUTE,
  newC2Resident,
  newResident,
  R1,
  R2,
  R3,
  R4,
  rollOf,
  storedBallots,
  useEmulator,
  V1,
} from './helpers'

// deliberation.openVoting and vote: the roll frozen when voting opens, one ballot per resident
// or per household however many requests race, final, refused outside the voting window, and a
// receipt that only the voter's own answer carries.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

describe('deliberation.openVoting', () => {
  it('the committee opens voting early: phase voting, the roll counted then, turnout 0', async () => {
    const t = await flow().create(GW)
    expect(t).toMatchObject({ phase: 'discussion', eligibleCount: null, quorumNeeded: null })
    const opened = data(await call(emu(), 'deliberation', CM, 'openVoting', { id: t.id }))
    const roll = await rollOf(emu(), { type: 'grid', id: 'g1' })
    expect(opened).toMatchObject({
      id: t.id,
      phase: 'voting',
      eligibleCount: roll.residents.length,
      turnout: 0,
      myVote: { voted: false, byHousehold: false },
    })
    expect(opened.votingOpenedAt).toEqual(expect.any(String))
    expect(opened.timeline.map((e) => e.type)).toEqual(['created', 'votingOpened'])
    // Residents see it too, and they are on the roll.
    expect(data(await flow().get(R1, t.id)).myVote).toMatchObject({ voted: false, eligible: true })
  })

  it('a household topic counts households: 张桂兰 and her son are one', async () => {
    const t = await flow().voting(CM, { unit: 'household', scope: { type: 'community', id: 'c1' } })
    const roll = await rollOf(emu(), { type: 'community', id: 'c1' })
    expect(t.eligibleCount).toBe(roll.households)
    expect(roll.households).toBeLessThan(roll.residents.length)
  })

  it('the roll counted with the topic, for each scope and unit, as the users hold it', async () => {
    await newC2Resident(emu()) // another community's resident counts on neither
    for (const scope of [
      { type: 'grid', id: 'g1' },
      { type: 'community', id: 'c1' },
    ] as const) {
      const roll = await rollOf(emu(), scope)
      for (const unit of ['resident', 'household'] as const) {
        const t = await flow().voting(CM, { unit, scope })
        const want = unit === 'household' ? roll.households : roll.residents.length
        expect({ scope: scope.type, unit, eligible: t.eligibleCount }).toEqual({
          scope: scope.type,
          unit,
          eligible: want,
        })
      }
    }
  })

  it('the creator (a grid worker) may open voting; a resident may not; twice is CONFLICT', async () => {
    const t = await flow().create(GW)
    expectError(await call(emu(), 'deliberation', R1, 'openVoting', { id: t.id }), 'FORBIDDEN')
    expect(data(await call(emu(), 'deliberation', GW, 'openVoting', { id: t.id })).phase).toBe(
      'voting'
    )
    expectError(await call(emu(), 'deliberation', CM, 'openVoting', { id: t.id }), 'CONFLICT')
  })

  it('a grid worker may not open voting on a topic the committee created', async () => {
    const t = await flow().create(CM)
    expectError(await call(emu(), 'deliberation', GW, 'openVoting', { id: t.id }), 'FORBIDDEN')
    expect(data(await flow().get(CM, t.id)).phase).toBe('discussion')
  })

  it('an unknown topic is NOT_FOUND; a resident of another grid does not learn it exists', async () => {
    expectError(
      await call(emu(), 'deliberation', CM, 'openVoting', { id: 'no-such-topic' }),
      'NOT_FOUND'
    )
    const t = await flow().create(GW)
    expectError(await call(emu(), 'deliberation', R3, 'openVoting', { id: t.id }), 'NOT_FOUND')
  })
})

describe('deliberation.vote', () => {
  it('a resident votes: a receipt, turnout 1, myVote voted, and the choice nowhere in the topic', async () => {
    const t = await flow().voting()
    const res = await flow().voted(R1, t.id, 1)
    expect(res.receipt).toEqual(expect.any(String))
    expect(res.receipt.length).toBeGreaterThanOrEqual(12)
    expect(res.topic).toMatchObject({ id: t.id, turnout: 1, can: { vote: false } })
    expect(res.topic.myVote).toMatchObject({
      voted: true,
      byHousehold: false,
      receipt: res.receipt,
    })
    const later = data(await flow().get(R1, t.id))
    expect(later.myVote).toMatchObject({ voted: true, byHousehold: false })
    // The receipt is stored nowhere with her: only the vote's own answer carries it.
    expect(later.myVote.receipt).toBeUndefined()
    expect(JSON.stringify(later)).not.toContain(res.receipt)
    expect(later).not.toHaveProperty('counts')
    // Others see the turnout, not who voted.
    const seen = data(await flow().get(R2, t.id))
    expect(seen).toMatchObject({ turnout: 1, myVote: { voted: false }, can: { vote: true } })
  })

  it('a second vote by the same resident is CONFLICT and the ballot is final', async () => {
    const t = await flow().voting()
    await flow().voted(R1, t.id, 0)
    expectError(await flow().vote(R1, t.id, 1), 'CONFLICT')
    expectError(await flow().vote(R1, t.id, 0), 'CONFLICT')
    expect(data(await flow().get(CM, t.id)).turnout).toBe(1)
    await flow().close(t.id)
    const result = data(await call(emu(), 'deliberation', CM, 'result', { id: t.id }))
    expect(result).toMatchObject({ counts: [1, 0], turnout: 1 })
  })

  it('50 parallel votes by one voter: exactly one ballot', async () => {
    const t = await flow().voting()
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => flow().vote(R2, t.id, i % 2, `race-${i}`))
    )
    const won = answers.filter((a) => a.ok)
    expect(won).toHaveLength(1)
    for (const a of answers.filter((x) => !x.ok)) expectError(a, 'CONFLICT')
    expect(data(await flow().get(R2, t.id))).toMatchObject({ turnout: 1, myVote: { voted: true } })
    await flow().close(t.id)
    const result = data(await call(emu(), 'deliberation', CM, 'result', { id: t.id }))
    expect(result.turnout).toBe(1)
    expect(result.counts.reduce((a, b) => a + b, 0)).toBe(1)
    const receipt = won[0].ok ? won[0].data.receipt : ''
    expect(
      data(await call(emu(), 'deliberation', R2, 'verifyReceipt', { id: t.id, receipt }))
    ).toMatchObject({ counted: true, origin: 'online' })
  })

  it('household topic: the son of a resident who voted gets CONFLICT and is told who voted', async () => {
    const t = await flow().voting(CM, { unit: 'household' })
    await flow().voted(R1, t.id, 0)
    const son = data(await flow().get(R4, t.id))
    expect(son.myVote).toMatchObject({
      voted: false,
      byHousehold: true,
      householdVoter: '桂兰阿姨',
    })
    expect(son.can.vote).toBe(false)
    expectError(await flow().vote(R4, t.id, 1), 'CONFLICT')
    // Another household of the grid still votes.
    expect((await flow().voted(R2, t.id, 1)).topic.turnout).toBe(2)
    // Neighbours outside the household are not told who voted in it.
    expect(data(await flow().get(R2, t.id)).myVote.householdVoter).not.toBe('桂兰阿姨')
  })

  it('household topic: mother and son racing each other yield one ballot', async () => {
    const t = await flow().voting(CM, { unit: 'household' })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => flow().vote(i % 2 ? R1 : R4, t.id, i % 2))
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(data(await flow().get(CM, t.id)).turnout).toBe(1)
  })

  it('a resident topic lets both members of a household vote', async () => {
    const t = await flow().voting(CM, { unit: 'resident' })
    await flow().voted(R1, t.id, 0)
    expect(data(await flow().get(R4, t.id)).myVote).toMatchObject({ byHousehold: false })
    expect((await flow().voted(R4, t.id, 1)).topic.turnout).toBe(2)
  })

  it('someone verified after voting opened is FORBIDDEN, and is not on the roll', async () => {
    const late = 'test-late-resident'
    data(
      await call(emu(), 'user', late, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b2',
        room: '909',
        name: '新来的',
      })
    )
    const t = await flow().voting()
    await emu().advanceClock(MINUTE)
    data(await call(emu(), 'user', GW, 'verifyResident', { openid: late, approve: true }))
    const seen = data(await flow().get(late, t.id))
    expect(seen.myVote.eligible).toBe(false)
    expect(seen.can.vote).toBe(false)
    expectError(await flow().vote(late, t.id, 0), 'FORBIDDEN')
    expect(data(await flow().get(CM, t.id))).toMatchObject({
      turnout: 0,
      eligibleCount: t.eligibleCount,
    })
  })

  it('a resident who moved and was verified again after voting opened is FORBIDDEN', async () => {
    const t = await flow().voting()
    await emu().advanceClock(MINUTE)
    data(
      await call(emu(), 'user', R2, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b3',
        room: '303',
        name: '李建国',
      })
    )
    data(await call(emu(), 'user', GW, 'verifyResident', { openid: R2, approve: true }))
    expect(data(await flow().get(R2, t.id)).myVote.eligible).toBe(false)
    expectError(await flow().vote(R2, t.id, 0), 'FORBIDDEN')
  })

  it('someone verified before voting opened may vote', async () => {
    await newResident(emu(), 'test-early-resident')
    const t = await flow().voting()
    expect((await flow().voted('test-early-resident', t.id, 0)).topic.turnout).toBe(1)
  })

  it('votes during discussion, after votingEndsAt (before the timer runs) and after close are CONFLICT', async () => {
    const d = await flow().create()
    expectError(await flow().vote(R1, d.id, 0), 'CONFLICT')

    const t = await flow().voting(CM, {})
    await emu().advanceClock(5 * 24 * HOUR + MINUTE) // past votingEndsAt, no timer run
    expectError(await flow().vote(R1, t.id, 0), 'CONFLICT')
    expect(data(await flow().get(CM, t.id)).turnout).toBe(0)

    await emu().setClock(0)
    const c = await flow().voting()
    await flow().close(c.id)
    expectError(await flow().vote(R1, c.id, 0), 'CONFLICT')
  })

  it('who may not vote: another grid NOT_FOUND, staff without a home and a newcomer refused', async () => {
    const t = await flow().voting()
    expectError(await flow().vote(R3, t.id, 0), 'NOT_FOUND')
    // Staff without a home of their own: refused at the gate (no grid) or as the wrong person.
    for (const staff of [GW, CM]) {
      const res = await flow().vote(staff, t.id, 0)
      expect(res.ok).toBe(false)
      if (!res.ok) expect(['NOT_BOUND', 'FORBIDDEN']).toContain(res.error.code)
    }
    const newcomer = await flow().vote('demo-newcomer', t.id, 0)
    expect(newcomer.ok).toBe(false)
    expect(data(await flow().get(CM, t.id)).turnout).toBe(0)
  })

  it('an option index past the options is INVALID_INPUT and stores nothing', async () => {
    const t = await flow().voting()
    expectError(await flow().vote(R1, t.id, 2), 'INVALID_INPUT', 'optionIndex')
    expectError(
      await flow().call(R1, 'vote', { id: t.id, optionIndex: -1 }),
      'INVALID_INPUT',
      'optionIndex'
    )
    expectError(
      await flow().call(R1, 'vote', { id: t.id, optionIndex: 0.5 }),
      'INVALID_INPUT',
      'optionIndex'
    )
    expectError(
      await flow().call(R1, 'vote', { id: t.id, optionIndex: '0' }),
      'INVALID_INPUT',
      'optionIndex'
    )
    expectError(await flow().call(R1, 'vote', { id: t.id }), 'INVALID_INPUT', 'optionIndex')
    expect(data(await flow().get(R1, t.id))).toMatchObject({ turnout: 0, myVote: { voted: false } })
    // Still free to vote.
    await flow().voted(R1, t.id, 1)
  })

  it('a ballot its bin does not take: the vote is taken back (CONFLICT, not INTERNAL), then cast once the box works', async () => {
    const t = await flow().voting()
    // A bin that holds no list (a broken write, say): no ballot can go in.
    await jamBins(emu(), t.id)
    const refused = await flow().vote(R1, t.id, 0)
    expectError(refused, 'CONFLICT')
    if (!refused.ok) expect(refused.error.message).toContain('投票未计入')
    expect(await emu().emulator.db.find('deliberationVotes', { topicId: t.id })).toEqual([])
    expect(data(await flow().get(R1, t.id))).toMatchObject({ turnout: 0, myVote: { voted: false } })
    // The bin gone, the next vote makes it again and goes in.
    await jamBins(emu(), t.id, false)
    await flow().voted(R1, t.id, 0)
    expect(data(await flow().get(R2, t.id)).turnout).toBe(1)
    expect(await storedBallots(emu(), t.id)).toHaveLength(1)
  })

  it('a replayed requestId answers without the receipt and changes nothing', async () => {
    const t = await flow().voting()
    const first = data(await flow().vote(V1, t.id, 0, 'vote-once'))
    const again = await flow().vote(V1, t.id, 0, 'vote-once')
    expect(again.ok).toBe(true)
    if (again.ok) {
      // The stored replay must not hold the receipt (it would tie the voter to the ballot).
      expect(again.data.receipt ?? null).toBeNull()
      expect(JSON.stringify(again.data)).not.toContain(first.receipt)
    }
    expect(data(await flow().get(CM, t.id)).turnout).toBe(1)
  })

  it('receipts differ from voter to voter', async () => {
    const t = await flow().voting()
    const receipts = new Set<string>()
    for (const who of [R1, R2, R4, V1]) receipts.add((await flow().voted(who, t.id, 0)).receipt)
    expect(receipts.size).toBe(4)
  })
})
