import type { Wish } from '@/contract/wish'
import { data, expectError, GW, R1, useEmulator, V1, V2, WishFlow, WRITE_TRIPS } from './helpers'

// wish.fulfill: the claimer marks the wish fulfilled; the author is asked to confirm.

const emu = useEmulator()
const flow = () => new WishFlow(emu())

describe('wish.fulfill', () => {
  it('the claimer marks it fulfilled with a note; the author is told and may confirm', async () => {
    const w = await flow().claimed(R1, V1)
    const { result, roundTrips } = await emu().callWithStats<Wish>('wish', V1, 'fulfill', {
      id: w.id,
      note: '拐杖已送到，教会了使用方法',
    })
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(data(result)).toMatchObject({
      status: 'fulfilled',
      fulfillNote: '拐杖已送到，教会了使用方法',
    })
    expect(data(result).fulfilledAt).not.toBeNull()
    expect((await emu().outbox(R1)).map((m) => m.templateId)).toContain(
      'HONGLIN_TPL_WISH_FULFILLED'
    )
    expect(data(await flow().get(R1, w.id)).can).toMatchObject({ confirm: true, cancel: false })
  })

  it('the note is optional', async () => {
    const w = await flow().claimed(R1, V1)
    expect(data(await flow().call(V1, 'fulfill', { id: w.id })).fulfillNote).toBeNull()
  })

  it.each([
    ['another volunteer', V2],
    ['the author', R1],
    ['the grid worker', GW],
  ])('%s may not mark it fulfilled (FORBIDDEN)', async (_label, who) => {
    const w = await flow().claimed(R1, V1)
    expectError(await flow().call(who, 'fulfill', { id: w.id }), 'FORBIDDEN')
    expect(data(await flow().get(R1, w.id)).status).toBe('claimed')
  })

  it('fulfilling twice is CONFLICT, and only one message goes out', async () => {
    const w = await flow().claimed(R1, V1)
    const both = await Promise.all([1, 2].map(() => flow().call(V1, 'fulfill', { id: w.id })))
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expectError(
      both.find((r) => !r.ok)!,
      'CONFLICT'
    )
    expect(
      (await emu().outbox(R1)).filter((m) => m.templateId === 'HONGLIN_TPL_WISH_FULFILLED')
    ).toHaveLength(1)
  })

  it('a risky or too long note is refused and nothing changes', async () => {
    const w = await flow().claimed(R1, V1)
    expectError(
      await flow().call(V1, 'fulfill', { id: w.id, note: '违禁测试词' }),
      'CONTENT_REJECTED',
      'note'
    )
    expectError(
      await flow().call(V1, 'fulfill', { id: w.id, note: '长'.repeat(201) }),
      'INVALID_INPUT',
      'note'
    )
    expect(data(await flow().get(R1, w.id)).status).toBe('claimed')
  })
})
