import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { createDbService, type DbService, type Manifest, type QueryEvent } from '../../emulator/db'
import { correlatedQuery, lookupQuery } from '../../emulator/db/indexCheck'
import { aggregate } from '../../emulator/db/query'

// An uncorrelated `$lookup` pipeline ($match, then $sort/$skip/$limit/$project) is one query of the
// joined collection: the emulator checks it against that collection's indexes like a find (served
// only in the order it sorts), runs it through the index, and answers what MongoDB (mingo) does.
// Stages after the query's ($count, $group, another $sort…) run on the documents it selected.

const manifest: Manifest = {
  collections: {
    owners: { indexes: [] },
    tasks: {
      indexes: [
        {
          name: 'team_status_createdAt',
          fields: [
            { name: 'team', direction: 1 },
            { name: 'status', direction: 1 },
            { name: 'createdAt', direction: -1 },
            { name: '_id', direction: 1 },
          ],
        },
      ],
    },
  },
}

let dataDir: string
let svc: DbService
let events: QueryEvent[]
const now = Date.UTC(2026, 0, 1)

const ej = (v: unknown) => EJSON.stringify(v, { relaxed: false })
const call = (body: Record<string, unknown>) => svc.handle({ envName: 'test-env', ...body })
const rows = (reply: Record<string, unknown>) =>
  ((reply.data as { list: string[] }).list ?? []).map(
    (s) => EJSON.parse(s) as Record<string, unknown>
  )

const owners = [{ _id: 'o1', name: 'a', team: 'red', none: null, tags: ['blue', 'red'] }]
const tasks = Array.from({ length: 30 }, (_x, i) => ({
  _id: `t${String(i).padStart(2, '0')}`,
  team: i % 3 === 0 ? 'red' : 'blue',
  status: i % 2 === 0 ? 'open' : 'done',
  createdAt: new Date(now + ((i * 7) % 30) * 60_000),
  title: `task ${i}`,
  secret: 's',
}))

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-lookup-'))
  events = []
  svc = await createDbService({ dataDir, manifest, now: () => now, onQuery: (e) => events.push(e) })
  for (const [name, docs] of [
    ['owners', owners],
    ['tasks', tasks],
  ] as const) {
    await call({ action: 'database.insertDocument', collectionName: name, data: docs.map(ej) })
  }
  events = []
})

afterEach(async () => {
  await svc.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const aggregateWith = async (pipeline: unknown[]) =>
  rows(
    await call({
      action: 'database.aggregateDocuments',
      collectionName: 'owners',
      stages: [
        { stageKey: '$match', stageValue: ej({ _id: 'o1' }) },
        { stageKey: '$limit', stageValue: JSON.stringify(1) },
        { stageKey: '$lookup', stageValue: ej({ from: 'tasks', pipeline, as: 'found' }) },
      ],
    })
  )

// What MongoDB answers, as mingo runs the same pipeline over the whole collection.
const reference = (pipeline: unknown[]) =>
  aggregate(
    owners,
    [{ $match: { _id: 'o1' } }, { $lookup: { from: 'tasks', pipeline, as: 'found' } }],
    (name) => (name === 'tasks' ? tasks : [])
  )

const lookupEvent = () => events.find((e) => e.action === 'aggregateDocuments.$lookup')

test('a pipeline the index serves in its order is reported served and answers as MongoDB', async () => {
  const pipeline = [
    { $match: { team: 'blue', status: 'open' } },
    { $sort: { createdAt: 1, _id: -1 } },
    { $skip: 1 },
    { $limit: 3 },
    { $project: { title: 1, createdAt: 1 } },
  ]
  const got = await aggregateWith(pipeline)
  expect(got).toEqual(reference(pipeline))
  expect((got[0].found as unknown[]).length).toBe(3)
  expect(lookupEvent()).toMatchObject({ served: true, collection: 'tasks' })
})

test('an $in on the leading field is merged in order and matches MongoDB', async () => {
  const pipeline = [
    { $match: { team: { $in: ['red', 'blue'] }, status: 'done' } },
    { $sort: { createdAt: -1, _id: 1 } },
    { $limit: 5 },
  ]
  expect(await aggregateWith(pipeline)).toEqual(reference(pipeline))
  expect(lookupEvent()?.served).toBe(true)
})

test('a sort the index cannot give, or no indexed condition, is reported unserved', async () => {
  const bySort = [{ $match: { team: 'red' } }, { $sort: { title: 1 } }, { $limit: 2 }]
  expect(await aggregateWith(bySort)).toEqual(reference(bySort))
  expect(lookupEvent()).toMatchObject({ served: false })

  events = []
  const noIndex = [{ $match: { title: 'task 3' } }]
  expect(await aggregateWith(noIndex)).toEqual(reference(noIndex))
  expect(lookupEvent()).toMatchObject({ served: false })
})

test('a correlated pipeline, or one not led by $match, is not read as a query (and still answers)', async () => {
  expect(lookupQuery({ from: 'tasks', let: { t: '$team' }, pipeline: [{ $match: {} }] })).toBe(null)
  expect(lookupQuery({ from: 'tasks', pipeline: [{ $limit: 1 }, { $match: {} }] })).toBe(null)
  const limitFirst = [{ $limit: 2 }, { $match: { team: 'red' } }]
  expect(await aggregateWith(limitFirst)).toEqual(reference(limitFirst))
  expect(lookupEvent()).toMatchObject({ served: false })
})

describe('stages after the query run on the documents the index selected', () => {
  test('a count of an indexed match is served and counts what MongoDB counts', async () => {
    const pipeline = [{ $match: { team: 'blue', status: 'open' } }, { $count: 'n' }]
    const got = await aggregateWith(pipeline)
    expect(got).toEqual(reference(pipeline))
    expect(got[0].found).toEqual([
      { n: tasks.filter((t) => t.team === 'blue' && t.status === 'open').length },
    ])
    expect(lookupEvent()).toMatchObject({ served: true, collection: 'tasks' })
    expect(lookupQuery({ from: 'tasks', pipeline, as: 'found' })).toMatchObject({
      match: { team: 'blue', status: 'open' },
      rest: [{ $count: 'n' }],
    })
  })

  // MongoDB answers no row for a count of nothing, mingo `{n: 0}`: callers read `found[0]?.n ?? 0`.
  test('a count of nothing answers as the reference', async () => {
    const pipeline = [{ $match: { team: 'green' } }, { $count: 'n' }]
    expect(await aggregateWith(pipeline)).toEqual(reference(pipeline))
    expect(lookupEvent()).toMatchObject({ served: true })
  })

  test('groups after a sorted, limited query see only that page', async () => {
    const pipeline = [
      { $match: { team: 'red' } },
      { $sort: { status: 1, createdAt: -1 } },
      { $limit: 4 },
      { $group: { _id: '$status', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]
    const got = await aggregateWith(pipeline)
    expect(got).toEqual(reference(pipeline))
    expect(lookupEvent()).toMatchObject({ served: true })
  })

  test('two groups (distinct pairs, then their number) as MongoDB', async () => {
    const pipeline = [
      { $match: { team: { $in: ['red', 'blue'] } } },
      { $group: { _id: { t: '$team', s: '$status' } } },
      { $group: { _id: null, n: { $sum: 1 } } },
    ]
    const got = await aggregateWith(pipeline)
    expect(got).toEqual(reference(pipeline))
    expect(got[0].found).toEqual([{ _id: null, n: 4 }])
    expect(lookupEvent()).toMatchObject({ served: true })
  })

  test('a $limit before a $sort limits in natural order, then sorts, as MongoDB', async () => {
    const pipeline = [{ $match: { team: 'red' } }, { $limit: 2 }, { $sort: { createdAt: 1 } }]
    expect(await aggregateWith(pipeline)).toEqual(reference(pipeline))
    expect(lookupEvent()).toMatchObject({ served: true })
  })

  test('a projection then more stages, and an unserved match, still answer as MongoDB', async () => {
    const projected = [
      { $match: { team: 'blue' } },
      { $project: { status: 1 } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
      { $sort: { n: -1, _id: 1 } },
    ]
    expect(await aggregateWith(projected)).toEqual(reference(projected))
    events = []
    const unserved = [{ $match: { title: { $regex: '^task 1' } } }, { $count: 'n' }]
    expect(await aggregateWith(unserved)).toEqual(reference(unserved))
    expect(lookupEvent()).toMatchObject({ served: false })
  })
})

describe("a correlated pipeline bound by equalities is served by the joined collection's index", () => {
  const bound = (pipeline: unknown[], vars: Record<string, unknown> = { t: '$team' }) =>
    aggregateWithLet(vars, pipeline)
  const aggregateWithLet = async (vars: Record<string, unknown>, pipeline: unknown[]) => {
    const lookup = { from: 'tasks', let: vars, pipeline, as: 'found' }
    const got = rows(
      await call({
        action: 'database.aggregateDocuments',
        collectionName: 'owners',
        stages: [
          { stageKey: '$match', stageValue: ej({ _id: 'o1' }) },
          { stageKey: '$limit', stageValue: JSON.stringify(1) },
          { stageKey: '$lookup', stageValue: ej(lookup) },
        ],
      })
    )
    const want = aggregate(owners, [{ $match: { _id: 'o1' } }, { $lookup: lookup }], (name) =>
      name === 'tasks' ? tasks : []
    )
    return { got, want }
  }

  test("a count of the documents whose field equals the joined-to document's", async () => {
    const { got, want } = await bound([
      { $match: { status: 'open', $expr: { $eq: ['$team', '$$t'] } } },
      { $count: 'n' },
    ])
    expect(got).toEqual(want)
    const n = tasks.filter((t) => t.team === 'red' && t.status === 'open').length
    expect(got[0].found).toEqual([{ n }])
    expect(lookupEvent()).toMatchObject({ served: true, collection: 'tasks' })
  })

  test('an $and of equalities, a literal variable, a sort and groups, as MongoDB', async () => {
    const { got, want } = await bound(
      [
        {
          $match: { $expr: { $and: [{ $eq: ['$team', '$$t'] }, { $eq: ['$$s', '$status'] }] } },
        },
        { $sort: { createdAt: -1, _id: 1 } },
        { $limit: 3 },
        { $project: { title: 1 } },
      ],
      { t: '$team', s: 'done' }
    )
    expect(got).toEqual(want)
    expect((got[0].found as unknown[]).length).toBe(3)
    expect(lookupEvent()).toMatchObject({ served: true })
  })

  test('a null, missing or array variable matches as $expr does (not as a query)', async () => {
    for (const t of ['$none', '$missing', '$tags']) {
      const { got, want } = await bound([{ $match: { $expr: { $eq: ['$team', '$$t'] } } }], { t })
      expect(got).toEqual(want)
      expect(got[0].found).toEqual([])
    }
  })

  test('an unindexed field, or anything but equalities, is not served (and still answers)', async () => {
    const { got, want } = await bound([{ $match: { $expr: { $eq: ['$title', '$$t'] } } }])
    expect(got).toEqual(want)
    expect(lookupEvent()).toMatchObject({ served: false })
    const vars = { t: '$team' }
    const ranged = {
      from: 'tasks',
      let: vars,
      pipeline: [{ $match: { $expr: { $gt: ['$team', '$$t'] } } }],
    }
    expect(correlatedQuery(ranged)).toBe(null)
    const computed = {
      from: 'tasks',
      let: { t: { $toUpper: '$team' } },
      pipeline: [{ $match: { $expr: { $eq: ['$team', '$$t'] } } }],
    }
    expect(correlatedQuery(computed)).toBe(null)
    events = []
    const r = await aggregateWithLet(ranged.let, ranged.pipeline)
    expect(r.got).toEqual(r.want)
    expect(lookupEvent()).toMatchObject({ served: false })
  })
})
