import {
  call,
  callWithStats,
  clockAt,
  data,
  ErrandFlow,
  expectError,
  GW,
  R1,
  R2,
  R4,
  useEmulator,
  V1,
  WRITE_TRIPS,
} from './helpers'

// errand.confirm: the booker signs off (销单) a completed errand with a rating 1–5 and a comment.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const confirm = (who: string, id: string, rating = 5, comment?: string, requestId?: string) =>
  call(
    emu(),
    'errand',
    who,
    'confirm',
    comment === undefined ? { id, rating } : { id, rating, comment },
    requestId
  )

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('errand.confirm', () => {
  it('the booker confirms with a rating and a comment: closed, and her place is free', async () => {
    const e = await flow().completed(R1, V1)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'errand',
      R1,
      'confirm',
      { id: e.id, rating: 4, comment: '小赵很细心' },
      'confirm-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const closed = data(result)
    expect(closed).toMatchObject({
      status: 'closed',
      rating: 4,
      comment: '小赵很细心',
      can: { accept: false, release: false, complete: false, confirm: false, cancel: false },
    })
    expect(closed.endedAt).not.toBeNull()
    expect(closed.timeline.map((t) => t.type)).toEqual([
      'booked',
      'accepted',
      'completed',
      'confirmed',
    ])
    // The agent sees the rating; it no longer waits in their assigned work.
    expect(data(await flow().get(V1, e.id))).toMatchObject({ status: 'closed', rating: 4 })
    const audit = await emu().emulator.db.find('audit', {
      targetId: e.id,
      action: 'errand.confirm',
    })
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: R1 })])
  })

  it.each([1, 5])('accepts rating %i without a comment', async (rating) => {
    const e = await flow().completed(R1, V1)
    expect(data(await confirm(R1, e.id, rating))).toMatchObject({ rating, comment: null })
  })

  it.each([
    ['rating 0', { rating: 0 }, 'rating', 'INVALID_INPUT'],
    ['rating 6', { rating: 6 }, 'rating', 'INVALID_INPUT'],
    ['rating 3.5', { rating: 3.5 }, 'rating', 'INVALID_INPUT'],
    ['a rating as text', { rating: '5' }, 'rating', 'INVALID_INPUT'],
    ['no rating', { rating: undefined }, 'rating', 'INVALID_INPUT'],
    [
      'a 201-character comment',
      { rating: 5, comment: '好'.repeat(201) },
      'comment',
      'INVALID_INPUT',
    ],
    [
      'risky text in the comment',
      { rating: 5, comment: '违禁测试词' },
      'comment',
      'CONTENT_REJECTED',
    ],
  ])(
    '%s is refused on its field and the errand stays completed',
    async (_l, patch, field, code) => {
      const e = await flow().completed(R1, V1)
      expectError(await flow().call(R1, 'confirm', { id: e.id, ...patch }), code, field)
      expect(data(await flow().get(R1, e.id))).toMatchObject({ status: 'completed', rating: null })
    }
  )

  it.each([
    ['the agent', V1],
    ['the grid worker who did not file it', GW],
  ])('%s may not confirm (FORBIDDEN)', async (_label, who) => {
    const e = await flow().completed(R1, V1)
    expect(data(await flow().get(who, e.id)).can.confirm).toBe(false)
    expectError(await confirm(who, e.id), 'FORBIDDEN')
    expect(data(await flow().get(R1, e.id)).status).toBe('completed')
  })

  it('a neighbour, even of the same household, may not confirm', async () => {
    const e = await flow().completed(R1, V1)
    for (const who of [R2, R4]) {
      const res = await confirm(who, e.id)
      expect(res.ok).toBe(false)
      expect(!res.ok && ['NOT_FOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    }
    expect(data(await flow().get(R1, e.id)).status).toBe('completed')
  })

  it('before completion, or twice, is CONFLICT', async () => {
    const accepted = await flow().accepted(R1, V1)
    expect(data(await flow().get(R1, accepted.id)).can.confirm).toBe(false)
    expectError(await confirm(R1, accepted.id), 'CONFLICT')
    expect(data(await flow().get(R1, accepted.id)).status).toBe('accepted')
    const completed = await flow().completed(R2, V1)
    data(await confirm(R2, completed.id, 5))
    expectError(await confirm(R2, completed.id, 1), 'CONFLICT')
    expect(data(await flow().get(R2, completed.id)).rating).toBe(5)
  })

  it('a repeated requestId replays the first confirmation', async () => {
    const e = await flow().completed(R1, V1)
    const first = data(await confirm(R1, e.id, 3, undefined, 'conf-1'))
    expect(data(await confirm(R1, e.id, 3, undefined, 'conf-1'))).toEqual(first)
  })
})
