import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { createDbService, loadManifest, type DbService, type Manifest } from '../../emulator/db'
import { checkQuery } from '../../emulator/db/indexCheck'

// The database service below the SDK: the wire shapes of each reply, the service API used by the
// emulator (reset, isEmpty, find, close), persistence, and transaction edge cases that the SDK
// cannot easily provoke.

const manifest: Manifest = {
  collections: {
    posts: {
      indexes: [
        {
          name: 'status_createdAt',
          fields: [
            { name: 'status', direction: 1 },
            { name: 'createdAt', direction: -1 },
          ],
        },
      ],
    },
    goods: { indexes: [] },
    people: {
      indexes: [{ name: 'phone', fields: [{ name: 'phone', direction: 1 }], unique: true }],
    },
  },
}

let dataDir: string
let svc: DbService
const now = Date.UTC(2024, 5, 1, 12)

const ej = (v: unknown) => EJSON.stringify(v, { relaxed: false })
const call = (body: Record<string, unknown>) => svc.handle({ envName: 'test-env', ...body })
const rows = (reply: Record<string, unknown>) =>
  ((reply.data as { list: string[] }).list ?? []).map(
    (s) => EJSON.parse(s) as Record<string, unknown>
  )

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-dbsvc-'))
  svc = await createDbService({ dataDir, manifest, now: () => now })
})

afterEach(async () => {
  await svc.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('loadManifest reads the project manifest by default', () => {
  const m = loadManifest()
  expect(m.collections.users.indexes.length).toBeGreaterThan(0)
  expect(m.collections.communities.scan).toBe(true)
})

describe('wire shapes (as captured from the real SDK)', () => {
  test('insert, get, count, modify, remove and aggregate answer what @cloudbase/database parses', async () => {
    const inserted = await call({
      action: 'database.insertDocument',
      collectionName: 'posts',
      data: [
        '{"_id":"x1","title":"t","status":"open","n":{"$numberInt":"1"},"createdAt":{"$tcb_server_date":{"offset":{"$numberInt":"5"}}},"when":{"$date":{"$numberLong":"0"}}}',
      ],
    })
    expect(inserted).toMatchObject({ data: { insertedIds: ['x1'] } })
    expect(typeof inserted.requestId).toBe('string')

    const got = await call({
      action: 'database.getDocument',
      collectionName: 'posts',
      queryType: 'WHERE',
      query: ej({ status: 'open', n: { $gt: 0 } }),
      order: ej({ createdAt: -1 }),
      limit: 10,
    })
    expect(got.data).toMatchObject({ limit: 10, offset: 0 })
    expect(rows(got)).toEqual([
      {
        _id: 'x1',
        title: 't',
        status: 'open',
        n: 1,
        createdAt: new Date(now + 5),
        when: new Date(0),
      },
    ])
    // dates travel as {"$date": ...}
    expect((got.data as { list: string[] }).list[0]).toContain('"$date"')

    const counted = await call({
      action: 'database.calculateDocument',
      collectionName: 'posts',
      queryType: 'WHERE',
      query: ej({ status: 'open' }),
    })
    expect(counted.data).toEqual({ total: 1 })

    const modified = await call({
      action: 'database.modifyDocument',
      collectionName: 'posts',
      queryType: 'WHERE',
      query: ej({ _id: 'x1', status: 'open' }),
      data: ej({ $set: { status: 'taken' } }),
      multi: true,
      merge: true,
      upsert: false,
    })
    expect(modified.data).toEqual({ updated: 1 })

    const upserted = await call({
      action: 'database.modifyDocument',
      collectionName: 'posts',
      queryType: 'DOC',
      query: ej({ _id: 'x2' }),
      data: ej({ a: 1, at: { $tcb_server_date: { offset: 0 } } }),
      multi: false,
      merge: false,
      upsert: true,
    })
    expect(upserted.data).toEqual({ updated: 0, upsert_id: 'x2' })
    expect(await svc.find('posts', { _id: 'x2' })).toEqual([{ _id: 'x2', a: 1, at: new Date(now) }])

    const aggregated = await call({
      action: 'database.aggregateDocuments',
      collectionName: 'posts',
      stages: [
        { stageKey: '$match', stageValue: ej({ _id: { $in: ['x1', 'x2'] } }) },
        { stageKey: '$count', stageValue: JSON.stringify('total') },
      ],
    })
    expect(rows(aggregated)).toEqual([{ total: 2 }])

    const removed = await call({
      action: 'database.removeDocument',
      collectionName: 'posts',
      queryType: 'WHERE',
      query: ej({ status: 'taken' }),
      multi: true,
    })
    expect(removed.data).toEqual({ deleted: 1 })

    const tx = await call({ action: 'database.startTransaction' })
    expect(typeof tx.transactionId).toBe('string')
  })

  test('limit defaults to 100 and is capped at 1000; errors come back as {requestId, code, message}', async () => {
    const get = (limit?: number) =>
      call({ action: 'database.getDocument', collectionName: 'goods', queryType: 'WHERE', limit })
    expect((await get()).data).toMatchObject({ limit: 100 })
    expect((await get(5000)).data).toMatchObject({ limit: 1000 })

    const missing = await call({
      action: 'database.getDocument',
      collectionName: 'nope',
      queryType: 'WHERE',
    })
    expect(missing).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
    expect(Object.keys(missing).sort()).toEqual(['code', 'message', 'requestId'])
    expect(await call({ action: 'database.dropEverything' })).toMatchObject({
      code: 'INVALID_PARAM',
    })
    expect(
      await call({ action: 'database.addCollection', collectionName: '../evil' })
    ).toMatchObject({ code: 'INVALID_PARAM' })
    const dollar = await call({
      action: 'database.insertDocument',
      collectionName: 'goods',
      data: ['{"$a":1}'],
    })
    expect(dollar).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})

test('200 simultaneous conditional updates (no HTTP in between): exactly one matches', async () => {
  await svc.resetAll({ goods: [{ _id: 'g', status: 'open' }] })
  const replies = await Promise.all(
    Array.from({ length: 200 }, (_x, i) =>
      call({
        action: 'database.modifyDocument',
        collectionName: 'goods',
        queryType: 'WHERE',
        query: ej({ _id: 'g', status: 'open' }),
        data: ej({ $set: { status: 'taken', by: i } }),
        multi: true,
        merge: true,
        upsert: false,
      })
    )
  )
  const updated = replies.map((r) => (r.data as { updated: number }).updated)
  expect(updated.filter((u) => u === 1)).toHaveLength(1)
  expect(updated.filter((u) => u === 0)).toHaveLength(199)
})

describe('service API', () => {
  test('isEmpty, resetAll and find; reset drops collections outside the manifest', async () => {
    expect(await svc.isEmpty()).toBe(true)
    expect(svc.collectionNames()).toEqual(['goods', 'people', 'posts'])
    await call({ action: 'database.addCollection', collectionName: 'scratch' })
    await call({
      action: 'database.insertDocument',
      collectionName: 'scratch',
      data: [ej({ a: 1 })],
    })
    const at = new Date('2024-01-02T03:04:05Z')
    await svc.resetAll({
      posts: [
        { _id: 'p1', status: 'open', createdAt: at },
        { status: 'closed', note: undefined },
      ],
    })
    expect(await svc.isEmpty()).toBe(false)
    expect(svc.collectionNames()).toEqual(['goods', 'people', 'posts'])
    expect(fs.existsSync(path.join(dataDir, 'scratch.db'))).toBe(false)
    const found = await svc.find('posts', { status: 'open' })
    expect(found).toEqual([{ _id: 'p1', status: 'open', createdAt: at }])
    found[0].status = 'mutated'
    expect((await svc.find('posts', { _id: 'p1' }))[0].status).toBe('open')
    const all = await svc.find('posts')
    expect(all).toHaveLength(2)
    expect(all.every((d) => !('note' in d))).toBe(true)
    expect(await svc.find('nope')).toEqual([])
  })

  test('close compacts the files; a reopened service sees the same data', async () => {
    await svc.resetAll({ goods: [{ _id: 'a', n: 1 }] })
    for (let i = 0; i < 20; i++) {
      await call({
        action: 'database.modifyDocument',
        collectionName: 'goods',
        queryType: 'DOC',
        query: ej({ _id: 'a' }),
        data: ej({ $inc: { n: 1 } }),
        multi: false,
        merge: true,
      })
    }
    await svc.close()
    const lines = fs.readFileSync(path.join(dataDir, 'goods.db'), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(1)
    svc = await createDbService({ dataDir, manifest, now: () => now })
    expect(await svc.find('goods')).toEqual([{ _id: 'a', n: 21 }])
  })
})

describe('transactions', () => {
  const tx = async () =>
    (await call({ action: 'database.startTransaction' })).transactionId as string

  test('a transaction whose read document changed meanwhile still commits (only writes are checked)', async () => {
    await svc.resetAll({
      goods: [
        { _id: 'x', stock: 5 },
        { _id: 'y', stock: 0 },
      ],
    })
    const id = await tx()
    await call({
      action: 'database.getDocument',
      collectionName: 'goods',
      queryType: 'DOC',
      query: ej({ _id: 'x' }),
      transactionId: id,
    })
    await call({
      action: 'database.modifyDocument',
      collectionName: 'goods',
      queryType: 'DOC',
      query: ej({ _id: 'y' }),
      data: ej({ $set: { stock: 1 } }),
      merge: true,
      transactionId: id,
    })
    await call({
      action: 'database.modifyDocument',
      collectionName: 'goods',
      queryType: 'DOC',
      query: ej({ _id: 'x' }),
      data: ej({ $inc: { stock: 10 } }),
      merge: true,
    })
    expect(
      await call({ action: 'database.commitTransaction', transactionId: id })
    ).not.toHaveProperty('code')
    expect(await svc.find('goods')).toEqual([
      { _id: 'x', stock: 15 },
      { _id: 'y', stock: 1 },
    ])
  })

  test('a commit after an outside write to a document it wrote is a conflict and applies nothing', async () => {
    await svc.resetAll({ goods: [{ _id: 'x', stock: 5 }] })
    const id = await tx()
    const inc = (n: number, transactionId?: string) =>
      call({
        action: 'database.modifyDocument',
        collectionName: 'goods',
        queryType: 'DOC',
        query: ej({ _id: 'x' }),
        data: ej({ $inc: { stock: n } }),
        merge: true,
        ...(transactionId ? { transactionId } : {}),
      })
    await inc(1, id)
    await inc(10)
    const commit = await call({ action: 'database.commitTransaction', transactionId: id })
    expect(commit).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(await svc.find('goods')).toEqual([{ _id: 'x', stock: 15 }])
    expect(await call({ action: 'database.commitTransaction', transactionId: id })).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
    })
  })

  test('two transactions taking the same unique key: the second commit fails and applies nothing', async () => {
    const t1 = await tx()
    const t2 = await tx()
    const add = (t: string, doc: object) =>
      call({
        action: 'database.insertDocument',
        collectionName: 'people',
        data: [ej(doc)],
        transactionId: t,
      })
    expect(await add(t1, { _id: 'a', phone: '1' })).toMatchObject({ data: { insertedIds: ['a'] } })
    expect(await add(t2, { _id: 'b', phone: '1' })).toMatchObject({ data: { insertedIds: ['b'] } })
    expect(await add(t2, { _id: 'c', phone: '2' })).toMatchObject({ data: { insertedIds: ['c'] } })
    // within one transaction the key is checked at write time
    expect(await add(t2, { _id: 'd', phone: '2' })).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
    expect(
      await call({ action: 'database.commitTransaction', transactionId: t1 })
    ).not.toHaveProperty('code')
    const second = await call({ action: 'database.commitTransaction', transactionId: t2 })
    expect(second).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect(second.message).toMatch(/duplicate key/)
    expect(await svc.find('people')).toEqual([{ _id: 'a', phone: '1' }])
  })

  test('where() queries inside a transaction see its buffered inserts, updates and removals', async () => {
    await svc.resetAll({
      goods: [
        { _id: 'x', kind: 'k' },
        { _id: 'y', kind: 'k' },
      ],
    })
    const id = await tx()
    const send = (body: Record<string, unknown>) =>
      call({ collectionName: 'goods', transactionId: id, ...body })
    await send({ action: 'database.insertDocument', data: [ej({ _id: 'z', kind: 'k' })] })
    await send({ action: 'database.removeDocument', queryType: 'DOC', query: ej({ _id: 'x' }) })
    await send({
      action: 'database.modifyDocument',
      queryType: 'DOC',
      query: ej({ _id: 'y' }),
      data: ej({ $set: { seen: true } }),
      merge: true,
    })
    const view = await send({
      action: 'database.getDocument',
      queryType: 'WHERE',
      query: ej({ kind: 'k' }),
    })
    expect(rows(view)).toEqual([
      { _id: 'y', kind: 'k', seen: true },
      { _id: 'z', kind: 'k' },
    ])
    expect(await svc.find('goods')).toHaveLength(2)
    await call({ action: 'database.abortTransaction', transactionId: id })
    expect(await svc.find('goods')).toEqual([
      { _id: 'x', kind: 'k' },
      { _id: 'y', kind: 'k' },
    ])
  })
})

describe('index check', () => {
  const spec = manifest.collections.posts

  test('leading field constrained (equality, $in, range) is served; order must be covered', () => {
    expect(checkQuery(spec, { status: 'open' }, undefined).served).toBe(true)
    expect(checkQuery(spec, { status: { $in: ['a', 'b'] } }, { createdAt: -1 }).served).toBe(true)
    expect(checkQuery(spec, { status: { $gt: 'a' } }, undefined).served).toBe(true)
    expect(checkQuery(spec, { createdAt: { $gt: new Date() } }, undefined).served).toBe(false)
    expect(checkQuery(spec, { status: 'open' }, { title: 1 }).served).toBe(false)
    expect(checkQuery(spec, { status: 'open', title: 'x' }, { title: 1 }).served).toBe(true)
    expect(checkQuery(spec, { status: { $ne: 'open' } }, undefined).served).toBe(false)
    expect(checkQuery(spec, { status: /op/ }, undefined).served).toBe(false)
  })

  test('_id, $and, $or branches, sort-only scans and scan collections', () => {
    expect(checkQuery(spec, { _id: { $in: ['a'] }, title: 'x' }, undefined).served).toBe(true)
    expect(checkQuery(spec, { $and: [{ status: 'open' }, { n: 1 }] }, undefined).served).toBe(true)
    expect(checkQuery(spec, { $or: [{ status: 'a' }, { _id: 'b' }] }, undefined).served).toBe(true)
    expect(checkQuery(spec, { $or: [{ status: 'a' }, { title: 'b' }] }, undefined).served).toBe(
      false
    )
    expect(checkQuery(spec, {}, { status: 1 }).served).toBe(true)
    expect(checkQuery(spec, {}, undefined).served).toBe(false)
    expect(checkQuery({ scan: true, indexes: [] }, { anything: 1 }, undefined).served).toBe(true)
  })
})

test('documents added without an _id come back in insertion order from an unsorted read', async () => {
  for (let n = 0; n < 30; n++) {
    await call({ action: 'database.insertDocument', collectionName: 'goods', data: [ej({ n })] })
  }
  const got = await call({
    action: 'database.getDocument',
    collectionName: 'goods',
    queryType: 'WHERE',
    query: ej({}),
    limit: 100,
  })
  expect(rows(got).map((d) => d.n)).toEqual(Array.from({ length: 30 }, (_, n) => n))
})
