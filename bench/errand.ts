// The `errand` function in the bench (see section.ts): the pool, assigned, mine and managed lists
// on 50,000 errands in one community (at 100k wishes), a journey through every action, and the
// timer's cost per 1,000 due errands on each of its paths.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { table, ms } from './lib'
import { spawnEmulator } from './process'
import { generate, writeDataDir } from './dataset'
import { dueErrands, TIMER_PATHS } from './errand-data'
import type { BenchSection, JourneyStep } from './section'

const list = (who: string, scope: string, status?: string) => ({
  who,
  action: 'list',
  input: status ? { scope, status } : { scope },
})

const DAY = 86_400_000
const dayAhead = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10)

const booking = (detail: string) => ({
  type: 'medicine',
  detail,
  date: dayAhead(2),
  slot: 'afternoon',
  phone: '13900001111',
})

// a state change on the errand the journey booked last
const onErrand = (
  who: string,
  action: string,
  extra: Record<string, unknown> = {}
): JourneyStep => ({
  who,
  action,
  inputFrom: (ids) => ({ id: ids.errand, ...extra }),
  change: true,
})

const keepErrand = (data: unknown, ids: Record<string, string>) =>
  (ids.errand = (data as { id: string }).id)

/** Round trips and time of one timer run with 1,000 errands due on one path. */
async function timerCost(quick: boolean): Promise<{ title: string; body: string }> {
  const n = quick ? 300 : 1000
  const rows: (string | number)[][] = [['path', 'due', 'moved', 'round trips', 'per 1,000', 'time']]
  for (const p of TIMER_PATHS) {
    const now = Date.now()
    const { data } = generate(1000, now)
    const users = data.users as Record<string, unknown>[]
    const c1 = users.filter((u) => u.communityId === 'c1' && u.bindStatus === 'verified')
    const agents = c1.filter((u) => (u.roles as string[]).includes('redAgent'))
    // The dataset's own errands stay (the timer's queries must pick the due ones out of them).
    const due = dueErrands(p, n, c1, agents, now) as unknown as Record<string, unknown>[]
    const busy = new Set(due.map((e) => e.bookerOpenid))
    const errands = (data.errands as Record<string, unknown>[]).filter(
      (e) => !busy.has(e.bookerOpenid) || !['requested', 'accepted'].includes(String(e.status))
    )
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-timer-'))
    writeDataDir(dir, { ...data, errands: [...errands, ...due] })
    const emu = await spawnEmulator(dir)
    try {
      const started = Date.now()
      const res = await fetch(`${emu.url}/api/_timer/errand`, { method: 'POST' })
      const took = Date.now() - started
      const body = (await res.json()) as {
        data: { triggers: { result: { data: Record<string, number> } }[] }
      }
      const moved = body.data.triggers[0].result.data
      const stats = (await (await fetch(`${emu.url}/api/_stats`)).json()) as {
        data: { functions: { fn: string; action: string; roundTrips: { max: number } }[] }
      }
      const trips = stats.data.functions.find((f) => f.action === 'timer:errand')!.roundTrips.max
      const key = {
        escalate: 'escalated',
        expire: 'expired',
        overdue: 'overdue',
        autoClose: 'closed',
        purge: 'purged',
      }[p]
      rows.push([p, n, moved[key], trips, Math.round((trips * 1000) / n), ms(took)])
    } finally {
      await emu.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return {
    title: `errand timer: one run with ${n} errands due on one path (among a 500-errand history)`,
    body: table(rows),
  }
}

export const errandBench: BenchSection = {
  fn: 'errand',
  scaled: [
    ['errand.list pool (red agent)', list('demo-volunteer-1', 'pool')],
    ['errand.list assigned (red agent)', list('demo-volunteer-1', 'assigned')],
    ['errand.list mine (resident)', list('demo-resident-1', 'mine')],
    ['errand.list managed (grid worker)', list('demo-gridworker-1', 'managed')],
    [
      'errand.list managed, requested (grid worker)',
      list('demo-gridworker-1', 'managed', 'requested'),
    ],
    ['errand.list managed (committee)', list('demo-committee-1', 'managed')],
    ['errand.list managed, closed (committee)', list('demo-committee-1', 'managed', 'closed')],
  ],
  journey: [
    { who: 'demo-resident-2', action: 'types', input: {} },
    {
      who: 'demo-resident-2',
      action: 'book',
      input: booking('帮忙买一盒降压药，处方在门口信箱'),
      change: true,
      keep: keepErrand,
    },
    { who: 'demo-resident-2', action: 'get', inputFrom: (ids) => ({ id: ids.errand }) },
    list('demo-resident-2', 'mine'),
    list('demo-volunteer-1', 'pool'),
    onErrand('demo-volunteer-1', 'accept'),
    onErrand('demo-volunteer-1', 'release', { reason: '临时有事' }),
    onErrand('demo-volunteer-1', 'accept'),
    list('demo-volunteer-1', 'assigned'),
    onErrand('demo-volunteer-1', 'complete', { note: '药已送到' }),
    onErrand('demo-resident-2', 'confirm', { rating: 5, comment: '谢谢' }),
    {
      who: 'demo-resident-2',
      action: 'book',
      input: booking('帮忙取个快递'),
      change: true,
      keep: keepErrand,
    },
    onErrand('demo-resident-2', 'cancel', { reason: '家人帮忙取了' }),
    { who: 'demo-resident-1', action: 'help', input: { note: '家里停电了' }, change: true },
    {
      who: 'demo-gridworker-1',
      action: 'bookFor',
      input: { residentOpenid: 'demo-resident-3', ...booking('陪同去医院复查') },
      change: true,
    },
    list('demo-gridworker-1', 'managed'),
  ],
  // residents look at their own errands and book; agents look at the pool
  mix: (who, n) =>
    [
      list(who, 'mine'),
      { who, action: 'types', input: {} },
      list('demo-volunteer-1', 'pool'),
      list(who, 'mine', 'closed'),
    ][n % 4],
  extra: timerCost,
}
