import type { CreateTopicInput } from '@/contract/deliberation'
import {
  C2_RESIDENT,
  call,
  CM,
  DAY,
  data,
  DelibFlow,
  expectError,
  GW,
  newC2Resident,
  NEWCOMER,
  R1,
  R3,
  topicInput,
  useEmulator,
} from './helpers'

// deliberation.create: who opens a topic for which scope, every rule on its fields (the field at
// fault named, nothing stored), the content check, the topic as `get` shows it, and a replayed
// requestId that creates one topic.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())
const create = (who: string, patch: Partial<CreateTopicInput> = {}, requestId?: string) =>
  call(emu(), 'deliberation', who, 'create', topicInput(emu(), patch), requestId)
const iso = (ms: number) => new Date(emu().emulator.clock.now() + ms).toISOString()

describe('deliberation.create', () => {
  it('the committee opens a grid topic: in discussion, with can, a timeline and no figures yet', async () => {
    const input = topicInput(emu())
    const t = data(await call(emu(), 'deliberation', CM, 'create', input))
    expect(t).toMatchObject({
      title: input.title,
      background: input.background,
      scope: { type: 'grid', id: 'g1', name: '第一网格' },
      options: input.options,
      phase: 'discussion',
      discussionEndsAt: input.discussionEndsAt,
      votingEndsAt: input.votingEndsAt,
      unit: 'resident',
      quorum: 0,
      eligibleCount: null,
      turnout: 0,
      quorumNeeded: null,
      outcome: null,
      matterId: null,
      previousId: null,
      nextId: null,
      commentCount: 0,
      updates: [],
      votingOpenedAt: null,
      closedAt: null,
      myVote: { voted: false, byHousehold: false },
      can: { openVoting: true, vote: false, result: false },
    })
    expect(t.id).toEqual(expect.any(String))
    expect(t.createdBy).toEqual(expect.any(String))
    expect(t.createdBy).not.toContain('周卫东') // no real name
    expect(t.timeline.map((e) => e.type)).toEqual(['created'])
    expect(data(await flow().get(R1, t.id))).toMatchObject({ id: t.id, can: { openVoting: false } })
    expect(await flow().audited('deliberation.create')).toHaveLength(1)
  })

  it('the committee may use its community or any of its grids; a grid worker their own grids', async () => {
    expect(data(await create(CM, { scope: { type: 'community', id: 'c1' } })).scope).toMatchObject({
      type: 'community',
      id: 'c1',
      name: '幸福里社区',
    })
    expect(data(await create(CM, { scope: { type: 'grid', id: 'g2' } })).scope.id).toBe('g2')
    expect(data(await create(GW, { scope: { type: 'grid', id: 'g1' } })).scope.id).toBe('g1')
    expect(data(await create(GW, { scope: { type: 'grid', id: 'g2' } })).scope.id).toBe('g2')
  })

  it('refused: residents, a grid worker for the community or another community, the committee elsewhere', async () => {
    await newC2Resident(emu())
    const before = await flow().census()
    expectError(await create(R1), 'FORBIDDEN')
    expectError(await create(GW, { scope: { type: 'community', id: 'c1' } }), 'FORBIDDEN')
    expectError(await create(GW, { scope: { type: 'grid', id: 'g3' } }), 'FORBIDDEN')
    expectError(await create(CM, { scope: { type: 'grid', id: 'g3' } }), 'FORBIDDEN')
    expectError(await create(CM, { scope: { type: 'community', id: 'c2' } }), 'FORBIDDEN')
    const newcomer = await create(NEWCOMER)
    expect(newcomer.ok).toBe(false)
    const c2 = await create(C2_RESIDENT, { scope: { type: 'grid', id: 'g3' } })
    expect(c2.ok).toBe(false)
    const unknown = await create(CM, { scope: { type: 'grid', id: 'g-none' } })
    expect(unknown.ok).toBe(false)
    expectError(
      await call(emu(), 'deliberation', null, 'create', topicInput(emu())),
      'UNAUTHENTICATED'
    )
    expect(await flow().census()).toEqual(before)
  })

  const BAD: [string, () => Partial<CreateTopicInput> | Record<string, unknown>, string][] = [
    ['a 1-character title', () => ({ title: '椅' }), 'title'],
    ['a 41-character title', () => ({ title: '字'.repeat(41) }), 'title'],
    ['a blank title', () => ({ title: '   ' }), 'title'],
    ['a background of 2001', () => ({ background: '字'.repeat(2001) }), 'background'],
    ['one option', () => ({ options: ['同意'] }), 'options'],
    [
      'eleven options',
      () => ({ options: Array.from({ length: 11 }, (_, i) => `选项${i}`) }),
      'options',
    ],
    ['the same option twice', () => ({ options: ['同意', '同意'] }), 'options'],
    ['an empty option', () => ({ options: ['同意', ''] }), 'options.1'],
    ['a 31-character option', () => ({ options: ['同意', '字'.repeat(31)] }), 'options.1'],
    ['options not a list', () => ({ options: '同意,反对' }), 'options'],
    [
      'discussion ending in the past',
      () => ({ discussionEndsAt: iso(-60_000) }),
      'discussionEndsAt',
    ],
    [
      'voting ending before discussion',
      () => ({ discussionEndsAt: iso(2 * DAY), votingEndsAt: iso(DAY) }),
      'discussionEndsAt',
    ],
    [
      'voting ending when discussion does',
      () => ({ discussionEndsAt: iso(2 * DAY), votingEndsAt: iso(2 * DAY) }),
      'discussionEndsAt',
    ],
    ['voting ending beyond a year', () => ({ votingEndsAt: iso(400 * DAY) }), 'votingEndsAt'],
    ['a date that is no date', () => ({ discussionEndsAt: '下周一' }), 'discussionEndsAt'],
    ['a quorum of 101', () => ({ quorum: 101 }), 'quorum'],
    ['a negative quorum', () => ({ quorum: -1 }), 'quorum'],
    ['a fractional quorum', () => ({ quorum: 50.5 }), 'quorum'],
    ['an unknown unit', () => ({ unit: 'building' }), 'unit'],
    ['an unknown scope type', () => ({ scope: { type: 'street', id: 's1' } }), 'scope.type'],
    ['no scope', () => ({ scope: undefined }), 'scope'],
  ]
  it.each(BAD)(
    '%s is INVALID_INPUT naming the field, and nothing is stored',
    async (_l, patch, field) => {
      const before = await flow().census()
      const res = await call(emu(), 'deliberation', CM, 'create', {
        ...topicInput(emu()),
        ...patch(),
      } as CreateTopicInput)
      expectError(res, 'INVALID_INPUT', field)
      expect(await flow().census()).toEqual(before)
    }
  )

  it.each([
    ['title', { title: '违禁测试词议题' }],
    ['background', { background: '背景里有违禁测试词' }],
    ['an option', { options: ['同意', '违禁测试词'] }],
  ])('a risky %s is CONTENT_REJECTED and nothing is stored', async (_l, patch) => {
    const before = await flow().census()
    expectError(await create(CM, patch), 'CONTENT_REJECTED')
    expect(await flow().census()).toEqual(before)
  })

  it('the limits themselves are accepted: 2 and 40 characters, 10 options of 30, quorum 100', async () => {
    const t = data(
      await create(CM, {
        title: '议题',
        options: Array.from({ length: 10 }, (_, i) => `${i}${'字'.repeat(29)}`),
        quorum: 100,
      })
    )
    expect(t.options).toHaveLength(10)
    expect(data(await create(CM, { title: '字'.repeat(40) })).title).toHaveLength(40)
  })

  it('an openid, roles or gridId in input say nothing about the caller', async () => {
    const res = await call(emu(), 'deliberation', R3, 'create', {
      ...topicInput(emu()),
      openid: CM,
      roles: ['committee'],
      gridId: 'g1',
    } as CreateTopicInput)
    expect(res.ok).toBe(false)
  })

  it('a replayed requestId creates one topic', async () => {
    const first = data(await create(CM, {}, 'create-once'))
    const again = data(await create(CM, {}, 'create-once'))
    expect(again.id).toBe(first.id)
    expect((await flow().ids(CM)).filter((id) => id === first.id)).toHaveLength(1)
    expect(await flow().audited('deliberation.create')).toHaveLength(1)
  })
})
