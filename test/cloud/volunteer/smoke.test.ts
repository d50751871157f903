import { call, data, expectError, newResident, PERSONAS as P, useEmulator } from '../helpers'

// The volunteer chain through the real SDK: a resident applies (报名), the committee approves and
// publishes an activity (发布), volunteers sign up with a waitlist (报名/候补), a cancel promotes
// the first waiting, the volunteer checks in with the organizer's code (签到), the organizer
// confirms attendance (服务), hours reach the record and the honor roll (评价/反馈, 公示).

const emu = useEmulator()
const HOUR = 3_600_000

/** An activity of community c1 starting `inHours` from the emulator's now. */
const activity = (quota: number, inHours = 24) => {
  const start = Date.now() + inHours * HOUR
  return {
    title: '敬老院陪伴活动',
    description: '陪伴老人聊天、读报',
    location: '幸福里敬老院',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 3 * HOUR).toISOString(),
    signupDeadline: new Date(start - HOUR).toISOString(),
    quota,
    hours: 2,
    scope: { type: 'community' as const, id: 'c1' },
  }
}

describe('volunteer: apply → publish → sign up → check in → confirm → record', () => {
  it('a resident becomes a volunteer, serves, and sees the hours', async () => {
    const applied = data(
      await call(emu(), 'volunteer', P.resident2, 'register', {
        skills: ['陪伴', '手机教学'],
        partyMember: true,
        workUnit: '区税务局',
      })
    )
    expect(applied).toMatchObject({ status: 'pending', name: '李建国', workUnit: '区税务局' })
    expectError(
      await call(emu(), 'volunteer', P.resident2, 'register', {
        skills: ['陪伴'],
        partyMember: false,
      }),
      'CONFLICT'
    )
    const counts = data(await call(emu(), 'user', P.committee, 'counts', {}))
    expect(counts.counts['volunteer.toReview']).toBe(1)
    const queue = data(await call(emu(), 'volunteer', P.committee, 'listApplications', {}))
    expect(queue.items.map((a) => a.openid)).toEqual([P.resident2])
    expect(queue.items[0].can.review).toBe(true)
    const approved = data(
      await call(emu(), 'volunteer', P.committee, 'reviewVolunteer', {
        openid: P.resident2,
        approve: true,
      })
    )
    expect(approved.status).toBe('approved')
    expectError(
      await call(emu(), 'volunteer', P.committee, 'reviewVolunteer', {
        openid: P.resident2,
        approve: false,
        reason: '重复',
      }),
      'CONFLICT'
    )
    const me = data(await call(emu(), 'user', P.resident2, 'me', {}))
    expect(me.can['volunteer.signup']).toBe(true)
    expect((await emu().outbox(P.resident2)).length).toBe(1)

    const a = data(await call(emu(), 'volunteer', P.committee, 'createActivity', activity(2)))
    expect(a).toMatchObject({ phase: 'signup', signedCount: 0, mySignup: null })
    expect(a.can.manage).toBe(true)
    const listed = data(
      await call(emu(), 'volunteer', P.volunteer2, 'listActivities', { scope: 'upcoming' })
    )
    expect(listed.items.map((x) => x.id)).toEqual([a.id])
    const up = data(await call(emu(), 'user', P.resident2, 'counts', {}))
    expect(up.counts['volunteer.upcoming']).toBe(1)

    const s1 = data(await call(emu(), 'volunteer', P.volunteer1, 'signup', { activityId: a.id }))
    const s2 = data(await call(emu(), 'volunteer', P.resident2, 'signup', { activityId: a.id }))
    const s3 = data(await call(emu(), 'volunteer', P.volunteer2, 'signup', { activityId: a.id }))
    expect([s1, s2, s3]).toEqual([
      { status: 'signed' },
      { status: 'signed' },
      { status: 'waitlisted', position: 1 },
    ])
    expectError(
      await call(emu(), 'volunteer', P.resident2, 'signup', { activityId: a.id }),
      'CONFLICT'
    )
    // Not a volunteer.
    expectError(
      await call(emu(), 'volunteer', P.resident1, 'signup', { activityId: a.id }),
      'FORBIDDEN'
    )

    // A cancel promotes the first waiting, who is told.
    const cancelled = data(
      await call(emu(), 'volunteer', P.volunteer1, 'cancelSignup', { activityId: a.id })
    )
    expect(cancelled.mySignup?.status).toBe('cancelled')
    expect(cancelled).toMatchObject({ signedCount: 2, waitlistCount: 0 })
    const promoted = data(await call(emu(), 'volunteer', P.volunteer2, 'getActivity', { id: a.id }))
    expect(promoted.mySignup).toMatchObject({ status: 'signed' })
    expect((await emu().outbox(P.volunteer2)).length).toBe(1)

    // The organizer's roster: full names; check-in with the code from 30 minutes before.
    const roster = data(await call(emu(), 'volunteer', P.committee, 'roster', { activityId: a.id }))
    expect(roster.items.map((r) => [r.name, r.status])).toEqual([
      ['李建国', 'signed'],
      ['陈晓燕', 'signed'],
      ['赵志强', 'cancelled'],
    ])
    await emu().setClock(24 * HOUR - 20 * 60_000)
    const { code } = data(
      await call(emu(), 'volunteer', P.committee, 'checkinCode', { activityId: a.id })
    )
    expect(code).toMatch(/^\d{6}$/)
    const wrong = code === '000000' ? '000001' : '000000'
    expectError(
      await call(emu(), 'volunteer', P.resident2, 'checkin', { activityId: a.id, code: wrong }),
      'INVALID_INPUT',
      'code'
    )
    // The previous minute's code still works.
    await emu().advanceClock(60_000)
    const checked = data(
      await call(emu(), 'volunteer', P.resident2, 'checkin', { activityId: a.id, code })
    )
    expect(checked.mySignup?.checkedIn).toBe(true)
    expectError(
      await call(emu(), 'volunteer', P.resident2, 'checkin', { activityId: a.id, code }),
      'CONFLICT'
    )
    // Two minutes on, that code is stale.
    await emu().advanceClock(2 * 60_000)
    expectError(
      await call(emu(), 'volunteer', P.volunteer2, 'checkin', { activityId: a.id, code }),
      'INVALID_INPUT',
      'code'
    )

    // After the start the organizer confirms: hours credited once, the other a no-show.
    await emu().advanceClock(HOUR)
    const confirmed = data(
      await call(emu(), 'volunteer', P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.resident2],
      })
    )
    expect(confirmed.timeline.map((t) => t.type)).toEqual(['published', 'attendanceConfirmed'])
    // A repeat naming the same attendee changes nothing.
    data(
      await call(emu(), 'volunteer', P.committee, 'confirmAttendance', {
        activityId: a.id,
        openids: [P.resident2],
      })
    )
    const mine = data(await call(emu(), 'volunteer', P.resident2, 'getActivity', { id: a.id }))
    expect(mine.mySignup).toMatchObject({ attended: true, feedbackGiven: false })
    expect(mine.feedbackOpen).toBe(true)
    const other = data(await call(emu(), 'volunteer', P.volunteer2, 'getActivity', { id: a.id }))
    expect(other.mySignup?.attended).toBe(false)

    const record = data(await call(emu(), 'volunteer', P.resident2, 'myRecord', {}))
    expect(record).toMatchObject({
      totalHours: 2,
      stars: 0,
      nextStar: { stars: 1, hoursNeeded: 98 },
      bySource: { activity: 2, wish: 0, errand: 0 },
    })
    expect(record.entries.map((e) => [e.source, e.title, e.hours])).toEqual([
      ['activity', '敬老院陪伴活动', 2],
    ])
    const rated = data(
      await call(emu(), 'volunteer', P.resident2, 'feedback', {
        activityId: a.id,
        rating: 5,
        comment: '很有意义',
      })
    )
    expect(rated.feedback).toMatchObject({ count: 1, average: 5 })
    expectError(
      await call(emu(), 'volunteer', P.resident2, 'feedback', { activityId: a.id, rating: 4 }),
      'CONFLICT'
    )

    // The timer sums the ledger: the same figure, now on the honor roll too.
    await emu().fireTimer('volunteer')
    const after = data(await call(emu(), 'volunteer', P.resident2, 'myRecord', {}))
    expect(after.totalHours).toBe(2)
    const roll = data(await call(emu(), 'volunteer', P.resident1, 'honorRoll', {}))
    const li = roll.items.find((i) => i.name === '李*')
    expect(li).toMatchObject({ hours: 2, stars: 0 })
    const party = data(await call(emu(), 'volunteer', P.committee, 'partyReport', {}))
    expect(party.units.find((u) => u.workUnit === '区税务局')).toEqual({
      workUnit: '区税务局',
      members: 1,
      hours: 2,
    })
  })

  it('however many race, the quota holds and the waitlist is in order; each cancel promotes one', async () => {
    const people = Array.from({ length: 12 }, (_x, i) => `race-volunteer-${i}`)
    for (const [i, o] of people.entries()) {
      await newResident(emu(), o, { gridId: 'g1', buildingId: 'g1-b2' }, `${100 + i}`)
      data(
        await call(emu(), 'user', P.committee, 'setRoles', {
          openid: o,
          roles: ['resident', 'volunteer'],
        })
      )
    }
    const a = data(await call(emu(), 'volunteer', P.committee, 'createActivity', activity(3)))
    const results = await Promise.all(
      people.map((o) => call(emu(), 'volunteer', o, 'signup', { activityId: a.id }))
    )
    const got = results.map(data)
    expect(got.filter((r) => r.status === 'signed')).toHaveLength(3)
    expect(
      got
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position)
        .sort((x, y) => x! - y!)
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])

    const signed = people.filter((_o, i) => got[i].status === 'signed')
    await Promise.all(
      signed.map((o) => call(emu(), 'volunteer', o, 'cancelSignup', { activityId: a.id }))
    )
    const now = data(await call(emu(), 'volunteer', P.committee, 'getActivity', { id: a.id }))
    expect(now).toMatchObject({ signedCount: 3, waitlistCount: 6 })
    const told = await emu().outbox()
    const promotedTo = told.filter((m) => m.page?.includes(a.id)).map((m) => m.touser)
    expect(promotedTo.sort()).toEqual(
      people.filter((_o, i) => [1, 2, 3].includes(got[i].position ?? 0)).sort()
    )
  })

  it('the ledger credits every done wish (those before it too) and closed errand, once', async () => {
    const claimer = 'seed-g1-04'
    const done = await emu().emulator.db.find('wishes', { status: 'done', claimerOpenid: claimer })
    expect(done.length).toBeGreaterThan(0)
    // The community's errand hours are changed before the errand closes.
    data(
      await call(emu(), 'volunteer', P.committee, 'updateSettings', {
        wishHours: 1,
        errandHours: 1.5,
        starThresholds: [2, 10, 20, 40, 80],
      })
    )
    const tomorrow = new Date(Date.now() + 8 * HOUR + 24 * HOUR).toISOString().slice(0, 10)
    const e = data(
      await call(emu(), 'errand', P.resident1, 'book', {
        type: 'medicine',
        detail: '帮忙到社区药店买降压药',
        date: tomorrow,
        slot: 'morning',
      })
    )
    data(await call(emu(), 'errand', P.volunteer1, 'accept', { id: e.id }))
    data(await call(emu(), 'errand', P.volunteer1, 'complete', { id: e.id }))
    data(await call(emu(), 'errand', P.resident1, 'confirm', { id: e.id, rating: 5 }))

    await emu().fireTimer('volunteer')
    await emu().fireTimer('volunteer')
    const record = data(await call(emu(), 'volunteer', claimer, 'myRecord', {}))
    expect(record.bySource.wish).toBe(done.length)
    expect(
      record.entries
        .filter((x) => x.source === 'wish')
        .map((x) => x.refId)
        .sort()
    ).toEqual(done.map((w) => w._id).sort())
    const agent = data(await call(emu(), 'volunteer', P.volunteer1, 'myRecord', {}))
    expect(agent.entries.find((x) => x.refId === e.id)).toMatchObject({
      source: 'errand',
      hours: 1.5,
    })
    expect(agent.totalHours).toBe(agent.entries.reduce((n, x) => n + x.hours, 0))
    expect(agent.stars).toBe(agent.totalHours >= 2 ? 1 : 0)
  })
})
