import type { Wish } from '@/contract/wish'
import {
  ADMIN,
  CM,
  data,
  expectError,
  GW,
  NEWCOMER,
  newResident,
  R1,
  R2,
  R3,
  READ_TRIPS,
  useEmulator,
  V1,
  V2,
  WishFlow,
} from './helpers'

// wish.get: the wish with its timeline; who may see it, and how much of the author each viewer sees.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const get = async (who: string, id: string) => {
  const { result, roundTrips } = await emu().callWithStats<Wish>('wish', who, 'get', { id })
  expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
  return result
}

const FULL = { name: '张桂兰', buildingName: '1号楼', room: '101', phone: '13800000001' }
const MASKED = { name: '张*', buildingName: '1号楼', room: null, phone: null }

describe('wish.get', () => {
  it('returns the wish with its timeline, without personal data in it', async () => {
    const w = await flow().done()
    const got = data(await get(R1, w.id))
    expect(got.timeline.map((e) => e.type)).toEqual([
      'created',
      'approved',
      'claimed',
      'fulfilled',
      'confirmed',
    ])
    for (const e of got.timeline) {
      expect(Date.parse(e.at)).not.toBeNaN()
      expect(e.text).not.toMatch(/张桂兰|赵志强|1380000|101/)
    }
    expect(got).toMatchObject({ status: 'done', rating: 5, fulfillNote: '拐杖已经送到家里' })
    expect(got.doneAt).not.toBeNull()
  })

  it('a pending wish is seen by its author and its reviewers only; others get NOT_FOUND', async () => {
    const w = await flow().pending()
    for (const who of [R1, GW, CM, ADMIN]) data(await get(who, w.id))
    for (const who of [R2, R3, V1, V2, NEWCOMER]) expectError(await get(who, w.id), 'NOT_FOUND')
  })

  it('an approved wish is seen by the verified residents of its community, not by other communities', async () => {
    const w = await flow().open()
    for (const who of [R2, R3, V1, V2]) data(await get(who, w.id))
    expectError(await get(NEWCOMER, w.id), 'NOT_FOUND')
    await newResident(emu(), 'test-c2-resident', { gridId: 'g3', buildingId: 'g3-b1' })
    expectError(await get('test-c2-resident', w.id), 'NOT_FOUND')
  })

  it('a rejected or cancelled wish disappears from the community but not from its author', async () => {
    const rejected = await flow().pending(R1, 'r')
    data(
      await flow().call(GW, 'review', {
        id: rejected.id,
        approve: false,
        reason: '请写清楚需要的物品',
      })
    )
    const cancelled = await flow().open(R1, 'c')
    data(await flow().call(R1, 'cancel', { id: cancelled.id }))
    for (const id of [rejected.id, cancelled.id]) {
      expectError(await get(R2, id), 'NOT_FOUND')
      data(await get(R1, id))
    }
  })

  it('an unknown id is NOT_FOUND; a missing id is INVALID_INPUT', async () => {
    expectError(await get(R1, 'no-such-wish'), 'NOT_FOUND')
    expectError(await flow().call(R1, 'get', {}), 'INVALID_INPUT', 'id')
  })

  describe("the author's personal data per viewer", () => {
    let w: Wish
    beforeEach(async () => {
      w = await flow().claimed(R1, V1)
    })

    it.each([
      ['the author', R1, FULL],
      ['the claimer', V1, FULL],
      ['the grid worker', GW, FULL],
      ['the committee', CM, FULL],
      ['a neighbour', R2, MASKED],
      ['a resident of another grid', R3, MASKED],
      ['another volunteer', V2, MASKED],
    ])('%s (%s) sees %j', async (_label, who, author) => {
      expect(data(await get(who, w.id)).author).toMatchObject(author)
    })

    it("the claimer's contact goes to the author and reviewers, masked for the rest", async () => {
      const full = { name: '赵志强', phone: '13800000005', nickname: '志强' }
      expect(data(await get(R1, w.id)).claimer).toMatchObject(full)
      expect(data(await get(V1, w.id)).claimer).toMatchObject(full)
      expect(data(await get(GW, w.id)).claimer).toMatchObject(full)
      expect(data(await get(R2, w.id)).claimer).toEqual({
        name: '赵*',
        phone: null,
        nickname: '志*',
        can: { call: false },
      })
    })

    it('each contact says whether the viewer may call it: full phone, and never their own', async () => {
      const calls = async (who: string) => {
        const seen = data(await get(who, w.id))
        return [seen.author.can.call, seen.claimer?.can.call]
      }
      expect(await calls(R1)).toEqual([false, true])
      expect(await calls(V1)).toEqual([true, false])
      expect(await calls(GW)).toEqual([true, true])
      expect(await calls(R2)).toEqual([false, false])
    })

    it('once the wish is done the claimer no longer sees the room and phone', async () => {
      data(await flow().call(V1, 'fulfill', { id: w.id }))
      expect(data(await get(V1, w.id)).author).toMatchObject(FULL)
      data(await flow().call(R1, 'confirm', { id: w.id, rating: 4 }))
      expect(data(await get(V1, w.id)).author).toMatchObject(MASKED)
      // The author still knows who helped: by nickname, with the real name masked.
      expect(data(await get(R1, w.id)).claimer).toEqual({
        nickname: '志强',
        name: '赵*',
        phone: null,
        can: { call: false },
      })
      expect(data(await get(V1, w.id)).rating).toBe(4)
      expect(data(await get(R2, w.id)).rating).toBeNull()
    })

    it('a released claimer is back to the masked view', async () => {
      data(await flow().call(V1, 'release', { id: w.id, reason: '家里有事' }))
      expect(data(await get(V1, w.id)).author).toMatchObject(MASKED)
    })
  })

  it("deleting the author's or the claimer's account anonymises their snapshot on the wish", async () => {
    const w = await flow().done(R1, V1)
    data(await emu().call('user', R1, 'deleteMe', {}))
    data(await emu().call('user', V1, 'deleteMe', {}))
    await emu().fireTimer('user')
    const seen = data(await get(GW, w.id))
    expect(seen.author).toEqual({
      nickname: '已注销用户',
      name: '已注销用户',
      buildingName: null,
      room: null,
      phone: null,
      can: { call: false },
    })
    expect(seen.claimer).toEqual({
      nickname: '已注销用户',
      name: '已注销用户',
      phone: null,
      can: { call: false },
    })
  })

  it('`can` tells each viewer which buttons to show', async () => {
    const w = await flow().open()
    const cans = Object.fromEntries(
      await Promise.all([R1, R2, V1, GW].map(async (who) => [who, data(await get(who, w.id)).can]))
    )
    expect(cans[R1]).toEqual({
      claim: false,
      release: false,
      fulfill: false,
      confirm: false,
      cancel: true,
      review: false,
    })
    expect(cans[R2]).toEqual({
      claim: false,
      release: false,
      fulfill: false,
      confirm: false,
      cancel: false,
      review: false,
    })
    expect(cans[V1]).toEqual({
      claim: true,
      release: false,
      fulfill: false,
      confirm: false,
      cancel: false,
      review: false,
    })
    expect(cans[GW]).toEqual({
      claim: false,
      release: false,
      fulfill: false,
      confirm: false,
      cancel: false,
      review: false,
    })
    data(await flow().call(V1, 'claim', { id: w.id }))
    expect(data(await get(V1, w.id)).can).toMatchObject({
      fulfill: true,
      release: true,
      claim: false,
    })
    expect(data(await get(GW, w.id)).can).toMatchObject({ release: true, fulfill: false })
    expect(data(await get(R1, w.id)).can).toMatchObject({ cancel: true, confirm: false })
  })
})
