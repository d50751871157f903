import type { Wish } from '@/contract/wish'
import {
  CM,
  data,
  expectError,
  GW,
  R1,
  R2,
  useEmulator,
  V1,
  V2,
  WishFlow,
  WRITE_TRIPS,
} from './helpers'

// wish.release: the claimer (or a reviewer) gives a claimed wish back; it is open again.

const emu = useEmulator()
const flow = () => new WishFlow(emu())

describe('wish.release', () => {
  it('the claimer gives the wish back with a reason: open again, claimer cleared, reason in the timeline', async () => {
    const w = await flow().claimed(R1, V1)
    const { result, roundTrips } = await emu().callWithStats<Wish>('wish', V1, 'release', {
      id: w.id,
      reason: '临时要出差一周',
    })
    const released = data(result)
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(released).toMatchObject({
      status: 'open',
      claimer: null,
      claimedAt: null,
      releaseReason: '临时要出差一周',
    })
    expect(released.author).toMatchObject({ name: '张*', room: null, phone: null })
    const timeline = data(await flow().get(R1, w.id)).timeline
    expect(timeline[timeline.length - 1]).toMatchObject({ type: 'released' })
    expect(timeline[timeline.length - 1].text).toContain('临时要出差一周')
    // Someone else may now claim it.
    expect(data(await flow().call(V2, 'claim', { id: w.id })).claimer?.name).toBe('陈晓燕')
  })

  it.each([
    ['the grid worker', GW],
    ['the committee', CM],
  ])('%s may take a wish back from its claimer', async (_label, who) => {
    const w = await flow().claimed(R1, V1)
    expect(
      data(await flow().call(who, 'release', { id: w.id, reason: '认领人联系不上' })).status
    ).toBe('open')
    expect(
      data(await flow().call<{ items: Wish[] }>(V1, 'list', { scope: 'claimed' })).items
    ).toHaveLength(0)
  })

  it.each([
    ['another volunteer', V2],
    ['the author', R1],
    ['a neighbour', R2],
  ])('%s may not release it (FORBIDDEN), and the claim stays', async (_label, who) => {
    const w = await flow().claimed(R1, V1)
    expectError(await flow().call(who, 'release', { id: w.id, reason: '不想要了' }), 'FORBIDDEN')
    expect(data(await flow().get(R1, w.id)).claimer?.name).toBe('赵志强')
  })

  it('a wish not in hand cannot be released', async () => {
    const w = await flow().open()
    expectError(await flow().call(GW, 'release', { id: w.id, reason: '测试' }), 'CONFLICT')
    const f = await flow().fulfilled(R2, V1)
    expectError(await flow().call(V1, 'release', { id: f.id, reason: '测试' }), 'CONFLICT')
  })

  it.each([{}, { reason: '' }, { reason: '   ' }])(
    'a reason is optional (%j): released, nothing but the step in the timeline',
    async (patch) => {
      const w = await flow().claimed(R1, V1)
      const released = data(await flow().call(V1, 'release', { id: w.id, ...patch }))
      expect(released).toMatchObject({ status: 'open', claimer: null, releaseReason: null })
      expect(released.timeline[released.timeline.length - 1]).toMatchObject({
        type: 'released',
        text: '认领人放弃了认领',
      })
    }
  )

  it.each([
    [{ reason: '长'.repeat(101) }, 'reason'],
    [{ reason: 42 }, 'reason'],
    [{ reason: ['临时有事'] }, 'reason'],
  ])('bad input %j is INVALID_INPUT on %s and the claim stays', async (patch, field) => {
    const w = await flow().claimed(R1, V1)
    expectError(await flow().call(V1, 'release', { id: w.id, ...patch }), 'INVALID_INPUT', field)
    expect(data(await flow().get(R1, w.id)).status).toBe('claimed')
  })

  it('a risky reason is CONTENT_REJECTED and nothing is stored', async () => {
    const w = await flow().claimed(R1, V1)
    const before = await flow().stored()
    expectError(
      await flow().call(V1, 'release', { id: w.id, reason: '违禁测试词' }),
      'CONTENT_REJECTED',
      'reason'
    )
    expect(await flow().stored()).toEqual(before)
    expect(data(await flow().get(R1, w.id)).status).toBe('claimed')
  })
})
