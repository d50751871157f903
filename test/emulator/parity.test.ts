import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { createDbService, type DbService, type Manifest, type QueryEvent } from '../../emulator/db'
import { serveDb, sdkEnv, type DbHttpServer } from '../../emulator/db/testing'

// Where the emulator answers as the CloudBase service does and a plain MongoDB emulation would
// not: natural order, $elemMatch on plain values, $jsonSchema, string and date expressions, the
// `updated` counts, field names with a dot, transactions (snapshot isolation) and geo queries.
// Through the real wx-server-sdk where the SDK can say it, through the /admin bodies otherwise.

type Row = Record<string, unknown>
type Cmd = { [op: string]: (...args: unknown[]) => Cmd }
interface Query {
  where(condition: object): Query
  orderBy(field: string, direction: 'asc' | 'desc'): Query
  get(): Promise<{ data: Row[] }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
interface DocRef {
  get(): Promise<{ data: Row }>
  set(options: { data: object }): Promise<{ stats: { updated: number; created: number } }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
type Aggregate = { [stage: string]: (value: unknown) => Aggregate } & {
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
type GeoCtor = new (...args: unknown[]) => object
interface Db {
  collection(name: string): Collection
  command: Cmd & { aggregate: Record<string, (...args: unknown[]) => unknown> }
  startTransaction(): Promise<Transaction>
  Geo: Record<'Point' | 'LineString' | 'Polygon', GeoCtor>
}

const idx = (name: string, fields: [string, 1 | '2dsphere'][]) => ({
  name,
  // "2dsphere", as the CloudBase console declares a geo index (cast: the manifest type lists
  // only sort directions)
  fields: fields.map(([f, direction]) => ({ name: f, direction: direction as 1 })),
})
const manifest: Manifest = {
  collections: {
    notes: { indexes: [idx('kind', [['kind', 1]])] },
    places: { indexes: [idx('location', [['location', '2dsphere']])] },
    spots: { indexes: [] },
    accounts: { indexes: [] },
  },
}

let dataDir: string
let svc: DbService
let server: DbHttpServer
let db: Db
let _: Cmd
let $: Db['command']['aggregate']
let now = Date.UTC(2024, 5, 1, 12)
const events: QueryEvent[] = []

const open = () =>
  createDbService({ dataDir, manifest, now: () => now, onQuery: (e) => events.push(e) })
const ids = (rows: Row[]) => rows.map((r) => r._id)
const ej = (v: unknown) => EJSON.stringify(v, { relaxed: false })
const call = (body: Row) => svc.handle({ envName: 'test-env', ...body })
const reopen = async () => {
  await svc.close()
  svc = await open()
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-parity-'))
  svc = await open()
  server = await serveDb(() => svc)
  Object.assign(process.env, sdkEnv(server.url, 'test-env'))
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  db = cloud.database() as unknown as Db
  _ = db.command
  $ = db.command.aggregate
})

afterAll(async () => {
  await server.close()
  await svc.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const notes = () => db.collection('notes')
const clear = (name: string) =>
  db
    .collection(name)
    .where({ _id: _.exists(true) })
    .remove()

describe('natural order: unsorted reads return documents in the order they were added', () => {
  beforeAll(async () => {
    await clear('notes')
    await notes().add({
      data: [
        { _id: 'm', kind: 'a' },
        { _id: 'c', kind: 'b' },
      ],
    })
    await notes().add({ data: { _id: 'x', kind: 'a' } })
    await notes().add({
      data: [
        { kind: 'a', n: 1 },
        { kind: 'b', n: 2 },
      ],
    })
  })

  test('get() and aggregate() without a sort, with or without an index in play', async () => {
    const all = ids((await notes().get()).data)
    expect(all.slice(0, 3)).toEqual(['m', 'c', 'x'])
    expect(all).toHaveLength(5)
    const a = ids((await notes().where({ kind: 'a' }).get()).data)
    expect(a).toEqual(['m', 'x', all[3]])
    const grouped = await notes().aggregate().match({ kind: 'b' }).end()
    expect(ids(grouped.list)).toEqual(['c', all[4]])
  })

  test('an update keeps the place; a document removed and added again goes last', async () => {
    await notes()
      .doc('m')
      .update({ data: { n: 9 } })
    await notes().doc('c').remove()
    await notes().add({ data: { _id: 'c', kind: 'b' } })
    const all = ids((await notes().get()).data)
    expect(all[0]).toBe('m')
    expect(all[all.length - 1]).toBe('c')
  })

  test('the order survives a restart and a compaction', async () => {
    const before = ids((await notes().get()).data)
    await reopen()
    expect(ids((await notes().get()).data)).toEqual(before)
    await reopen() // close compacted the file: its lines are now in natural order
    expect(ids((await notes().get()).data)).toEqual(before)
  })
})

describe('queries', () => {
  beforeAll(async () => {
    await clear('spots')
    await db.collection('spots').add({
      data: [
        { _id: 'plain', category: 'x', tags: [1, 2, 3, 7] },
        { _id: 'words', category: 'x', tags: ['Go', 'C#'] },
        { _id: 'embedded', category: 'y', tags: [{ value: 1 }, { value: 7 }] },
        { _id: 'nothing', tags: [] },
      ],
    })
  })
  const find = async (where: object) =>
    ids((await db.collection('spots').where(where).get()).data).sort()

  test('$elemMatch with field conditions matches documents in the array, never plain values', async () => {
    expect(await find({ tags: _.elemMatch({ value: _.exists(true) }) })).toEqual(['embedded'])
    expect(await find({ tags: _.elemMatch({ value: _.gt(0) }) })).toEqual(['embedded'])
    expect(await find({ tags: _.elemMatch({ value: _.mod([4, 3]) }) })).toEqual(['embedded'])
  })

  test('$jsonSchema selects the documents a schema accepts, and $nor the others', async () => {
    const schema = { required: ['category'], properties: { category: { enum: ['x'] } } }
    expect(await find(_.jsonSchema(schema))).toEqual(['plain', 'words'])
    expect(await find(_.nor([_.jsonSchema(schema)]))).toEqual(['embedded', 'nothing'])
    expect(
      await find(_.jsonSchema({ properties: { tags: { bsonType: 'array', minItems: 4 } } }))
    ).toEqual(['plain'])
  })

  test('a schema keyword the service does not know fails the query', async () => {
    await expect(find(_.jsonSchema({ format: 'email' }))).rejects.toThrow(/format/)
  })
})

describe('aggregation expressions', () => {
  beforeAll(async () => {
    await clear('spots')
    await db.collection('spots').add({
      data: [
        {
          _id: 'a',
          name: '红邻小区一期',
          birthday: '1999/12/12',
          at: new Date('2019-05-14T09:38:51Z'),
        },
        { _id: 'b', name: 'Honglin', birthday: '1998/11/11', at: new Date('2022-01-01T12:00:00Z') },
        { _id: 'c', name: '', birthday: '1997/10/10', at: new Date('2023-01-01T00:00:00Z') },
      ],
    })
  })
  const project = async (fields: object) =>
    (await db.collection('spots').aggregate().sort({ _id: 1 }).project(fields).end()).list

  test('$indexOfCP counts code points', async () => {
    expect(await project({ _id: 0, i: $.indexOfCP(['$name', '小区']) })).toEqual([
      { i: 2 },
      { i: -1 },
      { i: -1 },
    ])
  })

  test('$substr and $substrBytes with length -1 take the rest of the string', async () => {
    expect(
      await project({
        _id: 0,
        day: $.substr(['$birthday', 8, -1]),
        year: $.substrBytes(['$birthday', 0, 4]),
        tail: $.substrBytes(['$name', 3, -1]),
      })
    ).toEqual([
      { day: '12', year: '1999', tail: '邻小区一期' },
      { day: '11', year: '1998', tail: 'glin' },
      { day: '10', year: '1997', tail: '' },
    ])
  })

  test('$week counts weeks from Sunday: days before the first Sunday are week 0', async () => {
    // 2019-05-14 is a Tuesday (ISO week 20); 2022-01-01 a Saturday; 2023-01-01 a Sunday
    expect(await project({ _id: 0, w: $.week('$at'), iso: $.isoWeek('$at') })).toEqual([
      { w: 19, iso: 20 },
      { w: 0, iso: 52 },
      { w: 1, iso: 52 },
    ])
  })
})

describe('updated counts, as the service reports them', () => {
  beforeEach(async () => {
    await clear('spots')
    await db.collection('spots').add({ data: { _id: 's', status: 'open', n: 1 } })
  })

  test('set() of the same document counts it; update() of the same value does not', async () => {
    expect(
      (
        await db
          .collection('spots')
          .doc('s')
          .set({ data: { status: 'open', n: 1 } })
      ).stats
    ).toEqual({ updated: 1, created: 0 })
    expect(
      (
        await db
          .collection('spots')
          .doc('s')
          .update({ data: { n: 1 } })
      ).stats.updated
    ).toBe(0)
  })

  test('a conditional update: the one that moves the status counts 1, the same one again 0', async () => {
    const move = () =>
      db
        .collection('spots')
        .where({ _id: 's', status: 'open' })
        .update({ data: { status: 'taken' } })
    expect((await move()).stats.updated).toBe(1)
    expect((await move()).stats.updated).toBe(0)
  })

  test('updateAndReturn counts the document it found, changed or not', async () => {
    const modify = (query: object) =>
      call({
        action: 'database.modifyAndReturnDoc',
        collectionName: 'spots',
        queryType: 'WHERE',
        query: ej(query),
        data: ej({ $set: { n: 1 } }),
      })
    const same = await modify({ _id: 's' })
    expect(same.data).toMatchObject({ updated: 1 })
    expect(EJSON.parse((same.data as { doc: string }).doc)).toEqual({
      _id: 's',
      status: 'open',
      n: 1,
    })
    expect((await modify({ _id: 'none' })).data).toEqual({ updated: 0, doc: null })
  })
})

test('field names with a dot are kept as written, in nested objects and across a restart', async () => {
  await clear('spots')
  const doc = { _id: 'd', 'key.': '1', nested: { 'a.b': [{ 'c.d': 1 }] }, kind: 'dotted' }
  await db.collection('spots').add({ data: doc })
  const read = async () => (await db.collection('spots').where({ kind: 'dotted' }).get()).data
  expect(await read()).toEqual([doc])
  await reopen()
  expect(await read()).toEqual([doc])
  await expect(db.collection('spots').add({ data: { $bad: 1 } })).rejects.toThrow(/field name/)
})

describe('transactions: snapshot isolation', () => {
  const balance = async (id: string) => (await db.collection('accounts').doc(id).get()).data.balance
  const inTx = (t: Transaction, id: string) => t.collection('accounts').doc(id)

  beforeEach(async () => {
    await clear('accounts')
    await db.collection('accounts').add({
      data: [
        { _id: 'a', balance: 100 },
        { _id: 'b', balance: 0 },
      ],
    })
  })

  test('reads return the documents as they were at the first read, whatever others write', async () => {
    const t = await db.startTransaction()
    expect((await inTx(t, 'a').get()).data.balance).toBe(100)
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } })
    await db
      .collection('accounts')
      .doc('b')
      .set({ data: { balance: 2 } })
    await db.collection('accounts').add({ data: { _id: 'c', balance: 3 } })
    expect((await inTx(t, 'a').get()).data.balance).toBe(100)
    expect((await inTx(t, 'b').get()).data.balance).toBe(0)
    const rich = await t
      .collection('accounts')
      .where({ balance: _.gte(0) })
      .get()
    expect(rich.data).toEqual([
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ])
    await t.rollback()
  })

  test('the snapshot starts at the first operation, not at startTransaction', async () => {
    const t = await db.startTransaction()
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 50 } })
    expect((await inTx(t, 'a').get()).data.balance).toBe(50)
    await t.commit()
  })

  test('writing a document another open transaction wrote fails at once; that one commits', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await inTx(t1, 'a').get()
    await inTx(t2, 'a').update({ data: { balance: _.inc(-10) } })
    await expect(inTx(t1, 'a').update({ data: { balance: _.inc(-20) } })).rejects.toThrow(
      /TransactionConflict/
    )
    // the conflict ended t1
    await expect(inTx(t1, 'b').get()).rejects.toThrow(/TransactionNotExist/)
    await t2.commit()
    expect(await balance('a')).toBe(90)
  })

  test('writing a document changed since the snapshot fails at once', async () => {
    const t = await db.startTransaction()
    await inTx(t, 'b').get()
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 99 } })
    await expect(inTx(t, 'a').update({ data: { balance: 0 } })).rejects.toThrow(
      /TransactionConflict/
    )
    expect(await balance('a')).toBe(99)
  })

  test('only writes are checked: a transaction whose reads changed meanwhile commits', async () => {
    const t = await db.startTransaction()
    const a = (await inTx(t, 'a').get()).data.balance as number
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 0 } })
    await inTx(t, 'b').update({ data: { balance: a } })
    await t.commit()
    expect([await balance('a'), await balance('b')]).toEqual([0, 100])
  })

  test('a finished or expired transaction answers as the service does', async () => {
    const begin = async () => (await call({ action: 'database.startTransaction' })).transactionId
    const read = (transactionId: unknown) =>
      call({
        action: 'database.getDocument',
        collectionName: 'accounts',
        queryType: 'DOC',
        query: ej({ _id: 'a' }),
        transactionId,
      })
    const gone = {
      code: 'DATABASE_TRANSACTION_FAIL',
      message:
        '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    }
    const done = await begin()
    await call({ action: 'database.commitTransaction', transactionId: done })
    expect(await read(done)).toMatchObject(gone)

    const slow = await begin()
    now += 29_000
    expect(await read(slow)).not.toHaveProperty('code')
    now += 2_000 // 31 s after its start, although it was used 2 s ago
    expect(await read(slow)).toMatchObject(gone)
  })
})

describe('geo', () => {
  let geo: Db['Geo']
  const places = () => db.collection('places')
  const square = (d: number) => {
    const P = geo.Point
    return new geo.LineString([
      new P(-d, -d),
      new P(d, -d),
      new P(d, d),
      new P(-d, d),
      new P(-d, -d),
    ])
  }

  beforeAll(async () => {
    geo = db.Geo
    await clear('places')
    await places().add({
      data: [
        { _id: 'canton', city: 'Guangzhou', location: new geo.Point(113.30593, 23.1361155) },
        { _id: 'baiyun', city: 'Guangzhou', location: new geo.Point(113.306789, 23.1564721) },
        { _id: 'palace', city: 'Beijing', location: new geo.Point(116.3949659, 39.9163447) },
        { _id: 'origin', city: 'Null Island', location: new geo.Point(0, 0) },
        { _id: 'ring', city: 'Ring', location: new geo.Point(1.5, 1.5) },
      ],
    })
  })

  test('geoNear (the service sends $nearSphere): nearest first, within the distances given', async () => {
    const near = await places()
      .where({
        location: _.geoNear({
          geometry: new geo.Point(113.3089506, 23.0968251),
          maxDistance: 10_000,
        }),
      })
      .get()
    expect(ids(near.data)).toEqual(['canton', 'baiyun'])
    const far = await places()
      .where({
        location: _.geoNear({
          geometry: new geo.Point(113.3089506, 23.0968251),
          minDistance: 5_000,
          maxDistance: 2_000_000,
        }),
      })
      .get()
    expect(ids(far.data)).toEqual(['baiyun', 'palace'])
  })

  test('geoWithin a polygon (its hole excluded) or a sphere cap; geoIntersects', async () => {
    const within = async (condition: object) =>
      ids(
        (
          await places()
            .where({ location: _.geoWithin(condition) })
            .get()
        ).data
      ).sort()
    expect(await within({ geometry: new geo.Polygon([square(2)]) })).toEqual(['origin', 'ring'])
    expect(await within({ geometry: new geo.Polygon([square(2), square(1)]) })).toEqual(['ring'])
    expect(await within({ centerSphere: [[113.3, 23.14], 5 / 6378.1] })).toEqual([
      'baiyun',
      'canton',
    ])
    const crossing = await places()
      .where({ location: _.geoIntersects({ geometry: new geo.Polygon([square(1)]) }) })
      .get()
    expect(ids(crossing.data)).toEqual(['origin'])
  })

  test('the $geoNear stage: distance in metres as the service computes it, key from the 2dsphere index', async () => {
    events.length = 0
    const res = await places()
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: new geo.Point(113.3089506, 23.0968251),
        query: { city: 'Guangzhou' },
        includeLocs: 'where',
      })
      .end()
    expect(ids(res.list)).toEqual(['canton', 'baiyun'])
    expect(res.list[1].distance).toBe(6643.521654040738)
    expect(res.list[1].where).toEqual(res.list[1].location)
    expect(events[0]).toMatchObject({ served: true, reason: '2dsphere index location' })
  })

  test('geo queries are served by a 2dsphere index and reported without one', async () => {
    events.length = 0
    const inSquare = { location: _.geoWithin({ geometry: new geo.Polygon([square(2)]) }) }
    await places().where(inSquare).get()
    expect(events[0]).toMatchObject({ served: true, reason: '2dsphere index location' })
    await db.collection('spots').where(inSquare).get()
    expect(events[1]).toMatchObject({ served: false })
  })
})
