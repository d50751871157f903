import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expectAllQueriesIndexed, startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { demoData } from '../../emulator/seed'

// The emulator's function runtime and local HTTP API (docs/architecture.md §10, docs/contract.md §5), driven through the real
// wx-server-sdk in the fixture functions under test/fixtures/functions.

const functionsDir = path.join(__dirname, '..', 'fixtures', 'functions')
const DAY = 24 * 3600 * 1000

let emu: TestEmulator
let staticDir: string
const logs: string[] = []

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-h5-'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>红邻</title>')
  fs.mkdirSync(path.join(staticDir, 'js'))
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')
  emu = await startTestEmulator({
    functionsDir,
    staticDir,
    timeoutMs: 2000,
    log: (l) => logs.push(l),
  })
})

afterAll(async () => {
  await emu?.stop()
  fs.rmSync(staticDir, { recursive: true, force: true })
})

describe('identity', () => {
  test('60 interleaved concurrent calls from different users each see their own OPENID', async () => {
    const openids = Array.from({ length: 60 }, (_, i) => `user-${i % 15}-${i}`)
    const results = await Promise.all(
      openids.map((openid) => emu.call('probe', openid, 'whoami', { jitterMs: 30 }))
    )
    const pids = new Set<number>()
    results.forEach((res, i) => {
      expect(res).toMatchObject({
        ok: true,
        data: {
          before: openids[i],
          openid: openids[i],
          appid: 'wx-honglin-local',
          env: 'honglin-local',
        },
      })
      if (res.ok) pids.add(res.data.pid)
    })
    // the pool grew beyond one instance but stayed within its cap
    expect(pids.size).toBeGreaterThan(1)
    expect(pids.size).toBeLessThanOrEqual(8)
  })

  test('a call without X-Openid runs with an empty OPENID and no userInfo', async () => {
    const res = await emu.call('probe', null, 'whoami')
    expect(res).toMatchObject({ ok: true, data: { openid: '' } })
    const echo = await emu.call('probe', null, 'echo', { a: 1 })
    expect(echo).toEqual({ ok: true, data: { event: { action: 'echo', input: { a: 1 } } } })
  })

  test('the event is the body plus userInfo from the caller, which the body cannot forge', async () => {
    const raw = JSON.stringify({
      action: 'echo',
      input: { x: 1 },
      requestId: 'r1',
      userInfo: { openId: 'forged' },
    })
    const res = await emu.callRaw('probe', 'demo-resident-1', raw)
    expect(res.body).toEqual({
      ok: true,
      data: {
        event: {
          action: 'echo',
          input: { x: 1 },
          requestId: 'r1',
          userInfo: { appId: 'wx-honglin-local', openId: 'demo-resident-1' },
        },
      },
    })
  })
})

describe('HTTP API errors', () => {
  test('a body that is not JSON is INVALID_INPUT with HTTP 200 and the function does not run', async () => {
    const res = await emu.callRaw('probe', 'demo-resident-1', '{not json')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求格式不正确', field: 'body' },
    })
    expect(res.headers['x-db-roundtrips']).toBeUndefined()
  })

  test('a body nested 10,000 levels deep reaches the function, and no instance is left busy', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
    const body = `{"action":"whoami","input":{"jitterMs":0,"junk":${deep}}}`
    // Twice in a row and three at once: each is served, none kills the server.
    for (const res of [
      await emu.callRaw('probe', 'demo-resident-1', body),
      await emu.callRaw('probe', 'demo-resident-1', body),
      ...(await Promise.all([1, 2, 3].map(() => emu.callRaw('probe', 'demo-resident-2', body)))),
    ]) {
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ ok: true, data: { openid: expect.any(String) } })
    }
    // A result that deep cannot be encoded by the function: INTERNAL, as a throw would be.
    const echo = await emu.callRaw('probe', 'demo-resident-1', body.replace('whoami', 'echo'))
    expect(echo.body).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(emu.emulator.runner.instances().probe.busy).toBe(0)
    expect(await emu.call('probe', 'demo-resident-1', 'whoami')).toMatchObject({ ok: true })
  })

  test('a body over 6 MB is answered 413 INVALID_INPUT as JSON, and the function does not run', async () => {
    const body = JSON.stringify({ action: 'whoami', input: { pad: 'x'.repeat(6 * 1024 * 1024) } })
    const res = await emu.callRaw('probe', 'demo-resident-1', body)
    expect(res.status).toBe(413)
    expect(res.body).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求内容太大' },
    })
    expect(res.headers['x-db-roundtrips']).toBeUndefined()
    expect(await emu.call('probe', 'demo-resident-1', 'whoami')).toMatchObject({ ok: true })
  })

  test('an unknown function is 404 NOT_FOUND', async () => {
    const res = await emu.callRaw('nosuchfunction', 'demo-resident-1', '{"action":"x"}')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } })
  })

  test('a function that throws answers INTERNAL, and the next call works', async () => {
    const res = await emu.call('probe', 'demo-resident-1', 'throws')
    expect(res).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    })
    expect(logs.some((l) => l.includes('fixture failure'))).toBe(true)
    expect(await emu.call('probe', 'demo-resident-1', 'whoami')).toMatchObject({ ok: true })
  })

  test('a crashed instance answers INTERNAL and is replaced', async () => {
    const res = await emu.call('probe', 'demo-resident-1', 'crash')
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await emu.call('probe', 'demo-resident-2', 'whoami')).toMatchObject({
      ok: true,
      data: { openid: 'demo-resident-2' },
    })
  })

  test('an invocation past the timeout answers INTERNAL, and the function keeps serving', async () => {
    const started = Date.now()
    const res = await emu.call('probe', 'demo-resident-1', 'sleep', { ms: 5000 })
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(Date.now() - started).toBeLessThan(4500)
    expect(await emu.call('probe', 'demo-resident-1', 'sleep', { ms: 1 })).toEqual({
      ok: true,
      data: { slept: 1 },
    })
  })
})

describe('stats', () => {
  test('X-Db-Roundtrips counts the /admin round trips of each invocation', async () => {
    const three = await emu.callWithStats('probe', 'demo-resident-1', 'roundTrips', { n: 3 })
    expect(three.result).toEqual({ ok: true, data: { done: 3 } })
    expect(three.roundTrips).toBe(3)
    await emu.call('probe', 'demo-resident-1', 'roundTrips', { n: 1 })
    expect(emu.lastRoundTrips).toBe(1)
  })

  test('an unindexed query is reported in the header, the log, /api/_stats and the harness', async () => {
    const res = await emu.callWithStats('probe', 'demo-resident-1', 'unindexed')
    expect(res.result).toEqual({ ok: true, data: { found: 1 } })
    expect(res.unindexed).toBe(1)
    expect(emu.unindexedQueries()).toEqual([
      expect.objectContaining({ fn: 'probe', action: 'unindexed', collection: 'users' }),
    ])
    expect(logs.some((l) => l.includes('UNINDEXED') && l.includes('users'))).toBe(true)
    const stats = await emu.stats()
    const entry = stats.functions.find((f: { action: string }) => f.action === 'unindexed')
    expect(entry).toMatchObject({
      fn: 'probe',
      invocations: 1,
      roundTrips: { min: 1, avg: 1, max: 1 },
      unindexed: [expect.objectContaining({ collection: 'users' })],
    })
    expect(() => expectAllQueriesIndexed(emu)).toThrow(/users/)
    expect(emu.unindexedQueries()).toEqual([])
  })

  test('/api/_stats aggregates round trips per function and action; reset empties it', async () => {
    await emu.request('POST', '/api/_stats/reset', {})
    await emu.call('probe', 'demo-resident-1', 'roundTrips', { n: 2 })
    await emu.call('probe', 'demo-resident-1', 'roundTrips', { n: 4 })
    const stats = await emu.stats()
    expect(stats.functions).toEqual([
      expect.objectContaining({
        fn: 'probe',
        action: 'roundTrips',
        invocations: 2,
        roundTrips: { min: 2, avg: 3, max: 4 },
        unindexed: [],
      }),
    ])
  })
})

describe('clock and timers', () => {
  afterEach(() => emu.setClock(0))

  test('the clock offset shifts Date in the function and db.serverDate()', async () => {
    const clock = await emu.setClock(2 * DAY)
    expect(clock.offsetMs).toBe(2 * DAY)
    const res = await emu.call('probe', 'demo-resident-1', 'clock')
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const expected = Date.now() + 2 * DAY
    expect(Math.abs(res.data.dateNow - expected)).toBeLessThan(5000)
    expect(Math.abs(Date.parse(res.data.newDate) - expected)).toBeLessThan(5000)
    expect(Math.abs(Date.parse(res.data.serverDate) - expected)).toBeLessThan(5000)
    expect(res.data.tz).toBe('UTC') // like SCF
    expect(Math.abs(Date.parse(res.data.dateCall) - expected)).toBeLessThan(5000)
    expect(res.data.isDate).toBe(true)
    expect(res.data.parsed).toBe('2020-01-01T00:00:00.000Z') // explicit dates are not shifted
    const got = await emu.request('GET', '/api/_clock')
    expect(got.body.data.offsetMs).toBe(2 * DAY)
    await emu.advanceClock(DAY)
    expect((await emu.request('GET', '/api/_clock')).body.data.offsetMs).toBe(3 * DAY)
  })

  test('POST /api/_timer/<fn> fires its timer trigger with no identity', async () => {
    await emu.setClock(DAY)
    const triggers = await emu.fireTimer('ticker')
    expect(triggers).toEqual([
      {
        name: 'hourly',
        result: {
          ok: true,
          data: {
            event: { Type: 'Timer', TriggerName: 'hourly', Time: expect.stringMatching(/Z$/) },
            openid: null,
            now: expect.any(String),
          },
        },
      },
    ])
    const { Time } = triggers[0].result.data.event
    expect(Math.abs(Date.parse(Time) - (Date.now() + DAY))).toBeLessThan(5000)
    const none = await emu.request('POST', '/api/_timer/probe', {})
    expect(none.status).toBe(404)
  })
})

describe('dev endpoints and data', () => {
  test('health and personas', async () => {
    expect((await emu.request('GET', '/api/_health')).body).toEqual({ ok: true })
    const personas = (await emu.request('GET', '/api/_personas')).body
    expect(personas.ok).toBe(true)
    expect(personas.data).toContainEqual(expect.objectContaining({ openid: 'demo-resident-1' }))
  })

  test('_reset restores the demo data; data survives a restart', async () => {
    expect(
      await emu.call('probe', 'demo-admin', 'addCommunity', { id: 'c9', name: '新社区' })
    ).toEqual({
      ok: true,
      data: { added: 'c9' },
    })
    await emu.restart()
    expect(await emu.call('probe', 'demo-admin', 'getCommunity', { id: 'c9' })).toEqual({
      ok: true,
      data: { name: '新社区' },
    })
    // the verified residents of g1 in the demo seed, still there after the restart
    const seeded = demoData().users.filter((u) => u.gridId === 'g1' && u.bindStatus === 'verified')
    expect(await emu.call('probe', 'demo-admin', 'countUsers')).toEqual({
      ok: true,
      data: { total: seeded.length },
    })
    await emu.setClock(DAY)
    await emu.reset()
    expect(await emu.call('probe', 'demo-admin', 'getCommunity', { id: 'c9' })).toEqual({
      ok: true,
      data: { missing: true },
    })
    expect((await emu.request('GET', '/api/_clock')).body.data.offsetMs).toBe(0)
  })

  test('static files of the H5 build', async () => {
    const index = await emu.request('GET', '/?as=demo-resident-1')
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.text).toContain('红邻')
    const js = await emu.request('GET', '/js/app.js')
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await emu.request('GET', '/js/missing.js')).status).toBe(404)
    expect((await emu.request('GET', '/../../etc/passwd')).status).not.toBe(200)
  })
})

test('with timers on, moving the clock past the hour runs an hourly trigger once', async () => {
  const timed = await startTestEmulator({ functionsDir, timers: true, log: () => undefined })
  try {
    const hour = 3600 * 1000
    // emulator time: half a second past the next full hour
    await timed.setClock(Math.ceil(Date.now() / hour) * hour + 500 - Date.now())
    let runs = 0
    for (let i = 0; i < 40 && runs === 0; i++) {
      await new Promise((r) => setTimeout(r, 100))
      const stats = await timed.stats()
      runs =
        stats.functions.find((f: { action: string }) => f.action === 'timer:hourly')?.invocations ??
        0
    }
    expect(runs).toBe(1)
  } finally {
    await timed.stop()
  }
})

test('without an H5 build, / says how to build it', async () => {
  const bare = await startTestEmulator({ functionsDir, staticDir: path.join(staticDir, 'nope') })
  try {
    const res = await bare.request('GET', '/')
    expect(res.status).toBe(200)
    expect(res.text).toContain('npm run build:h5')
  } finally {
    await bare.stop()
  }
})
