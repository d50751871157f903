import type { Wish } from '@/contract/wish'
import {
  data,
  expectError,
  newResident,
  NEWCOMER,
  R1,
  R2,
  useEmulator,
  WishFlow,
  wishInput,
  WRITE_TRIPS,
} from './helpers'

// wish.create: a verified resident posts a wish; it waits for review; at most 3 are active.

const emu = useEmulator()
const flow = () => new WishFlow(emu())

describe('wish.create', () => {
  it('a verified resident posts a wish that waits for review, within the round-trip target', async () => {
    const { result, roundTrips } = await emu().callWithStats<Wish>(
      'wish',
      R1,
      'create',
      wishInput()
    )
    const w = data(result)
    expect(w).toMatchObject({
      title: '想要一根拐杖1',
      category: 'daily',
      status: 'pending',
      gridId: 'g1',
      gridName: '第一网格',
      communityId: 'c1',
      mine: true,
      filedByGridWorker: false,
      claimer: null,
      author: { name: '张桂兰', buildingName: '1号楼', room: '101', phone: '13800000001' },
      can: {
        claim: false,
        release: false,
        fulfill: false,
        confirm: false,
        cancel: true,
        review: false,
      },
    })
    expect(w.timeline.map((e) => e.type)).toEqual(['created'])
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(data(await flow().get(R1, w.id)).status).toBe('pending')
  })

  it('trims what the resident typed', async () => {
    const w = data(
      await flow().call(R1, 'create', {
        title: '  买菜  ',
        content: ' 帮忙买菜 ',
        category: 'daily',
      })
    )
    expect([w.title, w.content]).toEqual(['买菜', '帮忙买菜'])
  })

  it('identity comes from the caller, never from the input', async () => {
    const w = data(
      await flow().call(R1, 'create', { ...wishInput(), openid: R2, authorOpenid: R2 })
    )
    expect(w.author.name).toBe('张桂兰')
    expect(data(await flow().get(R1, w.id)).mine).toBe(true)
  })

  it('refuses users who are not verified residents', async () => {
    expectError(await flow().call(NEWCOMER, 'create', wishInput()), 'NOT_BOUND')
    data(
      await emu().call('user', NEWCOMER, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '909',
        name: '新邻居',
      })
    )
    expectError(await flow().call(NEWCOMER, 'create', wishInput()), 'NOT_VERIFIED')
    expectError(
      await flow().call(null as unknown as string, 'create', wishInput()),
      'UNAUTHENTICATED'
    )
    expect(await flow().stored()).toHaveLength(0)
  })

  it.each([
    ['a one-character title', { title: '买' }, 'title', '标题至少 2 个字'],
    ['a 31-character title', { title: '拐'.repeat(31) }, 'title', '标题最多 30 个字'],
    ['a title of spaces', { title: '   ' }, 'title', '标题至少 2 个字'],
    ['no title', { title: undefined }, 'title', '请填写心愿标题'],
    ['a number as title', { title: 42 }, 'title', '请填写心愿标题'],
    ['empty content', { content: '' }, 'content', '请填写心愿内容'],
    ['501 characters of content', { content: '字'.repeat(501) }, 'content', '内容最多 500 个字'],
    ['an unknown category', { category: 'luxury' }, 'category', '请选择心愿类别'],
  ])(
    'rejects %s with the field and a Chinese message, storing nothing',
    async (_label, patch, field, message) => {
      const res = await flow().call(R1, 'create', { ...wishInput(), ...patch })
      expectError(res, 'INVALID_INPUT', field)
      expect(!res.ok && res.error.message).toBe(message)
      expect(await flow().stored()).toHaveLength(0)
    }
  )

  it('accepts the boundary lengths', async () => {
    data(await flow().call(R1, 'create', { title: '买菜', content: '帮', category: 'other' }))
    data(
      await flow().call(R1, 'create', {
        title: '拐'.repeat(30),
        content: '字'.repeat(500),
        category: 'health',
      })
    )
  })

  it.each([
    ['title', { title: '违禁测试词' }],
    ['content', { content: '我想要违禁测试词' }],
  ])('risky text in the %s is CONTENT_REJECTED and nothing is stored', async (field, patch) => {
    expectError(
      await flow().call(R1, 'create', { ...wishInput(), ...patch }),
      'CONTENT_REJECTED',
      field
    )
    expect(await flow().stored()).toHaveLength(0)
  })

  it('a repeated requestId returns the first result and stores one wish', async () => {
    const first = data(await flow().call(R1, 'create', wishInput(1), 'req-create-1'))
    const again = data(await flow().call(R1, 'create', wishInput(2), 'req-create-1'))
    expect(again.id).toBe(first.id)
    expect(again.title).toBe(first.title)
    expect(await flow().stored()).toHaveLength(1)
    // The same requestId from someone else is their own request.
    const other = data(await flow().call(R2, 'create', wishInput(3), 'req-create-1'))
    expect(other.id).not.toBe(first.id)
  })

  describe('at most 3 active wishes per resident', () => {
    it('the fourth is LIMIT_EXCEEDED until one leaves the active set', async () => {
      const made = [] as Wish[]
      for (const n of [1, 2, 3]) made.push(data(await flow().call(R1, 'create', wishInput(n))))
      const fourth = await flow().call(R1, 'create', wishInput(4))
      expectError(fourth, 'LIMIT_EXCEEDED')
      expect(!fourth.ok && fourth.error.message).toContain('3 个进行中的心愿')
      // Another resident is not affected.
      data(await flow().call(R2, 'create', wishInput(5)))
      data(await flow().call(R1, 'cancel', { id: made[0].id }))
      data(await flow().call(R1, 'create', wishInput(6)))
      expectError(await flow().call(R1, 'create', wishInput(7)), 'LIMIT_EXCEEDED')
    })

    it('10 parallel creates by one resident: exactly 3 succeed', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_x, n) => flow().call(R1, 'create', wishInput(n)))
      )
      expect(results.filter((r) => r.ok)).toHaveLength(3)
      const refused = results.filter((r) => !r.ok)
      expect(refused).toHaveLength(7)
      for (const r of refused) expectError(r, 'LIMIT_EXCEEDED')
      const mine = data(await flow().call<{ items: Wish[] }>(R1, 'list', { scope: 'mine' }))
      expect(mine.items).toHaveLength(3)
    })

    it('parallel creates with a mix of residents hold each limit separately', async () => {
      await newResident(emu(), 'test-resident-x')
      const who = [R1, R2, 'test-resident-x']
      const results = await Promise.all(
        Array.from({ length: 15 }, (_x, n) => flow().call(who[n % 3], 'create', wishInput(n)))
      )
      expect(results.filter((r) => r.ok)).toHaveLength(9)
      for (const openid of who) {
        const mine = data(await flow().call<{ items: Wish[] }>(openid, 'list', { scope: 'mine' }))
        expect(mine.items).toHaveLength(3)
      }
    })
  })

  it('an unknown action is INVALID_INPUT on the action field', async () => {
    expectError(await flow().call(R1, 'explode', {}), 'INVALID_INPUT', 'action')
  })
})
