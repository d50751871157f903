// The `deliberation` function in the bench (see section.ts): the topic lists on the dataset's
// topics, a journey through every action, and figures of its own on one emulator: `vote`
// throughput and latency with 1/4/16/64 voters at once on one topic (each a different resident),
// 64 racing votes of one voter, `get` with the live turnout and `result` on a topic with 20,000
// ballots, `close` and the timer sealing 20,000 ballots, and the round trips and unindexed
// queries of every deliberation action the run made.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi, concurrently, ms, summary, table, type ApiAnswer } from './lib'
import { spawnEmulator, type EmulatorProcess } from './process'
import { generate, writeDataDir } from './dataset'
import { ballotBox, topicDoc, votersFor, type DelibGen } from './deliberation-data'
import type { BenchSection, Call, JourneyStep } from './section'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const BIG = 20_000
const CLIENTS = [1, 4, 16, 64]

const call = (who: string, action: string, input: unknown = {}): Call => ({ who, action, input })
const list = (who: string, scope?: 'open' | 'closed') => call(who, 'list', scope ? { scope } : {})
const change = (
  who: string,
  action: string,
  inputFrom: (ids: Record<string, string>) => unknown,
  more: Partial<JourneyStep> = {}
): JourneyStep => ({ who, action, inputFrom, change: true, ...more })
const onTopic =
  (extra: Record<string, unknown> = {}) =>
  (ids: Record<string, string>) => ({ id: ids.topic, ...extra })

const iso = (ms: number) => new Date(ms).toISOString()
const topicInput = (title: string) => ({
  title,
  background: '物业提出在三号楼前空地加装两张长椅，请大家议一议。',
  scope: { type: 'community', id: 'c1' },
  options: ['同意加装', '暂不加装'],
  discussionEndsAt: iso(Date.now() + 2 * DAY),
  votingEndsAt: iso(Date.now() + 5 * DAY),
  unit: 'resident',
  quorum: 0,
})

// Deterministic pseudo-random numbers (mulberry32), so that runs compare.
function gen(seed: number): DelibGen {
  let a = seed
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { rnd, pick: (l) => l[Math.floor(rnd() * l.length)] }
}

const C1_COMMUNITY = {
  type: 'community' as const,
  id: 'c1',
  name: '幸福里社区',
  gridIds: ['g1', 'g2'],
}

/** The folder: the 1k dataset, voters, a topic to vote on, and two topics of 20,000 ballots. */
function prepare(dir: string, voterCount: number, now: number) {
  const { data } = generate(1000, now)
  const users = data.users as Record<string, unknown>[]
  const model = users.find((u) => u._id === 'demo-resident-2')!
  const voters = votersFor(model, voterCount, 'bv', new Date(now - DAY))
  const eligible =
    users.filter((u) => u.communityId === 'c1' && u.bindStatus === 'verified').length +
    voters.length
  const g = gen(20260712)
  const voting = (id: string, votingEndsAt: number) =>
    topicDoc({
      id,
      scope: C1_COMMUNITY,
      phase: 'voting',
      options: ['同意加装电梯', '反对加装电梯', '再议'],
      eligibleCount: Math.max(eligible, BIG + 5000),
      createdAt: now - 3 * DAY,
      discussionEndsAt: now - HOUR,
      votingEndsAt,
    })
  const race = { ...voting('bench-race', now + 3 * DAY), eligibleCount: eligible }
  const big = voting('bench-big', now + 3 * DAY)
  // due in 2 hours: the clock is moved there before the timer is measured (so that the
  // emulator's own timer runs find nothing to do while the votes are measured)
  const due = voting('bench-due', now + 2 * HOUR)
  const boxBig = ballotBox(g, big, BIG, 'big')
  const boxDue = ballotBox(g, due, BIG, 'due')
  writeDataDir(dir, {
    ...data,
    users: [...users, ...voters],
    deliberations: [
      ...((data.deliberations as Record<string, unknown>[] | undefined) ?? []),
      race,
      { ...big, turnout: BIG },
      { ...due, turnout: BIG },
    ] as unknown as Record<string, unknown>[],
    deliberationVotes: [
      ...((data.deliberationVotes as Record<string, unknown>[] | undefined) ?? []),
      ...boxBig.roll,
      ...boxDue.roll,
    ] as unknown as Record<string, unknown>[],
    deliberationBallots: [
      ...((data.deliberationBallots as Record<string, unknown>[] | undefined) ?? []),
      ...ballotBox(g, race, 0, 'race').bins,
      ...boxBig.bins,
      ...boxDue.bins,
    ] as unknown as Record<string, unknown>[],
  })
  return { voters: voters.map((v) => v._id as string), eligible }
}

const vote = (emu: EmulatorProcess, who: string, optionIndex: number): Promise<ApiAnswer> =>
  callApi(emu.url, 'deliberation', who, 'vote', { id: 'bench-race', optionIndex }, randomUUID())

/** p50/p95 of `n` calls one after another (after one unmeasured call). */
async function latency(emu: EmulatorProcess, c: Call, n: number) {
  await callApi(emu.url, 'deliberation', c.who, c.action, c.input)
  const samples: number[] = []
  let last: ApiAnswer | undefined
  for (let i = 0; i < n; i++) {
    last = await callApi(emu.url, 'deliberation', c.who, c.action, c.input)
    samples.push(last.ms)
  }
  const s = summary(samples)
  const outcome = last!.body.ok ? 'ok' : last!.body.error!.code
  return [ms(s.p50), ms(s.p95), last!.roundTrips, last!.unindexed, outcome]
}

async function voteSweep(emu: EmulatorProcess, voters: string[], quick: boolean) {
  const rows: (string | number)[][] = [
    ['voters at once', 'votes', 'votes/s', 'p50', 'p95', 'max', 'failed'],
  ]
  let next = 0
  let cast = 0
  for (const clients of CLIENTS) {
    const total = quick ? Math.max(48, clients * 4) : Math.max(150, clients * 10)
    const r = await concurrently(clients, total, () => vote(emu, voters[next++], next % 3))
    cast += r.samples.length - r.failed
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
  // One voter, 64 requests at once (a double tap times 64): exactly one ballot.
  const racer = voters[next++]
  const race = await Promise.all(Array.from({ length: 64 }, () => vote(emu, racer, 1)))
  const won = race.filter((a) => a.body.ok).length
  const topic = await callApi(emu.url, 'deliberation', 'demo-committee-1', 'get', {
    id: 'bench-race',
  })
  const turnout = (topic.body.data as { turnout: number }).turnout
  return {
    table: table(rows),
    race: `64 racing votes of one voter: ${won} accepted, ${race.length - won} refused (${[...new Set(race.filter((a) => !a.body.ok).map((a) => a.body.error!.code))].join(', ')}); turnout ${turnout} for ${cast + won} ballots cast`,
  }
}

/** Round trips, time and unindexed queries of every deliberation action the emulator ran. */
async function actionStats(emu: EmulatorProcess): Promise<string> {
  const stats = (await (await fetch(`${emu.url}/api/_stats`)).json()) as {
    data: {
      functions: {
        fn: string
        action: string
        invocations: number
        roundTrips: { max: number }
        ms: { avg: number; max: number }
        unindexed: unknown[]
      }[]
    }
  }
  const mine = stats.data.functions.filter((f) => f.fn === 'deliberation')
  const rows: (string | number)[][] = [
    ['action', 'calls', 'round trips (max)', 'avg', 'max', 'unindexed'],
    ...mine.map((f) => [
      f.action,
      f.invocations,
      f.roundTrips.max,
      ms(f.ms.avg),
      ms(f.ms.max),
      f.unindexed.length,
    ]),
  ]
  const unindexed = mine.reduce((n, f) => n + f.unindexed.length, 0)
  return `${table(rows)}\nevery query indexed: ${unindexed === 0 ? 'yes' : `NO (${unindexed} unindexed)`}`
}

async function deliberationFigures(quick: boolean): Promise<{ title: string; body: string }> {
  const samples = quick ? 15 : 40
  const voterCount =
    CLIENTS.reduce((n, c) => n + (quick ? Math.max(48, c * 4) : Math.max(150, c * 10)), 0) + 1
  const now = Date.now()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-delib-'))
  const { voters } = prepare(dir, voterCount, now)
  const emu = await spawnEmulator(dir)
  try {
    const reads: (string | number)[][] = [
      ['call', 'p50', 'p95', 'round trips', 'unindexed', 'answer'],
    ]
    const get = call('demo-resident-1', 'get', { id: 'bench-big' })
    reads.push([
      `get, voting, ${BIG} ballots (live turnout)`,
      ...(await latency(emu, get, samples)),
    ])
    const sweep = await voteSweep(emu, voters, quick)

    const started = Date.now()
    const closed = await callApi(
      emu.url,
      'deliberation',
      'demo-committee-1',
      'close',
      { id: 'bench-big' },
      randomUUID()
    )
    const closeMs = Date.now() - started
    reads.push([
      `close, sealing ${BIG} ballots (once)`,
      ms(closeMs),
      '',
      closed.roundTrips,
      closed.unindexed,
      closed.body.ok ? 'ok' : closed.body.error!.code,
    ])
    const result = call('demo-resident-1', 'result', { id: 'bench-big' })
    reads.push([`result, ${BIG} ballots`, ...(await latency(emu, result, samples))])
    reads.push([`get, closed, ${BIG} ballots`, ...(await latency(emu, get, samples))])
    const verify = call('demo-resident-1', 'verifyReceipt', {
      id: 'bench-big',
      receipt: 'AAAA-BBBB-CCCC-DDDD',
    })
    reads.push([`verifyReceipt, ${BIG} ballots`, ...(await latency(emu, verify, samples))])

    await fetch(`${emu.url}/api/_clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 2 * HOUR + 60_000 }),
    })
    const t0 = Date.now()
    await fetch(`${emu.url}/api/_timer/deliberation`, { method: 'POST' })
    const timerMs = Date.now() - t0
    const due = await callApi(emu.url, 'deliberation', 'demo-committee-1', 'result', {
      id: 'bench-due',
    })
    // The emulator's own timer may run at the same moment (the clock moved past its schedule):
    // each resident is told once all the same.
    const outbox = (await (await fetch(`${emu.url}/api/_outbox`)).json()) as {
      data: { items: { touser: string; page?: string }[] }
    }
    const told = outbox.data.items.filter((m) => (m.page ?? '').includes('bench-due'))
    const toldOnce = `${told.length} messages to ${new Set(told.map((m) => m.touser)).size} residents`
    const dueTurnout = due.body.ok
      ? (due.body.data as { turnout: number }).turnout
      : due.body.error!.code
    const body = [
      table(reads),
      `timer: one run closing a topic of ${BIG} ballots (and telling its community): ${ms(timerMs)}; result turnout ${dueTurnout}; ${toldOnce}`,
      '',
      `vote on one topic of community c1, each vote a different resident, with a requestId:`,
      sweep.table,
      sweep.race,
      '',
      'every deliberation action of this run (emulator /api/_stats):',
      await actionStats(emu),
    ]
    return {
      title: `deliberation: votes racing on one topic, ${BIG} ballots sealed and read (1k dataset)`,
      body: body.join('\n'),
    }
  } finally {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const deliberationBench: BenchSection = {
  fn: 'deliberation',
  scaled: [
    ['deliberation.list open (resident)', list('demo-resident-1', 'open')],
    ['deliberation.list closed (resident)', list('demo-resident-1', 'closed')],
    ['deliberation.list closed (committee)', list('demo-committee-1', 'closed')],
  ],
  journey: [
    {
      ...call('demo-committee-1', 'create', topicInput('三号楼前是否加装休闲长椅')),
      change: true,
      keep: (data, ids) => (ids.topic = (data as { id: string }).id),
    },
    { who: 'demo-resident-1', action: 'get', inputFrom: onTopic() },
    list('demo-resident-1', 'open'),
    change('demo-resident-1', 'comment', onTopic({ content: '长椅最好带靠背' }), {
      keep: (data, ids) => (ids.comment = (data as { id: string }).id),
    }),
    { who: 'demo-resident-2', action: 'listComments', inputFrom: onTopic() },
    change('demo-resident-2', 'reportComment', (ids) => ({ commentId: ids.comment })),
    change('demo-resident-4', 'reportComment', (ids) => ({ commentId: ids.comment })),
    change('demo-volunteer-1', 'reportComment', (ids) => ({ commentId: ids.comment })),
    change('demo-gridworker-1', 'hideComment', (ids) => ({
      commentId: ids.comment,
      reason: '与议题无关',
    })),
    change('demo-committee-1', 'restoreComment', (ids) => ({ commentId: ids.comment })),
    change('demo-committee-1', 'openVoting', onTopic()),
    change('demo-resident-1', 'vote', onTopic({ optionIndex: 0 }), {
      keep: (data, ids) => (ids.receipt = (data as { receipt: string }).receipt),
    }),
    change('demo-resident-2', 'vote', onTopic({ optionIndex: 1 })),
    change(
      'demo-committee-1',
      'recordInPerson',
      onTopic({
        votes: [
          { openid: 'demo-volunteer-1', optionIndex: 1 },
          { openid: 'demo-resident-4', optionIndex: 0 },
        ],
      })
    ),
    { who: 'demo-resident-4', action: 'get', inputFrom: onTopic() },
    change('demo-committee-1', 'close', onTopic()),
    { who: 'demo-resident-1', action: 'result', inputFrom: onTopic() },
    {
      who: 'demo-resident-1',
      action: 'verifyReceipt',
      inputFrom: (ids) => ({ id: ids.topic, receipt: ids.receipt }),
    },
    change('demo-committee-1', 'addUpdate', onTopic({ text: '平票，下一轮再议' })),
    change('demo-committee-1', 'followUp', (ids) => ({
      id: ids.topic,
      ...topicInput('第二轮：是否加装休闲长椅'),
    })),
    list('demo-resident-1', 'closed'),
    call('demo-resident-1', 'list'),
  ],
  // residents look at open topics, the closed ones, and their counts come from user.counts
  mix: (who, n) =>
    [list(who, 'open'), list(who, 'closed'), list(who), call(who, 'list', { limit: 5 })][n % 4],
  extra: deliberationFigures,
}
