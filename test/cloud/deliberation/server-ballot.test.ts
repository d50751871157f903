import { createHash } from 'node:crypto'
import type { Topic } from '@/contract/deliberation'
import { call, data, expectError, newResident, PERSONAS as P, useEmulator } from '../helpers'
import { storedBallots } from './helpers'

// The ballot box under load and at close: one ballot however many requests race, the roll
// frozen at opening, meeting votes against the same roll, the outcomes and the tally hash anyone
// can recompute from the receipts.

const emu = useEmulator()
const HOUR = 3_600_000

async function votingTopic(quorum = 0, unit: 'resident' | 'household' = 'resident') {
  const t: Topic = data(
    await call(emu(), 'deliberation', P.committee, 'create', {
      title: '停车位划线方案',
      background: '小区内停车混乱，拟重新划线。',
      scope: { type: 'grid', id: 'g1' },
      options: ['方案一', '方案二'],
      discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      votingEndsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      unit,
      quorum,
    })
  )
  return data(await call(emu(), 'deliberation', P.committee, 'openVoting', { id: t.id }))
}

const vote = (who: string, id: string, optionIndex: number, requestId?: string) =>
  call(emu(), 'deliberation', who, 'vote', { id, optionIndex }, requestId)

describe('the ballot box', () => {
  it('takes exactly one ballot from 50 parallel votes of one voter', async () => {
    const t = await votingTopic()
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_x, i) => vote(P.resident1, t.id, i % 2, `race-${i}`))
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    for (const a of answers.filter((x) => !x.ok)) expectError(a, 'CONFLICT')
    expect(await storedBallots(emu(), t.id)).toHaveLength(1)
    expect(await emu().emulator.db.find('deliberationVotes', { topicId: t.id })).toHaveLength(1)
    const now = data(await call(emu(), 'deliberation', P.resident1, 'get', { id: t.id }))
    expect(now.turnout).toBe(1)
    expect(now.myVote.voted).toBe(true)
  })

  it('refuses someone verified after voting opened, and votes after the deadline', async () => {
    const t = await votingTopic()
    await newResident(emu(), 'late-comer', { gridId: 'g1', buildingId: 'g1-b2' }, '909')
    expectError(await vote('late-comer', t.id, 0), 'FORBIDDEN')
    const seen = data(await call(emu(), 'deliberation', 'late-comer', 'get', { id: t.id }))
    expect(seen.myVote.eligible).toBe(false)
    expect(seen.can.vote).toBe(false)
    await emu().setClock(73 * HOUR)
    expectError(await vote(P.resident1, t.id, 0), 'CONFLICT')
  })

  it('counts meeting votes against the same roll and refuses one for an online voter', async () => {
    const t = await votingTopic()
    data(await vote(P.resident1, t.id, 0))
    const entered = data(
      await call(emu(), 'deliberation', P.committee, 'recordInPerson', {
        id: t.id,
        votes: [
          { openid: P.resident1, optionIndex: 1 },
          { openid: P.resident2, optionIndex: 1 },
        ],
      })
    )
    expect(entered.entries.map((e) => e.ok)).toEqual([false, true])
    expect(entered.entries[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(entered.topic.turnout).toBe(2)
    expectError(await vote(P.resident2, t.id, 0), 'CONFLICT')
  })

  it('publishes a tally hash anyone can recompute from the receipts', async () => {
    const t = await votingTopic()
    const pairs: string[] = []
    for (const [who, option] of [
      [P.resident1, 0],
      [P.resident2, 1],
      ['demo-resident-4', 1],
    ] as const) {
      const r = data(await vote(who, t.id, option))
      pairs.push(`${r.receipt}:${option}`)
    }
    data(await call(emu(), 'deliberation', P.committee, 'close', { id: t.id }))
    const result = data(await call(emu(), 'deliberation', P.resident1, 'result', { id: t.id }))
    const expected = createHash('sha256').update(pairs.sort().join('\n')).digest('hex')
    expect(result).toMatchObject({
      counts: [1, 2],
      outcome: 'decided',
      winner: 1,
      quorumMet: true,
      tallyHash: expected,
    })
  })

  it('ends in a tie or without quorum, and only those rounds take a follow-up', async () => {
    const tie = await votingTopic()
    data(await vote(P.resident1, tie.id, 0))
    data(await vote(P.resident2, tie.id, 1))
    data(await call(emu(), 'deliberation', P.committee, 'close', { id: tie.id }))
    const tied = data(await call(emu(), 'deliberation', P.resident1, 'result', { id: tie.id }))
    expect(tied).toMatchObject({ outcome: 'tie', quorumMet: true })
    expect(tied).not.toHaveProperty('winner')

    const few = await votingTopic(100)
    data(await vote(P.resident1, few.id, 0))
    data(await call(emu(), 'deliberation', P.committee, 'close', { id: few.id }))
    const none = data(await call(emu(), 'deliberation', P.resident1, 'result', { id: few.id }))
    expect(none).toMatchObject({ outcome: 'noQuorum', quorumMet: false, counts: [1, 0] })

    const next = data(
      await call(emu(), 'deliberation', P.committee, 'followUp', {
        id: few.id,
        title: '停车位划线方案（第二轮）',
        background: '上一轮参与人数不足，重新投票。',
        scope: { type: 'grid', id: 'g1' },
        options: ['方案一', '方案二'],
        discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
        votingEndsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
        unit: 'resident',
        quorum: 30,
      })
    )
    expect(next.previousId).toBe(few.id)
    const old = data(await call(emu(), 'deliberation', P.resident1, 'get', { id: few.id }))
    expect(old.nextId).toBe(next.id)
    expect(old.can.followUp).toBe(false)
  })

  it('moves phases by the timer and tells the roll', async () => {
    const t: Topic = data(
      await call(emu(), 'deliberation', P.gridWorker, 'create', {
        title: '楼道堆物清理',
        background: '楼道堆物影响消防通道。',
        scope: { type: 'grid', id: 'g1' },
        options: ['统一清理', '各户自理'],
        discussionEndsAt: new Date(Date.now() + 1 * HOUR).toISOString(),
        votingEndsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
        unit: 'resident',
        quorum: 0,
      })
    )
    await emu().setClock(HOUR + 60_000)
    await emu().fireTimer('deliberation')
    const voting = data(await call(emu(), 'deliberation', P.resident1, 'get', { id: t.id }))
    expect(voting.phase).toBe('voting')
    expect(await emu().outbox(P.resident1)).toEqual(
      expect.arrayContaining([expect.objectContaining({ page: expect.stringContaining(t.id) })])
    )
    data(await vote(P.resident1, t.id, 0))
    await emu().setClock(2 * HOUR + 60_000)
    await emu().fireTimer('deliberation')
    const closed = data(await call(emu(), 'deliberation', P.resident1, 'get', { id: t.id }))
    expect(closed).toMatchObject({ phase: 'closed', outcome: 'decided', turnout: 1 })
  })
})
