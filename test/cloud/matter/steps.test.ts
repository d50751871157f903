import {
  call,
  callWithStats,
  clockAt,
  CM,
  data,
  DAY,
  expectError,
  GW,
  HOUR,
  MatterFlow,
  R1,
  R1_FULL,
  R2,
  TPL,
  useEmulator,
  WRITE_TRIPS,
} from './helpers'

// The steps of a matter after its report: the handler accepts, replies and resolves (a grid
// worker at level grid, the committee at level community), a grid worker escalates, the reporter
// rates, reopens within 7 days, or withdraws (toDeliberation: deliberation.test.ts). Each step
// changes what it says, is audited, tells whom it should.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const audited = async (id: string, action: string) =>
  (await emu().emulator.db.find('audit', { targetId: id, action })).length

describe('accept → reply → resolve → rate (the grid)', () => {
  it('each step within budget, told to the reporter, audited, with a timeline free of personal data', async () => {
    const m = await flow().reported(R1)
    const step = async (who: string, action: string, input: object, rid: string) => {
      const { result, roundTrips } = await callWithStats(
        emu(),
        'matter',
        who,
        action as 'accept',
        { id: m.id, ...input },
        rid
      )
      expect([action, roundTrips <= WRITE_TRIPS]).toEqual([action, true])
      return data(result)
    }
    const accepted = await step(GW, 'accept', {}, 'a-1')
    expect(accepted).toMatchObject({
      status: 'handling',
      level: 'grid',
      handler: '网格员 刘网格员',
      reporter: R1_FULL,
      can: { accept: false, reply: true, resolve: true, withdraw: false },
    })
    expect(Date.parse(accepted.acceptedAt!)).not.toBeNaN()
    expect(await flow().messagesAbout(R1, m.id)).toEqual([TPL.accepted])

    const replied = await step(GW, 'reply', { text: '已联系物业，明天上午来修' }, 'a-2')
    expect(replied.status).toBe('handling')
    expect(replied.timeline.at(-1)).toMatchObject({ type: 'replied', by: '网格员 刘网格员' })
    expect(replied.timeline.at(-1)?.text).toContain('已联系物业，明天上午来修')
    expect(await flow().messagesAbout(R1, m.id)).toEqual([TPL.accepted, TPL.replied])

    const resolved = await step(GW, 'resolve', { text: '已更换灯泡，恢复照明' }, 'a-3')
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: '已更换灯泡，恢复照明',
      can: { reply: false, resolve: false },
    })
    expect(Date.parse(resolved.resolvedAt!)).not.toBeNaN()
    expect(Date.parse(resolved.reopenUntil!) - Date.parse(resolved.resolvedAt!)).toBe(7 * DAY)
    expect(await flow().messagesAbout(R1, m.id)).toEqual([TPL.accepted, TPL.replied, TPL.resolved])
    expect(data(await flow().get(R1, m.id)).can).toMatchObject({
      rate: true,
      reopen: true,
      withdraw: false,
    })

    const rated = await step(R1, 'rate', { rating: 4, comment: '修得很快，谢谢' }, 'a-4')
    expect(rated).toMatchObject({
      status: 'closed',
      rating: 4,
      comment: '修得很快，谢谢',
      reopenUntil: null,
      can: { rate: false, reopen: false },
    })
    expect(Date.parse(rated.endedAt!)).not.toBeNaN()
    expect(rated.timeline.map((t) => t.type)).toEqual([
      'reported',
      'accepted',
      'replied',
      'resolved',
      'rated',
    ])
    for (const t of rated.timeline) {
      expect(t.text).toMatch(/[\u4e00-\u9fa5]/)
      expect(`${t.text} ${t.by}`).not.toMatch(/张桂兰|刘芳|1380000|101/)
    }
    for (const action of ['report', 'accept', 'reply', 'resolve', 'rate']) {
      const n = await audited(m.id, `matter.${action}`)
      expect([action, n]).toEqual([action, 1])
    }
    // Nobody but the reporter is told of these steps.
    expect(await flow().messagesAbout(R2, m.id)).toEqual([])
  })

  it('subscribe messages and audit entries carry no personal data', async () => {
    const m = await flow().escalated(R1)
    data(await call(emu(), 'matter', CM, 'accept', { id: m.id }))
    data(await call(emu(), 'matter', CM, 'reply', { id: m.id, text: '已安排电工' }))
    data(await call(emu(), 'matter', CM, 'resolve', { id: m.id, text: '已修好' }))
    const sent = (await emu().outbox()).filter((x) => (x.page ?? '').includes(m.id))
    expect(sent.length).toBeGreaterThanOrEqual(4)
    for (const x of sent) {
      expect(JSON.stringify(x.data)).not.toMatch(/张桂兰|1380000000|101室|周卫东|刘芳/)
    }
    const audit = await emu().emulator.db.find('audit', { targetId: m.id })
    expect(audit.length).toBeGreaterThanOrEqual(5)
    for (const a of audit) {
      expect(JSON.stringify(a.detail ?? {})).not.toMatch(/张桂兰|13800000001|周卫东|刘芳/)
    }
  })

  it('several replies each tell the reporter and stay in order', async () => {
    const m = await flow().handling(R1)
    for (const text of ['第一次回复', '第二次回复', '第三次回复']) {
      data(await call(emu(), 'matter', GW, 'reply', { id: m.id, text }))
    }
    const got = data(await flow().get(R1, m.id))
    expect(got.timeline.filter((t) => t.type === 'replied').map((t) => t.text)).toEqual([
      expect.stringContaining('第一次回复'),
      expect.stringContaining('第二次回复'),
      expect.stringContaining('第三次回复'),
    ])
    expect((await flow().messagesAbout(R1, m.id)).filter((t) => t === TPL.replied)).toHaveLength(3)
  })

  it('two accepts at once: one wins, the other is CONFLICT', async () => {
    const m = await flow().reported(R1)
    const results = await Promise.all([
      flow().call(GW, 'accept', { id: m.id }),
      flow().call(GW, 'accept', { id: m.id }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expectError(
      results.find((r) => !r.ok)!,
      'CONFLICT'
    )
    expect(await flow().messagesAbout(R1, m.id)).toEqual([TPL.accepted])
  })

  it.each([
    ['reply', { text: '' }, 'text'],
    ['reply', { text: '进'.repeat(301) }, 'text'],
    ['reply', {}, 'text'],
    ['resolve', { text: '   ' }, 'text'],
    ['resolve', { text: 5 }, 'text'],
    ['escalate', {}, 'reason'],
    ['escalate', { reason: '因'.repeat(201) }, 'reason'],
    ['rate', { rating: 0 }, 'rating'],
    ['rate', { rating: 6 }, 'rating'],
    ['rate', { rating: 4.5 }, 'rating'],
    ['rate', { rating: '5' }, 'rating'],
    ['rate', {}, 'rating'],
    ['rate', { rating: 5, comment: '评'.repeat(201) }, 'comment'],
    ['reopen', { reason: '' }, 'reason'],
    ['reopen', { reason: '因'.repeat(201) }, 'reason'],
  ])('%s with %j: INVALID_INPUT on %s, nothing changed', async (action, input, field) => {
    const m =
      action === 'rate' || action === 'reopen'
        ? await flow().resolved(R1)
        : action === 'escalate'
          ? await flow().reported(R1)
          : await flow().handling(R1)
    const who = action === 'rate' || action === 'reopen' ? R1 : GW
    const before = data(await flow().get(GW, m.id))
    expectError(await flow().call(who, action, { id: m.id, ...input }), 'INVALID_INPUT', field)
    expect(data(await flow().get(GW, m.id))).toEqual(before)
  })

  it.each([
    ['reply', GW, 'handling', { text: '已联系违禁测试词' }, 'text'],
    ['resolve', GW, 'handling', { text: '违禁测试词已处理' }, 'text'],
    ['escalate', GW, 'reported', { reason: '违禁测试词需要社区协调' }, 'reason'],
    ['rate', R1, 'resolved', { rating: 3, comment: '违禁测试词' }, 'comment'],
    ['reopen', R1, 'resolved', { reason: '还是坏的违禁测试词' }, 'reason'],
  ])(
    'risky text in %s is CONTENT_REJECTED on that field, nothing changed',
    async (action, who, state, input, field) => {
      const m =
        state === 'resolved'
          ? await flow().resolved(R1)
          : state === 'reported'
            ? await flow().reported(R1)
            : await flow().handling(R1)
      const before = data(await flow().get(GW, m.id))
      const told = (await emu().outbox()).length
      expectError(await flow().call(who, action, { id: m.id, ...input }), 'CONTENT_REJECTED', field)
      expect(data(await flow().get(GW, m.id))).toEqual(before)
      expect(await emu().outbox()).toHaveLength(told)
    }
  )
})

describe('escalate (the grid worker) → the committee handles it', () => {
  it('level community, status reported, the reason kept, the committee told; the grid worker is no longer the handler', async () => {
    const m = await flow().handling(R1)
    const { result, roundTrips } = await callWithStats(
      emu(),
      'matter',
      GW,
      'escalate',
      { id: m.id, reason: '涉及多个网格，需要社区协调' },
      'esc-1'
    )
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const up = data(result)
    expect(up).toMatchObject({
      status: 'reported',
      level: 'community',
      escalateReason: '涉及多个网格，需要社区协调',
      can: { accept: false, reply: false, resolve: false, escalate: false },
    })
    expect(up.timeline.at(-1)?.type).toBe('escalated')
    expect(await flow().messagesAbout(CM, m.id)).toContain(TPL.alert)
    expect(await audited(m.id, 'matter.escalate')).toBe(1)
    expect(await flow().ids(CM, 'queue')).toContain(m.id)
    expect(await flow().ids(GW, 'queue')).not.toContain(m.id)
    // The committee takes it through to the end.
    expect(data(await flow().get(CM, m.id)).can).toMatchObject({ accept: true })
    const taken = data(await call(emu(), 'matter', CM, 'accept', { id: m.id }))
    expect(taken).toMatchObject({ status: 'handling', handler: '社区两委' })
    expect(await flow().messagesAbout(R1, m.id)).toContain(TPL.accepted)
    data(await call(emu(), 'matter', CM, 'reply', { id: m.id, text: '已协调两个网格共同处理' }))
    const done = data(
      await call(emu(), 'matter', CM, 'resolve', { id: m.id, text: '已由社区统一处理' })
    )
    expect(done).toMatchObject({ status: 'resolved', level: 'community' })
    // The grid worker may no longer act on it.
    for (const action of ['accept', 'reply', 'resolve', 'escalate']) {
      const res = await flow().call(GW, action, { id: m.id, text: '我来', reason: '再上报' })
      expect([action, res.ok]).toEqual([action, false])
    }
  })

  it('the committee may not act at level grid, nor escalate', async () => {
    const m = await flow().reported(R1)
    for (const action of ['accept', 'reply', 'resolve', 'escalate']) {
      const res = await flow().call(CM, action, { id: m.id, text: '我来', reason: '上报' })
      expect([action, res.ok]).toEqual([action, false])
    }
    expect(data(await flow().get(GW, m.id))).toMatchObject({ status: 'reported', level: 'grid' })
  })

  it('an escalated matter cannot be escalated again', async () => {
    const m = await flow().escalated(R1)
    const res = await flow().call(GW, 'escalate', { id: m.id, reason: '再次上报' })
    expect(res.ok).toBe(false)
    expect(
      data(await flow().get(CM, m.id)).timeline.filter((t) => t.type === 'escalated')
    ).toHaveLength(1)
  })
})

describe('rate, reopen, withdraw (the reporter)', () => {
  it('reopen within 7 days: back to reported at its level, the reason kept, the handler can act again', async () => {
    const m = await flow().resolved(R1)
    await emu().advanceClock(7 * DAY - HOUR)
    const back = data(await call(emu(), 'matter', R1, 'reopen', { id: m.id, reason: '灯又不亮了' }))
    expect(back).toMatchObject({ status: 'reported', level: 'grid', reopenUntil: null })
    expect(back.timeline.at(-1)?.type).toBe('reopened')
    expect(back.timeline.at(-1)?.text).toContain('灯又不亮了')
    expect(await audited(m.id, 'matter.reopen')).toBe(1)
    expect(await flow().ids(GW, 'queue')).toContain(m.id)
    expect(data(await call(emu(), 'matter', GW, 'accept', { id: m.id })).status).toBe('handling')
  })

  it('reopen more than 7 days after resolved: refused, still resolved', async () => {
    const m = await flow().resolved(R1)
    await emu().advanceClock(7 * DAY + HOUR)
    const res = await flow().call(R1, 'reopen', { id: m.id, reason: '灯又不亮了' })
    expect(res.ok).toBe(false)
    expect(!res.ok && ['CONFLICT', 'FORBIDDEN']).toContain(!res.ok && res.error.code)
    expect(data(await flow().get(R1, m.id)).status).not.toBe('reported')
  })

  it('only the reporter rates or reopens, only once, only when resolved', async () => {
    const m = await flow().resolved(R1)
    for (const who of [R2, GW, CM]) {
      expect((await flow().call(who, 'rate', { id: m.id, rating: 1 })).ok).toBe(false)
      expect((await flow().call(who, 'reopen', { id: m.id, reason: '没修好' })).ok).toBe(false)
    }
    data(await call(emu(), 'matter', R1, 'rate', { id: m.id, rating: 5 }))
    expectError(await flow().call(R1, 'rate', { id: m.id, rating: 1 }), 'CONFLICT')
    expectError(await flow().call(R1, 'reopen', { id: m.id, reason: '没修好' }), 'CONFLICT')
    expect(data(await flow().get(R1, m.id))).toMatchObject({ status: 'closed', rating: 5 })
    const open = await flow().handling(R2)
    expectError(await flow().call(R2, 'rate', { id: open.id, rating: 5 }), 'CONFLICT')
  })

  it.each([
    ['reported', () => flow().reported(R1)],
    ['handling', () => flow().handling(R1)],
    ['escalated', () => flow().escalated(R1)],
  ])('withdraw while %s: withdrawn, gone from the queue and the board', async (_s, make) => {
    const m = await make()
    const gone = data(await call(emu(), 'matter', R1, 'withdraw', { id: m.id }))
    expect(gone).toMatchObject({ status: 'withdrawn', can: { withdraw: false, second: false } })
    expect(Date.parse(gone.endedAt!)).not.toBeNaN()
    expect(await audited(m.id, 'matter.withdraw')).toBe(1)
    expect(await flow().ids(GW, 'queue')).not.toContain(m.id)
    expect(await flow().ids(CM, 'queue')).not.toContain(m.id)
    expect(await flow().ids(R2, 'grid')).not.toContain(m.id)
    expect(await flow().ids(R1, 'mine')).toContain(m.id)
    // Staff may no longer act on it.
    expect((await flow().call(GW, 'accept', { id: m.id })).ok).toBe(false)
  })

  it('withdraw once resolved, or by anyone else: refused', async () => {
    const m = await flow().resolved(R1)
    expectError(await flow().call(R1, 'withdraw', { id: m.id }), 'CONFLICT')
    const other = await flow().reported(R1)
    for (const who of [R2, GW, CM]) {
      expect((await flow().call(who, 'withdraw', { id: other.id })).ok).toBe(false)
    }
    expect(data(await flow().get(R1, other.id)).status).toBe('reported')
  })
})
