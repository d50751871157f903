import type { Matter, MatterPage } from '@/contract/matter'
import type { Envelope } from '../../helpers/emulator'
import {
  C2_RESIDENT,
  call,
  callWithStats,
  clockAt,
  CM,
  data,
  expectError,
  GW,
  HOUR,
  MatterFlow,
  NEWCOMER,
  newC2Resident,
  R1,
  R1_FULL,
  R1_MASKED,
  R2,
  R3,
  R4,
  READ_TRIPS,
  useEmulator,
  V1,
} from './helpers'

// matter.get and matter.list: who sees a matter and how much of its reporter (in full for the
// reporter and staff of its grid; masked — 张*, building without room, no phone — on the public
// board), the scopes (mine, grid, community, queue), the status filter and paging.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const get = async (who: string, id: string): Promise<Envelope<Matter>> => {
  const { result, roundTrips } = await callWithStats(emu(), 'matter', who, 'get', { id })
  expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
  return result
}

const expectMasked = (m: Matter) => {
  expect(m.reporter).toMatchObject(R1_MASKED)
  expect(m.reporter.can.call).toBe(false)
  expect(JSON.stringify(m)).not.toMatch(/张桂兰|13800000001/)
}

describe('matter.get: the reporter per viewer', () => {
  it('in full for the reporter and staff of its grid; masked for neighbours of the community', async () => {
    const m = await flow().reported(R1)
    for (const who of [R1, GW, CM]) {
      expect([who, data(await get(who, m.id)).reporter]).toEqual([
        who,
        expect.objectContaining(R1_FULL),
      ])
    }
    for (const who of [R2, R4, R3, V1]) expectMasked(data(await get(who, m.id)))
    // The household member is a neighbour like any other here.
    expect(data(await get(R4, m.id)).mine).toBe(false)
  })

  it('after escalation the committee still sees her in full; the board still masked', async () => {
    const m = await flow().escalated(R1)
    expect(data(await get(CM, m.id)).reporter).toMatchObject(R1_FULL)
    expectMasked(data(await get(R2, m.id)))
  })

  it('people of another community and people without a grid never see it', async () => {
    await newC2Resident(emu())
    const m = await flow().reported(R1)
    expectError(await get(C2_RESIDENT, m.id), 'NOT_FOUND')
    const res = await get(NEWCOMER, m.id)
    expect(res.ok).toBe(false)
    expect(!res.ok && ['NOT_FOUND', 'NOT_BOUND']).toContain(!res.ok && res.error.code)
  })

  it('a withdrawn matter: the reporter and staff only', async () => {
    const m = await flow().withdrawn(R1)
    for (const who of [R1, GW, CM]) expect(data(await get(who, m.id)).status).toBe('withdrawn')
    for (const who of [R2, R3]) expectError(await get(who, m.id), 'NOT_FOUND')
  })

  it('an unknown id is NOT_FOUND; a missing or malformed id is INVALID_INPUT', async () => {
    expectError(await get(R1, 'no-such-matter'), 'NOT_FOUND')
    expectError(await flow().call(R1, 'get', {}), 'INVALID_INPUT', 'id')
    expectError(await flow().call(R1, 'get', { id: ['x'] }), 'INVALID_INPUT', 'id')
  })

  it('the timeline names nobody: the handler as the public sees them, no name, room or phone', async () => {
    const m = await flow().closed(R1)
    const got = data(await get(R2, m.id))
    expect(got.handler).toBe('网格员 刘网格员')
    for (const t of got.timeline) {
      expect(Date.parse(t.at)).not.toBeNaN()
      expect(`${t.text}|${t.by}`).not.toMatch(/张桂兰|刘芳|1380000|101/)
    }
  })
})

describe('the demo data', () => {
  it('the board shows neighbours’ matters in several states; no persona owns or seconded any', async () => {
    const board = await flow().listAll(R1, 'community')
    expect(board.length).toBeGreaterThan(0)
    expect(new Set(board.map((x) => x.status)).size).toBeGreaterThan(2)
    for (const who of [R1, R2, R3, R4, V1]) {
      expect([who, await flow().ids(who, 'mine')]).toEqual([who, []])
      expect([who, (await flow().listAll(who, 'community')).some((x) => x.mySecond)]).toEqual([
        who,
        false,
      ])
    }
    // Staff have something in their queues.
    expect((await flow().ids(GW, 'queue')).length).toBeGreaterThan(0)
  })
})

describe('matter.list', () => {
  it('mine: the reporter’s own, newest first, in full; someone else’s never', async () => {
    const a = await flow().reported(R1, { content: '第一件：楼道灯坏了' })
    await emu().advanceClock(HOUR)
    const b = await flow().reported(R1, { content: '第二件：垃圾没人清' })
    const other = await flow().reported(R2)
    const mine = await flow().listAll(R1, 'mine')
    expect(mine.map((x) => x.id)).toEqual([b.id, a.id])
    for (const x of mine) expect(x).toMatchObject({ mine: true, reporter: R1_FULL })
    expect(mine.map((x) => x.id)).not.toContain(other.id)
  })

  it('the board (grid, community): masked for residents; grid is the viewer’s grid, community the whole community', async () => {
    const g1 = await flow().reported(R1)
    const g2 = await flow().reported(R3, { content: '第二网格的健身器材坏了' })
    const grid = await flow().listAll(R2, 'grid')
    expect(grid.map((x) => x.id)).toContain(g1.id)
    expect(grid.map((x) => x.id)).not.toContain(g2.id)
    for (const x of grid.filter((y) => y.id === g1.id)) expectMasked(x)
    const community = (await flow().listAll(R2, 'community')).map((x) => x.id)
    expect(community).toEqual(expect.arrayContaining([g1.id, g2.id]))
    // Nothing on the board carries a phone or a room of anyone.
    const board = JSON.stringify(await flow().listAll(R2, 'community'))
    expect(board).not.toMatch(/"room":"\d|"phone":"1/)
  })

  it('people of another community see nothing of c1 on their board; the board is for residents and staff', async () => {
    await newC2Resident(emu())
    const m = await flow().reported(R1)
    expect(await flow().ids(C2_RESIDENT, 'community')).not.toContain(m.id)
    const res = await flow().call<MatterPage>(NEWCOMER, 'list', { scope: 'grid' })
    expect(res.ok && res.data.items.length).toBeFalsy()
  })

  it('withdrawn matters stay off the board', async () => {
    const m = await flow().withdrawn(R1)
    expect(await flow().ids(R2, 'grid')).not.toContain(m.id)
    expect(await flow().ids(R2, 'community')).not.toContain(m.id)
  })

  it('queue: a grid worker’s grids at level grid, the committee’s community at level community; residents may not look', async () => {
    const atGrid = await flow().reported(R1)
    const atG2 = await flow().reported(R3, { content: '第二网格路面塌陷' })
    const up = await flow().escalated(R2)
    const gw = await flow().ids(GW, 'queue')
    expect(gw).toEqual(expect.arrayContaining([atGrid.id, atG2.id]))
    expect(gw).not.toContain(up.id)
    const cm = await flow().ids(CM, 'queue')
    expect(cm).toContain(up.id)
    expect(cm).not.toContain(atGrid.id)
    const res = await flow().call<MatterPage>(R1, 'list', { scope: 'queue' })
    expect(res.ok && res.data.items.length).toBeFalsy()
    // Staff see the reporter in full there.
    const seen = (await flow().listAll(GW, 'queue')).find((x) => x.id === atGrid.id)
    expect(seen?.reporter).toMatchObject(R1_FULL)
  })

  it('queue: overdue first, then oldest first; handled ones stay until resolved', async () => {
    const old = await flow().reported(R1, { content: '最早反映的一件事' })
    await emu().advanceClock(HOUR)
    const later = await flow().reported(R2, { content: '后来反映的一件事' })
    const q = (await flow().ids(GW, 'queue')).filter((id) => [old.id, later.id].includes(id))
    expect(q).toEqual([old.id, later.id])
    // Accepted and unresolved for 72 h: overdue, first in the queue.
    const late = await flow().handling(R4, { content: '接了以后一直没处理' })
    await emu().advanceClock(72 * HOUR + HOUR)
    data(await call(emu(), 'matter', GW, 'accept', { id: later.id }))
    data(await call(emu(), 'matter', GW, 'accept', { id: old.id }))
    await flow().tick()
    const items = await flow().listAll(GW, 'queue')
    const mineOnly = items.filter((x) => [old.id, later.id, late.id].includes(x.id))
    expect(mineOnly[0]).toMatchObject({ id: late.id, overdue: true })
    // Overdue ones come before any that are not.
    const flags = items.map((x) => x.overdue)
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)))
  })

  it('the status filter holds in every scope', async () => {
    const reported = await flow().reported(R1)
    const handling = await flow().handling(R2)
    const resolved = await flow().resolved(R4)
    for (const [who, scope] of [
      [R1, 'mine'],
      [R2, 'grid'],
      [R2, 'community'],
      [GW, 'queue'],
    ] as const) {
      for (const status of ['reported', 'handling', 'resolved'] as const) {
        const items = await flow().listAll(who, scope, status)
        expect([scope, status, items.every((x) => x.status === status)]).toEqual([
          scope,
          status,
          true,
        ])
      }
    }
    expect(await flow().ids(R2, 'grid', 'handling')).toContain(handling.id)
    expect(await flow().ids(R2, 'grid', 'handling')).not.toContain(reported.id)
    expect(await flow().ids(R2, 'community', 'resolved')).toContain(resolved.id)
  })

  it('pages: limit and cursor walk every item once', async () => {
    for (let n = 0; n < 5; n++) await flow().reported(R1, { content: `分页测试第 ${n} 件事` })
    for (let n = 0; n < 4; n++) await flow().reported(R2, { content: `分页测试另 ${n} 件事` })
    const all = await flow().ids(R2, 'grid')
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 50; page++) {
      const { result, roundTrips } = await callWithStats(emu(), 'matter', R2, 'list', {
        scope: 'grid',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      })
      expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
      const p = data(result)
      expect(p.items.length).toBeLessThanOrEqual(2)
      seen.push(...p.items.map((x) => x.id))
      if (!p.nextCursor) break
      cursor = p.nextCursor
    }
    expect(seen).toEqual(all)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it.each([
    ['no scope', {}, 'scope'],
    ['an unknown scope', { scope: 'all' }, 'scope'],
    ['an unknown status', { scope: 'mine', status: 'open' }, 'status'],
    ['limit 0', { scope: 'mine', limit: 0 }, 'limit'],
    ['limit 51', { scope: 'mine', limit: 51 }, 'limit'],
    ['a cursor that is not a string', { scope: 'mine', cursor: 3 }, 'cursor'],
  ])('%s: INVALID_INPUT on that field', async (_l, input, field) => {
    expectError(await flow().call(R1, 'list', input), 'INVALID_INPUT', field)
  })

  it('a forged cursor is INVALID_INPUT, never INTERNAL', async () => {
    for (const cursor of ['garbage', 'eyJ4IjoxfQ', '{"at":"x"}']) {
      const res = await flow().call(R1, 'list', { scope: 'grid', cursor })
      if (!res.ok) expectError(res, 'INVALID_INPUT', 'cursor')
    }
  })
})
