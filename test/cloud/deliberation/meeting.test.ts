import type { RecordInPersonResult } from '@/contract/deliberation'
import {
  call,
  CM,
  data,
  DelibFlow,
  expectError,
  GW,
  jamBins,
  MINUTE,
  newResident,
  R1,
  R2,
  R3,
  R4,
  useEmulator,
  V1,
} from './helpers'

// deliberation.recordInPerson: ballots cast at a meeting, entered by the committee against the
// same roll as the online ones: an entry for someone who already voted fails on its own while
// the others count, and those recorded cannot then vote online.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

const record = (id: string, votes: { openid: string; optionIndex: number }[], who = CM) =>
  call(emu(), 'deliberation', who, 'recordInPerson', { id, votes })

describe('deliberation.recordInPerson', () => {
  it('an entry for someone who voted online is CONFLICT, the rest counted; they cannot then vote online', async () => {
    const t = await flow().voting()
    await flow().voted(R1, t.id, 0)
    const res: RecordInPersonResult = data(
      await record(t.id, [
        { openid: R2, optionIndex: 1 },
        { openid: R1, optionIndex: 1 },
        { openid: V1, optionIndex: 0 },
      ])
    )
    expect(res.entries.map((e) => [e.index, e.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ])
    const refused = res.entries[1]
    if (!refused.ok) expect(refused.error.code).toBe('CONFLICT')
    const receipts = res.entries.flatMap((e) => (e.ok ? [e.receipt] : []))
    expect(new Set(receipts).size).toBe(2)
    expect(res.topic.turnout).toBe(3)
    expect(res.topic.timeline.map((e) => e.type)).toContain('meetingVotes')

    // Recorded at the meeting: no online vote any more, and they see that they voted.
    expectError(await flow().vote(R2, t.id, 0), 'CONFLICT')
    expectError(await flow().vote(V1, t.id, 1), 'CONFLICT')
    expect(data(await flow().get(R2, t.id)).myVote).toMatchObject({ voted: true })
    // Recording them again is CONFLICT per entry.
    const again = data(await record(t.id, [{ openid: V1, optionIndex: 1 }]))
    expect(again.entries[0].ok).toBe(false)
    expect(again.topic.turnout).toBe(3)

    await flow().close(t.id)
    const r = data(await call(emu(), 'deliberation', CM, 'result', { id: t.id }))
    expect(r).toMatchObject({ counts: [2, 1], turnout: 3, byOrigin: { online: 1, meeting: 2 } })
    for (const receipt of receipts) {
      expect(
        data(await call(emu(), 'deliberation', CM, 'verifyReceipt', { id: t.id, receipt }))
      ).toMatchObject({ counted: true, origin: 'meeting' })
    }
  })

  it('the same person twice in one call: the second entry is CONFLICT', async () => {
    const t = await flow().voting()
    const res = data(
      await record(t.id, [
        { openid: R2, optionIndex: 0 },
        { openid: R2, optionIndex: 1 },
      ])
    )
    expect(res.entries.map((e) => e.ok)).toEqual([true, false])
    const second = res.entries[1]
    if (!second.ok) expect(second.error.code).toBe('CONFLICT')
    expect(res.topic.turnout).toBe(1)
  })

  it('household topic: a member of a household that voted online is CONFLICT', async () => {
    const t = await flow().voting(CM, { unit: 'household' })
    await flow().voted(R1, t.id, 0)
    const res = data(
      await record(t.id, [
        { openid: R4, optionIndex: 1 },
        { openid: R2, optionIndex: 1 },
      ])
    )
    expect(res.entries.map((e) => e.ok)).toEqual([false, true])
    const son = res.entries[0]
    if (!son.ok) expect(son.error.code).toBe('CONFLICT')
    // and the household recorded at the meeting cannot vote online through another member
    const m = await flow().voting(CM, { unit: 'household' })
    expect(data(await record(m.id, [{ openid: R4, optionIndex: 0 }])).entries[0].ok).toBe(true)
    expectError(await flow().vote(R1, m.id, 1), 'CONFLICT')
    expect(data(await flow().get(R1, m.id)).myVote).toMatchObject({ byHousehold: true })
  })

  it('entries for people off the roll are refused on their own', async () => {
    const late = 'test-late-meeting'
    data(
      await call(emu(), 'user', late, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b3',
        room: '606',
        name: '后来的',
      })
    )
    const t = await flow().voting()
    await emu().advanceClock(MINUTE)
    data(await call(emu(), 'user', GW, 'verifyResident', { openid: late, approve: true }))
    const res = data(
      await record(t.id, [
        { openid: R3, optionIndex: 0 }, // another grid
        { openid: late, optionIndex: 0 }, // verified after voting opened
        { openid: 'nobody-at-all', optionIndex: 0 },
        { openid: GW, optionIndex: 0 }, // staff, no home here
        { openid: R2, optionIndex: 0 },
      ])
    )
    expect(res.entries.map((e) => e.ok)).toEqual([false, false, false, false, true])
    const late1 = res.entries[1]
    if (!late1.ok) expect(late1.error.code).toBe('FORBIDDEN')
    expect(res.topic.turnout).toBe(1)
  })

  it('only the committee, only while voting', async () => {
    await newResident(emu(), 'test-meeting-voter')
    const d = await flow().create(GW)
    expectError(await record(d.id, [{ openid: R2, optionIndex: 0 }]), 'CONFLICT')
    const t = data(await call(emu(), 'deliberation', GW, 'openVoting', { id: d.id }))
    expectError(await record(t.id, [{ openid: R2, optionIndex: 0 }], GW), 'FORBIDDEN')
    expectError(await record(t.id, [{ openid: R2, optionIndex: 0 }], R1), 'FORBIDDEN')
    expectError(await record(t.id, [{ openid: R2, optionIndex: 0 }], R3), 'NOT_FOUND')
    expect(data(await flow().get(CM, t.id)).turnout).toBe(0)
    await flow().close(t.id)
    expectError(await record(t.id, [{ openid: R2, optionIndex: 0 }]), 'CONFLICT')
  })

  it('bad entries are INVALID_INPUT and record nothing', async () => {
    const t = await flow().voting()
    expectError(await record(t.id, []), 'INVALID_INPUT', 'votes')
    // An option past the topic's: the call, or that entry alone, is INVALID_INPUT.
    const past = await record(t.id, [{ openid: R2, optionIndex: 5 }])
    if (!past.ok) expectError(past, 'INVALID_INPUT')
    else
      expect(past.data.entries).toEqual([
        { index: 0, ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) },
      ])
    expectError(
      await flow().call(CM, 'recordInPerson', { id: t.id, votes: [{ openid: R2 }] }),
      'INVALID_INPUT'
    )
    expectError(
      await flow().call(CM, 'recordInPerson', {
        id: t.id,
        votes: Array.from({ length: 201 }, () => ({ openid: R2, optionIndex: 0 })),
      }),
      'INVALID_INPUT',
      'votes'
    )
    expect(data(await flow().get(CM, t.id)).turnout).toBe(0)
  })

  it('a replayed requestId changes nothing and carries no receipts', async () => {
    const t = await flow().voting()
    const input = { id: t.id, votes: [{ openid: R2, optionIndex: 1 }] }
    const first = data(await call(emu(), 'deliberation', CM, 'recordInPerson', input, 'meet-1'))
    const again = data(await call(emu(), 'deliberation', CM, 'recordInPerson', input, 'meet-1'))
    expect(again.topic.turnout).toBe(1)
    const receipt = first.entries[0].ok ? first.entries[0].receipt : 'none'
    expect(JSON.stringify(again)).not.toContain(receipt)
    expect(data(await flow().get(CM, t.id)).turnout).toBe(1)
  })

  it('ballots the bin does not take: the whole entry is refused (CONFLICT), nobody is marked as voted', async () => {
    const t = await flow().voting()
    await jamBins(emu(), t.id)
    const res = await record(t.id, [
      { openid: R2, optionIndex: 1 },
      { openid: V1, optionIndex: 0 },
    ])
    expectError(res, 'CONFLICT')
    expect(await emu().emulator.db.find('deliberationVotes', { topicId: t.id })).toEqual([])
    await jamBins(emu(), t.id, false)
    await flow().voted(R2, t.id, 1)
    const again = data(await record(t.id, [{ openid: V1, optionIndex: 0 }]))
    expect(again.entries[0].ok).toBe(true)
    expect(again.topic.turnout).toBe(2)
  })
})
