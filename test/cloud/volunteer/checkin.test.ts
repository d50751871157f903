import {
  data,
  emuNow,
  expectError,
  HOUR,
  manyVolunteers,
  MINUTE,
  P,
  publish,
  storedActivities,
  storedLedger,
  templatesTo,
  useEmulator,
  vol,
} from './helpers'

// volunteer.checkinCode / checkin / roster / confirmAttendance / feedback / summary: the rotating
// code with the clock, the check-in window, attendance credited once, no-shows, feedback from
// attendees once, the organizer's public summary, and who sees the roster's personal data.

const emu = useEmulator()

const code = async (activityId: string, who: string = P.committee) =>
  data(await vol(emu(), who, 'checkinCode', { activityId }))
const checkin = (who: string, activityId: string, c: string) =>
  vol(emu(), who, 'checkin', { activityId, code: c })
const view = async (who: string, id: string) => data(await vol(emu(), who, 'getActivity', { id }))
/**
 * A grid worker of the community sees a community-wide activity but does not run it: what only
 * its staff may do is FORBIDDEN (NOT_FOUND is for who may not see it at all).
 */
const refused = (res: { ok: boolean; error?: { code: string; message: string } }) => {
  expect(res.ok).toBe(false)
  expect(res.error?.code).toBe('FORBIDDEN')
  expect(res.error?.message).toMatch(/只有活动的组织者/)
}
const other = (c: string) => String((Number(c) + 500_000) % 1_000_000).padStart(6, '0')

/** Moves the clock to one second into the next 60 s window. */
async function startOfWindow(): Promise<void> {
  const now = await emuNow(emu())
  await emu().advanceClock(MINUTE - (now % MINUTE) + 1000)
}

/** An activity starting in 24 h for 3 h, with these volunteers signed. */
async function withSigned(people: string[], quota = 20) {
  const a = await publish(emu(), { startIn: 24, lasts: 3, quota })
  for (const o of people) data(await vol(emu(), o, 'signup', { activityId: a.id }))
  return a
}

describe('volunteer.checkinCode and checkin', () => {
  it('the code rotates every 60 s: its own window and the next accept it, two windows on it is stale', async () => {
    const [v1, v2, v3] = await manyVolunteers(emu(), 3)
    const a = await withSigned([v1, v2, v3])
    await emu().setClock(24 * HOUR - 20 * MINUTE)
    await startOfWindow()
    const now = await emuNow(emu())
    const first = await code(a.id)
    expect(first.code).toMatch(/^\d{6}$/)
    const expires = Date.parse(first.expiresAt)
    expect(expires % MINUTE).toBe(0)
    expect(expires).toBeGreaterThan(now)
    expect(expires - now).toBeLessThanOrEqual(MINUTE)
    expect(first.scene.length).toBeGreaterThan(0)
    expect(first.scene.length).toBeLessThanOrEqual(32) // wxacode.getUnlimited's scene limit
    // Asking again within the window shows the same code.
    expect((await code(a.id)).code).toBe(first.code)

    const wrong = await checkin(v1, a.id, other(first.code))
    expectError(wrong, 'INVALID_INPUT', 'code')
    expect((await view(v1, a.id)).mySignup?.checkedIn).toBe(false)
    const checked = data(await checkin(v1, a.id, first.code))
    expect(checked.mySignup).toMatchObject({ status: 'signed', checkedIn: true })
    expect(checked.can.checkin).toBe(false)

    await emu().advanceClock(MINUTE) // the next window: a new code, the previous still accepted
    const second = await code(a.id)
    expect(second.code).not.toBe(first.code)
    expect(Date.parse(second.expiresAt)).toBe(expires + MINUTE)
    data(await checkin(v2, a.id, first.code))

    await emu().advanceClock(MINUTE) // two windows on: the first code is stale
    expectError(await checkin(v3, a.id, first.code), 'INVALID_INPUT', 'code')
    expect((await view(v3, a.id)).mySignup?.checkedIn).toBe(false)
    data(await checkin(v3, a.id, second.code))
  })

  it('check-in opens 30 minutes before the start and closes at the end', async () => {
    const [v1, v2, v3] = await manyVolunteers(emu(), 3)
    const a = await withSigned([v1, v2, v3])
    await emu().setClock(24 * HOUR - 31 * MINUTE)
    expect((await view(v1, a.id)).can.checkin).toBe(false)
    expectError(await checkin(v1, a.id, (await code(a.id)).code), 'CONFLICT')
    expect((await view(v1, a.id)).mySignup?.checkedIn).toBe(false)

    await emu().setClock(24 * HOUR - 29 * MINUTE)
    expect((await view(v1, a.id)).can.checkin).toBe(true)
    data(await checkin(v1, a.id, (await code(a.id)).code))

    await emu().setClock(26 * HOUR) // under way
    data(await checkin(v2, a.id, (await code(a.id)).code))

    await emu().setClock(27 * HOUR + MINUTE) // ended
    expect((await view(v3, a.id)).can.checkin).toBe(false)
    expectError(await checkin(v3, a.id, (await code(a.id)).code), 'CONFLICT')
    expect((await view(v3, a.id)).mySignup?.checkedIn).toBe(false)
  })

  it('checking in twice: CONFLICT', async () => {
    const a = await withSigned([P.volunteer1])
    await emu().setClock(24 * HOUR - 10 * MINUTE)
    const c = (await code(a.id)).code
    data(await checkin(P.volunteer1, a.id, c))
    expectError(await checkin(P.volunteer1, a.id, c), 'CONFLICT')
  })

  it('only a signed volunteer checks in: waitlisted, cancelled or not signed up are refused', async () => {
    const [signed, waiting, leaving] = await manyVolunteers(emu(), 3)
    const a = await withSigned([signed, waiting], 1)
    data(await vol(emu(), leaving, 'signup', { activityId: a.id }))
    data(await vol(emu(), leaving, 'cancelSignup', { activityId: a.id }))
    await emu().setClock(24 * HOUR - 10 * MINUTE)
    const c = (await code(a.id)).code
    for (const who of [waiting, leaving, P.volunteer2, P.resident1]) {
      expectError(await checkin(who, a.id, c), 'FORBIDDEN')
    }
    expect((await storedActivities(emu()))[0].checkins).toEqual([])
    expectError(await checkin(P.newcomer, a.id, c), 'NOT_BOUND')
    expectError(await checkin(P.volunteer1, 'no-such-activity', c), 'NOT_FOUND')
  })

  it.each(['12345', '1234567', 'abcdef', ''])('code %j: INVALID_INPUT field code', async (c) => {
    const a = await withSigned([P.volunteer1])
    await emu().setClock(24 * HOUR - 10 * MINUTE)
    expectError(await checkin(P.volunteer1, a.id, c), 'INVALID_INPUT', 'code')
  })

  it('only who runs the activity gets the code', async () => {
    const a = await withSigned([P.volunteer1])
    for (const who of [P.volunteer1, P.resident1]) {
      expectError(await vol(emu(), who, 'checkinCode', { activityId: a.id }), 'FORBIDDEN')
    }
    refused(await vol(emu(), P.gridWorker, 'checkinCode', { activityId: a.id }))
    // They see it (to answer residents' questions), with no management button.
    expect((await view(P.gridWorker, a.id)).can.manage).toBe(false)
    expectError(await vol(emu(), null, 'checkinCode', { activityId: a.id }), 'UNAUTHENTICATED')
    expectError(await vol(emu(), P.committee, 'checkinCode', { activityId: 'nope' }), 'NOT_FOUND')
    // A grid worker's own grid activity: the grid worker and the committee both run it.
    const g = await publish(emu(), { scope: { type: 'grid', id: 'g1' }, startIn: 48 }, P.gridWorker)
    expect((await code(g.id, P.gridWorker)).code).toMatch(/^\d{6}$/)
    expect((await code(g.id, P.committee)).code).toMatch(/^\d{6}$/)
  })
})

describe('volunteer.roster', () => {
  it('the organizer sees full names and phones with check-in state; nobody else sees the roster', async () => {
    const a = await withSigned([P.volunteer1, P.volunteer2], 1)
    const roster = data(await vol(emu(), P.committee, 'roster', { activityId: a.id }))
    expect(roster.items.map((r) => [r.openid, r.name, r.phone, r.status, r.position])).toEqual([
      [P.volunteer1, '赵志强', '13800000005', 'signed', undefined],
      [P.volunteer2, '陈晓燕', '13800000006', 'waitlisted', 1],
    ])
    expect(roster.items[0]).toMatchObject({ checkedIn: false, checkedInAt: null, attended: null })
    for (const who of [P.volunteer1, P.volunteer2, P.resident1]) {
      expectError(await vol(emu(), who, 'roster', { activityId: a.id }), 'FORBIDDEN')
    }
    refused(await vol(emu(), P.gridWorker, 'roster', { activityId: a.id }))
    // What volunteers and residents see of the activity names nobody.
    for (const who of [P.volunteer2, P.resident1]) {
      const seen = JSON.stringify(await view(who, a.id))
      expect(seen).not.toMatch(/赵志强|13800000005|demo-volunteer-1/)
    }
  })
})

describe('volunteer.roster pages', () => {
  it('a page at a time: signed first, then the waitlist, each once; a bad cursor is INVALID_INPUT', async () => {
    const [v1, v2, v3] = await manyVolunteers(emu(), 3)
    const a = await withSigned([v1, v2, v3], 1)
    const seen: [string, string][] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = data(
        await vol(emu(), P.committee, 'roster', { activityId: a.id, cursor, limit: 1 })
      )
      expect(page.items).toHaveLength(1)
      seen.push(...page.items.map((r): [string, string] => [r.openid, r.status]))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor && pages < 10)
    expect(seen).toEqual([
      [v1, 'signed'],
      [v2, 'waitlisted'],
      [v3, 'waitlisted'],
    ])
    for (const bad of ['x', 'o-1', '1']) {
      expectError(
        await vol(emu(), P.committee, 'roster', { activityId: a.id, cursor: bad }),
        'INVALID_INPUT',
        'cursor'
      )
    }
    expectError(
      await vol(emu(), P.committee, 'roster', { activityId: a.id, limit: 501 }),
      'INVALID_INPUT',
      'limit'
    )
  })
})

describe('volunteer.confirmAttendance', () => {
  it('after the start the organizer confirms: attendees credited once, the others no-shows, a repeat credits nothing', async () => {
    const a = await withSigned([P.volunteer1, P.volunteer2])
    await emu().setClock(24 * HOUR - 10 * MINUTE)
    expectError(
      await vol(emu(), P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.volunteer1],
      }),
      'CONFLICT'
    )
    expect(await storedLedger(emu(), { source: 'activity' })).toHaveLength(0)

    await emu().setClock(25 * HOUR)
    const confirmed = data(
      await vol(emu(), P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.volunteer1],
      })
    )
    expect(confirmed.timeline.map((t) => t.type)).toEqual(['published', 'attendanceConfirmed'])
    expect((await view(P.volunteer1, a.id)).mySignup?.attended).toBe(true)
    expect((await view(P.volunteer2, a.id)).mySignup?.attended).toBe(false)
    expect(await templatesTo(emu(), P.volunteer1)).toContainEqual(
      expect.stringContaining('HOURS_CREDITED')
    )
    const roster = data(await vol(emu(), P.committee, 'roster', { activityId: a.id }))
    expect(roster.items.map((r) => [r.openid, r.attended])).toEqual([
      [P.volunteer1, true],
      [P.volunteer2, false],
    ])

    // A repeat naming the same people credits nothing more; nor do two at once.
    const same = { activityId: a.id, openids: [P.volunteer1] }
    await Promise.all([
      vol(emu(), P.committee, 'confirmAttendance', same),
      vol(emu(), P.committee, 'confirmAttendance', same),
    ])
    expect((await storedLedger(emu(), { source: 'activity' })).map((e) => e.openid)).toEqual([
      P.volunteer1,
    ])
    // A later call naming someone forgotten credits them (the no-show attended), once however
    // often it is sent; who was credited already is not credited again.
    const again = { activityId: a.id, openids: [P.volunteer1, P.volunteer2] }
    await Promise.all([
      vol(emu(), P.committee, 'confirmAttendance', again),
      vol(emu(), P.committee, 'confirmAttendance', again),
    ])
    const entries = await storedLedger(emu(), { source: 'activity' })
    expect(entries.map((e) => [e.openid, e.hours]).sort()).toEqual([
      [P.volunteer1, 2],
      [P.volunteer2, 2],
    ])
    expect((await view(P.volunteer2, a.id)).mySignup?.attended).toBe(true)
    const v1 = data(await vol(emu(), P.volunteer1, 'myRecord', {}))
    expect(v1.entries.filter((e) => e.refId === a.id)).toEqual([
      expect.objectContaining({ source: 'activity', title: '敬老院陪伴活动', hours: 2 }),
    ])
    expect(v1.bySource.activity).toBe(2)
    expect(data(await vol(emu(), P.volunteer2, 'myRecord', {})).bySource.activity).toBe(2)
    for (const who of [P.volunteer1, P.volunteer2]) {
      expect(
        (await emu().outbox(who)).filter((m) => m.templateId.includes('HOURS_CREDITED'))
      ).toHaveLength(1)
    }
  })

  it('two first confirmations at once naming different people: both are credited, once each', async () => {
    const [v1, v2] = await manyVolunteers(emu(), 2)
    const a = await withSigned([v1, v2])
    await emu().setClock(25 * HOUR)
    await Promise.all(
      [v1, v2].map((o) =>
        vol(emu(), P.committee, 'confirmAttendance', { activityId: a.id, openids: [o] })
      )
    )
    const entries = await storedLedger(emu(), { source: 'activity', refId: a.id })
    expect(entries.map((e) => e.openid).sort()).toEqual([v1, v2].sort())
    for (const o of [v1, v2]) expect((await view(o, a.id)).mySignup?.attended).toBe(true)
  })

  it('only signed volunteers may be listed; only who runs it confirms', async () => {
    const [signed, waiting] = await manyVolunteers(emu(), 2)
    const a = await withSigned([signed, waiting], 1)
    await emu().setClock(25 * HOUR)
    expectError(
      await vol(emu(), P.committee, 'confirmAttendance', { activityId: a.id, openids: [waiting] }),
      'INVALID_INPUT',
      'openids'
    )
    expectError(
      await vol(emu(), P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.resident1],
      }),
      'INVALID_INPUT',
      'openids'
    )
    for (const who of [signed, P.resident1]) {
      expectError(
        await vol(emu(), who, 'confirmAttendance', { activityId: a.id, openids: [signed] }),
        'FORBIDDEN'
      )
    }
    refused(
      await vol(emu(), P.gridWorker, 'confirmAttendance', { activityId: a.id, openids: [signed] })
    )
    expectError(
      await emu().call('volunteer', P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: 'all',
      }),
      'INVALID_INPUT',
      'openids'
    )
    expect(await storedLedger(emu(), { source: 'activity' })).toHaveLength(0)
    expect((await view(signed, a.id)).mySignup?.attended).toBeNull()
  })

  it('a volunteer listed twice is credited once; a cancelled one may not be listed', async () => {
    const [v1, gone] = await manyVolunteers(emu(), 2)
    const a = await withSigned([v1, gone])
    data(await vol(emu(), gone, 'cancelSignup', { activityId: a.id }))
    await emu().setClock(25 * HOUR)
    expectError(
      await vol(emu(), P.committee, 'confirmAttendance', { activityId: a.id, openids: [gone] }),
      'INVALID_INPUT',
      'openids'
    )
    data(
      await vol(emu(), P.committee, 'confirmAttendance', { activityId: a.id, openids: [v1, v1] })
    )
    expect(data(await vol(emu(), v1, 'myRecord', {})).totalHours).toBe(2)
    expect(await storedLedger(emu(), { source: 'activity' })).toHaveLength(1)
  })

  it('after the activity is over and the timer has run, the record of who came stands and feedback still opens', async () => {
    const a = await withSigned([P.volunteer1, P.volunteer2], 1)
    await emu().setClock(24 * HOUR - 10 * MINUTE)
    data(await checkin(P.volunteer1, a.id, (await code(a.id)).code))
    await emu().setClock(25 * HOUR)
    data(
      await vol(emu(), P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.volunteer1],
      })
    )
    await emu().setClock(2 * 24 * HOUR) // the next day
    await emu().fireTimer('volunteer')
    const seen = await view(P.volunteer1, a.id)
    expect(seen).toMatchObject({ phase: 'ended', signedCount: 1, waitlistCount: 1 })
    expect(seen.mySignup).toMatchObject({ status: 'signed', checkedIn: true, attended: true })
    expect(seen.feedbackOpen).toBe(true)
    expect((await view(P.volunteer2, a.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 1,
    })
    const roster = data(await vol(emu(), P.committee, 'roster', { activityId: a.id }))
    expect(roster.items.map((r) => [r.openid, r.status, r.checkedIn, r.attended])).toEqual([
      [P.volunteer1, 'signed', true, true],
      [P.volunteer2, 'waitlisted', false, null],
    ])
    const rated = data(
      await vol(emu(), P.volunteer1, 'feedback', { activityId: a.id, rating: 5, comment: '很好' })
    )
    expect(rated.feedback.count).toBe(1)
    expect(
      data(await vol(emu(), P.volunteer1, 'listActivities', { scope: 'past' })).items.map(
        (x) => x.id
      )
    ).toContain(a.id)
    expect(
      data(await vol(emu(), P.volunteer1, 'listActivities', { scope: 'mine' })).items.map(
        (x) => x.id
      )
    ).toContain(a.id)
  })

  it('a repeated requestId replays the confirmation', async () => {
    const a = await withSigned([P.volunteer1])
    await emu().setClock(25 * HOUR)
    const input = { activityId: a.id, openids: [P.volunteer1] }
    const first = await vol(emu(), P.committee, 'confirmAttendance', input, 'confirm-once')
    expect(await vol(emu(), P.committee, 'confirmAttendance', input, 'confirm-once')).toEqual(first)
    expect(await storedLedger(emu(), { source: 'activity' })).toHaveLength(1)
  })
})

describe('volunteer.feedback and summary', () => {
  async function attended() {
    const a = await withSigned([P.volunteer1, P.volunteer2])
    await emu().setClock(25 * HOUR)
    data(
      await vol(emu(), P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.volunteer1],
      })
    )
    return a
  }

  it('an attendee gives feedback once; it is public on the activity without names', async () => {
    const a = await attended()
    expect((await view(P.volunteer1, a.id)).feedbackOpen).toBe(true)
    const rated = data(
      await vol(emu(), P.volunteer1, 'feedback', {
        activityId: a.id,
        rating: 4,
        comment: '很有意义',
      })
    )
    expect(rated.feedback).toMatchObject({ count: 1, average: 4 })
    expect(rated.feedback.comments).toEqual([
      expect.objectContaining({ rating: 4, comment: '很有意义' }),
    ])
    expect(rated.mySignup?.feedbackGiven).toBe(true)
    expect(rated.feedbackOpen).toBe(false)
    expectError(
      await vol(emu(), P.volunteer1, 'feedback', { activityId: a.id, rating: 5 }),
      'CONFLICT'
    )
    const seen = await view(P.resident1, a.id)
    expect(seen.feedback).toMatchObject({ count: 1, average: 4 })
    expect(seen.feedbackOpen).toBe(false)
    expect(JSON.stringify(seen.feedback)).not.toMatch(/赵志强|志强|demo-volunteer-1/)
  })

  it('a no-show, a resident, the organizer, or anyone before confirmation may not give feedback', async () => {
    const b = await attended()
    for (const who of [P.volunteer2, P.resident1]) {
      expectError(await vol(emu(), who, 'feedback', { activityId: b.id, rating: 5 }), 'FORBIDDEN')
    }
    expectError(
      await vol(emu(), P.committee, 'feedback', { activityId: b.id, rating: 5 }),
      'NOT_BOUND'
    )
    expect((await view(P.resident1, b.id)).feedback.count).toBe(0)
    // Another activity, under way but not confirmed yet: no feedback.
    const c = await publish(emu(), { startIn: 3, lasts: 1 })
    data(await vol(emu(), P.volunteer1, 'signup', { activityId: c.id }))
    await emu().advanceClock(3 * HOUR + 30 * MINUTE)
    expectError(
      await vol(emu(), P.volunteer1, 'feedback', { activityId: c.id, rating: 5 }),
      'FORBIDDEN'
    )
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['rating 0', { rating: 0 }, 'rating'],
    ['rating 6', { rating: 6 }, 'rating'],
    ['rating 4.5', { rating: 4.5 }, 'rating'],
    ['no rating', {}, 'rating'],
    ['a comment of 201 characters', { rating: 5, comment: '好'.repeat(201) }, 'comment'],
  ])('%s: INVALID_INPUT, nothing stored', async (_label, change, field) => {
    const a = await attended()
    expectError(
      await emu().call('volunteer', P.volunteer1, 'feedback', { activityId: a.id, ...change }),
      'INVALID_INPUT',
      field
    )
    expect((await view(P.volunteer1, a.id)).feedback.count).toBe(0)
  })

  it('a forbidden word in the comment: CONTENT_REJECTED, nothing stored', async () => {
    const a = await attended()
    expectError(
      await vol(emu(), P.volunteer1, 'feedback', {
        activityId: a.id,
        rating: 5,
        comment: '违禁测试词',
      }),
      'CONTENT_REJECTED',
      'comment'
    )
    expect((await view(P.volunteer1, a.id)).feedback.count).toBe(0)
    expect((await view(P.volunteer1, a.id)).feedbackOpen).toBe(true)
  })

  it('the organizer’s summary, after the start, is public on the activity', async () => {
    const a = await withSigned([P.volunteer1])
    expectError(
      await vol(emu(), P.committee, 'summary', { activityId: a.id, text: '活动圆满结束' }),
      'CONFLICT'
    )
    await emu().setClock(28 * HOUR)
    for (const who of [P.volunteer1, P.resident1]) {
      expectError(
        await vol(emu(), who, 'summary', { activityId: a.id, text: '活动圆满结束' }),
        'FORBIDDEN'
      )
    }
    refused(await vol(emu(), P.gridWorker, 'summary', { activityId: a.id, text: '活动圆满结束' }))
    expectError(
      await vol(emu(), P.committee, 'summary', { activityId: a.id, text: '违禁测试词' }),
      'CONTENT_REJECTED',
      'text'
    )
    expectError(
      await vol(emu(), P.committee, 'summary', { activityId: a.id, text: '' }),
      'INVALID_INPUT',
      'text'
    )
    expectError(
      await vol(emu(), P.committee, 'summary', { activityId: a.id, text: '长'.repeat(1001) }),
      'INVALID_INPUT',
      'text'
    )
    expect((await view(P.resident1, a.id)).summary).toBeNull()
    const done = data(
      await vol(emu(), P.committee, 'summary', { activityId: a.id, text: '活动圆满结束，感谢大家' })
    )
    expect(done.summary?.text).toBe('活动圆满结束，感谢大家')
    expect(done.timeline.map((t) => t.type)).toContain('summary')
    expect((await view(P.resident1, a.id)).summary?.text).toBe('活动圆满结束，感谢大家')
    expect((await view(P.volunteer2, a.id)).summary?.text).toBe('活动圆满结束，感谢大家')
  })
})
