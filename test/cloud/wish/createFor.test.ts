import type { Wish } from '@/contract/wish'
import {
  CM,
  data,
  expectError,
  GW,
  NEWCOMER,
  newResident,
  R1,
  R3,
  useEmulator,
  V2,
  WishFlow,
  wishInput,
  WRITE_TRIPS,
} from './helpers'

// wish.createFor: a grid worker files a wish for a verified resident of their grids.

const emu = useEmulator()
const flow = () => new WishFlow(emu())
const filed = (residentOpenid: string, n: number | string = 1) => ({
  residentOpenid,
  ...wishInput(n),
})

describe('wish.createFor', () => {
  it('the grid worker files for a resident: the resident is the author, the wish is open at once', async () => {
    const { result, roundTrips } = await emu().callWithStats<Wish>(
      'wish',
      GW,
      'createFor',
      filed(R3)
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const w = data(result)
    expect(w).toMatchObject({
      status: 'open',
      gridId: 'g2',
      gridName: '第二网格',
      filedByGridWorker: true,
      mine: false,
      author: { name: '王秀英', buildingName: '4号楼', room: '301', phone: '13800000003' },
    })
    expect(w.timeline.map((e) => e.type)).toEqual(['filed'])
    // The resident finds it among their own and may cancel it; volunteers see it on the wall.
    const mine = data(await flow().call<{ items: Wish[] }>(R3, 'list', { scope: 'mine' }))
    expect(mine.items.map((i) => [i.id, i.mine])).toEqual([[w.id, true]])
    expect(data(await flow().get(V2, w.id)).can.claim).toBe(true)
    expect(data(await flow().get(R3, w.id)).can.cancel).toBe(true)
  })

  it('the audit log names who filed it', async () => {
    const w = data(await flow().call(GW, 'createFor', filed(R3)))
    const entries = await emu().emulator.db.find('audit', { targetId: w.id })
    expect(entries).toEqual([
      expect.objectContaining({
        actorOpenid: GW,
        action: 'wish.createFor',
        detail: expect.objectContaining({ filedBy: GW, authorOpenid: R3 }),
      }),
    ])
  })

  it("it counts against the resident's limit", async () => {
    data(await flow().call(R3, 'create', wishInput(1)))
    data(await flow().call(R3, 'create', wishInput(2)))
    data(await flow().call(GW, 'createFor', filed(R3, 3)))
    expectError(await flow().call(GW, 'createFor', filed(R3, 4)), 'LIMIT_EXCEEDED')
    expectError(await flow().call(R3, 'create', wishInput(5)), 'LIMIT_EXCEEDED')
  })

  it.each([
    ['a resident', R1],
    ['a volunteer', V2],
    ['the committee', CM],
  ])('%s may not file for someone (FORBIDDEN)', async (_label, who) => {
    expectError(await flow().call(who, 'createFor', filed(R3)), 'FORBIDDEN')
    expect(await flow().stored()).toHaveLength(0)
  })

  it('an unknown or unverified resident is NOT_FOUND', async () => {
    expectError(
      await flow().call(GW, 'createFor', filed('no-such-user')),
      'NOT_FOUND',
      'residentOpenid'
    )
    expectError(await flow().call(GW, 'createFor', filed(NEWCOMER)), 'NOT_FOUND', 'residentOpenid')
    expectError(await flow().call(GW, 'createFor', filed(GW)), 'NOT_FOUND', 'residentOpenid')
    expect(await flow().stored()).toHaveLength(0)
  })

  it("a resident outside the grid worker's grids is FORBIDDEN", async () => {
    await newResident(emu(), 'test-c2-resident', { gridId: 'g3', buildingId: 'g3-b1' })
    expectError(
      await flow().call(GW, 'createFor', filed('test-c2-resident')),
      'FORBIDDEN',
      'residentOpenid'
    )
    expect(await flow().stored()).toHaveLength(0)
  })

  it('bad input and risky content store nothing', async () => {
    expectError(
      await flow().call(GW, 'createFor', { ...filed(R3), title: 'x' }),
      'INVALID_INPUT',
      'title'
    )
    expectError(
      await flow().call(GW, 'createFor', { ...wishInput() }),
      'INVALID_INPUT',
      'residentOpenid'
    )
    expectError(
      await flow().call(GW, 'createFor', { ...filed(R3), content: '违禁测试词' }),
      'CONTENT_REJECTED',
      'content'
    )
    expect(await flow().stored()).toHaveLength(0)
  })
})
