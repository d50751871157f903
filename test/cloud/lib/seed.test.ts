import type { Errand, ErrandPage } from '@/contract/errand'
import { call, data, PERSONAS as P, useEmulator } from '../helpers'

// The demo data as people meet it (docs/contract.md §6): a community in use, whose timers have
// nothing to catch up on, and every demo persona with nothing of its own in flight.

const emu = useEmulator()

describe('the demo data, through the functions', () => {
  it('shows a red agent the errands waiting in their pool: their grid’s and the community’s', async () => {
    const pool = data<ErrandPage>(
      await call(emu(), 'errand', P.volunteer1, 'list', { scope: 'pool' })
    )
    expect(pool.items.map((e) => e.level).sort()).toEqual(['community', 'grid'])
    for (const e of pool.items) {
      expect(e.can.accept).toBe(true)
      expect(e.booker.name).toMatch(/\*$/)
      expect(e.booker.phone).toBeNull()
    }
  })

  it('gives every persona nothing of its own in flight', async () => {
    for (const who of Object.values(P)) {
      const mine = await call(emu(), 'errand', who, 'list', { scope: 'mine' })
      if (mine.ok) expect(mine.data.items).toEqual([])
      const assigned = await call(emu(), 'errand', who, 'list', { scope: 'assigned' })
      if (assigned.ok) expect(assigned.data.items).toEqual([])
      const matters = await call(emu(), 'matter', who, 'list', { scope: 'mine' })
      if (matters.ok) expect(matters.data.items).toEqual([])
    }
  })

  it('leaves the timers nothing to do right after a reset', async () => {
    const fired = await emu().fireTimer('errand')
    expect(fired).toEqual([
      {
        name: 'errand',
        result: {
          ok: true,
          data: { escalated: 0, expired: 0, overdue: 0, closed: 0, purged: 0 },
        },
      },
    ])
    expect(await emu().fireTimer('matter')).toEqual([
      {
        name: 'matter',
        result: { ok: true, data: { escalated: 0, overdue: 0, closed: 0, purged: 0 } },
      },
    ])
  })

  it('shows residents a board in use, and each level of staff its own queue', async () => {
    const board = data(await call(emu(), 'matter', P.resident1, 'list', { scope: 'community' }))
    expect(new Set(board.items.map((m) => m.status))).toEqual(
      new Set(['reported', 'handling', 'resolved', 'closed'])
    )
    for (const m of board.items) {
      expect(m.reporter.name).toMatch(/\*$/)
      expect(m.mySecond).toBe(false)
    }
    expect(board.items.some((m) => m.seconds > 1 && m.can.second)).toBe(true)
    const grid = data(await call(emu(), 'matter', P.gridWorker, 'list', { scope: 'queue' }))
    const committee = data(await call(emu(), 'matter', P.committee, 'list', { scope: 'queue' }))
    expect(grid.items.map((m) => m.level)).toContain('grid')
    expect(grid.items.every((m) => m.level === 'grid')).toBe(true)
    expect(committee.items.length).toBeGreaterThanOrEqual(2)
    expect(committee.items.every((m) => m.level === 'community')).toBe(true)
  })

  it('lets staff see the whole story of the errands, rated ones included', async () => {
    const managed = data<ErrandPage>(
      await call(emu(), 'errand', P.committee, 'list', { scope: 'managed', status: 'closed' })
    )
    expect(managed.items.length).toBeGreaterThanOrEqual(4)
    const rated = managed.items.filter((e: Errand) => e.rating)
    expect(rated.length).toBe(managed.items.length)
  })
})
