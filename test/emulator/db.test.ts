import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDbService, type DbService, type Manifest, type QueryEvent } from '../../emulator/db'
import { serveDb, sdkEnv, type DbHttpServer } from '../../emulator/db/testing'

// Conformance of the emulator's database (docs/architecture.md §10, docs/contract.md §5) through the real, unmodified
// wx-server-sdk talking HTTP to the service, as a cloud function does.

type Row = Record<string, unknown>
type Cmd = { [op: string]: (...args: unknown[]) => Cmd }
interface Query {
  where(condition: object): Query
  orderBy(field: string, direction: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: object): Query
  get(): Promise<{ data: Row[] }>
  count(): Promise<{ total: number }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
interface DocRef {
  get(): Promise<{ data: Row }>
  set(options: {
    data: object
  }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
type Stage = 'match' | 'group' | 'sort' | 'limit' | 'project' | 'count' | 'lookup'
type Aggregate = { [K in Stage]: (value: unknown) => Aggregate } & {
  end(): Promise<{ list: Row[] }>
}
interface Collection extends Query {
  doc(id: string): DocRef
  add(options: { data: object | object[] }): Promise<{ _id?: string; _ids?: string[] }>
  aggregate(): Aggregate
}
interface Transaction {
  collection(name: string): Collection
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}
interface Db {
  collection(name: string): Collection
  command: Cmd
  serverDate(options?: { offset: number }): unknown
  RegExp(options: { regexp: string; options?: string }): unknown
  createCollection(name: string): Promise<{ errMsg: string }>
  runTransaction<T>(fn: (t: Transaction) => Promise<T>, retries?: number): Promise<T>
  startTransaction(): Promise<Transaction>
}

const idx = (name: string, ...fields: string[]) => ({
  name,
  fields: fields.map((f) => ({ name: f, direction: 1 as const })),
})
const manifest: Manifest = {
  collections: {
    items: { indexes: [idx('status_createdAt', 'status', 'createdAt'), idx('owner', 'owner')] },
    owners: { indexes: [idx('uid', 'uid')] },
    tags: { indexes: [idx('key', 'key')] },
    tagged: { indexes: [] },
    refs: { scan: true, indexes: [] },
    boxes: { indexes: [] },
    bulk: { indexes: [] },
    events: { indexes: [] },
    race: { indexes: [] },
    accounts: { indexes: [] },
    people: {
      indexes: [
        { ...idx('phone', 'phone'), unique: true },
        { ...idx('grid_room', 'gridId', 'room'), unique: true },
      ],
    },
  },
}

let dataDir: string
let svc: DbService
let server: DbHttpServer
let db: Db
let _: Cmd
let $: Record<string, (...args: unknown[]) => unknown>
let clockOffset = 0
const events: { event: QueryEvent; tag: string | undefined }[] = []

const open = () =>
  createDbService({
    dataDir,
    manifest,
    now: () => Date.now() + clockOffset,
    onQuery: (event, tag) => events.push({ event, tag }),
  })
const ids = (rows: Row[]) => rows.map((r) => r._id)
const sortedIds = (rows: Row[]) => ids(rows).sort()
const day = (d: number) => new Date(Date.UTC(2024, 0, d))

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-db-'))
  svc = await open()
  server = await serveDb(() => svc, 'tag-1')
  Object.assign(process.env, sdkEnv(server.url, 'test-env'))
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  db = cloud.database() as unknown as Db
  _ = db.command
  $ = (db.command as unknown as { aggregate: typeof $ }).aggregate

  const res = await db.collection('items').add({
    data: [
      {
        _id: 'i1',
        name: 'apple',
        status: 'open',
        n: 1,
        tags: ['red', 'fruit'],
        meta: { level: 1 },
        owner: 'u1',
        createdAt: day(1),
        scores: [{ k: 'a', v: 1 }],
      },
      {
        _id: 'i2',
        name: 'banana',
        status: 'open',
        n: 5,
        tags: ['yellow', 'fruit'],
        meta: { level: 2 },
        owner: 'u2',
        createdAt: day(2),
        scores: [
          { k: 'a', v: 5 },
          { k: 'b', v: 2 },
        ],
      },
      {
        _id: 'i3',
        name: 'carrot',
        status: 'closed',
        n: 3,
        tags: ['orange', 'veg'],
        meta: { level: 2 },
        owner: 'u1',
        createdAt: day(3),
        extra: true,
      },
      {
        _id: 'i4',
        name: 'Apricot',
        status: 'open',
        n: 8,
        tags: ['orange', 'fruit'],
        meta: { level: 3 },
        owner: 'u3',
        createdAt: day(4),
      },
      {
        _id: 'i5',
        name: 'daikon',
        status: 'closed',
        n: 2,
        tags: ['white', 'veg'],
        meta: { level: 1 },
        owner: 'u2',
        createdAt: day(5),
      },
    ],
  })
  expect(res._ids).toEqual(['i1', 'i2', 'i3', 'i4', 'i5'])
})

afterAll(async () => {
  await server?.close()
  await svc?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('documents', () => {
  test('add generates a 32-hex _id; doc().get returns the document with Dates as Dates', async () => {
    const at = new Date('2024-03-01T08:00:00.000Z')
    const { _id } = await db
      .collection('boxes')
      .add({ data: { kind: 'tmp', at, nested: { a: [1, { b: 2 }] } } })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db
      .collection('boxes')
      .doc(_id as string)
      .get()
    expect(data).toEqual({ _id, kind: 'tmp', at, nested: { a: [1, { b: 2 }] } })
    expect(data.at).toBeInstanceOf(Date)
    await db
      .collection('boxes')
      .doc(_id as string)
      .remove()
  })

  test('doc(missing).get() rejects like the real service', async () => {
    await expect(db.collection('items').doc('nope').get()).rejects.toThrow(/does not exist/)
  })

  test('doc().set upserts, then replaces the whole document', async () => {
    const created = await db
      .collection('boxes')
      .doc('s1')
      .set({ data: { a: 1, b: 2 } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    const replaced = await db
      .collection('boxes')
      .doc('s1')
      .set({ data: { c: 3 } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect((await db.collection('boxes').doc('s1').get()).data).toEqual({ _id: 's1', c: 3 })
  })

  test('doc().update merges nested objects and reports stats.updated', async () => {
    await db
      .collection('boxes')
      .doc('s1')
      .update({ data: { obj: { p: 1 } } })
    const res = await db
      .collection('boxes')
      .doc('s1')
      .update({ data: { obj: { q: 2 }, c: _.inc(1) } })
    expect(res.stats.updated).toBe(1)
    expect((await db.collection('boxes').doc('s1').get()).data).toEqual({
      _id: 's1',
      c: 4,
      obj: { p: 1, q: 2 },
    })
    expect(
      (
        await db
          .collection('boxes')
          .doc('ghost')
          .update({ data: { x: 1 } })
      ).stats.updated
    ).toBe(0)
  })

  test('updating one field keeps the others, Dates included, and they stay queryable', async () => {
    const at = new Date('2024-05-05T00:00:00Z')
    await db
      .collection('boxes')
      .doc('d1')
      .set({ data: { at, n: 1 } })
    await db
      .collection('boxes')
      .doc('d1')
      .update({ data: { n: _.inc(1) } })
    const { data } = await db.collection('boxes').doc('d1').get()
    expect(data).toEqual({ _id: 'd1', at, n: 2 })
    expect(data.at).toBeInstanceOf(Date)
    expect(
      ids(
        (
          await db
            .collection('boxes')
            .where({ at: _.gte(at) })
            .get()
        ).data
      )
    ).toEqual(['d1'])
    await db.collection('boxes').doc('d1').remove()
  })

  test('doc().remove deletes; the document is gone', async () => {
    expect((await db.collection('boxes').doc('s1').remove()).stats.removed).toBe(1)
    expect((await db.collection('boxes').doc('s1').remove()).stats.removed).toBe(0)
    await expect(db.collection('boxes').doc('s1').get()).rejects.toThrow(/does not exist/)
  })

  test('add with an existing _id rejects and changes nothing', async () => {
    await expect(db.collection('items').add({ data: { _id: 'i1', name: 'dup' } })).rejects.toThrow(
      /duplicate key/
    )
    expect((await db.collection('items').doc('i1').get()).data.name).toBe('apple')
  })

  test('a field name starting with $ is refused; one with a dot is kept as written', async () => {
    await expect(
      db.collection('boxes').add({ data: { _id: 'bad', box: { $a: 1 } } })
    ).rejects.toThrow(/field name/)
    await db
      .collection('boxes')
      .doc('dotted')
      .set({ data: { 'a.b': 1, kind: 'dotted' } })
    expect((await db.collection('boxes').doc('dotted').get()).data).toEqual({
      _id: 'dotted',
      'a.b': 1,
      kind: 'dotted',
    })
    await db.collection('boxes').doc('dotted').remove()
  })
})

describe('where().get()', () => {
  const q = async (condition: object) =>
    sortedIds((await db.collection('items').where(condition).get()).data)

  test('equality, array membership, dotted paths and nested objects', async () => {
    expect(await q({ status: 'open' })).toEqual(['i1', 'i2', 'i4'])
    expect(await q({ tags: 'veg' })).toEqual(['i3', 'i5'])
    expect(await q({ 'meta.level': 2 })).toEqual(['i2', 'i3'])
    expect(await q({ meta: { level: _.gte(2) } })).toEqual(['i2', 'i3', 'i4'])
    expect(await q({ status: 'open', owner: 'u2' })).toEqual(['i2'])
  })

  test('comparison commands', async () => {
    expect(await q({ n: _.eq(5) })).toEqual(['i2'])
    expect(await q({ n: _.neq(5) })).toEqual(['i1', 'i3', 'i4', 'i5'])
    expect(await q({ owner: _.in(['u1', 'u3']) })).toEqual(['i1', 'i3', 'i4'])
    expect(await q({ owner: _.nin(['u1', 'u3']) })).toEqual(['i2', 'i5'])
    expect(await q({ n: _.gt(3) })).toEqual(['i2', 'i4'])
    expect(await q({ n: _.gte(3) })).toEqual(['i2', 'i3', 'i4'])
    expect(await q({ n: _.lt(3) })).toEqual(['i1', 'i5'])
    expect(await q({ n: _.lte(3) })).toEqual(['i1', 'i3', 'i5'])
    expect(await q({ createdAt: _.gte(day(4)) })).toEqual(['i4', 'i5'])
  })

  test('logic commands', async () => {
    expect(await q({ n: _.gt(1).and(_.lt(5)) })).toEqual(['i3', 'i5'])
    expect(await q({ n: _.lt(2).or(_.gt(6)) })).toEqual(['i1', 'i4'])
    expect(await q(_.and([{ status: 'open' }, { n: _.gt(1) }]))).toEqual(['i2', 'i4'])
    expect(await q(_.or([{ owner: 'u3' }, { n: 3 }]))).toEqual(['i3', 'i4'])
  })

  test('exists, elemMatch, all and regular expressions', async () => {
    expect(await q({ extra: _.exists(true) })).toEqual(['i3'])
    expect(await q({ extra: _.exists(false) })).toEqual(['i1', 'i2', 'i4', 'i5'])
    expect(await q({ scores: _.elemMatch({ k: 'a', v: _.gt(2) }) })).toEqual(['i2'])
    expect(await q({ tags: _.all(['orange', 'fruit']) })).toEqual(['i4'])
    expect(await q({ name: db.RegExp({ regexp: '^ap', options: 'i' }) })).toEqual(['i1', 'i4'])
    expect(await q({ name: /an/ })).toEqual(['i2'])
  })

  test('orderBy on several fields, skip, limit and field projection', async () => {
    const sorted = await db.collection('items').orderBy('status', 'asc').orderBy('n', 'desc').get()
    expect(ids(sorted.data)).toEqual(['i3', 'i5', 'i4', 'i2', 'i1'])
    const page = await db
      .collection('items')
      .orderBy('status', 'asc')
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .get()
    expect(ids(page.data)).toEqual(['i5', 'i4'])
    const projected = await db
      .collection('items')
      .where({ owner: 'u1' })
      .field({ name: true })
      .orderBy('name', 'asc')
      .get()
    expect(projected.data).toEqual([
      { _id: 'i1', name: 'apple' },
      { _id: 'i3', name: 'carrot' },
    ])
  })

  test('count()', async () => {
    expect((await db.collection('items').where({ status: 'open' }).count()).total).toBe(3)
    expect((await db.collection('items').count()).total).toBe(5)
  })

  test('get() returns at most 100 documents unless a limit is given (up to 1000)', async () => {
    const docs = Array.from({ length: 130 }, (_x, i) => ({
      _id: `b${String(i).padStart(3, '0')}`,
      i,
    }))
    await db.collection('bulk').add({ data: docs })
    expect((await db.collection('bulk').get()).data).toHaveLength(100)
    expect((await db.collection('bulk').limit(120).get()).data).toHaveLength(120)
    expect((await db.collection('bulk').limit(5000).get()).data).toHaveLength(130)
    expect((await db.collection('bulk').count()).total).toBe(130)
  })
})

describe('where().update() and where().remove()', () => {
  beforeAll(async () => {
    await db.collection('boxes').add({
      data: [
        {
          _id: 'b1',
          kind: 'x',
          count: 1,
          list: [1, 2, 3],
          set: ['a'],
          obj: { p: 1, q: 2 },
          drop: 'me',
        },
        { _id: 'b2', kind: 'x', count: 10, list: [3], set: [], obj: { p: 1 } },
        { _id: 'b3', kind: 'y', count: 0 },
      ],
    })
  })

  test('inc, push, addToSet, remove and set apply to every match; stats.updated counts them', async () => {
    const res = await db
      .collection('boxes')
      .where({ kind: 'x' })
      .update({
        data: {
          count: _.inc(2),
          list: _.push(4),
          set: _.addToSet('a'),
          drop: _.remove(),
          obj: _.set({ r: 1 }),
        },
      })
    expect(res.stats.updated).toBe(2)
    expect((await db.collection('boxes').doc('b1').get()).data).toEqual({
      _id: 'b1',
      kind: 'x',
      count: 3,
      list: [1, 2, 3, 4],
      set: ['a'],
      obj: { r: 1 },
    })
    expect((await db.collection('boxes').doc('b2').get()).data).toEqual({
      _id: 'b2',
      kind: 'x',
      count: 12,
      list: [3, 4],
      set: ['a'],
      obj: { r: 1 },
    })
  })

  test('pull removes matching array elements', async () => {
    const res = await db
      .collection('boxes')
      .where({ kind: 'x' })
      .update({ data: { list: _.pull(3) } })
    expect(res.stats.updated).toBe(2)
    expect((await db.collection('boxes').doc('b1').get()).data.list).toEqual([1, 2, 4])
    expect((await db.collection('boxes').doc('b2').get()).data.list).toEqual([4])
  })

  test('an update that changes nothing, or matches nothing, reports 0', async () => {
    expect(
      (
        await db
          .collection('boxes')
          .where({ kind: 'x' })
          .update({ data: { set: _.addToSet('a') } })
      ).stats.updated
    ).toBe(0)
    expect(
      (
        await db
          .collection('boxes')
          .where({ kind: 'z' })
          .update({ data: { count: 1 } })
      ).stats.updated
    ).toBe(0)
  })

  test('where().remove() removes every match', async () => {
    expect((await db.collection('boxes').where({ kind: 'x' }).remove()).stats.removed).toBe(2)
    expect(sortedIds((await db.collection('boxes').get()).data)).toEqual(['b3'])
  })

  test('200 concurrent conditional updates on one document: exactly one wins', async () => {
    await db.collection('race').add({ data: { _id: 'r1', status: 'open' } })
    const results = await Promise.all(
      Array.from({ length: 200 }, (_x, i) =>
        db
          .collection('race')
          .where({ _id: 'r1', status: 'open' })
          .update({ data: { status: 'taken', by: i } })
      )
    )
    const winners = results.map((r, i) => [r.stats.updated, i]).filter(([u]) => u === 1)
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => r.stats.updated === 0)).toHaveLength(199)
    expect((await db.collection('race').doc('r1').get()).data).toEqual({
      _id: 'r1',
      status: 'taken',
      by: winners[0][1],
    })
  })
})

describe('aggregate()', () => {
  test('match, group and sort', async () => {
    const { list } = await db
      .collection('items')
      .aggregate()
      .match({ n: _.gte(2) })
      .group({ _id: '$status', total: $.sum('$n'), count: $.sum(1) })
      .sort({ total: -1 })
      .end()
    expect(list).toEqual([
      { _id: 'open', total: 13, count: 2 },
      { _id: 'closed', total: 5, count: 2 },
    ])
  })

  test('project, count, limit and lookup', async () => {
    const projected = await db
      .collection('items')
      .aggregate()
      .match({ owner: 'u1' })
      .sort({ name: 1 })
      .project({ _id: 0, name: 1, double: $.multiply(['$n', 2]) })
      .end()
    expect(projected.list).toEqual([
      { name: 'apple', double: 2 },
      { name: 'carrot', double: 6 },
    ])

    expect(
      (await db.collection('items').aggregate().match({ status: 'open' }).count('total').end()).list
    ).toEqual([{ total: 3 }])
    expect(
      ids((await db.collection('items').aggregate().sort({ n: 1 }).limit(2).end()).list)
    ).toEqual(['i1', 'i5'])

    await db.collection('owners').add({
      data: [
        { _id: 'o1', uid: 'u1', name: 'Ann' },
        { _id: 'o2', uid: 'u2', name: 'Bo' },
      ],
    })
    const joined = await db
      .collection('items')
      .aggregate()
      .match({ _id: 'i1' })
      .lookup({ from: 'owners', localField: 'owner', foreignField: 'uid', as: 'ownerInfo' })
      .project({ _id: 1, ownerInfo: 1 })
      .end()
    expect(joined.list).toEqual([{ _id: 'i1', ownerInfo: [{ _id: 'o1', uid: 'u1', name: 'Ann' }] }])
  })

  test('an equality lookup joins as MongoDB does: array values, missing values, operator-like strings', async () => {
    await db.collection('tags').add({
      data: [
        { _id: 't1', key: 'a', label: 'A' },
        { _id: 't2', key: 'b', label: 'B' },
        { _id: 't3', label: 'no key' },
        { _id: 't4', key: '$gt', label: 'an operator-like key' },
      ],
    })
    await db.collection('tagged').add({
      data: [{ _id: 'p1', keys: ['a', 'b', 'z'] }, { _id: 'p2' }, { _id: 'p3', keys: '$gt' }],
    })
    const { list } = await db
      .collection('tagged')
      .aggregate()
      .match({ _id: _.in(['p1', 'p2', 'p3']) })
      .sort({ _id: 1 })
      .lookup({ from: 'tags', localField: 'keys', foreignField: 'key', as: 'found' })
      .project({ _id: 1, labels: '$found.label' })
      .end()
    expect(list).toEqual([
      { _id: 'p1', labels: ['A', 'B'] },
      { _id: 'p2', labels: ['no key'] },
      { _id: 'p3', labels: ['an operator-like key'] },
    ])
  })

  test('without a limit stage the server returns 20 rows, as the real one does', async () => {
    expect(
      (
        await db
          .collection('bulk')
          .aggregate()
          .match({ i: _.gte(0) })
          .end()
      ).list
    ).toHaveLength(20)
    expect(
      (
        await db
          .collection('bulk')
          .aggregate()
          .match({ i: _.gte(0) })
          .limit(50)
          .end()
      ).list
    ).toHaveLength(50)
  })
})

describe('serverDate', () => {
  const fetchAt = async (id: string) =>
    (await db.collection('events').doc(id).get()).data.at as Date

  test('serverDate() is the service clock, with an offset, on add, update and in queries', async () => {
    const before = Date.now()
    await db.collection('events').add({ data: { _id: 'e1', at: db.serverDate() } })
    await db
      .collection('events')
      .add({ data: { _id: 'e2', at: db.serverDate({ offset: 60_000 }) } })
    const after = Date.now()
    const e1 = await fetchAt('e1')
    expect(e1).toBeInstanceOf(Date)
    expect(e1.getTime()).toBeGreaterThanOrEqual(before)
    expect(e1.getTime()).toBeLessThanOrEqual(after)
    const e2 = await fetchAt('e2')
    expect(e2.getTime()).toBeGreaterThanOrEqual(before + 60_000)
    expect(e2.getTime()).toBeLessThanOrEqual(after + 60_000)
    expect(
      sortedIds(
        (
          await db
            .collection('events')
            .where({ at: _.lte(db.serverDate()) })
            .get()
        ).data
      )
    ).toEqual(['e1'])
  })

  test('serverDate() follows a shifted emulator clock', async () => {
    clockOffset = 24 * 3600_000
    try {
      const before = Date.now() + clockOffset
      await db
        .collection('events')
        .doc('e1')
        .update({ data: { at: db.serverDate() } })
      const at = await fetchAt('e1')
      expect(at.getTime()).toBeGreaterThanOrEqual(before)
      expect(at.getTime()).toBeLessThanOrEqual(Date.now() + clockOffset)
    } finally {
      clockOffset = 0
    }
  })
})

describe('collections', () => {
  test('a collection that does not exist rejects reads and writes; createCollection makes it', async () => {
    await expect(db.collection('fresh').get()).rejects.toMatchObject({ errCode: -502005 })
    await expect(db.collection('fresh').add({ data: { a: 1 } })).rejects.toMatchObject({
      errCode: -502005,
    })
    expect((await db.createCollection('fresh')).errMsg).toBe('createCollection:ok')
    await db.collection('fresh').add({ data: { _id: 'f1', a: 1 } })
    expect(ids((await db.collection('fresh').get()).data)).toEqual(['f1'])
    await expect(db.createCollection('fresh')).rejects.toThrow(/exist/)
  })
})

describe('unique indexes', () => {
  const count = async () => (await db.collection('people').count()).total

  test('a duplicate single-field or compound key rejects and stores nothing', async () => {
    await db
      .collection('people')
      .add({ data: { _id: 'p1', phone: '1', gridId: 'g1', room: '101' } })
    await expect(
      db.collection('people').add({ data: { phone: '1', gridId: 'g1', room: '102' } })
    ).rejects.toThrow(/duplicate key.*phone/)
    await expect(
      db.collection('people').add({ data: { phone: '2', gridId: 'g1', room: '101' } })
    ).rejects.toThrow(/duplicate key.*grid_room/)
    expect(await count()).toBe(1)
    await db
      .collection('people')
      .add({ data: { _id: 'p2', phone: '2', gridId: 'g2', room: '101' } })
    await expect(
      db.collection('people').add({
        data: [
          { phone: '4', gridId: 'g3', room: '1' },
          { phone: '4', gridId: 'g3', room: '2' },
        ],
      })
    ).rejects.toThrow(/duplicate key/)
    expect(await count()).toBe(2)
  })

  test('updates and set() that would duplicate a key reject and leave the document as it was', async () => {
    await expect(
      db
        .collection('people')
        .doc('p2')
        .update({ data: { phone: '1' } })
    ).rejects.toThrow(/duplicate key/)
    await expect(
      db
        .collection('people')
        .doc('p2')
        .set({ data: { phone: '1', gridId: 'g9', room: '1' } })
    ).rejects.toThrow(/duplicate key/)
    expect((await db.collection('people').doc('p2').get()).data).toEqual({
      _id: 'p2',
      phone: '2',
      gridId: 'g2',
      room: '101',
    })
  })

  test('removing a document frees its keys', async () => {
    await db.collection('people').doc('p1').remove()
    await db
      .collection('people')
      .add({ data: { _id: 'p3', phone: '1', gridId: 'g1', room: '101' } })
    expect(await count()).toBe(2)
  })
})

describe('transactions', () => {
  const balance = async (id: string) => (await db.collection('accounts').doc(id).get()).data.balance

  beforeAll(async () => {
    await db.collection('accounts').add({
      data: [
        { _id: 'a', balance: 100 },
        { _id: 'b', balance: 0 },
      ],
    })
  })

  test('runTransaction commits every write together and returns the callback result', async () => {
    const result = await db.runTransaction(async (t) => {
      const a = (await t.collection('accounts').doc('a').get()).data
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: _.inc(-30) } })
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: _.inc(30) } })
      return (a.balance as number) - 30
    })
    expect(result).toBe(70)
    expect([await balance('a'), await balance('b')]).toEqual([70, 30])
  })

  test('an error thrown inside runTransaction aborts it: nothing is applied', async () => {
    await expect(
      db.runTransaction(async (t) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 0 } })
        await t.collection('accounts').add({ data: { _id: 'ghost', balance: 1 } })
        throw new Error('insufficient funds')
      })
    ).rejects.toThrow('insufficient funds')
    expect(await balance('a')).toBe(70)
    await expect(db.collection('accounts').doc('ghost').get()).rejects.toThrow(/does not exist/)
  })

  test('reads inside a transaction see its own writes; others see them only after commit', async () => {
    await db.runTransaction(async (t) => {
      await t.collection('accounts').add({ data: { _id: 'c', balance: 5 } })
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 75 } })
      expect((await t.collection('accounts').doc('c').get()).data).toEqual({ _id: 'c', balance: 5 })
      const rich = await t
        .collection('accounts')
        .where({ balance: _.gte(50) })
        .get()
      expect(ids(rich.data)).toEqual(['a'])
      expect(rich.data[0].balance).toBe(75)
      await expect(db.collection('accounts').doc('c').get()).rejects.toThrow(/does not exist/)
      expect(await balance('a')).toBe(70)
      await expect(t.collection('accounts').doc('zzz').get()).rejects.toThrow(/does not exist/)
    })
    expect(await balance('c')).toBe(5)
    expect(await balance('a')).toBe(75)
  })

  test('a write to a document changed since the transaction began fails at once; the caller sees it (no retry through wx-server-sdk)', async () => {
    let attempts = 0
    const run = () =>
      db.runTransaction(async (t) => {
        attempts++
        const b = (await t.collection('accounts').doc('b').get()).data.balance as number
        await db
          .collection('accounts')
          .doc('b')
          .update({ data: { balance: _.inc(100) } })
        // the transaction still reads what it saw first
        expect((await t.collection('accounts').doc('b').get()).data.balance).toBe(b)
        await t
          .collection('accounts')
          .doc('b')
          .update({ data: { balance: b + 1 } })
      })
    await expect(run()).rejects.toThrow(/TransactionConflict/)
    expect(attempts).toBe(1)
    expect(await balance('b')).toBe(130)
  })

  test('a commit whose written document was changed outside is a conflict: runTransaction starts again', async () => {
    let attempts = 0
    await db.runTransaction(async (t) => {
      attempts++
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: _.inc(1) } })
      if (attempts === 1)
        await db
          .collection('accounts')
          .doc('b')
          .update({ data: { balance: _.inc(10) } })
    })
    expect(attempts).toBe(2)
    expect(await balance('b')).toBe(141)
  })

  test('startTransaction: rollback discards, commit applies', async () => {
    const t1 = await db.startTransaction()
    await t1
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } })
    await t1.rollback()
    expect(await balance('a')).toBe(75)

    const t2 = await db.startTransaction()
    await t2
      .collection('accounts')
      .doc('a')
      .set({ data: { balance: 2 } })
    await t2.collection('accounts').doc('c').remove()
    expect(await balance('a')).toBe(75)
    await t2.commit()
    expect(await balance('a')).toBe(2)
    await expect(db.collection('accounts').doc('c').get()).rejects.toThrow(/does not exist/)
  })
})

describe('index report', () => {
  const last = () => events[events.length - 1]

  test('unindexed queries are reported unserved, indexed ones served, with the caller tag', async () => {
    events.length = 0
    const before = svc.queryStats()
    await db.collection('items').where({ name: 'apple' }).get()
    expect(last()).toMatchObject({
      tag: 'tag-1',
      event: { collection: 'items', action: 'getDocument', served: false },
    })
    expect(last().event.reason).toMatch(/name/)

    await db.collection('items').where({ status: 'open' }).orderBy('createdAt', 'desc').get()
    expect(last().event).toMatchObject({ served: true, reason: 'index status_createdAt' })

    await db.collection('items').where({ status: 'open' }).orderBy('name', 'asc').get()
    expect(last().event).toMatchObject({ served: false })
    expect(last().event.reason).toMatch(/cannot order by name/)

    await db
      .collection('items')
      .where({ owner: _.in(['u1', 'u2']) })
      .count()
    expect(last().event).toMatchObject({
      action: 'calculateDocument',
      served: true,
      reason: 'index owner',
    })

    await db.collection('items').doc('i1').get()
    expect(last().event).toMatchObject({ served: true, reason: 'by _id' })

    await db.collection('refs').where({ anything: 1 }).get()
    expect(last().event).toMatchObject({ collection: 'refs', served: true })

    await db
      .collection('items')
      .where({ n: _.gt(100) })
      .update({ data: { x: 1 } })
    expect(last().event).toMatchObject({ action: 'modifyDocument', served: false })

    await db.collection('items').aggregate().match({ name: 'x' }).end()
    expect(last().event).toMatchObject({ action: 'aggregateDocuments', served: false })

    const after = svc.queryStats()
    expect(after.served - before.served).toBe(4)
    expect(after.unserved - before.unserved).toBe(4)
  })
})

describe('persistence', () => {
  test('data survives closing and reopening the service on the same dataDir', async () => {
    await svc.close()
    svc = await open()
    expect((await db.collection('items').doc('i4').get()).data).toMatchObject({
      name: 'Apricot',
      createdAt: day(4),
    })
    expect((await db.collection('bulk').count()).total).toBe(130)
    expect(await balance()).toBe(2)
    // unique keys are rebuilt from disk
    await expect(db.collection('people').add({ data: { phone: '2' } })).rejects.toThrow(
      /duplicate key/
    )
    // and collections created at runtime come back too
    expect(ids((await db.collection('fresh').get()).data)).toEqual(['f1'])
  })

  const balance = async () => (await db.collection('accounts').doc('a').get()).data.balance
})
