import type { Wish, WishPage } from '@/contract/wish'
import {
  ADMIN,
  CM,
  createdIds,
  data,
  expectError,
  GW,
  NEWCOMER,
  R1,
  R2,
  R3,
  READ_TRIPS,
  useEmulator,
  V1,
  V2,
  WishFlow,
} from './helpers'

// wish.list: scopes, visibility, status filter, newest first, keyset pages, one indexed query.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const list = async (who: string, input: Record<string, unknown>) => {
  const { result, roundTrips } = await emu().callWithStats<WishPage>('wish', who, 'list', input)
  expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
  return result
}
const ids = (page: WishPage) => page.items.map((w) => w.id)
const PUBLIC = ['open', 'claimed', 'fulfilled', 'done']

describe('wish.list', () => {
  let pendingG1: Wish
  let openG1: Wish
  let openG2: Wish
  beforeEach(async () => {
    pendingG1 = await flow().pending(R2, 'p')
    openG1 = await flow().open(R1, 'o1')
    openG2 = await flow().open(R3, 'o2')
  })

  it("a resident's grid scope shows their grid's approved wishes, masked, not others' pending ones", async () => {
    const page = data(await list(R2, { scope: 'grid' }))
    expect(createdIds(page)).toEqual([openG1.id])
    // the neighbours' wishes beside it: public ones of g1 only, their authors masked
    for (const w of page.items) {
      expect([w.gridId, PUBLIC.includes(w.status), w.author.phone]).toEqual(['g1', true, null])
    }
    expect(page.items[0].author).toMatchObject({
      name: '张*',
      buildingName: '1号楼',
      room: null,
      phone: null,
    })
    expect(page.items[0].can).toMatchObject({ claim: false, review: false })
    expect(page.nextCursor).toBeNull()
  })

  it('the community scope spans grids, newest first', async () => {
    expect(createdIds(data(await list(R2, { scope: 'community' })))).toEqual([openG2.id, openG1.id])
    expect(createdIds(data(await list(R3, { scope: 'grid' })))).toEqual([openG2.id])
  })

  it('a volunteer sees claim buttons on the wall', async () => {
    const page = data(await list(V1, { scope: 'community' }))
    expect(page.items.filter((w) => w.status === 'open').length).toBeGreaterThan(1)
    for (const w of page.items) expect(w.can.claim).toBe(w.status === 'open')
  })

  it('mine lists what the viewer wrote, pending included, with their own data in full', async () => {
    const page = data(await list(R2, { scope: 'mine' }))
    expect(ids(page)).toEqual([pendingG1.id])
    expect(page.items[0]).toMatchObject({
      mine: true,
      status: 'pending',
      author: { name: '李建国', room: '202' },
    })
    expect(ids(data(await list(V1, { scope: 'mine' })))).toEqual([])
  })

  it('claimed lists what the viewer holds, and forgets it once released', async () => {
    data(await flow().call(V1, 'claim', { id: openG1.id }))
    const page = data(await list(V1, { scope: 'claimed' }))
    expect(ids(page)).toEqual([openG1.id])
    expect(page.items[0].author).toMatchObject({
      name: '张桂兰',
      room: '101',
      phone: '13800000001',
    })
    expect(ids(data(await list(V2, { scope: 'claimed' })))).toEqual([])
    data(await flow().call(V1, 'release', { id: openG1.id, reason: '临时出差' }))
    expect(ids(data(await list(V1, { scope: 'claimed' })))).toEqual([])
  })

  it("the review scope is the reviewer's queue of pending wishes", async () => {
    expect(createdIds(data(await list(GW, { scope: 'review' })))).toEqual([pendingG1.id])
    expect(createdIds(data(await list(CM, { scope: 'review' })))).toEqual([pendingG1.id])
    expect(createdIds(data(await list(ADMIN, { scope: 'review' })))).toEqual([pendingG1.id])
    const queue = data(await list(GW, { scope: 'review' }))
    expect(queue.items[0].can.review).toBe(true)
    expect(queue.items[0].author).toMatchObject({ name: '李建国', phone: '13800000002' })
    expectError(await list(R1, { scope: 'review' }), 'FORBIDDEN')
    expectError(await list(V1, { scope: 'review' }), 'FORBIDDEN')
  })

  it('reviewers see every status in their area', async () => {
    expect(createdIds(data(await list(GW, { scope: 'grid' }))).sort()).toEqual(
      [pendingG1.id, openG1.id, openG2.id].sort()
    )
    expect(createdIds(data(await list(CM, { scope: 'community' }))).sort()).toEqual(
      [pendingG1.id, openG1.id, openG2.id].sort()
    )
  })

  it('the status filter narrows a list, and never reveals what the viewer may not see', async () => {
    data(await flow().call(V1, 'claim', { id: openG1.id }))
    expect(createdIds(data(await list(R2, { scope: 'community', status: 'claimed' })))).toEqual([
      openG1.id,
    ])
    expect(createdIds(data(await list(R2, { scope: 'community', status: 'open' })))).toEqual([
      openG2.id,
    ])
    expect(ids(data(await list(R1, { scope: 'community', status: 'pending' })))).toEqual([])
    expect(createdIds(data(await list(GW, { scope: 'review', status: 'claimed' })))).toEqual([
      openG1.id,
    ])
  })

  it('the public wish wall shows lit wishes with their thanks', async () => {
    const lit = await flow().done(R2, V1, '谢谢志愿者的帮助')
    const wall = data(await list(R3, { scope: 'community', status: 'done' }))
    expect(createdIds(wall)).toEqual([lit.id])
    expect(wall.items.every((w) => w.status === 'done' && w.thanks !== undefined)).toBe(true)
    expect(wall.items[0]).toMatchObject({
      status: 'done',
      thanks: '谢谢志愿者的帮助',
      rating: null,
    })
    expect(wall.items[0].claimer).toMatchObject({ name: '赵*', phone: null })
  })

  it('the wall credits a helper by nickname when they chose it at claim time, masked otherwise', async () => {
    data(await emu().call('user', V1, 'updateProfile', { creditByName: true }))
    const credited = await flow().done(R2, V1, '谢谢志强')
    const plain = await flow().done(R1, V2, '谢谢晓燕')
    // Choosing later does not rewrite what was lit before.
    data(await emu().call('user', V2, 'updateProfile', { creditByName: true }))
    const wall = data(await list(R3, { scope: 'community', status: 'done' }))
    const helper = (id: string) => wall.items.find((w) => w.id === id)?.claimer
    expect(helper(credited.id)).toMatchObject({ nickname: '志强', name: '赵*', phone: null })
    expect(helper(plain.id)).toMatchObject({ nickname: '晓*', name: '陈*', phone: null })
  })

  it('users without a grid get NOT_BOUND for grid and community, and an empty mine', async () => {
    expectError(await list(NEWCOMER, { scope: 'grid' }), 'NOT_BOUND')
    expectError(await list(NEWCOMER, { scope: 'community' }), 'NOT_BOUND')
    expect(data(await list(NEWCOMER, { scope: 'mine' })).items).toEqual([])
  })

  it.each([
    [{ scope: 'everything' }, 'scope'],
    [{}, 'scope'],
    [{ scope: 'grid', status: 'lost' }, 'status'],
    [{ scope: 'grid', limit: 51 }, 'limit'],
    [{ scope: 'grid', limit: 0 }, 'limit'],
    [{ scope: 'grid', cursor: 'not-a-cursor' }, 'cursor'],
  ])('bad input %j is INVALID_INPUT on %s', async (input, field) => {
    expectError(await list(R1, input), 'INVALID_INPUT', field)
  })
})

describe('wish.list paging', () => {
  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const authors = [R1, R2, R3, V1, V2]
    const made: string[] = []
    // 5 residents × 3 wishes, each approved: 15 open wishes in c1.
    for (const n of [1, 2, 3]) {
      for (const a of authors) made.push((await flow().open(a, `${a}-${n}`)).id)
    }
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = data(
        await list(R1, { scope: 'community', limit: 4, ...(cursor ? { cursor } : {}) })
      )
      expect(page.items.length).toBeLessThanOrEqual(4)
      seen.push(...ids(page))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(pages).toBe(Math.ceil(seen.length / 4))
    expect(seen.filter((id) => made.includes(id))).toEqual([...made].reverse())
    // the newest come first, before the neighbours' older wishes
    expect(seen.slice(0, made.length)).toEqual([...made].reverse())

    expect(createdIds(data(await list(R1, { scope: 'community' })))).toHaveLength(15)
    const first = data(await list(R1, { scope: 'community', limit: 10 }))
    expect(first.items).toHaveLength(10)
    expect(first.nextCursor).not.toBeNull()
  })

  it('wishes created in the same instant page cleanly', async () => {
    const made = await Promise.all([R1, R2, R3, V1, V2].map((a) => flow().open(a, a)))
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = data(await list(GW, { scope: 'grid', limit: 2, ...(cursor ? { cursor } : {}) }))
      seen.push(...ids(page))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.slice(0, made.length).sort()).toEqual(made.map((w) => w.id).sort())
  })
})
