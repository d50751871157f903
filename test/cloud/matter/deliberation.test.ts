import type { Matter } from '@/contract/matter'
import type { Topic } from '@/contract/deliberation'
import {
  call,
  callWithStats,
  clockAt,
  CM,
  C2_RESIDENT,
  data,
  DAY,
  expectError,
  GW,
  MatterFlow,
  newC2Resident,
  R1,
  R2,
  R3,
  topicFields,
  useEmulator,
  V1,
  WRITE_TRIPS,
} from './helpers'

// Matters and deliberation joined (docs/contract.md §4.3, §4.4): the committee turns a matter at
// the community into a topic (`matter.toDeliberation`, or `deliberation.create` with its
// `matterId`), both linked; whatever the topic comes to (a close by request or by the timer, a
// follow-up round, the committee's updates) shows on the matter; the committee then resolves it
// and the reporter rates it.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const topicOf = async (who: string, id: string): Promise<Topic> =>
  data(await call(emu(), 'deliberation', who, 'get', { id }))
/** The topics stored for a matter. */
const topicsFor = async (matterId: string) => emu().emulator.db.find('deliberations', { matterId })
const audited = async (targetId: string, action: string) =>
  (await emu().emulator.db.find('audit', { targetId, action })).length
const toDelib = (id: string, patch: Parameters<typeof topicFields>[1] = {}, who = CM) =>
  flow().call(who, 'toDeliberation', { id, ...topicFields(emu(), patch) })

describe('matter.toDeliberation', () => {
  it('the committee turns an escalated matter into a topic: linked both ways, audited, counted', async () => {
    const m = await flow().escalated(R1)
    const before = {
      committee: await flow().counts(CM),
      reporter: await flow().counts(R1),
      neighbour: await flow().counts(R2),
    }
    expect(data(await flow().get(CM, m.id)).can.toDeliberation).toBe(true)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'matter',
      CM,
      'toDeliberation',
      { id: m.id, ...topicFields(emu()) },
      'to-delib-1'
    )
    const done = data(result)
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(done).toMatchObject({
      id: m.id,
      status: 'deliberating',
      level: 'community',
      handler: '社区两委',
      deliberation: {
        title: '东门停车怎么管',
        phase: 'discussion',
        outcome: null,
        winner: null,
        rounds: 1,
        updates: [],
      },
      can: { toDeliberation: false, resolve: true, accept: false, withdraw: false },
    })
    expect(done.deliberationId).toBe(done.deliberation!.id)
    expect(done.timeline.at(-1)).toMatchObject({
      type: 'deliberating',
      text: '转为居民议事：东门停车怎么管',
      by: '社区两委',
    })
    // The topic knows its matter; residents of the community see it.
    const t = await topicOf(R2, done.deliberationId!)
    expect(t).toMatchObject({ matterId: m.id, phase: 'discussion', scope: { id: 'c1' } })
    expect(await topicsFor(m.id)).toHaveLength(1)
    // What `get` shows is what the action answered.
    expect(data(await flow().get(CM, m.id))).toEqual(done)
    expect(await audited(m.id, 'matter.toDeliberation')).toBe(1)
    // The committee took it on (its queue → being handled), it stays open on the board and for
    // the reporter, and the neighbours have a topic to take part in.
    const after = {
      committee: await flow().counts(CM),
      reporter: await flow().counts(R1),
      neighbour: await flow().counts(R2),
    }
    expect(after.committee['matter.queue']).toBe(before.committee['matter.queue']! - 1)
    expect(after.committee['matter.handling']).toBe(before.committee['matter.handling']! + 1)
    expect(after.reporter['matter.mine']).toBe(before.reporter['matter.mine'])
    expect(after.neighbour['matter.open']).toBe(before.neighbour['matter.open'])
    expect(after.neighbour['deliberation.open']).toBe(before.neighbour['deliberation.open']! + 1)
    // Still the committee's: in its queue until it resolves it.
    expect(await flow().ids(CM, 'queue')).toContain(m.id)
    expect(await flow().ids(CM, 'queue', 'deliberating')).toEqual([m.id])
    expect(await flow().ids(R2, 'community', 'deliberating')).toEqual([m.id])
    // A replay of the request answers the same and changes nothing.
    const again = await flow().call(
      CM,
      'toDeliberation',
      { id: m.id, ...topicFields(emu()) },
      'to-delib-1'
    )
    expect(data(again).deliberationId).toBe(done.deliberationId)
    expect(await topicsFor(m.id)).toHaveLength(1)
  })

  it('from handling too, within the round-trip budget', async () => {
    const m = await flow().handlingByCommittee(R1)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'matter',
      CM,
      'toDeliberation',
      { id: m.id, ...topicFields(emu(), { unit: 'household', quorum: 30 }) },
      'to-delib-2'
    )
    expect(data(result)).toMatchObject({ status: 'deliberating', acceptedAt: m.acceptedAt })
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
  })

  it('only the committee, only at the community while reported or handling; refusals change nothing', async () => {
    await newC2Resident(emu())
    const m = await flow().escalated(R1)
    const before = data(await flow().get(CM, m.id))
    for (const who of [R1, R2, R3, GW, V1]) {
      const res = await toDelib(m.id, {}, who)
      expectError(res, 'FORBIDDEN')
    }
    expectError(await toDelib(m.id, {}, C2_RESIDENT), 'NOT_FOUND')
    expectError(await toDelib('m-missing'), 'NOT_FOUND')
    expectError(await toDelib((await flow().reported(R2)).id), 'CONFLICT')
    expectError(await toDelib((await flow().handling(R2)).id), 'CONFLICT')
    expectError(await toDelib((await flow().closed(R2)).id), 'CONFLICT')
    expectError(await toDelib((await flow().withdrawn(R2)).id), 'CONFLICT')
    expect(data(await flow().get(CM, m.id))).toEqual(before)
    expect(await emu().emulator.db.find('deliberations', { matterId: { $ne: null } })).toEqual([])
    // Once a topic, not again.
    data(await toDelib(m.id))
    expectError(await toDelib(m.id), 'CONFLICT')
    expect(await topicsFor(m.id)).toHaveLength(1)
  })

  it.each([
    ['title', { title: '违禁测试词议题' }],
    ['background', { background: '背景里有违禁测试词' }],
    ['options.1', { options: ['同意', '违禁测试词'] }],
  ])('a risky %s is CONTENT_REJECTED: no topic, the matter unchanged', async (field, patch) => {
    const m = await flow().escalated(R1)
    const before = data(await flow().get(CM, m.id))
    expectError(await toDelib(m.id, patch), 'CONTENT_REJECTED', field)
    expect(data(await flow().get(CM, m.id))).toEqual(before)
    expect(await topicsFor(m.id)).toEqual([])
  })

  it('a scope outside the committee’s community, or none, is refused on scope.id; bad input on its field', async () => {
    const m = await flow().escalated(R1)
    const before = data(await flow().get(CM, m.id))
    expectError(await toDelib(m.id, { scope: { type: 'grid', id: 'g3' } }), 'FORBIDDEN', 'scope.id')
    expectError(
      await toDelib(m.id, { scope: { type: 'grid', id: 'g-none' } }),
      'NOT_FOUND',
      'scope.id'
    )
    expectError(await toDelib(m.id, { options: ['只有一个'] }), 'INVALID_INPUT', 'options')
    expectError(await flow().call(CM, 'toDeliberation', { id: m.id }), 'INVALID_INPUT')
    expect(data(await flow().get(CM, m.id))).toEqual(before)
    expect(await topicsFor(m.id)).toEqual([])
  })

  it('a grid topic of one of its grids is fine', async () => {
    const m = await flow().escalated(R1)
    const done = data(await toDelib(m.id, { scope: { type: 'grid', id: 'g1' } }))
    expect((await topicOf(R1, done.deliberationId!)).scope).toMatchObject({
      type: 'grid',
      id: 'g1',
    })
  })

  it('20 racing requests on one matter: exactly one topic, the matter linked to it', async () => {
    const m = await flow().escalated(R1)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_x, i) =>
        flow().call(CM, 'toDeliberation', { id: m.id, ...topicFields(emu()) }, `race-${i}`)
      )
    )
    const won = answers.filter((a) => a.ok)
    expect(won).toHaveLength(1)
    for (const a of answers.filter((x) => !x.ok)) expectError(a, 'CONFLICT')
    const stored = await topicsFor(m.id)
    expect(stored).toHaveLength(1)
    expect(data(await flow().get(CM, m.id)).deliberationId).toBe(stored[0]!._id)
    expect(await audited(m.id, 'matter.toDeliberation')).toBe(1)
  })
})

describe('deliberation.create with a matterId: the same link, the same checks', () => {
  const create = (who: string, matterId: string) =>
    emu().call<Topic>('deliberation', who, 'create', { ...topicFields(emu()), matterId })

  it('the committee links an escalated matter as toDeliberation does', async () => {
    const m = await flow().escalated(R1)
    const t = data(await create(CM, m.id))
    expect(t).toMatchObject({ matterId: m.id, phase: 'discussion' })
    expect(data(await flow().get(R1, m.id))).toMatchObject({
      status: 'deliberating',
      deliberationId: t.id,
    })
    expect(await topicsFor(m.id)).toHaveLength(1)
    // A second topic for it: the matter is in deliberation already.
    expectError(await create(CM, m.id), 'CONFLICT', 'matterId')
  })

  it('an unknown, unseen or not-yet-escalated matter, or a grid worker: refused on matterId, nothing stored', async () => {
    await newC2Resident(emu())
    const atGrid = await flow().reported(R1)
    const up = await flow().escalated(R2)
    const count = async () => (await emu().emulator.db.find('deliberations')).length
    const stored = await count()
    expectError(await create(CM, 'm-missing'), 'NOT_FOUND', 'matterId')
    expectError(await create(CM, atGrid.id), 'CONFLICT', 'matterId')
    expectError(await create(GW, up.id), 'FORBIDDEN', 'matterId')
    expectError(await create(C2_RESIDENT, up.id), 'NOT_FOUND', 'matterId')
    expectError(
      await emu().call('deliberation', CM, 'create', { ...topicFields(emu()), matterId: 42 }),
      'INVALID_INPUT',
      'matterId'
    )
    expect(await count()).toBe(stored)
    expect(data(await flow().get(CM, up.id)).status).toBe('reported')
  })
})

describe('the matter shows what the topic came to', () => {
  /** A matter in deliberation whose topic is voting now (opened early by the committee). */
  async function voting(): Promise<{ m: Matter; topicId: string }> {
    const m = await flow().deliberating(R1)
    const topicId = m.deliberationId!
    data(await call(emu(), 'deliberation', CM, 'openVoting', { id: topicId }))
    return { m, topicId }
  }
  const vote = async (who: string, id: string, optionIndex: number) =>
    data(await call(emu(), 'deliberation', who, 'vote', { id, optionIndex }))

  it('closed by the committee, decided: the winner and the updates on the matter; the committee resolves it, the reporter rates it', async () => {
    const { m, topicId } = await voting()
    await vote(R1, topicId, 0)
    await vote(R2, topicId, 0)
    await vote(R3, topicId, 1)
    expect(data(await flow().get(R1, m.id)).deliberation).toMatchObject({ phase: 'voting' })
    data(await call(emu(), 'deliberation', CM, 'close', { id: topicId }))
    const decided = data(await flow().get(R2, m.id))
    expect(decided).toMatchObject({
      status: 'deliberating',
      deliberation: { phase: 'closed', outcome: 'decided', winner: '划线停车' },
    })
    expect(decided.timeline.at(-1)).toMatchObject({
      type: 'deliberationClosed',
      text: '议事投票结束，决定：划线停车',
    })
    // The committee reports how it is carried out (决议执行情况): on the matter too.
    await emu().advanceClock(DAY)
    data(
      await call(emu(), 'deliberation', CM, 'addUpdate', {
        id: topicId,
        text: '东门已完成划线，共 20 个车位',
      })
    )
    const updated = data(await flow().get(R1, m.id))
    expect(updated.deliberation!.updates).toEqual([
      { at: expect.any(String), text: '东门已完成划线，共 20 个车位' },
    ])
    expect(updated.timeline.at(-1)).toMatchObject({
      type: 'deliberationUpdate',
      text: '决议执行情况：东门已完成划线，共 20 个车位',
      by: '社区两委',
    })
    expect(updated.can).toMatchObject({ resolve: false, rate: false })
    // The committee resolves it once carried out; the reporter is asked to rate it.
    const resolved = data(
      await call(emu(), 'matter', CM, 'resolve', { id: m.id, text: '已按议事结果完成划线' })
    )
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: '已按议事结果完成划线',
      deliberation: { outcome: 'decided', winner: '划线停车' },
    })
    const rated = data(await call(emu(), 'matter', R1, 'rate', { id: m.id, rating: 5 }))
    expect(rated).toMatchObject({ status: 'closed', deliberationId: topicId })
    expect(await flow().ids(CM, 'queue')).not.toContain(m.id)
  })

  it('closed by the timer: a tie says so, and a follow-up round keeps the matter linked to the newest round', async () => {
    const { m, topicId } = await voting()
    await vote(R1, topicId, 0)
    await vote(R2, topicId, 1)
    await emu().advanceClock(3 * DAY + 60_000)
    const triggers = await emu().fireTimer('deliberation')
    expect(triggers[0]!.result).toMatchObject({ ok: true, data: { closed: 1 } })
    const tie = data(await flow().get(R1, m.id))
    expect(tie).toMatchObject({
      status: 'deliberating',
      deliberationId: topicId,
      deliberation: { phase: 'closed', outcome: 'tie', winner: null, rounds: 1 },
    })
    expect(tie.timeline.at(-1)).toMatchObject({
      type: 'deliberationClosed',
      text: '议事投票结束：票数相同，未形成决议',
    })
    const next = data(
      await call(emu(), 'deliberation', CM, 'followUp', {
        id: topicId,
        ...topicFields(emu(), { title: '东门停车再议' }),
      })
    )
    expect(next.matterId).toBe(m.id)
    const relinked = data(await flow().get(R1, m.id))
    expect(relinked).toMatchObject({
      status: 'deliberating',
      deliberationId: next.id,
      deliberation: { id: next.id, title: '东门停车再议', phase: 'discussion', rounds: 2 },
    })
    expect(relinked.timeline.at(-1)).toMatchObject({
      type: 'deliberating',
      text: '发起新一轮议事：东门停车再议',
    })
  })

  it('no ballot at all by the deadline: no quorum, said so on the matter', async () => {
    const { m } = await voting()
    await emu().advanceClock(3 * DAY + 60_000)
    await emu().fireTimer('deliberation')
    const none = data(await flow().get(R1, m.id))
    expect(none.deliberation).toMatchObject({ outcome: 'noQuorum', winner: null })
    expect(none.timeline.at(-1)!.text).toBe('议事投票结束：参与人数未达到要求，未形成决议')
  })
})
