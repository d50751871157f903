import { MAX_REPORTS_PER_DAY } from '@/contract/matter'
import {
  call,
  clockAt,
  CM,
  data,
  expectError,
  GW,
  MatterFlow,
  R1,
  R2,
  report,
  useEmulator,
} from './helpers'

// Replays and races: a requestId replays its first answer whatever happened since, the same
// request sent several times at once stores one matter, and two people acting on one matter at
// once leave it in one state with the counts true.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const recountAgrees = async (viewers: string[]) => {
  const kept = []
  for (const who of viewers) kept.push(await flow().counts(who))
  await emu().fireTimer('user')
  const again = []
  for (const who of viewers) again.push(await flow().counts(who))
  expect(again).toEqual(kept)
}

describe('replays', () => {
  it('a report replayed after the day’s limit is reached answers its first result', async () => {
    const first = data(await flow().call(R1, 'report', report(), 'day-1'))
    for (let n = 1; n < MAX_REPORTS_PER_DAY; n++) {
      data(await flow().call(R1, 'report', report({ content: `第 ${n} 件要反映的事` })))
    }
    const before = await flow().count()
    const again = data(await flow().call(R1, 'report', report(), 'day-1'))
    expect(again.id).toBe(first.id)
    expect(await flow().count()).toBe(before)
  })

  it('an accept replayed after the matter was resolved answers what it answered then, and changes nothing', async () => {
    const m = await flow().reported(R1)
    const accepted = data(await flow().call(GW, 'accept', { id: m.id }, 'acc-1'))
    data(await call(emu(), 'matter', GW, 'resolve', { id: m.id, text: '已修好' }))
    const replay = data(await flow().call(GW, 'accept', { id: m.id }, 'acc-1'))
    expect(replay.status).toBe(accepted.status)
    expect(data(await flow().get(R1, m.id)).status).toBe('resolved')
  })

  it('the same report sent 6 times at once stores one matter', async () => {
    const before = await flow().count()
    const results = await Promise.all(
      Array.from({ length: 6 }, () => flow().call(R2, 'report', report(), 'burst-1'))
    )
    const ids = new Set(results.filter((r) => r.ok).map((r) => (r.ok ? r.data.id : '')))
    expect(ids.size).toBe(1)
    for (const r of results.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    expect(await flow().count()).toBe(before + 1)
    expect(await flow().ids(R2, 'mine')).toHaveLength(1)
  })
})

describe('races', () => {
  it('withdraw and accept at once: it ends in a state one of their orders gives, counts true', async () => {
    for (let n = 0; n < 4; n++) {
      const m = await flow().reported(R1, { content: `竞争测试第 ${n} 件事` })
      const [w, a] = await Promise.all([
        flow().call(R1, 'withdraw', { id: m.id }),
        flow().call(GW, 'accept', { id: m.id }),
      ])
      // Withdrawn first: the accept finds it gone. Accepted first: a withdraw that read it
      // before the accept finds it changed (CONFLICT), one that read it after may still
      // withdraw a matter being handled. Never neither, never a state no order gives.
      expect(w.ok || a.ok).toBe(true)
      const now = data(await flow().get(GW, m.id))
      expect(now.status).toBe(w.ok ? 'withdrawn' : 'handling')
      if (a.ok) expect(now.timeline.map((t) => t.type)).toContain('accepted')
      else expect(now.timeline.map((t) => t.type)).not.toContain('accepted')
    }
    await recountAgrees([R1, R2, GW])
  })

  it('escalate and accept at once: it ends in a state one of their orders gives', async () => {
    const m = await flow().reported(R1)
    const [e, a] = await Promise.all([
      flow().call(GW, 'escalate', { id: m.id, reason: '需要社区协调' }),
      flow().call(GW, 'accept', { id: m.id }),
    ])
    const now = data(await flow().get(CM, m.id))
    if (e.ok && a.ok) {
      // accepted first, then escalated from handling: both are allowed in that order
      expect(now).toMatchObject({ status: 'reported', level: 'community' })
    } else if (e.ok) {
      expect(now).toMatchObject({ status: 'reported', level: 'community' })
    } else {
      expect(now).toMatchObject({ status: 'handling', level: 'grid' })
    }
    await recountAgrees([R1, GW, CM])
  })

  it('rate and reopen at once: one wins', async () => {
    const m = await flow().resolved(R1)
    const [rate, reopen] = await Promise.all([
      flow().call(R1, 'rate', { id: m.id, rating: 5 }),
      flow().call(R1, 'reopen', { id: m.id, reason: '又坏了' }),
    ])
    expect([rate.ok, reopen.ok].filter(Boolean)).toHaveLength(1)
    expect(data(await flow().get(R1, m.id)).status).toBe(rate.ok ? 'closed' : 'reported')
    await recountAgrees([R1, R2, GW])
  })
})
