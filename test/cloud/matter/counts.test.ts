import { OPEN_MATTER_STATUSES, type Matter } from '@/contract/matter'
import type { TestEmulator } from '../../helpers/emulator'
import {
  ADMIN,
  call,
  clockAt,
  CM,
  data,
  DAY,
  GW,
  HOUR,
  MatterFlow,
  NEWCOMER,
  R1,
  R2,
  R3,
  R4,
  shanghaiDate,
  useEmulator,
  V1,
  topicFields,
} from './helpers'

// What the matter domain adds to the viewer: `user.me` → `can['matter.*']`, and the matter keys
// of `user.counts` (kept counters) equal to what the raw collection says after every kind of step.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const can = async (who: string) => data(await call(emu(), 'user', who, 'me', {})).can

describe('matter abilities in user.me', () => {
  it.each([
    [
      'a verified resident',
      R1,
      { 'matter.report': true, 'matter.board': true, 'matter.handle': false },
    ],
    [
      'the grid worker',
      GW,
      { 'matter.report': false, 'matter.board': true, 'matter.handle': true },
    ],
    ['the committee', CM, { 'matter.report': false, 'matter.board': true, 'matter.handle': true }],
    [
      'a newcomer',
      NEWCOMER,
      { 'matter.report': false, 'matter.board': false, 'matter.handle': false },
    ],
  ])('%s', async (_label, who, expected) => {
    expect(await can(who)).toMatchObject(expected)
  })

  it('a resident bound but not yet verified may neither report nor read the board', async () => {
    data(
      await call(emu(), 'user', NEWCOMER, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '909',
        name: '新邻居',
      })
    )
    expect(await can(NEWCOMER)).toMatchObject({ 'matter.report': false, 'matter.board': false })
  })
})

/**
 * The matter counts of each viewer, computed from the raw collection: which matters exist comes
 * from the stored documents; their state as the API answers it to staff (status, level, grid,
 * overdue, when resolved) and whether they are the viewer's own (`mine`).
 */
async function fromRaw(emu: TestEmulator, viewers: string[]) {
  const f = new MatterFlow(emu)
  const ids = (await f.raw()).map((d) => String(d._id))
  const items: Matter[] = []
  for (const id of ids) {
    const res = await f.get(CM, id) // the committee of c1 sees every matter of c1
    if (res.ok) items.push(res.data)
  }
  const year = shanghaiDate(emu.emulator.clock.now()).slice(0, 4)
  const me = async (who: string) => data(await call(emu, 'user', who, 'me', {}))
  const out: Record<string, Record<string, number>> = {}
  for (const who of viewers) {
    const viewer = await me(who)
    const counts: Record<string, number> = {}
    const mine: Matter[] = []
    for (const m of items) {
      const seen = await f.get(who, m.id)
      if (seen.ok && seen.data.mine) mine.push(m)
    }
    if (viewer.verified) {
      counts['matter.mine'] = mine.filter((m) => OPEN_MATTER_STATUSES.includes(m.status)).length
      counts['matter.toRate'] = mine.filter((m) => m.status === 'resolved').length
      const home = viewer.grid?.id
      const inHome = items.filter((m) => m.gridId === home)
      // Open: reported, handling, or in deliberation (still to be carried out).
      counts['matter.open'] = inHome.filter((m) =>
        ['reported', 'handling', 'deliberating'].includes(m.status)
      ).length
      counts['matter.resolvedThisYear'] = inHome.filter(
        (m) =>
          m.status === 'closed' &&
          !!m.resolvedAt &&
          shanghaiDate(Date.parse(m.resolvedAt)).startsWith(year)
      ).length
    }
    const level = who === CM ? 'community' : who === GW ? 'grid' : null
    if (level) {
      const at = items.filter(
        (m) => m.level === level && ['reported', 'handling', 'deliberating'].includes(m.status)
      )
      counts['matter.queue'] = at.filter((m) => m.status === 'reported').length
      // In deliberation: the committee has it in hand (never overdue there).
      counts['matter.handling'] = at.filter((m) => m.status !== 'reported').length
      counts['matter.overdue'] = at.filter((m) => m.overdue).length
    }
    out[who] = counts
  }
  return out
}

/** The matter keys of each viewer's user.counts. */
async function kept(viewers: string[]) {
  const out: Record<string, Record<string, number | undefined>> = {}
  for (const who of viewers) {
    const all = await flow().counts(who)
    out[who] = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('matter.')))
  }
  return out
}

describe('matter keys of user.counts', () => {
  it('keys are present only for those they concern', async () => {
    const resident = await flow().counts(R1)
    for (const key of ['matter.mine', 'matter.toRate', 'matter.open', 'matter.resolvedThisYear']) {
      expect(resident).toHaveProperty([key])
    }
    expect(resident).not.toHaveProperty(['matter.queue'])
    for (const staff of [GW, CM]) {
      const c = await flow().counts(staff)
      for (const key of ['matter.queue', 'matter.handling', 'matter.overdue']) {
        expect([staff, key, key in c]).toEqual([staff, key, true])
      }
      expect(c).not.toHaveProperty(['matter.mine'])
    }
    expect(await flow().counts(NEWCOMER)).not.toHaveProperty(['matter.mine'])
    expect(await flow().counts(ADMIN)).not.toHaveProperty(['matter.mine'])
  })

  it('move with report → accept → resolve → rate', async () => {
    const base = { r1: await flow().counts(R1), gw: await flow().counts(GW) }
    const delta = async (who: string, key: string, b: Record<string, number | undefined>) =>
      ((await flow().counts(who))[key] ?? 0) - (b[key] ?? 0)
    const m = await flow().reported(R1)
    expect(await delta(R1, 'matter.mine', base.r1)).toBe(1)
    expect(await delta(R1, 'matter.open', base.r1)).toBe(1)
    expect(await delta(GW, 'matter.queue', base.gw)).toBe(1)
    data(await call(emu(), 'matter', GW, 'accept', { id: m.id }))
    expect(await delta(GW, 'matter.queue', base.gw)).toBe(0)
    expect(await delta(GW, 'matter.handling', base.gw)).toBe(1)
    data(await call(emu(), 'matter', GW, 'resolve', { id: m.id, text: '已修好' }))
    expect(await delta(R1, 'matter.mine', base.r1)).toBe(0)
    expect(await delta(R1, 'matter.toRate', base.r1)).toBe(1)
    expect(await delta(R1, 'matter.open', base.r1)).toBe(0)
    expect(await delta(GW, 'matter.handling', base.gw)).toBe(0)
    data(await call(emu(), 'matter', R1, 'rate', { id: m.id, rating: 5 }))
    expect(await delta(R1, 'matter.toRate', base.r1)).toBe(0)
    expect(await delta(R1, 'matter.resolvedThisYear', base.r1)).toBe(1)
    // Her neighbour sees the same grid figures.
    expect((await flow().counts(R2))['matter.resolvedThisYear']).toBe(
      (await flow().counts(R1))['matter.resolvedThisYear']
    )
  })

  const VIEWERS = [R1, R2, R3, R4, V1, GW, CM]

  it('after a scripted sequence of every kind of step, the kept counts equal the raw collection’s; the nightly recount agrees', async () => {
    // Reported, seconded, accepted, replied, resolved, rated, reopened, escalated (by hand and by
    // the timer), handled by the committee, withdrawn, overdue and auto-closed matters.
    const a = await flow().reported(R1, { content: '路灯坏了（待受理）' })
    data(await call(emu(), 'matter', R2, 'second', { id: a.id }))
    const b = await flow().handling(R2, { content: '楼道堆物（处理中）' })
    data(await call(emu(), 'matter', GW, 'reply', { id: b.id, text: '已通知清理' }))
    await flow().closed(R3)
    const d = await flow().resolved(R4, { content: '井盖松动（待评价）' })
    const e = await flow().resolved(V1, { content: '噪音扰民（重新反映）' })
    data(await call(emu(), 'matter', V1, 'reopen', { id: e.id, reason: '晚上还是很吵' }))
    await flow().escalated(R1, { content: '停车难（上报社区）' })
    await flow().handlingByCommittee(R3)
    await flow().withdrawn(R2)
    await flow().reported(R3, { content: '健身器材坏了（超时上报）' })
    expect(await kept(VIEWERS)).toEqual(await fromRaw(emu(), VIEWERS))

    await emu().advanceClock(25 * HOUR)
    await flow().tick() // unaccepted ones go to the community
    data(await call(emu(), 'matter', CM, 'accept', { id: a.id }))
    expect(await kept(VIEWERS)).toEqual(await fromRaw(emu(), VIEWERS))

    await emu().advanceClock(3 * DAY)
    await flow().tick() // overdue ones; d still within its 7 days
    expect(await kept(VIEWERS)).toEqual(await fromRaw(emu(), VIEWERS))

    // Topics from matters: an overdue unaccepted one, one the committee handles, one fresh.
    const overdue = (await flow().listAll(CM, 'queue')).filter((m) => m.overdue)
    expect(overdue.length).toBeGreaterThan(0)
    const toTopic = (id: string) =>
      call(emu(), 'matter', CM, 'toDeliberation', { id, ...topicFields(emu()) })
    for (const m of overdue) data(await toTopic(m.id))
    data(await toTopic((await flow().handlingByCommittee(R2)).id))
    data(await toTopic((await flow().escalated(V1)).id))
    expect(await kept(VIEWERS)).toEqual(await fromRaw(emu(), VIEWERS))

    await emu().advanceClock(4 * DAY)
    await flow().tick() // d auto-closed
    expect(data(await flow().get(R4, d.id)).status).toBe('closed')
    const counts = await kept(VIEWERS)
    expect(counts).toEqual(await fromRaw(emu(), VIEWERS))
    await emu().fireTimer('user')
    expect(await kept(VIEWERS)).toEqual(counts)
  }, 120_000)
})
