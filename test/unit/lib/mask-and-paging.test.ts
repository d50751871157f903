import { maskName, maskPhone } from '@/contract/mask'
import { decodeCursor, encodeCursor, pageOf } from '../../../cloudfunctions/src/lib/paging'

describe('masking personal data', () => {
  it.each([
    ['13800000001', '138****0001'],
    ['', ''],
    ['12345', '*****'],
  ])('phone %s → %s', (input, out) => expect(maskPhone(input)).toBe(out))

  it.each([
    ['张桂兰', '张*'],
    ['欧阳修文', '欧*'],
    ['', ''],
  ])('name %s → %s', (input, out) => expect(maskName(input)).toBe(out))
})

describe('keyset pages', () => {
  const at = new Date('2026-11-01T00:00:00Z')
  const rows = ['a', 'b', 'c', 'd'].map((id, i) => ({
    _id: id,
    t: i < 2 ? at : new Date(at.getTime() + i),
  }))

  it('continues after the last item even when several share its time', () => {
    const first = pageOf(
      rows,
      null,
      1,
      (r) => r.t,
      (r) => r._id
    )
    expect(first.items).toEqual(['a'])
    const after = decodeCursor(first.nextCursor!)
    expect(after).toEqual({ at, id: 'a' })
    // The database returns rows at or after the cursor time (`_.gte`).
    const from = (c: typeof after) => rows.filter((r) => r.t.getTime() >= c!.at.getTime())
    const second = pageOf(
      from(after),
      after,
      2,
      (r) => r.t,
      (r) => r._id
    )
    expect(second.items).toEqual(['b', 'c'])
    const next = decodeCursor(second.nextCursor!)
    const third = pageOf(
      from(next),
      next,
      2,
      (r) => r.t,
      (r) => r._id
    )
    expect(third).toEqual({ items: ['d'], nextCursor: null })
  })

  it('rejects malformed cursors', () => {
    expect(decodeCursor('nope')).toBeNull()
    expect(encodeCursor(at, 'x')).toBe(`${at.getTime()}_x`)
  })
})
