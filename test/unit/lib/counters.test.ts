import { countersFor } from '../../../cloudfunctions/src/lib/counts'
import { countOf, deltasOf, tally } from '../../../cloudfunctions/src/lib/counters'
import { isDuplicateKey } from '../../../cloudfunctions/src/lib/store'
import { userCounted } from '../../../cloudfunctions/src/user/counters'
import { wishCounted } from '../../../cloudfunctions/src/wish/counters'

const wish = (status: string, gridId = 'g1', doneAt: Date | null = null) =>
  ({ status, gridId, gridName: '第一网格', communityId: 'c1', doneAt }) as never

describe('counter deltas', () => {
  it.each([
    [null, 'pending', { 'wish.pending': 1 }],
    ['pending', 'open', { 'wish.pending': -1, 'wish.open': 1 }],
    ['pending', 'rejected', { 'wish.pending': -1 }],
    ['open', 'claimed', { 'wish.open': -1 }],
    ['claimed', 'open', { 'wish.open': 1 }],
    ['claimed', 'fulfilled', {}],
    ['open', 'cancelled', { 'wish.open': -1 }],
  ])('a wish going from %s to %s counts %j', (from, to, inc) => {
    const d = deltasOf(wishCounted, from ? wish(from) : null, wish(to))
    expect(d.size ? [...d.values()][0].inc : {}).toEqual(inc)
  })

  it('a wish lit counts in the Asia/Shanghai year it was confirmed in', () => {
    // 2026-12-31 17:00 UTC is already 2027 in Shanghai.
    const d = deltasOf(
      wishCounted,
      wish('fulfilled'),
      wish('done', 'g1', new Date('2026-12-31T17:00:00Z'))
    )
    expect([...d.values()][0].inc).toEqual({ 'wish.lit.y2027': 1 })
  })

  it('a resident moving grid leaves one and joins the other', () => {
    const before = {
      bindStatus: 'verified',
      gridId: 'g1',
      gridName: 'a',
      communityId: 'c1',
    } as const
    const after = { bindStatus: 'pending', gridId: 'g2', gridName: 'b', communityId: 'c1' } as const
    const d = [...deltasOf(userCounted, before, after).values()]
    expect(d.map((x) => [x.place.gridId, x.inc])).toEqual([
      ['g1', { 'user.verified': -1 }],
      ['g2', { 'user.pending': 1 }],
    ])
  })

  it('a change that moves nothing counted writes nothing', () => {
    expect(deltasOf(wishCounted, wish('claimed'), wish('fulfilled')).size).toBe(0)
  })
})

describe('tally', () => {
  it('counts every document once per key and lists every grid, even empty ones', () => {
    const docs = tally(
      [
        { _id: 'g1', name: '第一网格', communityId: 'c1' },
        { _id: 'g2', name: '第二网格', communityId: 'c1' },
      ],
      [{ counted: wishCounted as never, docs: [wish('open'), wish('open'), wish('pending')] }]
    )
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ _id: 'community:c1', communityId: 'c1', gridIds: ['g1', 'g2'] })
    expect(countOf(docs[0].grids.g1, 'wish.open')).toBe(2)
    expect(countOf(docs[0].grids.g1, 'wish.pending')).toBe(1)
    expect(countOf(docs[0].grids.g2, 'wish.open')).toBe(0)
    expect(docs[0].grids.g2.name).toBe('第二网格')
  })

  it('the registry counts a whole data set by collection', () => {
    const docs = countersFor({
      grids: [{ _id: 'g1', name: '第一网格', communityId: 'c1' }],
      users: [{ bindStatus: 'verified', gridId: 'g1', gridName: '第一网格', communityId: 'c1' }],
      wishes: [wish('open')],
    })
    expect(countOf(docs[0].grids.g1, 'user.verified')).toBe(1)
    expect(countOf(docs[0].grids.g1, 'wish.open')).toBe(1)
  })
})

describe('isDuplicateKey', () => {
  const e11000 = (index: string) => ({
    errMsg: `[FailedOperation] E11000 duplicate key error collection: wishes index: ${index} dup key: { x: 1 }`,
  })
  it('tells a unique-key refusal, and on which index', () => {
    expect(isDuplicateKey(e11000('slot'))).toBe(true)
    expect(isDuplicateKey(e11000('slot'), '_id_')).toBe(false)
    expect(isDuplicateKey(e11000('_id_'), '_id_')).toBe(true)
    expect(isDuplicateKey(new Error('network down'))).toBe(false)
  })
})
