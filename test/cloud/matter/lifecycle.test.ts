import {
  call,
  clockAt,
  CM,
  data,
  DAY,
  GW,
  HOUR,
  MatterFlow,
  MINUTE,
  R1,
  R2,
  useEmulator,
} from './helpers'

// A matter's life across steps and the timer: waiting starts again when it is reopened or
// escalated, the overdue flag ends with acceptance, and a deleted reporter's open matter keeps
// the kept counts true.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const after = (ms: number) => flow().after(ms)

describe('matter lifecycle', () => {
  it('a reopened matter waits 24 h from its reopening before the timer escalates it', async () => {
    const m = await flow().resolved(R1)
    await emu().advanceClock(3 * DAY)
    data(await call(emu(), 'matter', R1, 'reopen', { id: m.id, reason: '灯又不亮了' }))
    await after(23 * HOUR)
    expect(data(await flow().get(GW, m.id))).toMatchObject({ status: 'reported', level: 'grid' })
    await after(HOUR + MINUTE)
    expect(data(await flow().get(GW, m.id))).toMatchObject({
      status: 'reported',
      level: 'community',
    })
  })

  it('escalated by hand: nobody handles it until the committee accepts it', async () => {
    const m = await flow().handling(R1)
    const up = data(
      await call(emu(), 'matter', GW, 'escalate', { id: m.id, reason: '需要社区协调' })
    )
    expect(up).toMatchObject({ status: 'reported', level: 'community', handler: null })
    const taken = data(await call(emu(), 'matter', CM, 'accept', { id: m.id }))
    expect(taken.handler).toBe('社区两委')
  })

  it('overdue at the community ends when the committee accepts it', async () => {
    const m = await flow().escalated(R1)
    await after(72 * HOUR + MINUTE)
    expect(data(await flow().get(CM, m.id)).overdue).toBe(true)
    const overdue = (await flow().counts(CM))['matter.overdue'] ?? 0
    const taken = data(await call(emu(), 'matter', CM, 'accept', { id: m.id }))
    expect(taken.overdue).toBe(false)
    expect((await flow().counts(CM))['matter.overdue']).toBe(overdue - 1)
    // and it is not flagged again until 72 h after acceptance
    await after(71 * HOUR)
    expect(data(await flow().get(CM, m.id)).overdue).toBe(false)
  })

  it('mine with status withdrawn lists her withdrawn matters; the board never does', async () => {
    const m = await flow().withdrawn(R1)
    expect(await flow().ids(R1, 'mine', 'withdrawn')).toEqual([m.id])
    expect(await flow().ids(R2, 'grid', 'withdrawn')).toEqual([])
    expect(await flow().ids(GW, 'grid', 'withdrawn')).toEqual([])
  })

  it('a reporter deleted with a matter in hand: counts stay what the recount finds', async () => {
    const open = await flow().handling(R1)
    await flow().reported(R1, { content: '楼道灯也坏了需要修理' })
    data(await call(emu(), 'matter', R2, 'second', { id: open.id }))
    data(await emu().call('user', R1, 'deleteMe', {}))
    await emu().fireTimer('user')
    const viewers = [R2, GW, CM]
    const kept = []
    for (const who of viewers) kept.push(await flow().counts(who))
    await emu().fireTimer('user') // the nightly recount among its jobs
    const again = []
    for (const who of viewers) again.push(await flow().counts(who))
    expect(again).toEqual(kept)
    // The grid worker still finishes the matter.
    const done = data(await call(emu(), 'matter', GW, 'resolve', { id: open.id, text: '已修好' }))
    expect(done.status).toBe('resolved')
  })
})
