import type { ResidentsPage } from '@/contract/user'
import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator'
import { demoData } from '../../../emulator/seed'

// The staff's roster of verified residents (user.listResidents): who sees which grids, what an
// entry shows, and that paging neither repeats nor skips anyone.

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())
afterEach(() => expectAllQueriesIndexed(emu))
beforeEach(() => emu.reset())

// Verified residents of the demo data (personas and seed neighbours), by grid.
const verifiedIn = (gridId: string) =>
  demoData()
    .users.filter((u) => u.gridId === gridId && u.bindStatus === 'verified')
    .map((u) => String(u._id))
const G1 = verifiedIn('g1')
const G2 = verifiedIn('g2')
const C1 = [...G1, ...G2]

const sorted = (ids: string[]) => [...ids].sort()
const openids = (page: ResidentsPage): string[] => page.items.map((r) => r.openid)

/** One page of the roster as `who` sees it (a failure fails the test). */
async function roster(who: string, input: Record<string, unknown> = {}): Promise<ResidentsPage> {
  const res = await emu.call<ResidentsPage>('user', who, 'listResidents', input)
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.data
}

/** A resident who binds through bindGrid and is verified by a grid worker or the admin. */
async function newResident(openid: string, gridId: string, buildingId: string, room: string) {
  const bound = await emu.call('user', openid, 'bindGrid', {
    gridId,
    buildingId,
    room,
    name: '新居民',
    phone: '13911112222',
  })
  if (!bound.ok) throw new Error(bound.error.message)
  const verifier = gridId === 'g3' ? 'demo-admin' : 'demo-gridworker-1'
  const verified = await emu.call('user', verifier, 'verifyResident', { openid, approve: true })
  if (!verified.ok) throw new Error(verified.error.message)
}

/** Every page of the roster, following nextCursor. */
async function allPages(who: string, input: Record<string, unknown>) {
  const seen: string[] = []
  let pages = 0
  let cursor: string | undefined
  do {
    const page = await roster(who, { ...input, cursor })
    expect(page.items.length).toBeLessThanOrEqual(Number(input.limit ?? 20))
    seen.push(...openids(page))
    cursor = page.nextCursor ?? undefined
    pages++
  } while (cursor && pages < 50)
  return { seen, pages }
}

describe('user.listResidents', () => {
  it('shows a grid worker the residents of their grids in full, each one they may file for', async () => {
    const res = await roster('demo-gridworker-1', { gridId: 'g1' })
    expect(sorted(openids(res))).toEqual(sorted(G1))
    expect(res.nextCursor).toBeNull()
    expect(res.items.find((r) => r.openid === 'demo-resident-1')).toEqual({
      id: 'demo-resident-1',
      openid: 'demo-resident-1',
      name: '张桂兰',
      nickname: '桂兰阿姨',
      phone: '13800000001',
      gridId: 'g1',
      gridName: '第一网格',
      buildingName: '1号楼',
      room: '101',
      roles: ['resident'],
      grantableRoles: [],
      can: { fileFor: true, bookFor: true },
    })

    const all = await roster('demo-gridworker-1', {})
    expect(sorted(openids(all))).toEqual(sorted(C1))
    expect(all.items.every((r) => r.can.fileFor && r.can.bookFor)).toBe(true)
  })

  it('shows the committee its whole community, or one grid of it, to book errands for but not file wishes', async () => {
    const all = await roster('demo-committee-1', {})
    expect(sorted(openids(all))).toEqual(sorted(C1))
    // Only a grid worker files wishes for residents (wish.createFor); the committee books errands.
    expect(all.items.every((r) => r.can.fileFor === false)).toBe(true)
    expect(all.items.every((r) => r.can.bookFor === true)).toBe(true)

    const g2 = await roster('demo-committee-1', { gridId: 'g2' })
    expect(sorted(openids(g2))).toEqual(sorted(G2))
  })

  it('shows an admin the grid they name, and asks for one when they name none', async () => {
    await newResident('o-peace-1', 'g3', 'g3-b1', '101')
    const g3 = await roster('demo-admin', { gridId: 'g3' })
    expect(openids(g3)).toEqual(['o-peace-1'])
    expect(g3.items[0]).toMatchObject({
      gridName: '和平第一网格',
      can: { fileFor: false, bookFor: false },
    })

    expect(await emu.call('user', 'demo-admin', 'listResidents', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'gridId', message: '请选择要查看的网格' },
    })
    expect(await emu.call('user', 'demo-admin', 'listResidents', { gridId: 'g404' })).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'gridId', message: '网格不存在，请重新选择' },
      }
    )
  })

  it('shows each resident’s current roles, as the committee last set them', async () => {
    const before = await roster('demo-committee-1', { gridId: 'g1' })
    const rolesOf = (page: ResidentsPage) =>
      Object.fromEntries(page.items.map((r) => [r.openid, r.roles]))
    expect(Object.keys(rolesOf(before)).sort()).toEqual(sorted(G1))
    expect(rolesOf(before)).toMatchObject({
      'demo-resident-1': ['resident'],
      'demo-resident-2': ['resident'],
      'demo-volunteer-1': ['resident', 'volunteer', 'redAgent'],
    })

    const set = await emu.call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-resident-1',
      roles: ['volunteer', 'gridWorker'],
    })
    expect(set.ok).toBe(true)
    await emu.call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-volunteer-1',
      roles: ['volunteer'],
    })

    const after = await roster('demo-gridworker-1', { gridId: 'g1' })
    expect(rolesOf(after)).toEqual({
      ...rolesOf(before),
      'demo-resident-1': ['resident', 'volunteer', 'gridWorker'],
      'demo-resident-2': ['resident'],
      'demo-volunteer-1': ['resident', 'volunteer'],
    })
  })

  it.each(['demo-resident-1', 'demo-volunteer-1', 'demo-newcomer', 'o-stranger'])(
    '%s is not staff and sees no roster (FORBIDDEN)',
    async (who) => {
      for (const input of [{}, { gridId: 'g1' }]) {
        expect(await emu.call('user', who, 'listResidents', input)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: '只有网格员或社区两委可以查看居民名册' },
        })
      }
    }
  )

  it('says which roles the viewer may switch, as setRoles would allow them', async () => {
    const byCommittee = await emu.call('user', 'demo-committee-1', 'listResidents', {
      gridId: 'g1',
    })
    const byAdmin = await emu.call('user', 'demo-admin', 'listResidents', { gridId: 'g1' })
    const grantable = (res: typeof byAdmin, openid: string) =>
      res.ok
        ? res.data.items.find((r: { openid: string }) => r.openid === openid)?.grantableRoles
        : null
    expect(grantable(byCommittee, 'demo-resident-1')).toEqual([
      'volunteer',
      'redAgent',
      'gridWorker',
    ])
    expect(grantable(byAdmin, 'demo-resident-1')).toEqual([
      'volunteer',
      'redAgent',
      'gridWorker',
      'committee',
      'admin',
    ])
    const byWorker = await emu.call('user', 'demo-gridworker-1', 'listResidents', {})
    expect(grantable(byWorker, 'demo-resident-1')).toEqual([])
    // And what it offers, setRoles accepts.
    const set = await emu.call('user', 'demo-committee-1', 'setRoles', {
      openid: 'demo-resident-1',
      roles: ['volunteer', 'redAgent', 'gridWorker'],
    })
    expect(set.ok).toBe(true)
  })

  it('a grid out of reach is FORBIDDEN, whether it has residents or not', async () => {
    // g3 lies in community c2: neither demo-gridworker-1 (g1, g2) nor the c1 committee serves it.
    const empty = await emu.call('user', 'demo-committee-1', 'listResidents', { gridId: 'g3' })
    expect(empty).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'gridId' } })
    await newResident('o-peace-1', 'g3', 'g3-b1', '101')
    for (const who of ['demo-gridworker-1', 'demo-committee-1']) {
      expect(await emu.call('user', who, 'listResidents', { gridId: 'g3' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', field: 'gridId', message: '只能查看您所服务网格的居民' },
      })
    }
    // A grid worker of g3 only sees g3, and not the c1 grids.
    await emu.call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-3',
      roles: ['gridWorker'],
      gridIds: ['g3'],
    })
    const own = await roster('demo-resident-3', {})
    expect(openids(own)).toEqual(['o-peace-1'])
    expect(
      await emu.call('user', 'demo-resident-3', 'listResidents', { gridId: 'g2' })
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('leaves out bindings that are pending or were rejected', async () => {
    const bind = (openid: string, room: string) =>
      emu.call('user', openid, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room,
        name: '新居民',
      })
    await bind('o-pending', '601')
    await bind('o-rejected', '602')
    await emu.call('user', 'demo-gridworker-1', 'verifyResident', {
      openid: 'o-rejected',
      approve: false,
      reason: '房号不符',
    })
    // A verified resident who moves starts a new verification: off the roster until then.
    await emu.call('user', 'demo-resident-2', 'bindGrid', {
      gridId: 'g1',
      buildingId: 'g1-b3',
      room: '303',
      name: '李建国',
    })
    for (const who of ['demo-gridworker-1', 'demo-committee-1']) {
      const res = await roster(who, { gridId: 'g1' })
      expect(sorted(openids(res))).toEqual(sorted(G1.filter((id) => id !== 'demo-resident-2')))
    }
  })

  it('a grid worker who also lives in their grid is listed, but may not file for themselves', async () => {
    await emu.call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-2',
      roles: ['gridWorker'],
      gridIds: ['g1'],
    })
    const res = await roster('demo-resident-2', {})
    const can = Object.fromEntries(res.items.map((r) => [r.openid, r.can]))
    const notSelf = (id: string) => id !== 'demo-resident-2'
    expect(can).toEqual(
      Object.fromEntries(G1.map((id) => [id, { fileFor: notSelf(id), bookFor: notSelf(id) }]))
    )
  })

  it('can.fileFor matches what wish.createFor accepts', async () => {
    const wish = { title: '想请人帮忙换灯泡', content: '厨房的灯泡坏了。', category: 'daily' }
    const [first] = (await roster('demo-gridworker-1', { gridId: 'g2' })).items
    expect(first.can.fileFor).toBe(true)
    const filed = await emu.call('wish', 'demo-gridworker-1', 'createFor', {
      residentOpenid: first.openid,
      ...wish,
    })
    expect(filed).toMatchObject({ ok: true, data: { status: 'open' } })

    const committee = await roster('demo-committee-1', { gridId: 'g2' })
    expect(committee.items[0].can.fileFor).toBe(false)
    const refused = await emu.call('wish', 'demo-committee-1', 'createFor', {
      residentOpenid: committee.items[0].openid,
      ...wish,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('pages through more residents than a page holds without repeating or skipping anyone', async () => {
    const added = Array.from({ length: 12 }, (_, n) => `o-roster-${String(n).padStart(2, '0')}`)
    for (const [n, id] of added.entries()) {
      await newResident(id, 'g2', `g2-b${4 + (n % 3)}`, `${n + 1}01`)
    }
    await emu.call('user', 'o-roster-late', 'bindGrid', {
      gridId: 'g2',
      buildingId: 'g2-b4',
      room: '999',
      name: '新居民',
    }) // pending: never listed

    const grid = await allPages('demo-gridworker-1', { gridId: 'g2', limit: 5 })
    expect(grid.pages).toBe(Math.ceil((G2.length + added.length) / 5))
    expect(grid.seen).toHaveLength(new Set(grid.seen).size)
    expect(sorted(grid.seen)).toEqual(sorted([...G2, ...added]))

    const community = await allPages('demo-committee-1', { limit: 4 })
    expect(community.seen).toHaveLength(new Set(community.seen).size)
    expect(sorted(community.seen)).toEqual(sorted([...C1, ...added]))

    const worker = await allPages('demo-gridworker-1', { limit: 3 })
    expect(sorted(worker.seen)).toEqual(sorted([...C1, ...added]))
  })

  it('reads the caller and one page: two round trips, served by indexes', async () => {
    await newResident('o-peace-1', 'g3', 'g3-b1', '101')
    const calls: [string, Record<string, unknown>][] = [
      ['demo-gridworker-1', {}],
      ['demo-gridworker-1', { gridId: 'g1', limit: 2 }],
      ['demo-committee-1', {}],
      ['demo-committee-1', { gridId: 'g2' }],
      ['demo-admin', { gridId: 'g3' }],
    ]
    for (const [who, input] of calls) {
      const { roundTrips, unindexed } = await emu.callWithStats('user', who, 'listResidents', input)
      expect({ who, input, roundTrips, unindexed }).toEqual({
        who,
        input,
        roundTrips: 2,
        unindexed: 0,
      })
    }
    // Someone who is not staff is refused after reading who they are.
    const refused = await emu.callWithStats('user', 'demo-resident-1', 'listResidents', {})
    expect(refused.roundTrips).toBe(1)
    // A page after the first is the same single query.
    const first = await roster('demo-gridworker-1', { limit: 2 })
    const next = await emu.callWithStats('user', 'demo-gridworker-1', 'listResidents', {
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    })
    expect(next.roundTrips).toBe(2)
    // Only a named grid with no residents in reach costs a third read: the grid, to tell an
    // empty grid from one out of reach.
    const outOfReach = await emu.callWithStats('user', 'demo-committee-1', 'listResidents', {
      gridId: 'g3',
    })
    expect(outOfReach.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(outOfReach.roundTrips).toBe(3)
  })

  it.each([
    [{ limit: 500 }, 'limit', '每页最多 50 条'],
    [{ limit: 0 }, 'limit', '每页至少 1 条'],
    [{ gridId: '' }, 'gridId', '请选择网格'],
    [{ gridId: 7 }, 'gridId', '网格格式不正确'],
    [{ gridId: 'g'.repeat(65) }, 'gridId', '网格格式不正确'],
    [{ cursor: 'not-a-cursor' }, 'cursor', '分页参数不正确'],
    [{ cursor: 12 }, 'cursor', '分页参数不正确'],
  ])('rejects %j as INVALID_INPUT on %s', async (input, field, message) => {
    expect(await emu.call('user', 'demo-gridworker-1', 'listResidents', input)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field, message },
    })
  })

  it('can.bookFor matches what errand.bookFor accepts', async () => {
    // Tomorrow in Asia/Shanghai, by the emulator's clock.
    const date = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
    const errand = { type: 'medicine', detail: '帮忙到社区卫生站取药', date, slot: 'morning' }
    const [first] = (await roster('demo-committee-1', { gridId: 'g2' })).items
    expect(first.can).toEqual({ fileFor: false, bookFor: true })
    const booked = await emu.call('errand', 'demo-committee-1', 'bookFor', {
      residentOpenid: first.openid,
      ...errand,
    })
    expect(booked).toMatchObject({ ok: true, data: { status: 'requested' } })

    await newResident('o-peace-2', 'g3', 'g3-b1', '102')
    const [peace] = (await roster('demo-admin', { gridId: 'g3' })).items
    expect(peace.can.bookFor).toBe(false)
    const refused = await emu.call('errand', 'demo-admin', 'bookFor', {
      residentOpenid: peace.openid,
      ...errand,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
