import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Collection } from '../../emulator/db/store'

// The collection file: what survives a restart, whatever was appended, compacted or written while
// a compaction ran.

let dir: string
const spec = { indexes: [{ name: 'n', fields: [{ name: 'n', direction: 1 as const }] }] }
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-datafile-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const file = () => path.join(dir, 'things.db')
const lines = () => fs.readFileSync(file(), 'utf8').split('\n').filter(Boolean)

test('a file appended by nedb loads as its last state, dates included, without a rewrite', async () => {
  const raw = [
    '{"_id":"a","n":1,"at":{"$$date":5000},"log":[{"at":{"$$date":6000}}]}',
    '{"_id":"b","n":2}',
    '{"_id":"a","n":3,"at":{"$$date":7000},"log":[]}',
    '{"$$deleted":true,"_id":"b"}',
    '{"$$indexCreated":{"fieldName":"n","unique":false,"sparse":false}}',
    '{"_id":"c","n":4,"log":[{"at":{"$$date":8000}}]}',
  ]
  fs.writeFileSync(file(), raw.join('\n') + '\n')
  const c = await Collection.open(dir, 'things', spec)
  expect(c.all()).toEqual([
    { _id: 'a', n: 3, at: new Date(7000), log: [] },
    { _id: 'c', n: 4, log: [{ at: new Date(8000) }] },
  ])
  expect(lines().slice(0, raw.length)).toEqual(raw)
})

test('a file with more than a tenth of unreadable lines is refused, not emptied', async () => {
  const raw = ['{"_id":"a"}', 'garbage', '{"_id":"b"}', 'more garbage']
  fs.writeFileSync(file(), raw.join('\n') + '\n')
  await expect(Collection.open(dir, 'things', spec)).rejects.toThrow(/corrupt/)
  expect(lines()).toEqual(raw)
})

test('writes made while a compaction runs survive it and a restart', async () => {
  const c = await Collection.open(dir, 'things', spec)
  const docs = Array.from({ length: 3000 }, (_, i) => ({ _id: `d${i}`, n: i, at: new Date(i) }))
  await c.mutex.run(() => c.apply(docs.map((d) => ({ id: d._id, after: d }))))
  const compaction = c.compact()
  await c.mutex.run(() =>
    c.apply([
      { id: 'd1', before: c.byId('d1'), after: { _id: 'd1', n: -1, at: new Date(1) } },
      { id: 'd2', before: c.byId('d2') },
      { id: 'new', after: { _id: 'new', n: 9999 } },
    ])
  )
  await compaction
  expect(fs.existsSync(`${file()}.compacting`)).toBe(false)

  const again = await Collection.open(dir, 'things', spec)
  expect(again.count()).toBe(3000)
  expect(again.byId('d1')).toEqual({ _id: 'd1', n: -1, at: new Date(1) })
  expect(again.byId('d2')).toBeUndefined()
  expect(again.byId('new')).toEqual({ _id: 'new', n: 9999 })
  expect(again.byId('d2999')).toEqual({ _id: 'd2999', n: 2999, at: new Date(2999) })
})

test('a compaction leaves one line per document', async () => {
  const c = await Collection.open(dir, 'things', spec)
  for (let i = 0; i < 5; i++) {
    await c.mutex.run(() => c.apply([{ id: 'x', before: c.byId('x'), after: { _id: 'x', n: i } }]))
  }
  expect(lines().filter((l) => l.includes('"x"'))).toHaveLength(5)
  await c.compact()
  expect(lines()).toEqual(['{"_id":"x","n":4}'])
})
