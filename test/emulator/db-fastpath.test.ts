import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { Query } from 'mingo'
import { createDbService, type DbService, type Manifest } from '../../emulator/db'
import { conjunction, nativePredicate } from '../../emulator/db/matcher'
import { compile, mingoFilter } from '../../emulator/db/query'
import { Collection } from '../../emulator/db/store'

// The database's fast paths (emulator/db/matcher.ts, sortedIndex.ts, the top-k sort in query.ts)
// must not change a single answer: mingo stays the reference for matching, and sorted reads follow
// the native sort (MongoDB type order, null and missing equal, ties in _id order).

type Row = Record<string, unknown>

const at = (s: number) => new Date(Date.UTC(2024, 0, 1) + s * 1000)

describe('native predicate agrees with mingo', () => {
  const docs: Row[] = [
    {},
    { a: null },
    { a: 0 },
    { a: -0 },
    { a: 1 },
    { a: 1.5 },
    { a: '1' },
    { a: '' },
    { a: 'b' },
    { a: 'B' },
    { a: true },
    { a: false },
    { a: at(0) },
    { a: at(5) },
    { a: [1, 2] },
    { a: [] },
    { a: [null] },
    { a: ['b', at(5)] },
    { a: { b: 1 } },
    { a: { b: null } },
    { a: { b: [1, 'x'] } },
    { a: {} },
    { a: NaN },
    { a: /b/ },
    { a: 5, b: 2 },
    { a: 'b', b: 2 },
    { a: { b: 'x' }, b: null },
    { a: 'x', constructor: 'own' },
  ]
  const operands: unknown[] = [null, 0, 1, 1.5, '1', '', 'b', true, false, at(0), at(5)]
  const filters: Row[] = [
    ...operands.flatMap((v) => [
      { a: v },
      { a: { $eq: v } },
      { a: { $ne: v } },
      { a: { $gt: v } },
      { a: { $gte: v } },
      { a: { $lt: v } },
      { a: { $lte: v } },
      { 'a.b': v },
      { 'a.b': { $lte: v } },
    ]),
    { a: { $in: [] } },
    { a: { $in: [null] } },
    { a: { $in: [null, 1, 'b'] } },
    { a: { $in: [at(5), false] } },
    { a: { $in: [0] } },
    { a: { $nin: [] } },
    { a: { $nin: [null, 'b'] } },
    { 'a.b': { $in: [null, 1] } },
    { a: { $gte: 0, $lt: 2 } },
    { a: { $gte: at(0), $lte: at(5) } },
    { a: { $in: [1, 'b'], $ne: 1 } },
    { a: 'b', b: 2 },
    { a: 5, b: { $gt: 1 } },
    { b: null },
    { b: { $in: [null, 2] } },
    { $and: [{ a: { $ne: null } }, { b: { $in: [2] } }] },
    { $and: [{ a: { $gte: 0 } }, { a: { $lte: 1 } }] },
    { constructor: null },
    { constructor: 'own' },
    // not simple conjunctions: mingo decides everything
    { a: { $exists: true } },
    { a: /b/ },
    { a: [1, 2] },
    { a: { b: 1 } },
    { 'a.0': 1 },
    { a: NaN },
    { $or: [{ a: 1 }, { a: 'b' }] },
    { a: 1, b: { $exists: false } },
  ]

  test.each(filters.map((f) => [EJSON.stringify(f, { relaxed: true }), f]))(
    '%s',
    (_name, filter) => {
      const fast = compile(filter as Row).test
      const reference = mingoFilter(filter as Row)
      expect(docs.map((d) => fast(d))).toEqual(docs.map((d) => reference(d)))
    }
  )

  test('the simple filters are decided natively for documents with plain values', () => {
    const plainDocs = docs.filter((d) =>
      Object.values(d).every((v) => !(v instanceof Object) || v instanceof Date)
    )
    const f = { a: { $in: [null, 1, 'b'] }, b: { $ne: 2 } }
    const conj = conjunction(f)
    expect(conj.simple).toBe(true)
    const native = nativePredicate(conj.fields)
    for (const d of plainDocs.filter((d) => !Number.isNaN(d.a)))
      expect(native(d)).not.toBeUndefined()
    expect(native({ a: [1] })).toBeUndefined()
    expect(conjunction({ a: 1, $or: [{ b: 1 }] }).simple).toBe(false)
    expect(conjunction({ a: { $in: [1, /x/] } }).simple).toBe(false)
  })

  test('invalid filters fail as mingo fails; malformed operands stay with mingo', () => {
    expect(() => compile({ a: { $bogus: 1 } })).toThrow(/unknown query operator/)
    // mingo compiles this and throws while testing a document with a value
    const malformed = compile({ a: { $in: 1 } })
    expect(malformed.conj.simple).toBe(false)
    expect(() => malformed.test({ a: 1 })).toThrow()
  })
})

// ---- sorted reads through the service ------------------------------------------------------

const dir = (d: 1 | -1) => d
const manifest: Manifest = {
  collections: {
    things: {
      indexes: [
        {
          name: 'g_s_t',
          fields: [
            { name: 'g', direction: dir(1) },
            { name: 's', direction: dir(1) },
            { name: 't', direction: dir(-1) },
            { name: '_id', direction: dir(1) },
          ],
        },
        { name: 't', fields: [{ name: 't', direction: 1 }] },
        {
          name: 's_t',
          fields: [
            { name: 's', direction: 'asc' },
            { name: 't', direction: 'desc' },
          ],
        },
        { name: 'meta_level', fields: [{ name: 'meta.level', direction: 1 }] },
      ],
    },
  },
}

// A deterministic mix of plain values on every indexed field: null, missing, several types,
// many ties on t, numeric and string ids.
function dataset(n: number, from = 0): Row[] {
  let seed = 42 + from
  const rnd = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k
  }
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)]
  return Array.from({ length: n }, (_x, j) => {
    const i = from + j
    const d: Row = { _id: i % 7 === 0 ? i : `d${String(i).padStart(4, '0')}`, n: rnd(100) }
    const g = pick(['g1', 'g1', 'g2', 'g3', null, undefined])
    const s = pick(['open', 'open', 'done', 'x', 1, true, null, undefined])
    const t = pick([at(rnd(12)), at(rnd(12)), at(rnd(12)), null, undefined, 5, 'str'])
    if (g !== undefined) d.g = g
    if (s !== undefined) d.s = s
    if (t !== undefined) d.t = t
    if (rnd(3)) d.meta = { level: pick([1, 2, 3, null]) }
    // and documents right on the range bounds the filters below use
    if (j < 16)
      Object.assign(d, { g: 'g1', s: j % 2 ? 'open' : 'done', t: at([3, 8, 9, 10][j % 4]) })
    return d
  })
}

// The reference: mingo's matching; an unsorted read in natural order (the order of the documents
// as svc.find lists them: insertion order, which parity-order.test.ts checks), a sorted read as a
// stable sort in MongoDB type order (null = missing) of the documents in _id order (numbers
// first).
const rank = (v: unknown) =>
  v === null || v === undefined
    ? 1
    : typeof v === 'number'
      ? 2
      : typeof v === 'string'
        ? 3
        : typeof v === 'boolean'
          ? 8
          : 9
function cmpValues(a: unknown, b: unknown): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  const x = a instanceof Date ? a.getTime() : a
  const y = b instanceof Date ? b.getTime() : b
  return rank(a) === 1 || x === y ? 0 : (x as number) < (y as number) ? -1 : 1
}
const get = (d: Row, p: string) =>
  p.split('.').reduce<unknown>((v, k) => (v as Row | undefined)?.[k], d)
function expected(
  docs: Row[],
  filter: Row,
  order: Record<string, 1 | -1>,
  skip: number,
  limit: number
) {
  const q = new Query(filter)
  const keys = Object.entries(order)
  const matched = docs.filter((d) => q.test(d))
  if (keys.length === 0) return matched.slice(skip, skip + limit).map((d) => d._id)
  const natural = matched.sort((a, b) => cmpValues(a._id, b._id))
  natural.sort((a, b) => {
    for (const [k, dir] of keys) {
      const c = cmpValues(get(a, k), get(b, k))
      if (c) return c * dir
    }
    return 0
  })
  return natural.slice(skip, skip + limit).map((d) => d._id)
}

let dataDir: string
let svc: DbService
const ej = (v: unknown) => EJSON.stringify(v, { relaxed: false })
const call = (body: Row) => svc.handle({ envName: 'test-env', collectionName: 'things', ...body })
const listIds = (reply: Row) => {
  if (reply.code) throw new Error(`${String(reply.code)}: ${String(reply.message)}`)
  return (reply.data as { list: string[] }).list.map((s) => (EJSON.parse(s) as Row)._id)
}
const read = (filter: Row, order: Record<string, 1 | -1> | undefined, skip = 0, limit = 100) =>
  call({
    action: 'database.getDocument',
    queryType: 'WHERE',
    query: ej(filter),
    order: order ? ej(order) : undefined,
    offset: skip,
    limit,
  })
const insert = (docs: Row[]) => call({ action: 'database.insertDocument', data: docs.map(ej) })

const filters: Row[] = [
  {},
  { g: 'g1' },
  { g: 'g1', s: 'open' },
  { g: 'g1', s: { $in: ['open', 'done'] } },
  { g: { $in: ['g1', null] }, s: 'open' },
  { g: 'g2', s: { $in: ['open', 'open', 1, true, null] } },
  { g: 'g1', s: { $in: [] } },
  { g: null },
  { g: 'g1', s: { $in: ['open', 'done'] }, t: { $lte: at(10) } },
  { g: 'g1', s: { $in: ['open', 'done'] }, t: { $lt: at(10), $gte: at(3) } },
  { s: 'open', t: { $gt: at(9) } },
  { s: 'done', t: { $lte: null } },
  { s: 'done', t: { $lt: null } },
  { s: 'open', t: { $gte: at(3), $lte: at(8) } },
  { t: { $gt: 3 } },
  { t: { $gte: 5 } },
  { t: { $gte: 'a' } },
  { t: { $gte: at(3), $lte: at(8) } },
  { t: { $gt: at(3), $lt: at(8) } },
  { t: { $in: [null, 5, at(4)] } },
  { g: 'g1', s: { $ne: 'open' } },
  { g: 'g3', n: { $gt: 50 } },
  { 'meta.level': { $in: [1, null] } },
  { _id: { $in: ['d0003', 14, 'd0101', 'd0102', 'none'] } },
  { _id: { $gt: 'd0100' }, g: 'g1' },
  { $and: [{ g: 'g1' }, { s: { $in: ['open', 1] } }] },
  { g: 'g1', $or: [{ s: 'open' }, { s: 1 }] },
  { g: { $exists: true }, s: 'open' },
]
const orders: (Record<string, 1 | -1> | undefined)[] = [
  undefined,
  { t: -1, _id: 1 },
  { t: 1, _id: -1 },
  { t: 1 },
  { t: -1 },
  { s: 1, t: -1, _id: 1 },
  { g: 1, s: 1, t: -1 },
  { _id: 1 },
  { _id: -1 },
  { n: 1 },
  { n: -1, t: 1 },
  { 'meta.level': 1 },
]
const pages: [number, number][] = [
  [0, 5],
  [3, 10],
  [7, 60],
]

async function expectAllAgree(): Promise<void> {
  const all = await svc.find('things')
  for (const filter of filters) {
    for (const order of orders) {
      const want = expected(all, filter, order ?? {}, 0, 1e9)
      for (const [skip, limit] of pages) {
        const got = listIds(await read(filter, order, skip, limit))
        // one readable message for the first disagreement
        if (JSON.stringify(got) !== JSON.stringify(want.slice(skip, skip + limit))) {
          expect({ filter, order, skip, limit, got }).toEqual({
            filter,
            order,
            skip,
            limit,
            got: want.slice(skip, skip + limit),
          })
        }
      }
    }
    const total = await call({ action: 'database.calculateDocument', query: ej(filter) })
    expect((total.data as { total: number }).total).toBe(expected(all, filter, {}, 0, 1e9).length)
  }
}

describe('sorted reads and counts agree with the reference', () => {
  let ordered: jest.SpyInstance

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-fast-'))
    svc = await createDbService({ dataDir, manifest, now: () => Date.UTC(2024, 5, 1) })
    ordered = jest.spyOn(Collection.prototype, 'ordered')
  })

  afterEach(async () => {
    ordered.mockRestore()
    await svc.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const walked = () => ordered.mock.results.filter((r) => r.value !== undefined).length

  test('on a mixed data set, after small writes and after a bulk load', async () => {
    await insert(dataset(300))
    await expectAllAgree()
    expect(walked()).toBeGreaterThan(100) // the index walk did answer most sorted reads

    // small writes keep the sorted indexes up to date one document at a time
    await insert(dataset(40, 300))
    await call({
      action: 'database.modifyDocument',
      queryType: 'WHERE',
      query: ej({ g: 'g2' }),
      data: ej({ $set: { s: 'done', t: at(7) } }),
      multi: true,
      merge: true,
    })
    await call({
      action: 'database.modifyDocument',
      queryType: 'WHERE',
      query: ej({ s: 'x' }),
      data: ej({ $unset: { g: '' } }),
      multi: true,
      merge: true,
    })
    await call({
      action: 'database.removeDocument',
      queryType: 'WHERE',
      query: ej({ s: true }),
      multi: true,
    })
    await expectAllAgree()

    // a bulk write rebuilds them
    await insert(dataset(600, 1000))
    await expectAllAgree()
  })

  test('an array (or sub-document) on an indexed field sets that index aside until it is gone', async () => {
    await insert(dataset(120))
    await insert([
      { _id: 'arr', g: ['g1', 'g2'], s: 'open', t: at(30) },
      { _id: 'obj', g: 'g1', s: { k: 1 }, t: at(31) },
    ])
    ordered.mockClear()
    const first = async () => listIds(await read({ g: 'g1', s: 'open' }, { t: -1, _id: 1 }, 0, 3))
    expect((await first())[0]).toBe('arr') // matched through the array, as MongoDB does
    expect(walked()).toBe(0)
    const all = await svc.find('things')
    expect(await first()).toEqual(expected(all, { g: 'g1', s: 'open' }, { t: -1, _id: 1 }, 0, 3))

    await call({
      action: 'database.removeDocument',
      queryType: 'WHERE',
      query: ej({ _id: { $in: ['arr', 'obj'] } }),
      multi: true,
    })
    ordered.mockClear()
    const rest = await svc.find('things')
    expect(await first()).toEqual(expected(rest, { g: 'g1', s: 'open' }, { t: -1, _id: 1 }, 0, 3))
    expect(walked()).toBe(1)
  })

  test('keyset paging on a desc index: pages meet without gaps or repeats, ties included', async () => {
    await insert(dataset(400))
    const filter = { g: 'g1', s: { $in: ['open', 'done', 1] } }
    const docs = await svc.find('things')
    const dated = expected(
      docs.filter((d) => d.t instanceof Date),
      filter,
      { t: -1, _id: 1 },
      0,
      1e9
    )
    expect(dated.length).toBeGreaterThan(20)
    const seen: unknown[] = []
    let cursor = at(1000)
    for (;;) {
      // as wish.list pages: rows at the cursor's instant come again, so read 21 more than the
      // page of 10 and skip those already seen
      const rows = (
        (await read({ ...filter, t: { $lte: cursor } }, { t: -1, _id: 1 }, 0, 31)).data as {
          list: string[]
        }
      ).list.map((s) => EJSON.parse(s) as Row)
      const fresh = rows.filter((r) => !seen.includes(r._id)).slice(0, 10)
      if (!fresh.length) break
      seen.push(...fresh.map((r) => r._id))
      cursor = fresh[fresh.length - 1].t as Date
    }
    expect(seen).toEqual(dated)
  })

  test('projection, errors and the index report are unchanged on the fast path', async () => {
    await insert(dataset(50))
    const projected = await call({
      action: 'database.getDocument',
      queryType: 'WHERE',
      query: ej({ g: 'g1' }),
      order: ej({ t: -1, _id: 1 }),
      projection: ej({ s: 1 }),
      limit: 3,
    })
    for (const s of (projected.data as { list: string[] }).list) {
      expect(Object.keys(EJSON.parse(s) as Row).sort()).toEqual(expect.arrayContaining(['_id']))
      expect(Object.keys(EJSON.parse(s) as Row).every((k) => k === '_id' || k === 's')).toBe(true)
    }
    const bad = await read({ g: { $bogus: 1 } }, { t: -1, _id: 1 })
    expect(bad).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect(String(bad.message)).toMatch(/^\[FailedOperation\] .*unknown query operator \$bogus/)
  })
})
