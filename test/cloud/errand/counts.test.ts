import {
  ADMIN,
  call,
  clockAt,
  CM,
  data,
  ErrandFlow,
  GW,
  NEWCOMER,
  R1,
  R3,
  useEmulator,
  V1,
  V2,
} from './helpers'

// What the errand domain adds to the viewer: `user.me` → `can['errand.*']`, and the errand keys
// of `user.counts` moving with each step (kept counters, read on every visit of home).

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const can = async (who: string) => data(await call(emu(), 'user', who, 'me', {})).can

describe('errand abilities in user.me', () => {
  it.each([
    [
      'a verified resident',
      R1,
      {
        'errand.book': true,
        'errand.help': true,
        'errand.bookFor': false,
        'errand.accept': false,
        'errand.manage': false,
      },
    ],
    [
      'a red agent',
      V1,
      {
        'errand.book': true,
        'errand.help': true,
        'errand.bookFor': false,
        'errand.accept': true,
        'errand.manage': false,
      },
    ],
    ['a volunteer who is not a red agent', V2, { 'errand.accept': false }],
    [
      'the grid worker',
      GW,
      {
        'errand.book': false,
        'errand.help': false,
        'errand.bookFor': true,
        'errand.accept': false,
        'errand.manage': true,
      },
    ],
    [
      'the committee',
      CM,
      {
        'errand.book': false,
        'errand.bookFor': true,
        'errand.accept': false,
        'errand.manage': true,
      },
    ],
    [
      'a newcomer',
      NEWCOMER,
      {
        'errand.book': false,
        'errand.help': false,
        'errand.bookFor': false,
        'errand.accept': false,
        'errand.manage': false,
      },
    ],
  ])('%s', async (_label, who, expected) => {
    expect(await can(who)).toMatchObject(expected)
  })

  it('granting and taking away redAgent switches errand.accept and the pool', async () => {
    const grant = (roles: string[]) =>
      call(emu(), 'user', CM, 'setRoles', { openid: R3, roles: roles as never })
    data(await grant(['resident', 'redAgent']))
    expect((await can(R3))['errand.accept']).toBe(true)
    const e = await flow().requested('seed-g2-01') // a neighbour of g2
    expect(await flow().ids(R3, 'pool')).toContain(e.id)
    data(await grant(['resident']))
    expect((await can(R3))['errand.accept']).toBe(false)
    const res = await call(emu(), 'errand', R3, 'accept', { id: e.id })
    expect(res.ok).toBe(false)
  })
})

describe('errand keys of user.counts', () => {
  it('move with book → accept → complete → confirm', async () => {
    const base = {
      r1: await flow().counts(R1),
      v1: await flow().counts(V1),
      gw: await flow().counts(GW),
    }
    const delta = async (who: string, key: string, b: Record<string, number | undefined>) =>
      ((await flow().counts(who))[key] ?? 0) - (b[key] ?? 0)

    const e = await flow().requested(R1)
    expect(await delta(R1, 'errand.open', base.r1)).toBe(1)
    expect(await delta(V1, 'errand.pool', base.v1)).toBe(1)

    data(await call(emu(), 'errand', V1, 'accept', { id: e.id }))
    expect(await delta(R1, 'errand.open', base.r1)).toBe(1)
    expect(await delta(V1, 'errand.pool', base.v1)).toBe(0)
    expect(await delta(V1, 'errand.assigned', base.v1)).toBe(1)

    data(await call(emu(), 'errand', V1, 'complete', { id: e.id }))
    expect(await delta(R1, 'errand.open', base.r1)).toBe(0)
    expect(await delta(R1, 'errand.toConfirm', base.r1)).toBe(1)
    expect(await delta(V1, 'errand.assigned', base.v1)).toBe(0)

    data(await call(emu(), 'errand', R1, 'confirm', { id: e.id, rating: 5 }))
    expect(await delta(R1, 'errand.toConfirm', base.r1)).toBe(0)
    expect(await delta(R1, 'errand.closedThisYear', base.r1)).toBe(1)
    expect(await delta(V1, 'errand.closedThisYear', base.v1)).toBe(1)
  })

  it('release puts it back in the pool; cancel takes it out', async () => {
    const b = await flow().counts(V1)
    const pool = async () =>
      ((await flow().counts(V1))['errand.pool'] ?? 0) - (b['errand.pool'] ?? 0)
    const e = await flow().accepted(R1, V1)
    expect(await pool()).toBe(0)
    data(await call(emu(), 'errand', V1, 'release', { id: e.id, reason: '有事' }))
    expect(await pool()).toBe(1)
    data(await call(emu(), 'errand', R1, 'cancel', { id: e.id }))
    expect(await pool()).toBe(0)
    expect((await flow().counts(R1))['errand.open'] ?? 0).toBe(0)
  })

  it('keys are present only for those they concern', async () => {
    const resident = await flow().counts(R1)
    expect(resident).toHaveProperty(['errand.open'])
    expect(resident).not.toHaveProperty(['errand.pool'])
    expect(resident).not.toHaveProperty(['errand.escalated'])
    expect(await flow().counts(V1)).toHaveProperty(['errand.pool'])
    const staff = await flow().counts(GW)
    expect(staff).toHaveProperty(['errand.escalated'])
    expect(staff).toHaveProperty(['errand.overdue'])
    expect(staff).not.toHaveProperty(['errand.open'])
    expect(await flow().counts(NEWCOMER)).not.toHaveProperty(['errand.open'])
    expect(await flow().counts(ADMIN)).not.toHaveProperty(['errand.pool'])
  })
})
