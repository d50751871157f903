import { maskName, maskPhone } from '@/contract/mask'
import {
  decodeCursor,
  encodeCursor,
  fetchSize,
  pageOf,
} from '../../../cloudfunctions/src/lib/paging'

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
    expect(after).toEqual({ at, id: 'a', seen: 1 })
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

  it('pages through many items sharing one millisecond without skipping or repeating', () => {
    const same = Array.from({ length: 60 }, (_, i) => ({
      _id: `w${String(i).padStart(2, '0')}`,
      t: at,
    }))
    const later = { _id: 'z', t: new Date(at.getTime() + 1) }
    const all = [...same, later]
    // What the database answers: rows at or after the cursor time, in (t, _id) order, as many as asked.
    const query = (c: ReturnType<typeof decodeCursor>, n: number) =>
      all.filter((r) => !c || r.t.getTime() >= c.at.getTime()).slice(0, n)
    const seen: string[] = []
    let cursor: ReturnType<typeof decodeCursor> = null
    for (let guard = 0; guard < 40; guard++) {
      const page = pageOf(
        query(cursor, fetchSize(5, cursor)),
        cursor,
        5,
        (r) => r.t,
        (r) => r._id
      )
      seen.push(...page.items)
      if (!page.nextCursor) break
      cursor = decodeCursor(page.nextCursor)
    }
    expect(seen).toEqual(all.map((r) => r._id))
  })

  it('rejects malformed cursors', () => {
    expect(decodeCursor('nope')).toBeNull()
    expect(decodeCursor(`${at.getTime()}_x`)).toBeNull()
    const c = { at, seen: 3, id: 'a_b' }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
  })
})
