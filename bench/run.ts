// npm run bench [-- --quick] [-- --sizes=1000,10000] [-- --only=deliberation]: figures, no assertions.
//   - package sizes (weapp main package and subpackages, cloud function bundles, cold require)
//   - round trips per action, each state change with a requestId as the app sends it (and the
//     replay of that requestId), against the budget: reads ≤ 2, state changes ≤ 4
//   - H5 first load: bytes on the wire uncompressed, gzip, brotli
//   - per dataset size (1k/10k/100k wishes, see dataset.ts): emulator start-up and memory, and
//     the reads that grow with the data (p50/p95 latency, round trips)
//   - a concurrency sweep (1/4/16/64 clients) on the 10k dataset: throughput, p50/p95/max
// The emulator runs in its own process, as `npm start` runs it; calls go over HTTP.
// --quick (or BENCH_QUICK=1): 1k and 10k only, fewer samples; a few minutes in all.
// --only=matter,errand: those domains' sections only (their journeys, figures and reads).
import { execSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generate, writeDataDir, type Dataset } from './dataset'
import { reportColdRequire } from './functions'
import { reportH5 } from './h5'
import { callApi, concurrently, ms, summary, table, type ApiAnswer } from './lib'
import { spawnEmulator, type EmulatorProcess } from './process'
import type { Call } from './section'
import { sections as allSections } from './sections'
import { reportSizes } from './sizes'

const root = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const quick = args.includes('--quick') || !!process.env.BENCH_QUICK
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length)
const SIZES = sizesArg
  ? sizesArg.split(',').map(Number)
  : quick
    ? [1000, 10_000]
    : [1000, 10_000, 100_000]
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const sections = onlyArg
  ? allSections.filter((s) => onlyArg.split(',').includes(s.fn))
  : allSections
const SAMPLES = quick ? 15 : 40
const SWEEP_SIZE = SIZES.includes(10_000) ? 10_000 : SIZES[0]
const CLIENTS = [1, 4, 16, 64]
const sweepCalls = (clients: number) =>
  quick ? Math.max(100, clients * 5) : Math.max(400, clients * 15)

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))

function section(title: string, body: string) {
  console.log(`\n== ${title}\n${body}`)
}

function send(url: string, fn: string, c: Call, requestId?: string): Promise<ApiAnswer> {
  return callApi(
    url,
    fn,
    c.who,
    c.action,
    c.input,
    c.change ? (requestId ?? randomUUID()) : undefined
  )
}

async function journeys(): Promise<string> {
  const rows: (string | number)[][] = [
    ['action', 'as', 'result', 'round trips', 'replayed', 'budget', ''],
  ]
  let h5 = ''
  for (const s of sections) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-journey-'))
    const emu = await spawnEmulator(dir) // empty folder: the demo data
    try {
      if (!h5) h5 = await reportH5(emu.url)
      const ids: Record<string, string> = {}
      for (const step of s.journey) {
        if (step.advanceMs) {
          await fetch(`${emu.url}/api/_clock`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ advanceMs: step.advanceMs }),
          })
        }
        const call = { ...step, input: step.inputFrom ? step.inputFrom(ids) : step.input }
        const requestId = randomUUID()
        const r = await send(emu.url, s.fn, call, requestId)
        if (r.body.ok) step.keep?.(r.body.data, ids)
        const replay = step.change ? await send(emu.url, s.fn, call, requestId) : undefined
        const budget = step.change ? 4 : 2
        rows.push([
          `${s.fn}.${step.action}`,
          step.who.replace(/^demo-/, ''),
          r.body.ok ? 'ok' : r.body.error!.code,
          r.roundTrips,
          replay ? replay.roundTrips : '',
          `≤ ${budget}`,
          r.roundTrips > budget ? 'OVER' : '',
        ])
      }
    } finally {
      await emu.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return `${table(rows)}\n\nH5 first load (home page), bytes on the wire:\n${h5}`
}

interface SizeResult {
  size: number
  meta: Dataset
  generateMs: number
  writeMs: number
  startMs: number
  rssStart: number
  rssAfter: number
  reads: Map<string, Read>
}

/** A read's latency, its round trips, whether it failed, and queries no index served. */
interface Read {
  p50: number
  p95: number
  roundTrips: number
  failed: string
  unindexed: number
}

async function measureSize(size: number, sweep: boolean): Promise<SizeResult> {
  const t0 = Date.now()
  const { data, meta } = generate(size)
  const generateMs = Date.now() - t0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `honglin-bench-${label(size)}-`))
  const t1 = Date.now()
  writeDataDir(dir, data)
  const writeMs = Date.now() - t1
  const emu = await spawnEmulator(dir)
  try {
    const rssStart = emu.rss()
    const reads = new Map<string, Read>()
    for (const s of sections) {
      for (const [name, call] of s.scaled) {
        await send(emu.url, s.fn, call) // the instance's cold start is not the read's cost
        const samples: number[] = []
        let last: ApiAnswer | undefined
        let unindexed = 0
        for (let i = 0; i < SAMPLES; i++) {
          last = await send(emu.url, s.fn, call)
          samples.push(last.ms)
          unindexed = Math.max(unindexed, last.unindexed)
        }
        const sum = summary(samples)
        reads.set(name, {
          p50: sum.p50,
          p95: sum.p95,
          roundTrips: last!.roundTrips,
          failed: last!.body.ok ? '' : last!.body.error!.code,
          unindexed,
        })
      }
    }
    if (sweep)
      section(`concurrency sweep (${label(size)} wishes)`, await concurrencySweep(emu, meta))
    return {
      size,
      meta,
      generateMs,
      writeMs,
      startMs: emu.startMs,
      rssStart,
      rssAfter: emu.rss(),
      reads,
    }
  } finally {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function concurrencySweep(emu: EmulatorProcess, meta: Dataset): Promise<string> {
  const clientsOf = meta.c1Residents
  const next = (client: number, n: number) => {
    const s = sections[n % sections.length]
    const who = clientsOf[(client * 7919 + n) % clientsOf.length]
    return send(emu.url, s.fn, s.mix(who, Math.floor(n / sections.length), meta))
  }
  const rows: (string | number)[][] = [
    ['clients', 'calls', 'calls/s', 'p50', 'p95', 'max', 'failed'],
  ]
  for (const clients of CLIENTS) {
    await concurrently(clients, clients * 2, next) // the instance pool grows; not measured
    const r = await concurrently(clients, sweepCalls(clients), next)
    const s = summary(r.samples)
    rows.push([
      clients,
      s.n,
      (s.n / r.seconds).toFixed(0),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      r.failed,
    ])
  }
  const mixNames = sections.map(
    (s) => `${s.fn}: ${[0, 1, 2, 3].map((n) => s.mix('x', n, meta).action).join('/')}`
  )
  return `${table(rows)}\n(mix, alternating: ${mixNames.join('; ')}; state changes with a requestId)`
}

async function main() {
  const started = Date.now()
  console.log(
    `honglin bench${quick ? ' (quick)' : ''}: ${os.cpus().length} cores, node ${process.version}`
  )
  if (!args.includes('--no-build'))
    execSync('npm run build:functions', { cwd: root, stdio: 'ignore' })
  section(
    'weapp packages',
    fs.existsSync(path.join(root, 'dist/weapp/app.json'))
      ? reportSizes()
      : '(not built: npm run build:weapp)'
  )
  section(
    'cloud function bundles: cold require (fresh node process, 7 runs)',
    await reportColdRequire()
  )
  section('round trips per action, as the app sends them (demo data)', await journeys())
  for (const s of sections) {
    if (!s.extra) continue
    const { title, body } = await s.extra(quick)
    section(title, body)
  }

  const results: SizeResult[] = []
  for (const size of SIZES) results.push(await measureSize(size, size === SWEEP_SIZE))

  const head = ['', ...results.map((r) => `${label(r.size)} wishes`)]
  section(
    'datasets and emulator start-up (own process)',
    table([
      head,
      ['residents', ...results.map((r) => r.meta.residents)],
      [
        'generate + write data folder',
        ...results.map((r) => `${ms(r.generateMs)} + ${ms(r.writeMs)}`),
      ],
      ['start-up until /api/_health', ...results.map((r) => ms(r.startMs))],
      ['server RSS after start', ...results.map((r) => mb(r.rssStart))],
      ['server RSS after the reads', ...results.map((r) => mb(r.rssAfter))],
    ])
  )
  const names = [...results[0].reads.keys()]
  section(
    'reads that grow with the data: p50 / p95 (round trips)',
    table([
      [
        'read',
        ...results.map((r) => `${label(r.size)}`),
        `${label(results[results.length - 1].size)} / ${label(results[0].size)} p50`,
      ],
      ...names.map((n) => {
        const cells = results.map((r) => {
          const x = r.reads.get(n)!
          const flag = x.unindexed ? ` UNINDEXED×${x.unindexed}` : ''
          return x.failed || `${ms(x.p50)} / ${ms(x.p95)} (${x.roundTrips})${flag}`
        })
        const first = results[0].reads.get(n)!.p50
        const last = results[results.length - 1].reads.get(n)!.p50
        return [n, ...cells, `${(last / first).toFixed(1)}×`]
      }),
    ])
  )
  console.log(`\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
