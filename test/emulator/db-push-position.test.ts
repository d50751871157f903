import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDbService, type DbService } from '../../emulator/db'
import { serveDb, sdkEnv, type DbHttpServer } from '../../emulator/db/testing'

// `_.push({ each, position })` through the real wx-server-sdk: the elements go in at that place,
// as MongoDB's `$push` with `$each` and `$position` (a position past the end appends). The
// secret ballot (deliberation/store.ts) inserts each ballot at a random place in its bin.

type Row = Record<string, unknown>
interface Db {
  collection(name: string): {
    add(o: { data: object }): Promise<unknown>
    where(c: object): { update(o: { data: object }): Promise<{ stats: { updated: number } }> }
    doc(id: string): { get(): Promise<{ data: Row }> }
  }
  command: { push(o: { each: unknown[]; position?: number }): unknown }
}

let dataDir: string
let svc: DbService
let server: DbHttpServer
let db: Db

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-push-'))
  svc = await createDbService({
    dataDir,
    manifest: { collections: { bins: { indexes: [] } } },
    now: () => Date.now(),
  })
  server = await serveDb(svc)
  Object.assign(process.env, sdkEnv(server.url, 'test-env'))
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  db = cloud.database() as unknown as Db
})

afterAll(async () => {
  await server?.close()
  await svc?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const push = (each: unknown[], position: number) =>
  db
    .collection('bins')
    .where({ _id: 'b' })
    .update({ data: { list: db.command.push({ each, position }) } })
const list = async () => (await db.collection('bins').doc('b').get()).data.list

test('push with each and position inserts the elements at that place, in their order', async () => {
  await db.collection('bins').add({ data: { _id: 'b', list: ['a', 'd'] } })
  expect((await push(['b', 'c'], 1)).stats.updated).toBe(1)
  expect(await list()).toEqual(['a', 'b', 'c', 'd'])
  await push([{ x: 1 }], 0)
  expect(await list()).toEqual([{ x: 1 }, 'a', 'b', 'c', 'd'])
  await push(['z'], 99)
  expect(await list()).toEqual([{ x: 1 }, 'a', 'b', 'c', 'd', 'z'])
})
