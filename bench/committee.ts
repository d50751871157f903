// The `committee` function in the bench (see section.ts): the work queue and the dashboard on
// every dataset; a journey through its reads; and figures of its own on a community of 100,000
// residents with a year of activity (≥ 50,000 items per domain, see committee-data.ts):
//   - the committee timer: its first run (every month the dashboard may show) and a regular run
//     (the current and previous month), wall time as the trigger answers;
//   - `dashboard` p50/p95 and round trips at 1/4/16 clients at once (committee, grid worker);
//   - `moderationQueue` p50/p95 and round trips (grid worker, committee, admin);
//   - `export` of about 50,000 rows: time, round trips, the file's size.
// --quick: 10,000 residents and 5,000 items per domain.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXPORT_MAX_ROWS } from '../src/contract/committee'
import { committeeData } from './committee-data'
import { writeDataDir } from './dataset'
import { callApi, concurrently, kb, ms, summary, table, type ApiAnswer } from './lib'
import { spawnEmulator, type EmulatorProcess } from './process'
import type { BenchSection, Call } from './section'

const GW = 'demo-gridworker-1'
const CM = 'demo-committee-1'
const ADMIN = 'demo-admin'
const CLIENTS = [1, 4, 16]

const send = (emu: EmulatorProcess, c: Call) =>
  callApi(emu.url, 'committee', c.who, c.action, c.input)

/** Fires the committee timer once: its wall time and what it reports it did. */
async function fireTimer(emu: EmulatorProcess): Promise<{ ms: number; result: string }> {
  const started = process.hrtime.bigint()
  const res = await fetch(`${emu.url}/api/_timer/committee`, { method: 'POST' })
  const took = Number(process.hrtime.bigint() - started) / 1e6
  const body = (await res.json()) as {
    ok: boolean
    data?: { triggers: { result: { ok: boolean; data?: unknown; error?: { code: string } } }[] }
  }
  const r = body.data?.triggers[0]?.result
  const result = r?.ok ? JSON.stringify(r.data) : `FAILED ${JSON.stringify(r?.error ?? body)}`
  return { ms: took, result }
}

/** p50/p95, round trips and failures of one read at several concurrencies. */
async function sweep(emu: EmulatorProcess, label: string, c: Call, calls: number) {
  const rows: (string | number)[][] = []
  for (const clients of CLIENTS) {
    await concurrently(clients, clients * 2, () => send(emu, c)) // warm instances, not measured
    let trips = 0
    let unindexed = 0
    let failed = ''
    const r = await concurrently(clients, Math.max(calls, clients * 10), async () => {
      const a: ApiAnswer = await send(emu, c)
      trips = Math.max(trips, a.roundTrips)
      unindexed = Math.max(unindexed, a.unindexed)
      if (!a.body.ok) failed = a.body.error!.code
      return a
    })
    const s = summary(r.samples)
    rows.push([
      label,
      clients,
      s.n,
      (s.n / r.seconds).toFixed(0),
      ms(s.p50),
      ms(s.p95),
      trips,
      unindexed ? `UNINDEXED×${unindexed}` : '',
      failed ? `${r.failed} failed (${failed})` : '',
    ])
  }
  return rows
}

async function committeeFigures(quick: boolean): Promise<{ title: string; body: string }> {
  const residents = quick ? 10_000 : 100_000
  const perDomain = quick ? 5_000 : 50_000
  const calls = quick ? 30 : 80
  const t0 = Date.now()
  const { data, meta } = committeeData(residents, perDomain, EXPORT_MAX_ROWS)
  const generateMs = Date.now() - t0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-committee-'))
  const t1 = Date.now()
  writeDataDir(dir, data)
  const writeMs = Date.now() - t1
  const emu = await spawnEmulator(dir)
  try {
    const out: string[] = []
    out.push(
      `community c1: ${meta.residents} residents; the last year's items: ${Object.entries(
        meta.items
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      `documents: ${Object.values(meta.counts).reduce((a, b) => a + b, 0)} (generate ${ms(generateMs)}, write ${ms(writeMs)}, emulator start-up ${ms(emu.startMs)}, RSS ${(emu.rss() / 1024 / 1024).toFixed(0)} MB)`
    )

    const first = await fireTimer(emu)
    const regular = await fireTimer(emu)
    out.push(
      '',
      'committee timer (wall time of POST /api/_timer/committee):',
      table([
        ['run', 'time', 'reports'],
        ['first (every month within 24)', ms(first.ms), first.result],
        ['regular (current and previous month)', ms(regular.ms), regular.result],
      ])
    )

    const head = ['read', 'clients', 'calls', 'calls/s', 'p50', 'p95', 'round trips', '', '']
    const rows: (string | number)[][] = [
      head,
      ...(await sweep(
        emu,
        'dashboard (committee, 12 months)',
        { who: CM, action: 'dashboard', input: {} },
        calls
      )),
      ...(await sweep(
        emu,
        'dashboard (grid worker, 24 months)',
        { who: GW, action: 'dashboard', input: { from: monthsBack(23) } },
        calls
      )),
      ...(await sweep(
        emu,
        'moderationQueue (grid worker)',
        { who: GW, action: 'moderationQueue', input: {} },
        calls
      )),
      ...(await sweep(
        emu,
        'moderationQueue (committee)',
        { who: CM, action: 'moderationQueue', input: {} },
        calls
      )),
      ...(await sweep(
        emu,
        'moderationQueue (admin)',
        { who: ADMIN, action: 'moderationQueue', input: {} },
        calls
      )),
    ]
    out.push('', 'reads at 1/4/16 clients at once:', table(rows))

    const dash = await send(emu, { who: CM, action: 'dashboard', input: {} })
    const total = (
      dash.body.data as { total: { figures: Record<string, number | null> } } | undefined
    )?.total.figures
    if (total) {
      const shown = [
        'wishesPosted',
        'wishesLit',
        'errandsClosed',
        'mattersResolved',
        'volunteerHours',
        'votesCast',
        'acceptMedianMinutes',
        'satisfaction',
      ]
      out.push(`(the committee's 12 months: ${shown.map((f) => `${f} ${total[f]}`).join(', ')})`)
    }
    const queue = await send(emu, { who: CM, action: 'moderationQueue', input: {} })
    const q = queue.body.data as { total: number; sections: { kind: string; count: number }[] }
    if (q)
      out.push(
        `(the committee's queue: ${q.sections.map((s) => `${s.kind} ${s.count}`).join(', ')})`
      )

    const { from, to, rows: expected } = meta.exportRange
    const started = process.hrtime.bigint()
    const exp = await callApi(
      emu.url,
      'committee',
      CM,
      'export',
      { kind: 'wishes', from, to },
      'bench-export'
    )
    const took = Number(process.hrtime.bigint() - started) / 1e6
    let exportLine: string
    if (exp.body.ok) {
      const d = exp.body.data as { url: string; rows: number }
      const file = Buffer.from(await (await fetch(d.url)).arrayBuffer())
      exportLine = `export wishes ${from}…${to}: ${d.rows} rows (expected ${expected}) in ${ms(took)}, ${exp.roundTrips} round trips, file ${kb(file.length)}`
    } else {
      exportLine = `export wishes ${from}…${to} (${expected} rows): FAILED ${exp.body.error!.code} ${exp.body.error!.message} after ${ms(took)}`
    }
    out.push('', exportLine)
    return {
      title: `committee console at ${residents / 1000}k residents, a year of activity`,
      body: out.join('\n'),
    }
  } finally {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** 'YYYY-MM' of `n` months before this one (Asia/Shanghai). */
function monthsBack(n: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const i = d.getUTCFullYear() * 12 + d.getUTCMonth() - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export const committeeBench: BenchSection = {
  fn: 'committee',
  scaled: [
    ['committee.moderationQueue (grid worker)', { who: GW, action: 'moderationQueue', input: {} }],
    ['committee.moderationQueue (committee)', { who: CM, action: 'moderationQueue', input: {} }],
    ['committee.dashboard (committee)', { who: CM, action: 'dashboard', input: {} }],
    ['committee.dashboard (grid worker)', { who: GW, action: 'dashboard', input: {} }],
  ],
  journey: [
    { who: GW, action: 'moderationQueue', input: {} },
    { who: CM, action: 'moderationQueue', input: {} },
    { who: ADMIN, action: 'moderationQueue', input: {} },
    { who: CM, action: 'dashboard', input: {} },
    { who: GW, action: 'dashboard', input: { from: monthsBack(23) } },
    { who: ADMIN, action: 'dashboard', input: { communityId: 'c1' } },
  ],
  // Staff at their desks: the to-do list on every visit, the dashboard now and then.
  mix: (_resident, n) =>
    n % 3 === 2
      ? { who: CM, action: 'dashboard', input: {} }
      : { who: n % 2 ? GW : CM, action: 'moderationQueue', input: {} },
  extra: committeeFigures,
}
