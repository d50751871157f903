import type { Wish } from '@/contract/wish'
import {
  ADMIN,
  CM,
  data,
  expectError,
  GW,
  R1,
  R2,
  useEmulator,
  V1,
  WishFlow,
  wishInput,
  WRITE_TRIPS,
} from './helpers'

// wish.review: a grid worker of the wish's grid or the committee approves or rejects a pending wish.

const emu = useEmulator()
const flow = () => new WishFlow(emu())

describe('wish.review', () => {
  it('a grid worker approves: the wish is open to the community, the author is told', async () => {
    const w = await flow().pending()
    const { result, roundTrips } = await emu().callWithStats<Wish>('wish', GW, 'review', {
      id: w.id,
      approve: true,
    })
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(data(result)).toMatchObject({ status: 'open', rejectReason: null })
    expect(data(await flow().get(R2, w.id)).status).toBe('open')
    expect(data(await flow().get(V1, w.id)).can.claim).toBe(true)
    const msg = (await emu().outbox(R1)).find((m) => m.templateId === 'HONGLIN_TPL_WISH_REVIEWED')
    expect(msg?.data.phrase2.value).toBe('审核通过')
  })

  it('the committee rejects with a reason the author sees; others never see the wish', async () => {
    const w = await flow().pending()
    const rejected = data(
      await flow().call(CM, 'review', { id: w.id, approve: false, reason: '请写清楚需要的物品' })
    )
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请写清楚需要的物品' })
    expect(data(await flow().get(R1, w.id))).toMatchObject({
      status: 'rejected',
      rejectReason: '请写清楚需要的物品',
    })
    expectError(await flow().get(R2, w.id), 'NOT_FOUND')
    const msg = (await emu().outbox(R1)).find((m) => m.templateId === 'HONGLIN_TPL_WISH_REVIEWED')
    expect(msg?.data.thing3.value).toBe('请写清楚需要的物品')
  })

  it('a rejected wish frees its place under the limit', async () => {
    const made = [] as Wish[]
    for (const n of [1, 2, 3]) made.push(data(await flow().call(R1, 'create', wishInput(n))))
    data(await flow().call(GW, 'review', { id: made[0].id, approve: false, reason: '重复提交' }))
    data(await flow().call(R1, 'create', wishInput(4)))
  })

  it('rejecting needs a reason', async () => {
    const w = await flow().pending()
    const res = await flow().call(GW, 'review', { id: w.id, approve: false })
    expectError(res, 'INVALID_INPUT', 'reason')
    expect(!res.ok && res.error.message).toBe('请填写不通过的原因')
    expectError(
      await flow().call(GW, 'review', { id: w.id, approve: 'yes' }),
      'INVALID_INPUT',
      'approve'
    )
    expect(data(await flow().get(R1, w.id)).status).toBe('pending')
  })

  it('a rejection reason the content check flags is CONTENT_REJECTED, and nothing is stored', async () => {
    const w = await flow().pending()
    const before = await flow().stored()
    expectError(
      await flow().call(GW, 'review', { id: w.id, approve: false, reason: '违禁测试词' }),
      'CONTENT_REJECTED',
      'reason'
    )
    expect(await flow().stored()).toEqual(before)
  })

  it('residents and volunteers cannot review: the pending wish is NOT_FOUND to them', async () => {
    const w = await flow().pending()
    expectError(await flow().call(R2, 'review', { id: w.id, approve: true }), 'NOT_FOUND')
    expectError(await flow().call(V1, 'review', { id: w.id, approve: true }), 'NOT_FOUND')
  })

  it('the author cannot review their own wish even when they see it', async () => {
    const w = await flow().pending()
    expectError(await flow().call(R1, 'review', { id: w.id, approve: true }), 'FORBIDDEN')
  })

  it('an admin may review; a second review is CONFLICT', async () => {
    const w = await flow().pending()
    data(await flow().call(ADMIN, 'review', { id: w.id, approve: true }))
    expectError(
      await flow().call(GW, 'review', { id: w.id, approve: false, reason: '晚了' }),
      'CONFLICT'
    )
  })

  it('two reviewers at once: exactly one decision stands', async () => {
    const w = await flow().pending()
    const [a, b] = await Promise.all([
      flow().call(GW, 'review', { id: w.id, approve: true }),
      flow().call(CM, 'review', { id: w.id, approve: false, reason: '信息不全' }),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const winner = (a.ok ? a : b) as { ok: true; data: Wish }
    expect(data(await flow().get(R1, w.id)).status).toBe(winner.data.status)
    expect(
      (await emu().outbox(R1)).filter((m) => m.templateId === 'HONGLIN_TPL_WISH_REVIEWED')
    ).toHaveLength(1)
  })
})
