import type { Wish } from '@/contract/wish'
import {
  CM,
  data,
  GW,
  expectError,
  R1,
  R2,
  R3,
  useEmulator,
  V1,
  WishFlow,
  wishInput,
  WRITE_TRIPS,
} from './helpers'

// wish.confirm: the author confirms a fulfilled wish; it is lit, and the thanks reach the claimer.

const emu = useEmulator()
const flow = () => new WishFlow(emu())

describe('wish.confirm', () => {
  it('the author confirms with a rating and thanks: done, the claimer is thanked', async () => {
    const w = await flow().fulfilled(R1, V1)
    const { result, roundTrips } = await emu().callWithStats<Wish>('wish', R1, 'confirm', {
      id: w.id,
      rating: 5,
      thanks: '谢谢志强，拐杖很好用',
    })
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const done = data(result)
    expect(done).toMatchObject({ status: 'done', rating: 5, thanks: '谢谢志强，拐杖很好用' })
    expect(done.doneAt).not.toBeNull()
    expect(done.can).toEqual({
      claim: false,
      release: false,
      fulfill: false,
      confirm: false,
      cancel: false,
      review: false,
    })
    const thanked = (await emu().outbox(V1)).find(
      (m) => m.templateId === 'HONGLIN_TPL_WISH_THANKED'
    )
    expect(thanked?.data.thing3.value).toBe('谢谢志强，拐杖很好用')
    expect(data(await flow().get(V1, w.id)).thanks).toBe('谢谢志强，拐杖很好用')
  })

  it('the thanks show on the public wish wall', async () => {
    const w = await flow().done(R1, V1, '感谢志愿者')
    const wall = data(
      await flow().call<{ items: Wish[] }>(R3, 'list', { scope: 'community', status: 'done' })
    )
    // the newest lit wish leads the wall (the seed's neighbours lit theirs before)
    expect(wall.items.map((i) => [i.id, i.thanks])[0]).toEqual([w.id, '感谢志愿者'])
  })

  it('thanks are optional', async () => {
    const w = await flow().fulfilled(R1, V1)
    expect(data(await flow().call(R1, 'confirm', { id: w.id, rating: 3 })).thanks).toBeNull()
  })

  it('a lit wish no longer counts against the limit', async () => {
    await flow().done(R1, V1)
    for (const n of [2, 3, 4]) data(await flow().call(R1, 'create', wishInput(n)))
    expectError(await flow().call(R1, 'create', wishInput(5)), 'LIMIT_EXCEEDED')
  })

  it('only the author confirms (FORBIDDEN), and only a fulfilled wish (CONFLICT)', async () => {
    const w = await flow().fulfilled(R1, V1)
    expectError(await flow().call(V1, 'confirm', { id: w.id, rating: 5 }), 'FORBIDDEN')
    expectError(await flow().call(R2, 'confirm', { id: w.id, rating: 5 }), 'FORBIDDEN')
    const claimed = await flow().claimed(R2, V1)
    expectError(await flow().call(R2, 'confirm', { id: claimed.id, rating: 5 }), 'CONFLICT')
    data(await flow().call(R1, 'confirm', { id: w.id, rating: 5 }))
    expectError(await flow().call(R1, 'confirm', { id: w.id, rating: 5 }), 'CONFLICT')
  })

  it.each([
    [{ rating: 0 }, 'rating'],
    [{ rating: 6 }, 'rating'],
    [{ rating: 4.5 }, 'rating'],
    [{ rating: '5' }, 'rating'],
    [{ rating: undefined }, 'rating'],
    [{ rating: 5, thanks: '谢'.repeat(201) }, 'thanks'],
  ])('bad input %j is INVALID_INPUT on %s and the wish stays fulfilled', async (patch, field) => {
    const w = await flow().fulfilled(R1, V1)
    expectError(await flow().call(R1, 'confirm', { id: w.id, ...patch }), 'INVALID_INPUT', field)
    expect(data(await flow().get(R1, w.id)).status).toBe('fulfilled')
  })

  it('risky thanks are CONTENT_REJECTED and the wish stays fulfilled', async () => {
    const w = await flow().fulfilled(R1, V1)
    expectError(
      await flow().call(R1, 'confirm', { id: w.id, rating: 5, thanks: '违禁测试词' }),
      'CONTENT_REJECTED',
      'thanks'
    )
    expect(data(await flow().get(R1, w.id)).status).toBe('fulfilled')
    expect(
      (await emu().outbox(V1)).filter((m) => m.templateId === 'HONGLIN_TPL_WISH_THANKED')
    ).toHaveLength(0)
  })

  it("the grid worker who filed it confirms on the resident's behalf, audited as such", async () => {
    const w = data(await flow().call(GW, 'createFor', { residentOpenid: R3, ...wishInput('代') }))
    data(await flow().call(V1, 'claim', { id: w.id }))
    data(await flow().call(V1, 'fulfill', { id: w.id }))
    expect(data(await flow().get(GW, w.id)).can).toMatchObject({ confirm: true, cancel: false })
    expect(data(await flow().get(R3, w.id)).can.confirm).toBe(true)
    expect(data(await flow().get(CM, w.id)).can.confirm).toBe(false)
    expectError(await flow().call(CM, 'confirm', { id: w.id, rating: 5 }), 'FORBIDDEN')

    const done = data(
      await flow().call(GW, 'confirm', { id: w.id, rating: 4, thanks: '王阿姨说谢谢' })
    )
    expect(done).toMatchObject({ status: 'done', rating: 4, thanks: '王阿姨说谢谢' })
    expect(done.timeline[done.timeline.length - 1]).toMatchObject({
      type: 'confirmed',
      text: '网格员代居民确认心愿已点亮',
    })
    const audit = await emu().emulator.db.find('audit', { targetId: w.id, action: 'wish.confirm' })
    expect(audit).toEqual([
      expect.objectContaining({
        actorOpenid: GW,
        detail: expect.objectContaining({ onBehalfOf: R3 }),
      }),
    ])
    expect((await emu().outbox(V1)).map((m) => m.templateId)).toContain('HONGLIN_TPL_WISH_THANKED')
  })

  it("staff who did not file it confirm nothing, even the resident's own grid worker", async () => {
    const w = await flow().fulfilled(R3, V1)
    expect(data(await flow().get(GW, w.id)).can.confirm).toBe(false)
    expectError(await flow().call(GW, 'confirm', { id: w.id, rating: 5 }), 'FORBIDDEN')
    expect(data(await flow().get(R3, w.id)).status).toBe('fulfilled')
  })
})
