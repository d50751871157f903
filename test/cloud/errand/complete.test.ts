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
  redAgent,
  TPL,
  useEmulator,
  V1,
  WRITE_TRIPS,
} from './helpers'

// errand.complete: the accepting agent marks it done (办结) with an optional note; the booker is
// asked to sign off.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const complete = (who: string, id: string, note?: string) =>
  call(emu(), 'errand', who, 'complete', note === undefined ? { id } : { id, note })

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('errand.complete', () => {
  it('the agent completes: the booker is told and may confirm; the contacts stay visible to both', async () => {
    const e = await flow().accepted(R1, V1)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'errand',
      V1,
      'complete',
      { id: e.id, note: '药已放在门口' },
      'complete-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const done = data(result)
    expect(done).toMatchObject({
      status: 'completed',
      completeNote: '药已放在门口',
      booker: { name: '张桂兰', room: '101', phone: '13800000001' },
      agent: { name: '赵志强', phone: '13800000005' },
      can: { accept: false, release: false, complete: false, confirm: false, cancel: false },
    })
    expect(done.completedAt).not.toBeNull()
    expect(done.timeline.map((t) => t.type)).toEqual(['booked', 'accepted', 'completed'])
    expect(await flow().messagesAbout(R1, e.id)).toContain(TPL.completed)
    const mine = data(await flow().get(R1, e.id))
    expect(mine).toMatchObject({
      can: { confirm: true, cancel: false },
      agent: { phone: '13800000005' },
    })
    expect(await flow().ids(V1, 'assigned')).toContain(e.id)
  })

  it('the note is optional', async () => {
    const e = await flow().accepted(R1, V1)
    expect(data(await complete(V1, e.id))).toMatchObject({
      status: 'completed',
      completeNote: null,
    })
  })

  it.each([
    ['the booker', R1],
    ['the grid worker', GW],
  ])('%s may not complete it (FORBIDDEN)', async (_label, who) => {
    const e = await flow().accepted(R1, V1)
    expectError(await complete(who, e.id), 'FORBIDDEN')
    expect(data(await flow().get(R1, e.id)).status).toBe('accepted')
  })

  it('another agent or a neighbour may not complete it', async () => {
    await redAgent(emu(), 'test-agent-2')
    const e = await flow().accepted(R1, V1)
    for (const who of ['test-agent-2', R2]) {
      const res = await complete(who, e.id)
      expect(res.ok).toBe(false)
      expect(!res.ok && ['NOT_FOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    }
    expect(data(await flow().get(R1, e.id)).status).toBe('accepted')
  })

  it('completing twice is CONFLICT and tells the booker once', async () => {
    const e = await flow().accepted(R1, V1)
    data(await complete(V1, e.id))
    expectError(await complete(V1, e.id), 'CONFLICT')
    expect((await flow().messagesAbout(R1, e.id)).filter((t) => t === TPL.completed)).toHaveLength(
      1
    )
  })

  it.each([
    ['a 201-character note', { note: '好'.repeat(201) }, 'INVALID_INPUT'],
    ['a number as note', { note: 5 }, 'INVALID_INPUT'],
    ['risky text in the note', { note: '违禁测试词' }, 'CONTENT_REJECTED'],
  ])('%s is refused on the note field and the errand stays accepted', async (_l, patch, code) => {
    const e = await flow().accepted(R1, V1)
    expectError(await flow().call(V1, 'complete', { id: e.id, ...patch }), code, 'note')
    expect(data(await flow().get(R1, e.id)).status).toBe('accepted')
  })
})
