import type { TopicResult } from '@/contract/deliberation'
import {
  call,
  CM,
  data,
  DelibFlow,
  expectError,
  GW,
  R1,
  R2,
  R3,
  R4,
  rollOf,
  tallyHashOf,
  topicInput,
  useEmulator,
  V1,
} from './helpers'

// deliberation.close, result, verifyReceipt, followUp and addUpdate: sealed counts until close,
// the three outcomes, a tally hash anyone can recompute from the receipts, a follow-up round
// only after a tie or no quorum, and the committee's updates on how a decision is carried out.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())
const result = async (who: string, id: string): Promise<TopicResult> =>
  data(await call(emu(), 'deliberation', who, 'result', { id }))

describe('deliberation.result before close', () => {
  it('is CONFLICT in discussion and in voting, and the topic shows no per-option counts', async () => {
    const t = await flow().create()
    expectError(await call(emu(), 'deliberation', CM, 'result', { id: t.id }), 'CONFLICT')
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: t.id }))
    await flow().voted(R1, t.id, 0)
    await flow().voted(R2, t.id, 0)
    // Lists show the turnout the timer last counted; the topic page the live one.
    const before = (await flow().listAll(CM, 'open')).find((x) => x.id === t.id)
    expect(before).toMatchObject({ turnout: 0 })
    expect(await emu().fireTimer('deliberation')).toMatchObject([
      { result: { data: { turnouts: 1 } } },
    ])
    for (const who of [CM, GW, R1]) {
      expectError(await call(emu(), 'deliberation', who, 'result', { id: t.id }), 'CONFLICT')
      const seen = data(await flow().get(who, t.id))
      expect(seen).toMatchObject({ turnout: 2, outcome: null, can: { result: false } })
      expect(seen).not.toHaveProperty('counts')
      expect(JSON.stringify(seen)).not.toMatch(/"counts"|"winner"|"tallyHash"/)
      const listed = (await flow().listAll(who, 'open')).find((x) => x.id === t.id)
      expect(listed).toMatchObject({ turnout: 2, outcome: null })
      expect(JSON.stringify(listed)).not.toMatch(/"counts"|"winner"|"tallyHash"/)
    }
  })
})

describe('deliberation.close and result', () => {
  it('decided: counts in option order, the winner, online vs meeting, and the tally hash recomputed', async () => {
    const t = await flow().voting(CM, { options: ['甲方案', '乙方案', '丙方案'] })
    const receipts: { receipt: string; optionIndex: number }[] = []
    for (const [who, optionIndex] of [
      [R1, 2],
      [R2, 2],
      [R4, 0],
    ] as const) {
      receipts.push({ receipt: (await flow().voted(who, t.id, optionIndex)).receipt, optionIndex })
    }
    const meeting = data(
      await call(emu(), 'deliberation', CM, 'recordInPerson', {
        id: t.id,
        votes: [{ openid: V1, optionIndex: 1 }],
      })
    )
    const entry = meeting.entries[0]
    expect(entry.ok).toBe(true)
    if (entry.ok) receipts.push({ receipt: entry.receipt, optionIndex: 1 })

    const closed = await flow().close(t.id)
    expect(closed).toMatchObject({ phase: 'closed', outcome: 'decided', can: { result: true } })
    expect(closed.closedAt).toEqual(expect.any(String))
    expect(closed.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['created', 'votingOpened', 'meetingVotes', 'closed'])
    )
    const roll = await rollOf(emu(), { type: 'grid', id: 'g1' })
    const r = await result(R1, t.id)
    expect(r).toEqual({
      counts: [1, 1, 2],
      turnout: 4,
      eligibleCount: roll.residents.length,
      quorumMet: true,
      outcome: 'decided',
      winner: 2,
      byOrigin: { online: 3, meeting: 1 },
      tallyHash: tallyHashOf(receipts),
    })
    expect(r.tallyHash).toMatch(/^[0-9a-f]{64}$/)
    // The same for everyone who may see it, and stable across calls.
    expect(await result(GW, t.id)).toEqual(r)
    expect(await result(R2, t.id)).toEqual(r)
    // Closing again is CONFLICT and changes nothing.
    expectError(await call(emu(), 'deliberation', CM, 'close', { id: t.id }), 'CONFLICT')
    expect(await result(CM, t.id)).toEqual(r)
  })

  it('tie: the top count shared, no winner', async () => {
    const { topic } = await flow().closed([
      [R1, 0],
      [R2, 1],
    ])
    expect(topic.outcome).toBe('tie')
    const r = await result(R1, topic.id)
    expect(r).toMatchObject({ counts: [1, 1], outcome: 'tie', quorumMet: true })
    expect(r.winner).toBeUndefined()
  })

  it('no quorum: the quorum not met whatever the counts', async () => {
    const { topic, receipts } = await flow().closed(
      [
        [R1, 0],
        [R2, 0],
      ],
      { quorum: 100 }
    )
    const r = await result(R2, topic.id)
    expect(r).toMatchObject({ counts: [2, 0], turnout: 2, quorumMet: false, outcome: 'noQuorum' })
    expect(r.winner).toBeUndefined()
    expect(r.tallyHash).toBe(tallyHashOf(receipts))
  })

  it('the quorum at its edge: turnout × 100 ≥ quorum × eligible', async () => {
    const eligible = (await rollOf(emu(), { type: 'grid', id: 'g1' })).residents.length
    // the largest whole percent that 2 voters meet, and the next one that they do not
    const met = Math.floor(200 / eligible)
    for (const [quorum, quorumMet] of [
      [met, true],
      [met + 1, false],
    ] as const) {
      const t = await flow().voting(CM, { quorum })
      expect(t.quorumNeeded).toBe(Math.ceil((quorum * eligible) / 100))
      await flow().voted(R1, t.id, 1)
      await flow().voted(R2, t.id, 1)
      await flow().close(t.id)
      expect(await result(R1, t.id)).toMatchObject({
        quorumMet,
        outcome: quorumMet ? 'decided' : 'noQuorum',
      })
    }
  })

  it('no votes at all: turnout 0, an empty tally hash over nothing', async () => {
    const { topic } = await flow().closed([])
    const r = await result(CM, topic.id)
    expect(r).toMatchObject({ counts: [0, 0], turnout: 0, byOrigin: { online: 0, meeting: 0 } })
    expect(r.outcome).not.toBe('decided')
    expect(r.tallyHash).toBe(tallyHashOf([]))
  })

  it('close: the creator or the committee; not a resident, not in discussion', async () => {
    const t = await flow().voting(GW)
    expectError(await call(emu(), 'deliberation', R1, 'close', { id: t.id }), 'FORBIDDEN')
    expectError(await call(emu(), 'deliberation', R3, 'close', { id: t.id }), 'NOT_FOUND')
    expect((await flow().close(t.id, GW)).phase).toBe('closed')
    const d = await flow().create(GW)
    expectError(await call(emu(), 'deliberation', CM, 'close', { id: d.id }), 'CONFLICT')
    expect(data(await flow().get(CM, d.id)).phase).toBe('discussion')
  })

  it('result is for those who may see the topic', async () => {
    const { topic } = await flow().closed([[R1, 0]])
    expectError(await call(emu(), 'deliberation', R3, 'result', { id: topic.id }), 'NOT_FOUND')
  })
})

describe('deliberation.verifyReceipt', () => {
  it('a receipt shows whether and how its ballot was counted; an unknown one is not counted', async () => {
    const { topic, receipts } = await flow().closed([
      [R1, 1],
      [R2, 0],
    ])
    for (const r of receipts) {
      expect(
        data(
          await call(emu(), 'deliberation', R4, 'verifyReceipt', {
            id: topic.id,
            receipt: r.receipt,
          })
        )
      ).toEqual({ counted: true, optionIndex: r.optionIndex, origin: 'online' })
    }
    expect(
      data(
        await call(emu(), 'deliberation', R1, 'verifyReceipt', {
          id: topic.id,
          receipt: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
        })
      ).counted
    ).toBe(false)
    // A receipt of one topic is not counted in another.
    const other = await flow().closed([[R4, 0]])
    expect(
      data(
        await call(emu(), 'deliberation', R1, 'verifyReceipt', {
          id: other.topic.id,
          receipt: receipts[0].receipt,
        })
      ).counted
    ).toBe(false)
    expectError(
      await call(emu(), 'deliberation', R3, 'verifyReceipt', {
        id: topic.id,
        receipt: receipts[0].receipt,
      }),
      'NOT_FOUND'
    )
    expectError(
      await call(emu(), 'deliberation', R1, 'verifyReceipt', { id: topic.id, receipt: '' }),
      'INVALID_INPUT',
      'receipt'
    )
  })
})

describe('deliberation.followUp', () => {
  it('after a tie: a new round linked both ways, in discussion', async () => {
    const { topic } = await flow().closed([
      [R1, 0],
      [R2, 1],
    ])
    const next = data(
      await call(emu(), 'deliberation', CM, 'followUp', {
        id: topic.id,
        ...topicInput(emu(), { title: '第二轮：是否加装休闲长椅' }),
      })
    )
    expect(next).toMatchObject({
      phase: 'discussion',
      previousId: topic.id,
      nextId: null,
      title: '第二轮：是否加装休闲长椅',
      turnout: 0,
    })
    expect(next.id).not.toBe(topic.id)
    const old = data(await flow().get(R1, topic.id))
    expect(old).toMatchObject({ nextId: next.id, can: { followUp: false } })
    expect(old.timeline.map((e) => e.type)).toContain('followedUp')
    // Only one next round.
    expectError(
      await call(emu(), 'deliberation', CM, 'followUp', { id: topic.id, ...topicInput(emu()) }),
      'CONFLICT'
    )
  })

  it('after no quorum: allowed', async () => {
    const { topic } = await flow().closed([[R1, 0]], { quorum: 100 })
    expect(topic.can.followUp).toBe(true)
    const next = data(
      await call(emu(), 'deliberation', CM, 'followUp', { id: topic.id, ...topicInput(emu()) })
    )
    expect(next.previousId).toBe(topic.id)
  })

  it('after a decision, in voting or in discussion: CONFLICT; a resident: FORBIDDEN', async () => {
    const { topic } = await flow().closed([[R1, 0]])
    expect(topic.can.followUp).toBe(false)
    const input = (id: string) => ({ id, ...topicInput(emu()) })
    expectError(await call(emu(), 'deliberation', CM, 'followUp', input(topic.id)), 'CONFLICT')
    const v = await flow().voting()
    expectError(await call(emu(), 'deliberation', CM, 'followUp', input(v.id)), 'CONFLICT')
    const tie = await flow().closed([
      [R1, 0],
      [R2, 1],
    ])
    expectError(await call(emu(), 'deliberation', R1, 'followUp', input(tie.topic.id)), 'FORBIDDEN')
    expect(data(await flow().get(CM, tie.topic.id)).nextId).toBeNull()
  })

  it('the new round passes the create rules', async () => {
    const { topic } = await flow().closed([
      [R1, 0],
      [R2, 1],
    ])
    expectError(
      await call(emu(), 'deliberation', CM, 'followUp', {
        id: topic.id,
        ...topicInput(emu(), { options: ['同一个', '同一个'] }),
      }),
      'INVALID_INPUT',
      'options'
    )
    expect(data(await flow().get(CM, topic.id)).nextId).toBeNull()
  })
})

describe('deliberation.addUpdate', () => {
  it('the committee reports how the decision is carried out: in updates and the timeline', async () => {
    const { topic } = await flow().closed([[R1, 0]])
    expect(topic.can.addUpdate).toBe(true)
    const up = data(
      await call(emu(), 'deliberation', CM, 'addUpdate', {
        id: topic.id,
        text: '长椅已订购，预计下周安装',
      })
    )
    expect(up.updates).toEqual([{ at: expect.any(String), text: '长椅已订购，预计下周安装' }])
    expect(up.timeline.map((e) => e.type)).toContain('update')
    expect(data(await flow().get(R2, topic.id)).updates).toHaveLength(1)
    expect(await flow().audited('deliberation.addUpdate')).toHaveLength(1)
  })

  it('a resident or grid worker is FORBIDDEN; an open topic is CONFLICT; bad text refused', async () => {
    const { topic } = await flow().closed([[R1, 0]])
    expectError(
      await call(emu(), 'deliberation', R1, 'addUpdate', { id: topic.id, text: '已经装好了' }),
      'FORBIDDEN'
    )
    expectError(
      await call(emu(), 'deliberation', GW, 'addUpdate', { id: topic.id, text: '已经装好了' }),
      'FORBIDDEN'
    )
    const v = await flow().voting()
    expectError(
      await call(emu(), 'deliberation', CM, 'addUpdate', { id: v.id, text: '已经装好了' }),
      'CONFLICT'
    )
    expectError(
      await call(emu(), 'deliberation', CM, 'addUpdate', { id: topic.id, text: '' }),
      'INVALID_INPUT',
      'text'
    )
    expectError(
      await call(emu(), 'deliberation', CM, 'addUpdate', { id: topic.id, text: '违禁测试词' }),
      'CONTENT_REJECTED'
    )
    expect(data(await flow().get(CM, topic.id)).updates).toEqual([])
  })
})
