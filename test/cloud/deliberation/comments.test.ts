import {
  call,
  CM,
  data,
  DelibFlow,
  expectError,
  GW,
  R1,
  R2,
  R3,
  R4,
  useEmulator,
  V1,
} from './helpers'

// The discussion: comment (content-checked), listComments, reportComment (once per user; three
// different users hide a comment until a moderator rules), hideComment with a reason and
// restoreComment by staff, all audited. Non-staff see a hidden comment as content null with the
// reason ('该评论已被隐藏：原因' on the page); staff still read it.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())

const report = (who: string, commentId: string) =>
  call(emu(), 'deliberation', who, 'reportComment', { commentId })

describe('deliberation.comment and listComments', () => {
  it('a resident comments: shown with her nickname, no real name or room, to neighbours and staff', async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '长椅最好带靠背')
    expect(c).toMatchObject({
      topicId: t.id,
      author: '桂兰阿姨',
      content: '长椅最好带靠背',
      hidden: false,
      hiddenReason: null,
      awaitingReview: false,
      mine: true,
      myReport: false,
      can: { report: false, hide: false, restore: false },
    })
    const seen = await flow().commentAs(R2, t.id, c.id)
    expect(seen).toMatchObject({ content: '长椅最好带靠背', mine: false, reportCount: null })
    expect(seen.can).toMatchObject({ report: true, hide: false, restore: false })
    expect(JSON.stringify(await flow().comments(R2, t.id))).not.toMatch(/张桂兰|13800000001|101/)
    const staff = await flow().commentAs(GW, t.id, c.id)
    expect(staff).toMatchObject({ content: '长椅最好带靠背', reportCount: 0 })
    expect(staff.can).toMatchObject({ hide: true })
    expect(data(await flow().get(R2, t.id)).commentCount).toBe(1)
    expect(await flow().audited('deliberation.comment')).toHaveLength(1)
  })

  it('comments are listed to everyone who may see the topic, newest last or first but all of them', async () => {
    const t = await flow().create(CM, { scope: { type: 'community', id: 'c1' } })
    const mine = []
    for (const [who, text] of [
      [R1, '赞成'],
      [R3, '第二网格也赞成'],
      [V1, '建议放在树荫下'],
    ]) {
      mine.push((await flow().comment(who, t.id, text)).id)
    }
    const listed = (await flow().comments(R2, t.id)).map((c) => c.id)
    expect([...listed].sort()).toEqual([...mine].sort())
    expect(
      data(await call(emu(), 'deliberation', R2, 'listComments', { id: t.id, limit: 2 })).items
    ).toHaveLength(2)
  })

  it('a risky text is CONTENT_REJECTED and nothing is stored; bad lengths INVALID_INPUT', async () => {
    const t = await flow().create()
    expectError(
      await call(emu(), 'deliberation', R1, 'comment', { id: t.id, content: '这里有违禁测试词' }),
      'CONTENT_REJECTED'
    )
    expectError(
      await call(emu(), 'deliberation', R1, 'comment', { id: t.id, content: '' }),
      'INVALID_INPUT',
      'content'
    )
    expectError(
      await call(emu(), 'deliberation', R1, 'comment', { id: t.id, content: '字'.repeat(501) }),
      'INVALID_INPUT',
      'content'
    )
    expect(await flow().comments(R1, t.id)).toEqual([])
    expect(data(await flow().get(R1, t.id)).commentCount).toBe(0)
    expect((await flow().comment(R1, t.id, '字'.repeat(500))).content).toHaveLength(500)
  })

  it('outside the scope: NOT_FOUND for comment and listComments; unknown topic NOT_FOUND', async () => {
    const t = await flow().create()
    expectError(
      await call(emu(), 'deliberation', R3, 'comment', { id: t.id, content: '路过' }),
      'NOT_FOUND'
    )
    expectError(await call(emu(), 'deliberation', R3, 'listComments', { id: t.id }), 'NOT_FOUND')
    expectError(
      await call(emu(), 'deliberation', R1, 'comment', { id: 'no-such-topic', content: '在吗' }),
      'NOT_FOUND'
    )
  })
})

describe('deliberation.reportComment', () => {
  it('three different reporters hide a comment until a moderator rules', async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '物业就是不想花钱')
    const first = data(await report(R2, c.id))
    expect(first).toMatchObject({ hidden: false, myReport: true, can: { report: false } })
    expectError(await report(R2, c.id), 'CONFLICT') // once per user
    data(await report(R4, c.id))
    expect((await flow().commentAs(R2, t.id, c.id)).hidden).toBe(false)
    const third = data(await report(V1, c.id))
    expect(third).toMatchObject({ hidden: true, awaitingReview: true })

    for (const who of [R1, R2, V1]) {
      const seen = await flow().commentAs(who, t.id, c.id)
      expect([who, seen.content, seen.hidden, seen.awaitingReview]).toEqual([who, null, true, true])
      expect(seen.hiddenReason).toEqual(expect.any(String))
    }
    const staff = await flow().commentAs(GW, t.id, c.id)
    expect(staff).toMatchObject({
      content: '物业就是不想花钱',
      hidden: true,
      awaitingReview: true,
      reportCount: 3,
      can: { hide: true, restore: true },
    })
    expect(await flow().audited('deliberation.reportComment')).toHaveLength(3)
    // The hiding is audited: its own entry, or the third report's entry saying it hid the comment.
    const hides = [
      ...(await flow().audited('deliberation.autoHide')),
      ...(await flow().audited('deliberation.reportComment')).filter((a) => a.detail?.autoHidden),
    ]
    expect(hides).toHaveLength(1)
  })

  it("reporting one's own comment is refused; outside the scope NOT_FOUND; unknown comment NOT_FOUND", async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '我说两句')
    const own = await report(R1, c.id)
    expect(own.ok).toBe(false)
    if (!own.ok) expect(['CONFLICT', 'FORBIDDEN']).toContain(own.error.code)
    expectError(await report(R3, c.id), 'NOT_FOUND')
    expectError(await report(R2, 'no-such-comment'), 'NOT_FOUND')
    expect((await flow().commentAs(GW, t.id, c.id)).reportCount).toBe(0)
  })

  it('50 parallel reports by one user count once', async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '我说两句')
    const answers = await Promise.all(Array.from({ length: 50 }, () => report(R2, c.id)))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect((await flow().commentAs(GW, t.id, c.id)).reportCount).toBe(1)
  })
})

describe('deliberation.hideComment and restoreComment', () => {
  it('staff hide with a reason: residents see the reason, not the content; restored, it is back; all audited', async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '加我微信买长椅')
    const hidden = data(
      await call(emu(), 'deliberation', GW, 'hideComment', { commentId: c.id, reason: '广告信息' })
    )
    expect(hidden).toMatchObject({ hidden: true, awaitingReview: false, content: '加我微信买长椅' })
    const seen = await flow().commentAs(R2, t.id, c.id)
    expect(seen).toMatchObject({ content: null, hidden: true, hiddenReason: '广告信息' })
    expect((await flow().commentAs(R1, t.id, c.id)).content).toBeNull()
    expect(JSON.stringify(await flow().comments(R2, t.id))).not.toContain('加我微信')

    const back = data(await call(emu(), 'deliberation', CM, 'restoreComment', { commentId: c.id }))
    expect(back).toMatchObject({ hidden: false, hiddenReason: null, awaitingReview: false })
    expect((await flow().commentAs(R2, t.id, c.id)).content).toBe('加我微信买长椅')
    expect(await flow().audited('deliberation.hideComment')).toHaveLength(1)
    expect(await flow().audited('deliberation.restoreComment')).toHaveLength(1)
  })

  it('a comment hidden by reports: the moderator hides it for good with a reason, or restores it', async () => {
    const t = await flow().create()
    const a = await flow().comment(R1, t.id, '第一条')
    const b = await flow().comment(R1, t.id, '第二条')
    for (const c of [a, b]) for (const who of [R2, R4, V1]) data(await report(who, c.id))
    const kept = data(
      await call(emu(), 'deliberation', CM, 'hideComment', { commentId: a.id, reason: '人身攻击' })
    )
    expect(kept).toMatchObject({ hidden: true, awaitingReview: false })
    expect((await flow().commentAs(R2, t.id, a.id)).hiddenReason).toBe('人身攻击')
    const freed = data(await call(emu(), 'deliberation', GW, 'restoreComment', { commentId: b.id }))
    expect(freed).toMatchObject({ hidden: false, awaitingReview: false })
    expect((await flow().commentAs(R2, t.id, b.id)).content).toBe('第二条')
  })

  it('residents may not hide or restore; a reason is required; outside staff NOT_FOUND', async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '说两句')
    expectError(
      await call(emu(), 'deliberation', R2, 'hideComment', { commentId: c.id, reason: '不喜欢' }),
      'FORBIDDEN'
    )
    expectError(
      await call(emu(), 'deliberation', R2, 'restoreComment', { commentId: c.id }),
      'FORBIDDEN'
    )
    expectError(
      await call(emu(), 'deliberation', GW, 'hideComment', { commentId: c.id, reason: '' }),
      'INVALID_INPUT',
      'reason'
    )
    expectError(
      await call(emu(), 'deliberation', GW, 'hideComment', {
        commentId: c.id,
        reason: '字'.repeat(101),
      }),
      'INVALID_INPUT',
      'reason'
    )
    expectError(
      await call(emu(), 'deliberation', R3, 'hideComment', { commentId: c.id, reason: '广告' }),
      'NOT_FOUND'
    )
    expect((await flow().commentAs(R2, t.id, c.id)).hidden).toBe(false)
    expect(await flow().audited('deliberation.hideComment')).toHaveLength(0)
  })

  it('restoring a comment that is not hidden is CONFLICT', async () => {
    const t = await flow().create()
    const c = await flow().comment(R1, t.id, '说两句')
    expectError(
      await call(emu(), 'deliberation', GW, 'restoreComment', { commentId: c.id }),
      'CONFLICT'
    )
  })
})
