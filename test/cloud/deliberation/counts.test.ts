import {
  ADMIN,
  call,
  CM,
  data,
  DelibFlow,
  GW,
  NEWCOMER,
  R1,
  R2,
  R3,
  R4,
  useEmulator,
  V1,
} from './helpers'

// What the deliberation domain adds to the viewer: `user.me` → `can['deliberation.*']`, and the
// deliberation keys of `user.counts` (kept counters, read on every visit of home) equal to what
// the lists show, step by step.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

const can = async (who: string) => data(await call(emu(), 'user', who, 'me', {})).can

describe('deliberation abilities in user.me', () => {
  it.each([
    [
      'a verified resident',
      R1,
      { 'deliberation.view': true, 'deliberation.create': false, 'deliberation.moderate': false },
    ],
    [
      'the grid worker',
      GW,
      { 'deliberation.view': true, 'deliberation.create': true, 'deliberation.moderate': true },
    ],
    [
      'the committee',
      CM,
      { 'deliberation.view': true, 'deliberation.create': true, 'deliberation.moderate': true },
    ],
    [
      'a newcomer',
      NEWCOMER,
      { 'deliberation.view': false, 'deliberation.create': false, 'deliberation.moderate': false },
    ],
  ])('%s', async (_label, who, expected) => {
    expect(await can(who)).toMatchObject(expected)
  })
})

/** The counts as a resident's lists show them: open topics, and those of them in voting. */
async function fromLists(who: string) {
  const open = await flow().listAll(who, 'open')
  return {
    'deliberation.open': open.length,
    'deliberation.voting': open.filter((t) => t.phase === 'voting').length,
  }
}

const residentCounts = async (who: string) => {
  const c = await flow().counts(who)
  return {
    'deliberation.open': c['deliberation.open'] ?? 0,
    'deliberation.voting': c['deliberation.voting'] ?? 0,
  }
}

describe('deliberation counts in user.counts', () => {
  it('open and voting follow every step, for residents of each grid, equal to their lists', async () => {
    const check = async () => {
      for (const who of [R1, R3, V1]) {
        expect([who, await residentCounts(who)]).toEqual([who, await fromLists(who)])
      }
    }
    await check()
    const base = await residentCounts(R1)
    const g1 = await flow().create(GW)
    const all = await flow().create(CM, { scope: { type: 'community', id: 'c1' } })
    const g2 = await flow().create(CM, { scope: { type: 'grid', id: 'g2' } })
    await check()
    expect(await residentCounts(R1)).toEqual({
      'deliberation.open': base['deliberation.open'] + 2,
      'deliberation.voting': base['deliberation.voting'],
    })
    data(await call(emu(), 'deliberation', GW, 'openVoting', { id: g1.id }))
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: g2.id }))
    await check()
    expect((await residentCounts(R1))['deliberation.voting']).toBe(base['deliberation.voting'] + 1)
    await flow().voted(R1, g1.id, 0)
    await flow().close(g1.id)
    await check()
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: all.id }))
    await flow().close(all.id)
    await flow().close(g2.id)
    await check()
    expect(await residentCounts(R1)).toEqual(base)
  })

  it('the timer moves the counts as it moves the phases', async () => {
    const now = emu().emulator.clock.now()
    const base = await residentCounts(R2)
    await flow().create(GW, {
      discussionEndsAt: new Date(now + 3_600_000).toISOString(),
      votingEndsAt: new Date(now + 7_200_000).toISOString(),
    })
    await emu().advanceClock(3_660_000)
    await flow().tick()
    expect(await residentCounts(R2)).toEqual({
      'deliberation.open': base['deliberation.open'] + 1,
      'deliberation.voting': base['deliberation.voting'] + 1,
    })
    expect(await residentCounts(R2)).toEqual(await fromLists(R2))
    await emu().advanceClock(3_660_000)
    await flow().tick()
    expect(await residentCounts(R2)).toEqual(base)
    expect(await residentCounts(R2)).toEqual(await fromLists(R2))
  })

  it('reported: comments waiting for a moderator, for staff; residents do not get it', async () => {
    const reported = async (who: string) => (await flow().counts(who))['deliberation.reported'] ?? 0
    const base = { GW: await reported(GW), CM: await reported(CM) }
    const t = await flow().create(GW)
    const a = await flow().comment(R1, t.id, '第一条')
    const b = await flow().comment(R1, t.id, '第二条')
    for (const c of [a, b]) {
      for (const who of [R2, R4, V1]) {
        data(await call(emu(), 'deliberation', who, 'reportComment', { commentId: c.id }))
      }
    }
    expect(await reported(GW)).toBe(base.GW + 2)
    expect(await reported(CM)).toBe(base.CM + 2)
    expect((await flow().counts(R1))['deliberation.reported'] ?? 0).toBe(0)
    data(
      await call(emu(), 'deliberation', CM, 'hideComment', { commentId: a.id, reason: '人身攻击' })
    )
    expect(await reported(GW)).toBe(base.GW + 1)
    data(await call(emu(), 'deliberation', GW, 'restoreComment', { commentId: b.id }))
    expect(await reported(CM)).toBe(base.CM)
    // The admin's counts answer too (every community).
    expect((await call(emu(), 'user', ADMIN, 'counts', {})).ok).toBe(true)
  })
})
