import {
  QUEUE_COUNT_KEYS,
  QUEUE_FIRST_ITEMS,
  QUEUE_KINDS,
  type QueueItem,
  type QueueKind,
  type QueueSection,
  type WorkQueue,
} from '@/contract/committee'
import type { TestEmulator } from '../../helpers/emulator'
import { booking } from '../errand/helpers'
import { topicInput } from '../deliberation/helpers'
import {
  ADMIN,
  C2_RESIDENT,
  call,
  clockAt,
  CM,
  countsOf,
  data,
  expectError,
  FULL_PHONE,
  GW,
  HOUR,
  ms,
  newC2Resident,
  newResident,
  P,
  R1,
  R2,
  R3,
  R4,
  raw,
  runTimer,
  stepsOf,
  useEmulator,
  V1,
  type Doc,
} from './helpers'

// `committee.moderationQueue`: after items were made in every queue (and in another community),
// each member of staff gets exactly the queues they serve, with the kept counts `user.counts`
// answers, the first items most urgent first, nothing of what they do not serve, and no
// personal data; handling an item takes it off.

const emu = useEmulator()

/** A second grid worker, of g2 only. */
const GW2 = 'q-gridworker-g2'

/** Who serves what: the grids, and the level of the matters they handle. */
const SERVES: Record<string, { grids: string[] | null; community: string | null }> = {
  [GW]: { grids: ['g1', 'g2'], community: null },
  [CM]: { grids: ['g1', 'g2'], community: 'c1' },
  // A street admin: every community.
  [ADMIN]: { grids: null, community: null },
  [GW2]: { grids: ['g2'], community: null },
}

/** New people waiting to be verified: two in c1 (g1, g2), one in c2 (g3). */
const PENDING = [
  { openid: 'q-pending-g1', gridId: 'g1', buildingId: 'g1-b2', room: '1701', name: '欧阳明月' },
  { openid: 'q-pending-g2', gridId: 'g2', buildingId: 'g2-b4', room: '1702', name: '钱多多' },
  { openid: 'q-pending-g3', gridId: 'g3', buildingId: 'g3-b1', room: '1703', name: '孙悟空' },
]
/** A room after the building (1号楼 101), or a room of the new residents anywhere. */
const ROOM = /号楼\s*\d|\b170[123]\b/

interface World {
  /** ids made by the arrangement, by queue, in c1 (the tests below name the ones they need) */
  mine: Partial<Record<QueueKind, string[]>>
  /** ids made in c2, which no staff of c1 may see */
  elsewhere: string[]
}

/**
 * Items in every queue: errands overdue and escalated (through the timer and the clock), matters at
 * grid and community level, three reports on a comment, residents to verify, wishes to review,
 * a volunteer application; and the same kinds in community c2.
 */
async function arrange(e: TestEmulator): Promise<World> {
  const mine: World['mine'] = {}
  const elsewhere: string[] = []
  await clockAt(e, '09:00')
  await newC2Resident(e)
  // An errand accepted now and never completed: overdue after 48 h.
  const overdue = data(await call(e, 'errand', R1, 'book', booking(e)))
  data(await call(e, 'errand', V1, 'accept', { id: overdue.id }))
  // Errands nobody accepts: escalated after 4 h (community) and 24 h (committee).
  const farOff = { date: new Date(e.emulator.clock.now() + 8 * HOUR + 12 * 86_400_000) }
  const day = farOff.date.toISOString().slice(0, 10)
  const escalated = data(await call(e, 'errand', R2, 'book', booking(e, { date: day })))
  const c2Errand = data(await call(e, 'errand', C2_RESIDENT, 'book', booking(e, { date: day })))
  elsewhere.push(c2Errand.id)
  await e.advanceClock(44 * HOUR)
  const lately = data(await call(e, 'errand', R3, 'book', booking(e, { date: day })))
  await e.advanceClock(5 * HOUR)
  await runTimer(e, 'errand')
  mine.errandOverdue = [overdue.id]
  mine.errandEscalated = [escalated.id, lately.id]

  // Matters: one waiting at grid level, one escalated to the community, one in c2.
  const report = (content: string) => ({ category: 'facility' as const, content })
  const atGrid = data(await call(e, 'matter', R1, 'report', report('3号楼门口的路灯坏了一个星期')))
  const up = data(await call(e, 'matter', R3, 'report', report('小区东门的道闸坏了车出不去')))
  data(await call(e, 'matter', GW, 'escalate', { id: up.id, reason: '需要社区协调' }))
  const c2Matter = data(
    await call(e, 'matter', C2_RESIDENT, 'report', report('楼道里的灯坏了没人修'))
  )
  mine.matter = [atGrid.id, up.id]
  elsewhere.push(c2Matter.id)

  // A comment reported by three residents: hidden, waiting for a moderator.
  const topic = data(await call(e, 'deliberation', CM, 'create', topicInput(e)))
  const comment = data(
    await call(e, 'deliberation', R1, 'comment', {
      id: topic.id,
      content: '这个方案不好，浪费钱',
    })
  )
  for (const who of [R2, R4, V1]) {
    data(await call(e, 'deliberation', who, 'reportComment', { commentId: comment.id }))
  }
  mine.comment = [comment.id]

  // Residents waiting to be verified.
  for (const p of PENDING) {
    data(
      await call(e, 'user', p.openid, 'bindGrid', {
        gridId: p.gridId,
        buildingId: p.buildingId,
        room: p.room,
        name: p.name,
      })
    )
  }
  mine.resident = PENDING.slice(0, 2).map((p) => p.openid)
  elsewhere.push(PENDING[2].openid)

  // Wishes waiting for review.
  const wish = (n: string) => ({
    title: `想要一副老花镜${n}`,
    content: `眼睛越来越花，想要一副老花镜看报纸 ${n}`,
    category: 'daily' as const,
  })
  mine.wish = [data(await call(e, 'wish', R3, 'create', wish('甲'))).id]
  elsewhere.push(data(await call(e, 'wish', C2_RESIDENT, 'create', wish('乙'))).id)

  // Volunteer applications.
  const apply = { skills: ['陪伴老人'], partyMember: false }
  data(await call(e, 'volunteer', R2, 'register', apply))
  data(await call(e, 'volunteer', C2_RESIDENT, 'register', apply))
  mine.volunteer = [R2]
  elsewhere.push(C2_RESIDENT)
  return { mine, elsewhere }
}

const inGrids = (serves: (typeof SERVES)[string], d: Doc) =>
  !serves.grids || serves.grids.includes(d.gridId)

/**
 * What a member of staff serves in each queue, from the raw collections and the rules of
 * docs/contract.md (not the server's code): ids with the time they started waiting when the
 * stored document says it plainly.
 */
async function served(
  e: TestEmulator,
  who: string
): Promise<Record<QueueKind, { id: string; since?: number; overdue?: boolean }[]>> {
  const s = SERVES[who]
  const [users, wishes, errands, matters, comments] = await Promise.all(
    ['users', 'wishes', 'errands', 'matters', 'deliberationComments'].map((c) => raw(e, c))
  )
  const level = s.community ? 'community' : 'grid'
  return {
    errandOverdue: errands
      .filter((d) => d.status === 'accepted' && d.overdue && inGrids(s, d))
      .map((d) => ({ id: d._id, overdue: true })),
    errandEscalated: errands
      .filter((d) => d.status === 'requested' && d.level !== 'grid' && inGrids(s, d))
      // Waiting since it was escalated (left its grid), not since it was booked.
      .map((d) => ({ id: d._id, since: ms(stepsOf(d, 'escalated')[0]?.at) })),
    matter: matters
      .filter((d) => d.status === 'reported' && d.level === level && inGrids(s, d))
      .map((d) => ({ id: d._id, since: ms(d.queueAt), overdue: !!d.overdue })),
    comment: comments
      .filter(
        (d) =>
          d.awaitingReview &&
          (s.community
            ? d.communityId === s.community
            : !s.grids || (d.awaitingGrids as string[]).some((g) => s.grids!.includes(g)))
      )
      .map((d) => ({ id: d._id })),
    resident: users
      .filter((d) => d.bindStatus === 'pending' && inGrids(s, d))
      .map((d) => ({ id: d._id, since: ms(d.boundAt) })),
    wish: wishes
      .filter((d) => d.status === 'pending' && inGrids(s, d))
      .map((d) => ({ id: d._id, since: ms(d.createdAt) })),
    volunteer: users
      .filter(
        (d) =>
          d.volunteer?.status === 'pending' &&
          (!s.community || d.communityId === s.community) &&
          inGrids(s, d)
      )
      .map((d) => ({ id: d._id, since: ms(d.volunteer.appliedAt) })),
  }
}

const queueOf = async (who: string): Promise<WorkQueue> =>
  data(await call(emu(), 'committee', who, 'moderationQueue', {}))

const section = (q: WorkQueue, kind: QueueKind) => q.sections.find((s) => s.kind === kind)

/** Most urgent first: overdue first, then the longest waiting. */
const urgentFirst = (a: QueueItem, b: QueueItem) =>
  Number(b.overdue) - Number(a.overdue) || Date.parse(a.since) - Date.parse(b.since)

/** An escalated errand has waited since it was escalated (the oracle's time), not since booked. */
function expectEscalatedSince(s: QueueSection, expected: { id: string; since?: number }[]) {
  if (s.kind !== 'errandEscalated') return
  for (const item of s.items) {
    const since = expected.find((x) => x.id === item.id)?.since
    expect({ id: item.id, since: item.since }).toEqual({
      id: item.id,
      since: new Date(since!).toISOString(),
    })
  }
}

async function expectServes(who: string, world: World): Promise<WorkQueue> {
  const q = await queueOf(who)
  const counts = await countsOf(emu(), who)
  const oracle = await served(emu(), who)

  // Exactly the queues whose count `user.counts` answers this persona, in the contract's order.
  const kinds = QUEUE_KINDS.filter((k) => counts[QUEUE_COUNT_KEYS[k]] !== undefined)
  expect(q.sections.map((s) => s.kind)).toEqual(kinds)
  expect(q.total).toBe(q.sections.reduce((n, s) => n + s.count, 0))

  for (const s of q.sections) {
    const expected = oracle[s.kind]
    // The count is the kept counter, and it is what the raw collections hold.
    expect({ kind: s.kind, count: s.count }).toEqual({
      kind: s.kind,
      count: counts[QUEUE_COUNT_KEYS[s.kind]],
    })
    expect({ kind: s.kind, count: s.count }).toEqual({ kind: s.kind, count: expected.length })
    expect(s.items).toHaveLength(Math.min(QUEUE_FIRST_ITEMS, expected.length))
    // Only what this persona serves, most urgent first.
    const ids = new Set(expected.map((x) => x.id))
    for (const item of s.items) {
      expect({ kind: s.kind, id: item.id, served: ids.has(item.id) }).toEqual({
        kind: s.kind,
        id: item.id,
        served: true,
      })
      expect(item.kind).toBe(s.kind)
      expect(Number.isNaN(Date.parse(item.since))).toBe(false)
      if (s.kind === 'errandOverdue') expect(item.overdue).toBe(true)
    }
    expect(s.items).toEqual([...s.items].sort(urgentFirst))
    expectEscalatedSince(s, expected)
    // Where the stored document says when it began to wait, the first items are the oldest.
    if (expected.every((x) => x.since !== undefined)) {
      const first = [...expected]
        .sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || a.since! - b.since!)
        .slice(0, QUEUE_FIRST_ITEMS)
        .map((x) => x.id)
      expect({ kind: s.kind, ids: s.items.map((i) => i.id) }).toEqual({ kind: s.kind, ids: first })
    }
    if (s.kind === 'comment') for (const item of s.items) expect(item.topicId).toBeTruthy()
  }

  // Personal data: no full phone, no room, residents as 张*.
  // (Ids are random hex: they may hold 11 digits in a row.)
  const text = JSON.stringify(q, (k, v) => (k === 'id' || k === 'topicId' ? undefined : v))
  expect(text).not.toMatch(FULL_PHONE)
  expect(text).not.toMatch(/"room"/i)
  for (const item of q.sections.flatMap((s) => s.items)) {
    expect(item.place ?? '').not.toMatch(ROOM)
    expect(item.title).not.toMatch(ROOM)
  }
  for (const item of section(q, 'resident')?.items ?? []) {
    expect(item.title).toMatch(/^\p{Script=Han}\*$/u)
  }
  for (const p of PENDING) expect(text).not.toContain(p.name)

  // What this persona made in their scope is there (counted); nothing of another community.
  if (who !== ADMIN) {
    const all = q.sections.flatMap((s) => s.items.map((i) => i.id))
    for (const id of world.elsewhere) expect(all).not.toContain(id)
  }
  return q
}

describe('committee.moderationQueue', () => {
  it('a resident, a volunteer or someone unbound is refused (FORBIDDEN)', async () => {
    for (const who of [R1, V1, P.newcomer, 'q-stranger']) {
      expectError(await call(emu(), 'committee', who, 'moderationQueue', {}), 'FORBIDDEN')
    }
  })

  it('the grid worker: the queues of their grids at grid level, no volunteer applications', async () => {
    const world = await arrange(emu())
    const q = await expectServes(GW, world)
    expect(section(q, 'volunteer')).toBeUndefined()
    // Their grid-level matter is theirs; the one escalated to the community is not.
    const matters = (await served(emu(), GW)).matter.map((m) => m.id)
    expect(matters).toContain(world.mine.matter![0])
    expect(matters).not.toContain(world.mine.matter![1])
    expect(section(q, 'errandOverdue')!.items.map((i) => i.id)).toContain(
      world.mine.errandOverdue![0]
    )
    expect(section(q, 'comment')!.items.map((i) => i.id)).toContain(world.mine.comment![0])
  })

  it('the committee: its community at community level, with volunteer applications', async () => {
    const world = await arrange(emu())
    const q = await expectServes(CM, world)
    expect(q.sections.map((s) => s.kind)).toEqual([...QUEUE_KINDS])
    const matters = (await served(emu(), CM)).matter.map((m) => m.id)
    expect(matters).toContain(world.mine.matter![1])
    expect(matters).not.toContain(world.mine.matter![0])
    expect(section(q, 'volunteer')!.items.map((i) => i.id)).toEqual([R2])
  })

  it('a grid worker of one grid: nothing of the other grid', async () => {
    await newResident(emu(), GW2, { gridId: 'g2', buildingId: 'g2-b5' })
    data(
      await call(emu(), 'user', CM, 'setRoles', {
        openid: GW2,
        roles: ['resident', 'gridWorker'],
        gridIds: ['g2'],
      })
    )
    const world = await arrange(emu())
    const q = await expectServes(GW2, world)
    const g1 = new Set(
      (await Promise.all(['users', 'wishes', 'errands', 'matters'].map((c) => raw(emu(), c))))
        .flat()
        .filter((d) => d.gridId === 'g1')
        .map((d) => d._id)
    )
    for (const item of q.sections.flatMap((s) => s.items)) expect(g1.has(item.id)).toBe(false)
    // g1's reported comment is not theirs to moderate.
    expect(section(q, 'comment')).toMatchObject({ count: 0, items: [] })
  })

  it('an admin: the counts user.counts answers them, every item one they serve', async () => {
    const world = await arrange(emu())
    await expectServes(ADMIN, world)
  })

  it('handling an item takes it off the queue and out of its count', async () => {
    await arrange(emu())
    const before = await queueOf(CM)
    const beforeGw = await queueOf(GW)
    const count = (q: WorkQueue, k: QueueKind) => section(q, k)?.count ?? 0
    const ids = (q: WorkQueue, k: QueueKind) => section(q, k)?.items.map((i) => i.id) ?? []

    // A resident verified, a wish reviewed, a comment decided, an application reviewed, a
    // matter accepted, an escalated errand accepted.
    const resident = section(beforeGw, 'resident')!.items[0].id
    data(await call(emu(), 'user', GW, 'verifyResident', { openid: resident, approve: true }))
    const wish = section(beforeGw, 'wish')!.items[0].id
    data(await call(emu(), 'wish', GW, 'review', { id: wish, approve: true }))
    const comment = section(beforeGw, 'comment')!.items[0].id
    data(
      await call(emu(), 'deliberation', GW, 'restoreComment', {
        commentId: comment,
      })
    )
    data(await call(emu(), 'volunteer', CM, 'reviewVolunteer', { openid: R2, approve: true }))
    const matter = section(before, 'matter')!.items[0].id
    data(await call(emu(), 'matter', CM, 'accept', { id: matter }))

    const after = await queueOf(CM)
    const afterGw = await queueOf(GW)
    for (const [q0, q1, kind, id] of [
      [beforeGw, afterGw, 'resident', resident],
      [beforeGw, afterGw, 'wish', wish],
      [beforeGw, afterGw, 'comment', comment],
      [before, after, 'volunteer', R2],
      [before, after, 'matter', matter],
    ] as const) {
      expect({ kind, count: count(q1, kind) }).toEqual({ kind, count: count(q0, kind) - 1 })
      expect(ids(q1, kind)).not.toContain(id)
    }
    // The committee serves all five: each one fewer.
    expect(after.total).toBe(before.total - 5)
  })
})
