import type { CollectionSpec } from '../../emulator/db'
import { checkQuery } from '../../emulator/db/indexCheck'

// The index check accepts a sorted query only when a declared index hands the matches over in the
// requested order, as the real engine would; otherwise the engine sorts in memory, which grows
// with the data, and the check must refuse it.

const wishes: CollectionSpec = {
  indexes: [
    {
      name: 'communityId_status_createdAt',
      fields: [
        { name: 'communityId', direction: 1 },
        { name: 'status', direction: 1 },
        { name: 'createdAt', direction: -1 },
        { name: '_id', direction: 1 },
      ],
    },
    {
      name: 'authorOpenid_createdAt',
      fields: [
        { name: 'authorOpenid', direction: 'asc' },
        { name: 'createdAt', direction: 'desc' },
        { name: '_id', direction: 'asc' },
      ],
    },
  ],
}
const newest = { createdAt: -1, _id: 1 } as const
const served = (query: Record<string, unknown>, order?: Record<string, 1 | -1>) =>
  checkQuery(wishes, query, order)

describe('a sorted query is served only in index order', () => {
  test('equality fields as a prefix, in any order, then the sort fields', () => {
    expect(served({ communityId: 'c', status: 'open' }, newest).served).toBe(true)
    expect(served({ status: 'open', communityId: 'c' }, newest).served).toBe(true)
    expect(served({ authorOpenid: 'o' }, newest).served).toBe(true)
  })

  test('the whole order reversed is served; one direction flipped is not', () => {
    expect(served({ authorOpenid: 'o' }, { createdAt: 1, _id: -1 }).served).toBe(true)
    expect(served({ authorOpenid: 'o' }, { createdAt: -1, _id: -1 }).served).toBe(false)
  })

  test('a gap between the equality prefix and the sort is refused', () => {
    const verdict = served({ communityId: 'c' }, newest)
    expect(verdict).toEqual({
      served: false,
      reason: expect.stringContaining('status not fixed before the sort'),
    })
  })

  test('an $in before the sort is merged in order; a range before it is not', () => {
    expect(served({ communityId: 'c', status: { $in: ['open', 'done'] } }, newest).served).toBe(
      true
    )
    expect(served({ communityId: 'c', status: { $gt: 'a' } }, newest).served).toBe(false)
  })

  test('a range on the first sort field (a keyset cursor) is served', () => {
    const query = { communityId: 'c', status: 'open', createdAt: { $lte: new Date() } }
    expect(served(query, newest).served).toBe(true)
  })

  test('sort fields with an equality condition cost nothing; others must be in the index', () => {
    expect(served({ authorOpenid: 'o', createdAt: new Date(0) }, { createdAt: -1 }).served).toBe(
      true
    )
    expect(served({ authorOpenid: 'o' }, { title: 1 }).served).toBe(false)
    expect(served({ authorOpenid: 'o' }, { _id: 1, createdAt: -1 }).served).toBe(false)
  })

  test('a sort by a field the index holds only later is refused', () => {
    expect(served({ communityId: 'c', status: 'open' }, { _id: 1 }).served).toBe(false)
    expect(served({ communityId: 'c', createdAt: { $gt: new Date() } }, newest).served).toBe(false)
  })

  test('without a filter, only an index that starts with the sort serves it', () => {
    expect(served({}, { authorOpenid: 1 }).served).toBe(true)
    expect(served({}, { authorOpenid: -1, createdAt: 1 }).served).toBe(true)
    expect(served({}, { createdAt: -1 }).served).toBe(false)
  })
})

describe('geo conditions and 2dsphere indexes', () => {
  const places: CollectionSpec = {
    indexes: [
      // a geo index as the console declares it (the manifest type lists only sort directions)
      { name: 'location', fields: [{ name: 'location', direction: '2dsphere' as unknown as 1 }] },
      { name: 'spot', fields: [{ name: 'spot', direction: 1 }] },
    ],
  }
  const point = { $geometry: { type: 'Point', coordinates: [113.3, 23.1] } }

  test('a geo condition is served by a 2dsphere index on its field, not by a sort index', () => {
    expect(checkQuery(places, { location: { $nearSphere: point } }, undefined)).toEqual({
      served: true,
      reason: '2dsphere index location',
    })
    expect(checkQuery(places, { spot: { $geoWithin: point } }, undefined).served).toBe(false)
  })

  test('a 2dsphere index does not serve a condition without a geo operator', () => {
    expect(checkQuery(places, { location: { type: 'Point' } }, undefined).served).toBe(false)
  })
})
