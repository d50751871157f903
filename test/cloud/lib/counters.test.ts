import type { Wish } from '@/contract/wish'
import type { TestEmulator } from '../../helpers/emulator'
import { call, data, newRedAgent, newResident, PERSONAS as P, useEmulator } from '../helpers'

// The kept counters (one document per community, a number per grid and key) must equal what the
// raw collections say after any sequence of changes, races included. The expected figures are
// computed here from the stored wishes, errands and users, independently of the server's counting code.

const emu = useEmulator()

type Raw = Record<string, unknown>
const SHANGHAI_MS = 8 * 3600 * 1000
const yearOf = (d: unknown) =>
  new Date(new Date(d as string).getTime() + SHANGHAI_MS).getUTCFullYear()

/** 双报到: a verified volunteer who is a party member counts per work unit (hex of its UTF-8). */
function partyKeys(u: Record<string, unknown>): string[] {
  const v = u.volunteer as { partyMember?: boolean; workUnit?: string | null } | undefined
  if (u.bindStatus !== 'verified' || !(u.roles as string[]).includes('volunteer')) return []
  return v?.partyMember ? [`volunteer.party.u${Buffer.from(v.workUnit ?? '').toString('hex')}`] : []
}

/** Per community, per grid: every non-zero count the raw data implies. */
async function expectedCounts(e: TestEmulator): Promise<Record<string, Record<string, Raw>>> {
  const out: Record<string, Record<string, Record<string, number>>> = {}
  const bump = (communityId: unknown, gridId: unknown, key: string) => {
    if (!communityId || !gridId) return
    const grid = ((out[String(communityId)] ??= {})[String(gridId)] ??= {})
    grid[key] = (grid[key] ?? 0) + 1
  }
  for (const w of await e.emulator.db.find('wishes')) {
    const key =
      w.status === 'pending'
        ? 'wish.pending'
        : w.status === 'open'
          ? 'wish.open'
          : w.status === 'done'
            ? `wish.lit.y${yearOf(w.doneAt)}`
            : null
    if (key) bump(w.communityId, w.gridId, key)
  }
  for (const x of await e.emulator.db.find('errands')) {
    // A help call waiting in its grid is counted per agent from the errand itself, not here.
    const key =
      x.status === 'requested'
        ? x.level === 'grid'
          ? x.type === 'help'
            ? null
            : 'errand.pool'
          : 'errand.escalated'
        : x.status === 'accepted' && x.overdue
          ? 'errand.overdue'
          : x.status === 'closed'
            ? `errand.closed.y${yearOf(x.endedAt)}`
            : null
    if (key) bump(x.communityId, x.gridId, key)
  }
  for (const u of await e.emulator.db.find('users')) {
    const key =
      u.bindStatus === 'pending'
        ? 'user.pending'
        : u.bindStatus === 'verified'
          ? 'user.verified'
          : null
    if (key) bump(u.communityId, u.gridId, key)
    partyKeys(u).forEach((k) => bump(u.communityId, u.gridId, k))
  }
  return out
}

/** The stored counters, flattened the same way (zeros left out). */
async function storedCounts(e: TestEmulator): Promise<Record<string, Record<string, Raw>>> {
  const out: Record<string, Record<string, Record<string, number>>> = {}
  const flatten = (prefix: string, v: unknown, into: Record<string, number>) => {
    if (typeof v === 'number') {
      if (v !== 0) into[prefix] = v
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) flatten(prefix ? `${prefix}.${k}` : k, x, into)
    }
  }
  for (const doc of await e.emulator.db.find('counters')) {
    const grids = (doc.grids ?? {}) as Record<string, Raw>
    for (const [gridId, g] of Object.entries(grids)) {
      const into: Record<string, number> = {}
      const { name: _name, ...values } = g
      flatten('', values, into)
      if (Object.keys(into).length) (out[String(doc.communityId)] ??= {})[gridId] = into
    }
  }
  return out
}

const wishInput = (n: number) => ({
  title: `想要一根拐杖${n}`,
  content: `腿脚不便，出门需要一根结实的拐杖 ${n}`,
  category: 'daily' as const,
})

const post = async (who: string, n: number): Promise<Wish> =>
  data(await call(emu(), 'wish', who, 'create', wishInput(n)))
const approve = async (id: string): Promise<Wish> =>
  data(await call(emu(), 'wish', P.gridWorker, 'review', { id, approve: true }))

describe('kept counters', () => {
  it('the demo data starts with counters equal to the raw data', async () => {
    expect(await storedCounts(emu())).toEqual(await expectedCounts(emu()))
    // the seed's community is in use: residents, a queue to verify, wishes open, waiting, lit
    const c1 = (await storedCounts(emu())).c1
    for (const key of ['user.verified', 'wish.pending', 'wish.open']) {
      expect(c1.g1[key]).toBeGreaterThan(0)
      expect(c1.g2[key]).toBeGreaterThan(0)
    }
    expect(c1.g2['user.pending']).toBeGreaterThan(0)
    expect(Object.keys(c1.g1).some((k) => k.startsWith('wish.lit.y'))).toBe(true)
  })

  it('equal the raw data after a scripted day: races, timers, re-binds and a deleted account', async () => {
    const e = emu()
    const seeded = await expectedCounts(e)
    const seededFulfilled = (await e.emulator.db.find('wishes')).filter(
      (w) => w.status === 'fulfilled'
    ).length
    // Four creates at once by one resident: the limit lets three through.
    const created = await Promise.all(
      [1, 2, 3, 4].map((n) => call(e, 'wish', P.resident1, 'create', wishInput(n)))
    )
    expect(created.filter((r) => r.ok)).toHaveLength(3)
    const [a, b, c] = created.filter((r) => r.ok).map((r) => data(r))
    await approve(a.id)
    await approve(b.id)
    data(
      await call(e, 'wish', P.gridWorker, 'review', {
        id: c.id,
        approve: false,
        reason: '信息不全',
      })
    )

    // Ten claimers race for one wish: exactly one wins.
    const agents = Array.from({ length: 9 }, (_x, i) => `counter-agent-${i}`)
    for (const agent of agents) await newRedAgent(e, agent)
    const claims = await Promise.all(
      [P.volunteer1, ...agents].map((who) => call(e, 'wish', who, 'claim', { id: a.id }))
    )
    expect(claims.filter((r) => r.ok)).toHaveLength(1)
    const claimer = [P.volunteer1, ...agents][claims.findIndex((r) => r.ok)]

    // One wish goes round the loop and is lit; another is fulfilled and left to the timer.
    data(await call(e, 'wish', claimer, 'fulfill', { id: a.id, note: '已经送到' }))
    data(await call(e, 'wish', P.resident1, 'confirm', { id: a.id, rating: 5, thanks: '谢谢' }))
    data(await call(e, 'wish', P.volunteer1, 'claim', { id: b.id }))
    data(await call(e, 'wish', P.volunteer1, 'release', { id: b.id, reason: '临时有事' }))
    data(await call(e, 'wish', P.volunteer1, 'claim', { id: b.id }))
    data(await call(e, 'wish', P.volunteer1, 'fulfill', { id: b.id, note: '已经送到' }))
    await e.advanceClock(8 * 24 * 3600 * 1000)
    const fired = await e.fireTimer('wish')
    // this one, and the seed's wishes waiting for confirmation (they came due as well)
    expect(fired).toContainEqual({
      name: 'autoConfirm',
      result: { ok: true, data: 1 + seededFulfilled },
    })

    // Filed for a resident, posted and cancelled in each state a cancel starts from.
    data(
      await call(e, 'wish', P.gridWorker, 'createFor', {
        residentOpenid: P.resident3,
        ...wishInput(5),
      })
    )
    const d = await post(P.resident2, 6)
    data(await call(e, 'wish', P.resident2, 'cancel', { id: d.id }))
    const f = await approve((await post(P.resident2, 7)).id)
    data(await call(e, 'wish', P.resident2, 'cancel', { id: f.id }))
    await post(P.resident2, 8)

    // Users: a newcomer binds and is verified, another is rejected, a resident moves within
    // the community and another to a second community, one deletes their account.
    await newResident(e, 'counter-new-1')
    data(
      await call(e, 'user', 'counter-new-2', 'bindGrid', {
        gridId: 'g2',
        buildingId: 'g2-b4',
        room: '401',
        name: '测试二',
      })
    )
    data(
      await call(e, 'user', P.gridWorker, 'verifyResident', {
        openid: 'counter-new-2',
        approve: false,
        reason: '房号不符',
      })
    )
    data(
      await call(e, 'user', P.resident2, 'bindGrid', {
        gridId: 'g2',
        buildingId: 'g2-b5',
        room: '505',
        name: '李建国',
      })
    )
    data(
      await call(e, 'user', P.volunteer2, 'bindGrid', {
        gridId: 'g3',
        buildingId: 'g3-b1',
        room: '101',
        name: '陈晓燕',
      })
    )
    // Two deliveries of one account deletion at once: counted once.
    const deleted = await Promise.all(
      [1, 2].map(() => call(e, 'user', P.resident3, 'deleteMe', {}))
    )
    expect(deleted.every((r) => r.ok)).toBe(true)
    // Concurrent binds by one newcomer to two grids: whichever lands last is counted once.
    await Promise.all([
      call(e, 'user', 'counter-new-3', 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '111',
        name: '测试三',
      }),
      call(e, 'user', 'counter-new-3', 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b2',
        room: '222',
        name: '测试三',
      }),
    ])

    const expected = await expectedCounts(e)
    expect(await storedCounts(e)).toEqual(expected)
    // Each counter document lists the grids it counts (how a grid worker's counters are found).
    for (const doc of await e.emulator.db.find('counters')) {
      expect([...(doc.gridIds as string[])].sort()).toEqual(Object.keys(doc.grids as Raw).sort())
    }
    // The figures moved from the seed's: the script touched every key.
    const was = (grid: string, key: string) => Number(seeded.c1[grid]?.[key] ?? 0)
    expect(expected.c1.g1).toMatchObject({
      'user.pending': was('g1', 'user.pending') + 1,
      'wish.pending': was('g1', 'wish.pending') + 1,
    })
    expect(expected.c1.g2).toMatchObject({
      'user.pending': was('g2', 'user.pending') + 1,
      'wish.open': was('g2', 'wish.open') + 1,
    })
    expect(Object.keys(expected.c1.g1).some((k) => k.startsWith('wish.lit.y'))).toBe(true)

    // The recount timer rebuilds the same figures from scratch.
    await e.fireTimer('user')
    expect(await storedCounts(e)).toEqual(expected)
  })

  it('what home and the grid page show comes from the counters and matches the data', async () => {
    const e = emu()
    const seeded = (await expectedCounts(e)).c1 as Record<string, Record<string, number>>
    const year = data(await call(e, 'user', P.resident1, 'counts', {})).year
    const g1 = (key: string) => seeded.g1[key] ?? 0
    const c1 = (key: string) => g1(key) + (seeded.g2[key] ?? 0)
    const w = await approve((await post(P.resident1, 1)).id)
    await post(P.resident2, 2)
    data(
      await call(e, 'user', P.newcomer, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '901',
        name: '新邻居',
      })
    )
    const home = data(await call(e, 'user', P.resident1, 'counts', {}))
    expect(home.counts).toEqual({
      'errand.closedThisYear': g1(`errand.closed.y${year}`),
      'errand.open': 0,
      'errand.toConfirm': 0,
      'wish.litThisYear': g1(`wish.lit.y${year}`),
      'wish.openNow': g1('wish.open') + 1,
      'wish.toConfirm': 0,
      // The demo topics open to g1 (emulator/seed-deliberations.ts): one in discussion, one voting.
      'deliberation.open': 2,
      'deliberation.voting': 1,
    })
    const queues = {
      'wish.toReview': c1('wish.pending') + 1,
      'user.toVerify': c1('user.pending') + 1,
    }
    const staff = data(await call(e, 'user', P.gridWorker, 'counts', {}))
    expect(staff.counts).toMatchObject(queues)
    const admin = data(await call(e, 'user', P.admin, 'counts', {}))
    expect(admin.counts).toMatchObject(queues)
    const stats = data(await call(e, 'wish', P.committee, 'stats', {}))
    expect(stats.community).toMatchObject({
      id: 'c1',
      openNow: c1('wish.open') + 1,
      litThisYear: c1(`wish.lit.y${year}`),
    })
    const grid = data(await call(e, 'user', P.resident1, 'myGrid', {}))
    expect(grid.residentCount).toBe(g1('user.verified'))
    expect(w.status).toBe('open')
  })
})
