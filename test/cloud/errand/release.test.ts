import {
  call,
  clockAt,
  CM,
  data,
  ErrandFlow,
  expectError,
  GW,
  R1,
  R2,
  redAgent,
  useEmulator,
  V1,
} from './helpers'

// errand.release: the accepting agent hands an errand back, with a reason; it returns to the pool.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const release = (who: string, id: string, reason = '临时出差，办不了了', requestId?: string) =>
  call(emu(), 'errand', who, 'release', { id, reason }, requestId)

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('errand.release', () => {
  it('the agent releases: requested again, back in the pool, the reason kept, the agent gone', async () => {
    const e = await flow().accepted(R1, V1)
    const back = data(await release(V1, e.id))
    expect(back).toMatchObject({
      status: 'requested',
      agent: null,
      releaseReason: '临时出差，办不了了',
      acceptedAt: null,
    })
    expect(back.timeline.map((t) => t.type)).toEqual(['booked', 'accepted', 'released'])
    // The released agent sees it like any other agent of the pool: masked, and may take it again.
    expect(back.booker).toMatchObject({ name: '张*', room: null, phone: null })
    expect(back.can).toMatchObject({ accept: true, release: false, complete: false })
    expect(await flow().ids(V1, 'assigned')).not.toContain(e.id)
    expect(await flow().ids(V1, 'pool')).toContain(e.id)
    // Another agent takes it.
    await redAgent(emu(), 'test-agent-2')
    expect(
      data(await call(emu(), 'errand', 'test-agent-2', 'accept', { id: e.id })).agent?.name
    ).toBe('测试居民')
    expect(data(await flow().get(R1, e.id)).releaseReason).toBe('临时出差，办不了了')
  })

  it.each([
    ['the booker', R1],
    ['the grid worker', GW],
    ['the committee', CM],
  ])('%s may not release it (FORBIDDEN)', async (_label, who) => {
    const e = await flow().accepted(R1, V1)
    expect(data(await flow().get(who, e.id)).can.release).toBe(false)
    expectError(await release(who, e.id), 'FORBIDDEN')
    expect(data(await flow().get(R1, e.id)).status).toBe('accepted')
  })

  it('another agent or a neighbour may not release it', async () => {
    await redAgent(emu(), 'test-agent-2')
    const e = await flow().accepted(R1, V1)
    for (const who of ['test-agent-2', R2]) {
      const res = await release(who, e.id)
      expect(res.ok).toBe(false)
      expect(!res.ok && ['NOT_FOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    }
    expect(data(await flow().get(R1, e.id)).agent?.name).toBe('赵志强')
  })

  it('a completed errand cannot be released (CONFLICT)', async () => {
    const completed = await flow().completed(R1, V1)
    expectError(await release(V1, completed.id), 'CONFLICT')
    expect(data(await flow().get(R1, completed.id)).status).toBe('completed')
  })

  it('releasing twice: the second is CONFLICT; a repeated requestId replays the first', async () => {
    const e = await flow().accepted(R1, V1)
    const first = data(await release(V1, e.id, '有事', 'rel-1'))
    expect(data(await release(V1, e.id, '有事', 'rel-1'))).toEqual(first)
    const again = await release(V1, e.id, '有事')
    expect(again.ok).toBe(false)
    expect(!again.ok && ['CONFLICT', 'FORBIDDEN']).toContain(!again.ok && again.error.code)
  })

  it.each([
    ['no reason', { reason: undefined }, 'INVALID_INPUT'],
    ['an empty reason', { reason: '' }, 'INVALID_INPUT'],
    ['a reason of spaces', { reason: '  ' }, 'INVALID_INPUT'],
    ['a 101-character reason', { reason: '忙'.repeat(101) }, 'INVALID_INPUT'],
    ['a number as reason', { reason: 7 }, 'INVALID_INPUT'],
    ['risky text in the reason', { reason: '违禁测试词' }, 'CONTENT_REJECTED'],
  ])('%s is refused on the reason field and the errand stays accepted', async (_l, patch, code) => {
    const e = await flow().accepted(R1, V1)
    expectError(await flow().call(V1, 'release', { id: e.id, ...patch }), code, 'reason')
    expect(data(await flow().get(R1, e.id))).toMatchObject({
      status: 'accepted',
      releaseReason: null,
    })
  })
})
