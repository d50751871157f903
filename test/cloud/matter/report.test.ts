import { MATTER_CATEGORIES, MAX_REPORTS_PER_DAY } from '@/contract/matter'
import {
  call,
  callWithStats,
  clockAt,
  CM,
  data,
  DAY,
  expectError,
  GW,
  LAMP,
  MatterFlow,
  NEWCOMER,
  newResident,
  R1,
  R1_FULL,
  R2,
  R4,
  report,
  TPL,
  useEmulator,
  V1,
  WRITE_TRIPS,
  topicFields,
} from './helpers'

// matter.report: who may report, what a report must hold, the content check, the daily limit
// and replays. Photos are in photos.test.ts.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('matter.report', () => {
  it('a verified resident reports: reported at level grid in her grid, with her details in full for her', async () => {
    const { result, roundTrips } = await callWithStats(
      emu(),
      'matter',
      R1,
      'report',
      report(),
      'report-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const m = data(result)
    expect(m).toMatchObject({
      category: 'facility',
      content: LAMP,
      place: '3号楼门口',
      photos: [],
      photoCount: 0,
      status: 'reported',
      level: 'grid',
      overdue: false,
      gridId: 'g1',
      gridName: '第一网格',
      communityId: 'c1',
      reporter: R1_FULL,
      mine: true,
      seconds: 0,
      mySecond: false,
      handler: null,
      escalateReason: null,
      resolution: null,
      rating: null,
      comment: null,
      deliberationId: null,
      acceptedAt: null,
      resolvedAt: null,
      reopenUntil: null,
      endedAt: null,
      can: {
        second: false,
        accept: false,
        reply: false,
        resolve: false,
        escalate: false,
        toDeliberation: false,
        rate: false,
        reopen: false,
        withdraw: true,
      },
    })
    expect(Date.parse(m.createdAt)).not.toBeNaN()
    expect(m.timeline.map((t) => t.type)).toEqual(['reported'])
    expect(JSON.stringify(m.timeline)).not.toMatch(/张桂兰|13800000001|101/)
    expect(await flow().ids(R1, 'mine')).toContain(m.id)
    // The grid worker finds it in the queue, and is told of it.
    expect(await flow().ids(GW, 'queue')).toContain(m.id)
    expect(await flow().messagesAbout(GW, m.id)).toContain(TPL.alert)
  })

  it.each(MATTER_CATEGORIES.map((c) => [c]))('reports category %s', async (category) => {
    expect((await flow().reported(R2, { category })).category).toBe(category)
  })

  it('takes the boundary lengths; place and photos are optional', async () => {
    data(await call(emu(), 'matter', R1, 'report', report({ content: '路灯坏了了' })))
    data(await call(emu(), 'matter', R1, 'report', report({ content: '灯'.repeat(500) })))
    data(await call(emu(), 'matter', R1, 'report', report({ place: '位'.repeat(50) })))
    const bare = data(
      await call(emu(), 'matter', R2, 'report', { category: 'other', content: '楼道里有异味' })
    )
    expect(bare).toMatchObject({ place: null, photos: [], photoCount: 0 })
    // Characters as people count them: 500 emoji are 500 characters.
    const emoji = data(
      await call(emu(), 'matter', R2, 'report', report({ content: '💡'.repeat(500) }))
    )
    expect(Array.from(emoji.content)).toHaveLength(500)
  })

  it('identity comes from the caller, never from the input', async () => {
    const m = data(
      await flow().call(R1, 'report', {
        ...report(),
        openid: R2,
        reporterOpenid: R2,
        gridId: 'g2',
        level: 'community',
        status: 'resolved',
      })
    )
    expect(m).toMatchObject({
      reporter: { name: '张桂兰' },
      gridId: 'g1',
      level: 'grid',
      status: 'reported',
      mine: true,
    })
    expect(await flow().ids(R2, 'mine')).not.toContain(m.id)
  })

  it('refuses callers who are not verified residents, storing nothing', async () => {
    const before = await flow().count()
    expectError(await flow().call(null, 'report', report()), 'UNAUTHENTICATED')
    expectError(await flow().call(NEWCOMER, 'report', report()), 'NOT_BOUND')
    data(
      await emu().call('user', NEWCOMER, 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '909',
        name: '新邻居',
      })
    )
    expectError(await flow().call(NEWCOMER, 'report', report()), 'NOT_VERIFIED')
    for (const staff of [GW, CM]) {
      const res = await flow().call(staff, 'report', report())
      expect(res.ok).toBe(false)
      expect(!res.ok && ['NOT_BOUND', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    }
    expect(await flow().count()).toBe(before)
  })

  it.each([
    ['no category', { category: undefined }, 'category'],
    ['an unknown category', { category: 'noise' }, 'category'],
    ['a category label instead of its code', { category: '设施维修' }, 'category'],
    ['a number as category', { category: 2 }, 'category'],
    ['no content', { content: undefined }, 'content'],
    ['an empty content', { content: '' }, 'content'],
    ['a content of spaces', { content: '     ' }, 'content'],
    ['4 characters of content', { content: '路灯坏了' }, 'content'],
    ['501 characters of content', { content: '灯'.repeat(501) }, 'content'],
    ['a number as content', { content: 123456 }, 'content'],
    ['an object as content', { content: { text: LAMP } }, 'content'],
    ['half a surrogate pair in the content', { content: `${LAMP}\ud83d` }, 'content'],
    ['51 characters of place', { place: '位'.repeat(51) }, 'place'],
    ['a number as place', { place: 3 }, 'place'],
    ['photos as a string', { photos: 'cloud://x' }, 'photos'],
    ['photos as numbers', { photos: [1, 2] }, 'photos.0'],
    ['an empty photo', { photos: [''] }, 'photos.0'],
  ])(
    'rejects %s: INVALID_INPUT on that field with a Chinese message, nothing stored',
    async (_label, patch, field) => {
      const before = await flow().count()
      const counts = await flow().counts(R1)
      const res = await flow().call(R1, 'report', { ...report(), ...patch })
      expectError(res, 'INVALID_INPUT', field)
      expect(await flow().count()).toBe(before)
      expect(await flow().counts(R1)).toEqual(counts)
    }
  )

  it('input that is not an object is INVALID_INPUT, nothing stored', async () => {
    const before = await flow().count()
    for (const input of [null, 'report', [report()], 42]) {
      const res = await flow().call(R1, 'report', input)
      expectError(res, 'INVALID_INPUT')
    }
    expect(await flow().count()).toBe(before)
  })

  it.each([
    ['the content', { content: `楼下有人卖违禁测试词，请处理` }, 'content'],
    ['the place', { place: '违禁测试词门口' }, 'place'],
  ])(
    'risky text in %s is CONTENT_REJECTED on that field and nothing is stored',
    async (_l, patch, field) => {
      const before = await flow().count()
      const counts = await flow().counts(R1)
      const told = (await emu().outbox(GW)).length
      expectError(await flow().call(R1, 'report', report(patch)), 'CONTENT_REJECTED', field)
      expect(await flow().count()).toBe(before)
      expect(await flow().counts(R1)).toEqual(counts)
      expect(await emu().outbox(GW)).toHaveLength(told)
    }
  )

  it('a repeated requestId returns the first result and stores one matter', async () => {
    const before = await flow().count()
    const first = data(await flow().call(R1, 'report', report(), 'req-report-1'))
    const again = data(
      await flow().call(R1, 'report', report({ content: '另一件事情要反映' }), 'req-report-1')
    )
    expect(again.id).toBe(first.id)
    expect(again.content).toBe(first.content)
    expect(await flow().count()).toBe(before + 1)
    // The same requestId from someone else is their own request.
    const other = data(await flow().call(R2, 'report', report(), 'req-report-1'))
    expect(other.id).not.toBe(first.id)
  })

  describe(`at most ${MAX_REPORTS_PER_DAY} reports per resident per day`, () => {
    it('the next one is LIMIT_EXCEEDED and stores nothing; another resident, and the next day, may report', async () => {
      for (let n = 0; n < MAX_REPORTS_PER_DAY; n++) {
        data(await flow().call(R1, 'report', report({ content: `第 ${n + 1} 件要反映的事` })))
      }
      const before = await flow().count()
      const counts = await flow().counts(R1)
      expectError(await flow().call(R1, 'report', report(), 'sixth'), 'LIMIT_EXCEEDED')
      expect(await flow().count()).toBe(before)
      expect(await flow().counts(R1)).toEqual(counts)
      // Another resident, even of the same household, has her own five.
      data(await flow().call(R4, 'report', report()))
      // The next day (Asia/Shanghai) she may report again.
      await emu().advanceClock(DAY)
      data(await flow().call(R1, 'report', report()))
    })

    it('just after midnight Shanghai (16:xx UTC the day before) a new day has begun', async () => {
      await clockAt(emu(), '23:50')
      for (let n = 0; n < MAX_REPORTS_PER_DAY; n++) {
        data(await flow().call(R2, 'report', report({ content: `深夜反映第 ${n + 1} 件事` })))
      }
      expectError(await flow().call(R2, 'report', report()), 'LIMIT_EXCEEDED')
      await emu().advanceClock(20 * 60_000) // 00:10 Shanghai, 16:10 UTC: the UTC day is the same
      data(await flow().call(R2, 'report', report()))
    })

    it(`12 parallel reports by one resident: exactly ${MAX_REPORTS_PER_DAY} succeed, the rest LIMIT_EXCEEDED`, async () => {
      const who = 'test-parallel-reporter'
      await newResident(emu(), who)
      const before = await flow().count()
      const results = await Promise.all(
        Array.from({ length: 12 }, (_x, n) =>
          flow().call(who, 'report', report({ content: `并发反映第 ${n} 件事` }))
        )
      )
      expect(results.filter((r) => r.ok)).toHaveLength(MAX_REPORTS_PER_DAY)
      for (const r of results.filter((x) => !x.ok)) expectError(r, 'LIMIT_EXCEEDED')
      expect(await flow().count()).toBe(before + MAX_REPORTS_PER_DAY)
      expect(await flow().ids(who, 'mine')).toHaveLength(MAX_REPORTS_PER_DAY)
      expect((await flow().counts(who))['matter.mine']).toBe(MAX_REPORTS_PER_DAY)
    })
  })

  it('a volunteer is a resident like any other', async () => {
    expect((await flow().reported(V1)).mine).toBe(true)
  })
})

describe('every action', () => {
  const ACTIONS = [
    'report',
    'list',
    'get',
    'second',
    'accept',
    'reply',
    'resolve',
    'escalate',
    'toDeliberation',
    'rate',
    'reopen',
    'withdraw',
  ]

  it('needs an identity', async () => {
    for (const action of ACTIONS) {
      expectError(await flow().call(null, action, {}), 'UNAUTHENTICATED')
    }
  })

  it('on one matter needs its id', async () => {
    const extra = { text: '已处理', reason: '需要社区协调', rating: 5 }
    for (const action of ACTIONS.filter((a) => !['report', 'list'].includes(a))) {
      for (const id of [undefined, '', 42, ['x'], 'x'.repeat(200)]) {
        expectError(await flow().call(GW, action, { ...extra, id }), 'INVALID_INPUT', 'id')
      }
    }
  })

  it('on a matter that does not exist is NOT_FOUND', async () => {
    const extra = { text: '已处理', reason: '需要社区协调', rating: 5 }
    for (const action of ACTIONS.filter((a) => !['report', 'list'].includes(a))) {
      for (const who of [R1, GW, CM]) {
        const topic = action === 'toDeliberation' ? topicFields(emu()) : {}
        const res = await flow().call(who, action, { ...extra, ...topic, id: 'no-such-matter' })
        expectError(res, 'NOT_FOUND')
      }
    }
  })

  it('an unknown action is INVALID_INPUT on the action field', async () => {
    expectError(await flow().call(R1, 'explode', {}), 'INVALID_INPUT', 'action')
  })
})
