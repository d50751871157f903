// The `matter` function in the bench (see section.ts): the board (grid, community), the staff
// queues and a resident's own matters on as many matters as wishes, all in one community (50,000
// at --sizes=50000), each page with its covers' temporary URLs; a journey through every action;
// and figures of its own: upload throughput of 1 MB photos to POST /api/_upload (a concurrency
// sweep), the cost of a report with 3 photos and of reading it back, the timer's cost per 1,000
// due matters on each path, and the index check of every query the matter function made.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  MATTER_ESCALATE_HOURS,
  MATTER_OVERDUE_HOURS,
  MATTER_PURGE_DAYS,
  MATTER_REOPEN_DAYS,
} from '../src/contract/matter'
import { generate, writeDataDir } from './dataset'
import { callApi, ms, summary, table } from './lib'
import { matterDoc } from './matter-data'
import { spawnEmulator, type EmulatorProcess } from './process'
import type { BenchSection, JourneyStep } from './section'

const R1 = 'demo-resident-1'
const R2 = 'demo-resident-2'
const GW = 'demo-gridworker-1'
const CM = 'demo-committee-1'
const MB = 1024 * 1024
const HOUR = 3_600_000
const DAY = 24 * HOUR

const list = (who: string, scope: string, status?: string) => ({
  who,
  action: 'list',
  input: status ? { scope, status } : { scope },
})

const report = (content: string) => ({
  category: 'facility',
  content,
  place: '3号楼门口',
})

// a state change on the matter the journey reported last
const onMatter = (
  who: string,
  action: string,
  extra: Record<string, unknown> = {}
): JourneyStep => ({
  who,
  action,
  inputFrom: (ids) => ({ id: ids.matter, ...extra }),
  change: true,
})

const keepMatter = (data: unknown, ids: Record<string, string>) =>
  (ids.matter = (data as { id: string }).id)

const reportStep = (content: string): JourneyStep => ({
  who: R2,
  action: 'report',
  input: report(content),
  change: true,
  keep: keepMatter,
})

/** A 1 MB image as the emulator judges images (by their bytes): JPEG magic, then filler. */
const jpeg = (bytes: number, seed: number) => {
  const b = Buffer.alloc(bytes, seed % 251)
  b.set([0xff, 0xd8, 0xff, 0xe0], 0)
  return b
}

async function upload(url: string, who: string, bytes: Buffer, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name)
  const started = process.hrtime.bigint()
  const res = await fetch(`${url}/api/_upload`, {
    method: 'POST',
    headers: { 'X-Openid': who },
    body: form,
  })
  const body = (await res.json()) as { ok: boolean; data?: { fileID: string } }
  return {
    ok: body.ok,
    fileID: body.data?.fileID,
    ms: Number(process.hrtime.bigint() - started) / 1e6,
  }
}

/** POST /api/matter with every cost header the emulator answers. */
async function costOf(url: string, who: string, action: string, input: unknown, change = false) {
  const started = process.hrtime.bigint()
  const res = await fetch(`${url}/api/matter`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': who },
    body: JSON.stringify({ action, input, ...(change ? { requestId: randomUUID() } : {}) }),
  })
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } }
  const h = (k: string) => Number(res.headers.get(k) ?? NaN)
  return {
    body,
    row: (label: string) => [
      label,
      body.ok ? 'ok' : body.error!.code,
      h('x-db-roundtrips'),
      h('x-storage-calls'),
      h('x-openapi-calls'),
      h('x-db-unindexed'),
      ms(Number(process.hrtime.bigint() - started) / 1e6),
    ],
  }
}

async function uploadSweep(emu: EmulatorProcess, quick: boolean): Promise<string> {
  const rows: (string | number)[][] = [
    ['clients', 'uploads', 'uploads/s (= MB/s)', 'p50', 'p95', 'max', 'failed'],
  ]
  const residents = ['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4']
  let seq = 0
  for (const clients of [1, 4, 16]) {
    const total = quick ? Math.max(12, clients * 3) : Math.max(40, clients * 8)
    const samples: number[] = []
    let failed = 0
    let issued = 0
    const started = process.hrtime.bigint()
    await Promise.all(
      Array.from({ length: clients }, async (_x, c) => {
        while (issued < total) {
          issued++
          const n = seq++
          const r = await upload(emu.url, residents[c % residents.length], jpeg(MB, n), `p${n}.jpg`)
          samples.push(r.ms)
          if (!r.ok) failed++
        }
      })
    )
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const s = summary(samples)
    rows.push([clients, s.n, (s.n / seconds).toFixed(1), ms(s.p50), ms(s.p95), ms(s.max), failed])
  }
  return table(rows)
}

/** A report with 3 photos, and reading it back: what each call costs. */
async function photoCosts(emu: EmulatorProcess): Promise<string> {
  const photos: string[] = []
  for (let n = 0; n < 3; n++) {
    const r = await upload(emu.url, R2, jpeg(300 * 1024, 1000 + n), `lamp-${n}.jpg`)
    photos.push(r.fileID!)
  }
  const rows: (string | number)[][] = [
    ['call', 'result', 'db trips', 'storage calls', 'openapi calls', 'unindexed', 'time'],
  ]
  const rep = await costOf(
    emu.url,
    R2,
    'report',
    { ...report('路灯坏了，附三张照片'), photos },
    true
  )
  rows.push(rep.row('report, 3 photos of 300 KB (R2)'))
  const id = (rep.body.data as { id: string }).id
  rows.push((await costOf(emu.url, R1, 'get', { id })).row('get, 3 photos (neighbour)'))
  rows.push((await costOf(emu.url, R1, 'list', { scope: 'grid' })).row('list grid, covers (R1)'))
  rows.push((await costOf(emu.url, GW, 'list', { scope: 'queue' })).row('list queue (grid worker)'))
  return table(rows)
}

/** Every matter action the emulator ran, with its worst round trips and unindexed queries. */
async function indexCheck(emu: EmulatorProcess): Promise<string> {
  const stats = (await (await fetch(`${emu.url}/api/_stats`)).json()) as {
    data: {
      functions: {
        fn: string
        action: string
        invocations: number
        roundTrips: { max: number }
        unindexed: unknown[]
      }[]
    }
  }
  const rows: (string | number)[][] = [['action', 'calls', 'max round trips', 'unindexed queries']]
  for (const f of stats.data.functions.filter((x) => x.fn === 'matter')) {
    rows.push([f.action, f.invocations, f.roundTrips.max, f.unindexed.length])
  }
  return table(rows)
}

const TIMER_PATHS = ['escalate', 'overdue', 'autoClose', 'purge'] as const

/** Round trips and time of one timer run with `n` matters due on one path. */
async function timerCost(quick: boolean): Promise<string> {
  const n = quick ? 300 : 1000
  const rows: (string | number)[][] = [['path', 'due', 'moved', 'round trips', 'per 1,000', 'time']]
  for (const p of TIMER_PATHS) {
    const now = Date.now()
    const { data } = generate(1000, now)
    const c1 = (data.users as Record<string, unknown>[]).filter(
      (u) => u.communityId === 'c1' && u.bindStatus === 'verified'
    )
    const ago = (h: number) => now - h * HOUR
    const due = Array.from({ length: n }, (_x, i) => {
      const reporter = c1[i % c1.length]
      const id = `due-${p}-${String(i).padStart(5, '0')}`
      const none = { acceptedAt: null, resolvedAt: null, endedAt: null }
      const shape =
        p === 'escalate'
          ? {
              status: 'reported',
              level: 'grid',
              overdue: false,
              createdAt: ago(MATTER_ESCALATE_HOURS + 1),
              ...none,
            }
          : p === 'overdue'
            ? {
                status: 'handling',
                level: 'grid',
                overdue: false,
                createdAt: ago(MATTER_OVERDUE_HOURS + 3),
                acceptedAt: ago(MATTER_OVERDUE_HOURS + 1),
                resolvedAt: null,
                endedAt: null,
              }
            : p === 'autoClose'
              ? {
                  status: 'resolved',
                  level: 'grid',
                  overdue: false,
                  createdAt: ago(MATTER_REOPEN_DAYS * 24 + 30),
                  acceptedAt: ago(MATTER_REOPEN_DAYS * 24 + 20),
                  resolvedAt: ago(MATTER_REOPEN_DAYS * 24 + 1),
                  endedAt: null,
                }
              : {
                  status: 'withdrawn',
                  level: 'grid',
                  overdue: false,
                  createdAt: ago((MATTER_PURGE_DAYS + 2) * 24),
                  acceptedAt: null,
                  resolvedAt: null,
                  endedAt: ago((MATTER_PURGE_DAYS + 1) * 24),
                }
      // purged by the generator when over 90 days: the purge path needs them not yet purged
      const doc = matterDoc(id, reporter, shape as never, id, 0, [], 'facility', now)
      return p === 'purge'
        ? { ...doc, purged: false, reporterRoom: '101', reporterPhone: '13900000000' }
        : doc
    })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-mtimer-'))
    writeDataDir(dir, { ...data, matters: [...(data.matters ?? []), ...(due as never[])] })
    const emu = await spawnEmulator(dir)
    try {
      const started = Date.now()
      const res = await fetch(`${emu.url}/api/_timer/matter`, { method: 'POST' })
      const took = Date.now() - started
      const body = (await res.json()) as {
        data: { triggers: { result: { data: Record<string, number> } }[] }
      }
      const moved = body.data.triggers[0]?.result?.data ?? {}
      const stats = (await (await fetch(`${emu.url}/api/_stats`)).json()) as {
        data: { functions: { fn: string; action: string; roundTrips: { max: number } }[] }
      }
      const trips =
        stats.data.functions.find((f) => f.fn === 'matter' && f.action.startsWith('timer'))
          ?.roundTrips.max ?? NaN
      rows.push([p, n, JSON.stringify(moved), trips, Math.round((trips * 1000) / n), ms(took)])
    } finally {
      await emu.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return table(rows)
}

async function extra(quick: boolean): Promise<{ title: string; body: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-matter-'))
  const emu = await spawnEmulator(dir) // the demo data
  const parts: string[] = []
  try {
    parts.push(`1 MB photos to POST /api/_upload (demo data):\n${await uploadSweep(emu, quick)}`)
    parts.push(`a report with photos and reading it back:\n${await photoCosts(emu)}`)
  } finally {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  parts.push(`the timer, one run with matters due on one path:\n${await timerCost(quick)}`)
  // Every action on a generated dataset (1,000 matters), the timer included: which queries no
  // index served.
  const { data } = generate(1000)
  const gen = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-matter-idx-'))
  writeDataDir(gen, data)
  const big = await spawnEmulator(gen)
  try {
    const ids: Record<string, string> = {}
    for (const step of matterBench.journey) {
      if (step.advanceMs) {
        await fetch(`${big.url}/api/_clock`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ advanceMs: step.advanceMs }),
        })
      }
      const input = step.inputFrom ? step.inputFrom(ids) : step.input
      const r = await callApi(
        big.url,
        'matter',
        step.who,
        step.action,
        input,
        step.change ? randomUUID() : undefined
      )
      if (r.body.ok) step.keep?.(r.body.data, ids)
    }
    for (const [, c] of matterBench.scaled)
      await callApi(big.url, 'matter', c.who, c.action, c.input)
    for (const status of ['reported', 'handling', 'resolved', 'closed', 'withdrawn']) {
      for (const [who, scope] of [
        [R1, 'mine'],
        [R1, 'grid'],
        [R1, 'community'],
        [GW, 'queue'],
        [CM, 'queue'],
      ]) {
        await callApi(big.url, 'matter', who, 'list', { scope, status })
      }
    }
    await fetch(`${big.url}/api/_clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 100 * DAY }),
    })
    await fetch(`${big.url}/api/_timer/matter`, { method: 'POST' })
    await callApi(big.url, 'user', R1, 'counts', {})
    parts.push(
      `index check: every matter query on 1,000 matters (all scopes × statuses, the timer):\n${await indexCheck(big)}`
    )
  } finally {
    await big.stop()
    fs.rmSync(gen, { recursive: true, force: true })
  }
  return {
    title: 'matter: photos in cloud storage, the timer, the index check',
    body: parts.join('\n\n'),
  }
}

export const matterBench: BenchSection = {
  fn: 'matter',
  scaled: [
    ['matter.list grid board (resident)', list(R1, 'grid')],
    ['matter.list community board (resident)', list(R1, 'community')],
    ['matter.list community board, closed (resident)', list(R1, 'community', 'closed')],
    ['matter.list mine (resident)', list(R1, 'mine')],
    ['matter.list queue (grid worker)', list(GW, 'queue')],
    ['matter.list queue, handling (grid worker)', list(GW, 'queue', 'handling')],
    ['matter.list queue (committee)', list(CM, 'queue')],
    ['matter.list community board (committee)', list(CM, 'community')],
  ],
  journey: [
    reportStep('3号楼门口的路灯坏了，晚上很黑'),
    { who: R2, action: 'get', inputFrom: (ids) => ({ id: ids.matter }) },
    list(R2, 'mine'),
    list(R1, 'grid'),
    onMatter(R1, 'second'),
    list(GW, 'queue'),
    onMatter(GW, 'accept'),
    onMatter(GW, 'reply', { text: '已联系物业，明天上午来修' }),
    onMatter(GW, 'resolve', { text: '已更换灯泡' }),
    onMatter(R2, 'reopen', { reason: '灯又不亮了' }),
    onMatter(GW, 'accept'),
    onMatter(GW, 'resolve', { text: '已更换整套灯具' }),
    onMatter(R2, 'rate', { rating: 5, comment: '谢谢' }),
    reportStep('小区南门停车太乱，消防通道被占'),
    onMatter(GW, 'escalate', { reason: '涉及物业和交警，需要社区协调' }),
    list(CM, 'queue'),
    onMatter(CM, 'accept'),
    onMatter(CM, 'reply', { text: '已约物业和交警周三现场协调' }),
    {
      ...onMatter(CM, 'toDeliberation'),
      inputFrom: (ids) => ({
        id: ids.matter,
        title: '南门停车治理',
        background: '南门停车太乱，消防通道被占，是否划线收费，请大家议一议。',
        scope: { type: 'community', id: 'c1' },
        options: ['划线收费', '只划线不收费'],
        discussionEndsAt: new Date(Date.now() + 86_400_000).toISOString(),
        votingEndsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        unit: 'household',
        quorum: 30,
      }),
    },
    onMatter(CM, 'resolve', { text: '已划定停车位并清理消防通道' }),
    reportStep('楼道里堆了很多杂物'),
    onMatter(R2, 'withdraw'),
    list(R1, 'community'),
  ],
  // residents read the board and their own matters; staff their queue
  mix: (who, n) =>
    [list(who, 'grid'), list(who, 'mine'), list(GW, 'queue'), list(who, 'community')][n % 4],
  extra,
}
