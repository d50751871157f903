import {
  activityInput,
  callWithStats,
  data,
  emuNow,
  expectError,
  HOUR,
  manyVolunteers,
  P,
  publish,
  storedActivities,
  templatesTo,
  useEmulator,
  vol,
  WRITE_TRIPS,
} from './helpers'

// volunteer.signup / cancelSignup: the quota holds however many race, a FIFO waitlist with
// positions, one promotion per cancel (the promoted volunteer is told), cancel until 2 h before
// the start, the deadline, the time-overlap check, once per volunteer.

const emu = useEmulator()
const PROMOTED = 'SIGNUP_PROMOTED'

const signup = (who: string, activityId: string, requestId?: string) =>
  vol(emu(), who, 'signup', { activityId }, requestId)
const cancel = (who: string, activityId: string) => vol(emu(), who, 'cancelSignup', { activityId })
const view = async (who: string, id: string) => data(await vol(emu(), who, 'getActivity', { id }))

describe('volunteer.signup', () => {
  it('200 volunteers race for quota 20: exactly 20 signed, waitlist positions 1..180 each once, each within 4 round trips', async () => {
    const people = await manyVolunteers(emu(), 200)
    const a = await publish(emu(), { quota: 20 })
    // As the app sends it: a change with a requestId (its record is one of the trips).
    const calls = await Promise.all(
      people.map((o, i) =>
        callWithStats(emu(), 'volunteer', o, 'signup', { activityId: a.id }, `race-${i}`)
      )
    )
    expect(Math.max(...calls.map((c) => c.roundTrips))).toBeLessThanOrEqual(WRITE_TRIPS)
    const results = calls.map((c) => data(c.result))
    const signed = results.filter((r) => r.status === 'signed')
    expect(signed).toHaveLength(20)
    for (const s of signed) expect(s.position).toBeUndefined()
    const positions = results
      .filter((r) => r.status === 'waitlisted')
      .map((r) => r.position!)
      .sort((x, y) => x - y)
    expect(positions).toEqual(Array.from({ length: 180 }, (_x, i) => i + 1))

    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 20, waitlistCount: 180 })
    // Each sees where they stand, as the signup answered.
    for (const i of [0, 57, 199]) {
      expect((await view(people[i], a.id)).mySignup).toMatchObject(results[i])
    }
    // One page of up to 500 holds all 200 (100 a page unless asked).
    const roster = data(await vol(emu(), P.committee, 'roster', { activityId: a.id, limit: 500 }))
    expect(roster.nextCursor).toBeNull()
    expect(roster.items.filter((r) => r.status === 'signed')).toHaveLength(20)
    expect(
      roster.items
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position)
        .sort((x, y) => x! - y!)
    ).toEqual(positions)

    // Ten signed volunteers cancel at once: ten promoted, the first ten waiting, each told once.
    const leaving = people.filter((_o, i) => results[i].status === 'signed').slice(0, 10)
    const cancelCalls = await Promise.all(
      leaving.map((o, i) =>
        callWithStats(emu(), 'volunteer', o, 'cancelSignup', { activityId: a.id }, `leave-${i}`)
      )
    )
    expect(Math.max(...cancelCalls.map((c) => c.roundTrips))).toBeLessThanOrEqual(WRITE_TRIPS)
    for (const c of cancelCalls) expect(data(c.result).mySignup?.status).toBe('cancelled')
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 20, waitlistCount: 170 })
    const firstTen = people.filter(
      (_o, i) => (results[i].position ?? 0) <= 10 && results[i].position
    )
    expect(firstTen).toHaveLength(10)
    const told = (await emu().outbox()).filter((m) => m.templateId.includes(PROMOTED))
    expect(told.map((m) => m.touser).sort()).toEqual([...firstTen].sort())
    for (const o of firstTen) expect((await view(o, a.id)).mySignup?.status).toBe('signed')
    // The rest moved up by ten: positions 1..170 each once, in their arrival order.
    const after = data(await vol(emu(), P.committee, 'roster', { activityId: a.id, limit: 500 }))
    const waiting = after.items.filter((r) => r.status === 'waitlisted')
    expect(waiting.map((r) => r.position).sort((x, y) => x! - y!)).toEqual(
      Array.from({ length: 170 }, (_x, i) => i + 1)
    )
    for (const r of waiting) {
      const before = results[people.indexOf(r.openid)].position!
      expect(r.position).toBe(before - 10)
    }
  }, 180_000)

  it('a signed volunteer’s cancel promotes exactly the first waiting, who is told; positions close up', async () => {
    const [a1, a2, w1, w2, w3] = await manyVolunteers(emu(), 5)
    const a = await publish(emu(), { quota: 2 })
    for (const o of [a1, a2, w1, w2, w3]) data(await signup(o, a.id))
    expect((await view(w3, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 3 })

    data(await cancel(a1, a.id))
    expect((await view(w1, a.id)).mySignup).toMatchObject({ status: 'signed' })
    expect((await view(w1, a.id)).mySignup?.position).toBeUndefined()
    expect((await view(w2, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await view(w3, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 2 })
    expect(await templatesTo(emu(), w1)).toEqual([expect.stringContaining(PROMOTED)])
    expect(await templatesTo(emu(), w2)).toEqual([])
    const msg = (await emu().outbox(w1))[0]
    expect(msg.page).toContain(a.id)

    // A waiting volunteer's cancel promotes nobody; those behind move up.
    data(await cancel(w2, a.id))
    expect((await view(w3, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 2, waitlistCount: 1 })
    expect(await templatesTo(emu(), w3)).toEqual([])

    // With nobody waiting behind, a cancel leaves a free place that the next signup takes.
    data(await cancel(w1, a.id))
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 2, waitlistCount: 0 })
    expect((await view(w3, a.id)).mySignup?.status).toBe('signed')
    data(await cancel(a2, a.id))
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 1, waitlistCount: 0 })
    const [late] = await manyVolunteers(emu(), 1, 'late-vol')
    expect(data(await signup(late, a.id))).toEqual({ status: 'signed' })
  })

  it('signing up twice is CONFLICT, and so is signing up again after cancelling', async () => {
    const a = await publish(emu())
    expect(data(await signup(P.volunteer1, a.id))).toEqual({ status: 'signed' })
    expectError(await signup(P.volunteer1, a.id), 'CONFLICT')
    data(await cancel(P.volunteer1, a.id))
    expectError(await signup(P.volunteer1, a.id), 'CONFLICT')
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 0, waitlistCount: 0 })
  })

  it('signing up for two overlapping activities at once: one is signed, the other CONFLICT', async () => {
    const people = await manyVolunteers(emu(), 10)
    const a = await publish(emu(), { startIn: 24, lasts: 3, title: '活动甲' })
    const b = await publish(emu(), { startIn: 25, lasts: 3, title: '活动乙' })
    // Warm the function's instances so that the two calls of a pair can run side by side.
    await Promise.all(people.map((o) => view(o, a.id)))
    await Promise.all(people.map((o) => view(o, b.id)))
    const results = await Promise.all(
      people.map((o) => Promise.all([signup(o, a.id), signup(o, b.id)]))
    )
    // The volunteer's busy document is written conditionally before the queue: never both.
    const doubleBooked = people.filter((_o, i) => results[i].every((r) => r.ok))
    expect(doubleBooked).toEqual([])
    for (const pair of results) {
      expect(pair.filter((r) => r.ok)).toHaveLength(1)
      for (const r of pair.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    }
  })

  it('two signups of one volunteer at once for activities at different times: both go through', async () => {
    const people = await manyVolunteers(emu(), 5)
    const a = await publish(emu(), { startIn: 24, lasts: 2, title: '活动甲' })
    const b = await publish(emu(), { startIn: 30, lasts: 2, title: '活动乙' })
    const results = await Promise.all(
      people.map((o) => Promise.all([signup(o, a.id), signup(o, b.id)]))
    )
    for (const pair of results) for (const r of pair) expect(data(r).status).toBe('signed')
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 5 })
    expect(await view(P.committee, b.id)).toMatchObject({ signedCount: 5 })
  })

  it('a place on a waitlist holds the time too (a promotion never double-books)', async () => {
    const a = await publish(emu(), { startIn: 24, lasts: 3, quota: 1, title: '上午活动' })
    const b = await publish(emu(), { startIn: 25, lasts: 1, title: '交叉活动' })
    data(await signup(P.volunteer1, a.id))
    expect(data(await signup(P.volunteer2, a.id))).toEqual({ status: 'waitlisted', position: 1 })
    expectError(await signup(P.volunteer2, b.id), 'CONFLICT')
    // Off the waitlist, the time is free.
    data(await cancel(P.volunteer2, a.id))
    expect(data(await signup(P.volunteer2, b.id)).status).toBe('signed')
  })

  it('a repeated requestId replays the signup instead of conflicting with itself', async () => {
    const a = await publish(emu())
    const first = await signup(P.volunteer1, a.id, 'signup-once')
    expect(await signup(P.volunteer1, a.id, 'signup-once')).toEqual(first)
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 1 })
  })

  it('after the signup deadline: CONFLICT, and the button says so', async () => {
    const a = await publish(emu(), { startIn: 24 })
    await emu().setClock(23 * HOUR + 60_000) // the deadline is an hour before the start
    const seen = await view(P.volunteer1, a.id)
    expect(seen.phase).toBe('closed')
    expect(seen.can.signup).toBe(false)
    expectError(await signup(P.volunteer1, a.id), 'CONFLICT')
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 0 })
  })

  it('overlapping in time with another activity the volunteer is signed for: CONFLICT', async () => {
    const morning = await publish(emu(), { startIn: 24, lasts: 3, title: '上午活动' })
    const inside = await publish(emu(), { startIn: 25, lasts: 1, title: '交叉活动' })
    const touching = await publish(emu(), { startIn: 27, lasts: 1, title: '紧接着的活动' })
    data(await signup(P.volunteer1, morning.id))
    const res = await signup(P.volunteer1, inside.id)
    expectError(res, 'CONFLICT')
    expect(await view(P.committee, inside.id)).toMatchObject({ signedCount: 0 })
    // Back to back is no overlap.
    expect(data(await signup(P.volunteer1, touching.id)).status).toBe('signed')
    // Once the first is cancelled, the overlapping one is free.
    data(await cancel(P.volunteer1, morning.id))
    data(await cancel(P.volunteer1, touching.id))
    expect(data(await signup(P.volunteer1, inside.id)).status).toBe('signed')
  })

  it.each([
    ['a resident who is not a volunteer', 'FORBIDDEN', P.resident1],
    ['the grid worker', 'NOT_BOUND', P.gridWorker],
    ['the committee', 'NOT_BOUND', P.committee],
    ['the street admin', 'NOT_BOUND', P.admin],
    ['a newcomer', 'NOT_BOUND', P.newcomer],
    ['no identity', 'UNAUTHENTICATED', null],
  ])('%s may not sign up (%s)', async (_label, code, who) => {
    const a = await publish(emu())
    expectError(await signup(who as string, a.id), code)
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 0, waitlistCount: 0 })
  })

  it('a volunteer with a pending binding: NOT_VERIFIED', async () => {
    const a = await publish(emu())
    data(
      await emu().call('user', 'pending-vol', 'bindGrid', {
        gridId: 'g1',
        buildingId: 'g1-b2',
        room: '909',
        name: '待审居民',
      })
    )
    expectError(await signup('pending-vol', a.id), 'NOT_VERIFIED')
  })

  it('a grid activity is for its grid: a volunteer of another grid does not see it (NOT_FOUND)', async () => {
    const a = await publish(emu(), { scope: { type: 'grid', id: 'g1' } })
    expectError(await signup(P.volunteer2, a.id), 'NOT_FOUND')
    expect(data(await signup(P.volunteer1, a.id)).status).toBe('signed')
    // Community-wide activities are for every grid of the community.
    const all = await publish(emu(), { startIn: 48 })
    expect(data(await signup(P.volunteer2, all.id)).status).toBe('signed')
  })

  it('a cancel racing a new signup on a full activity: still exactly quota signed, the waitlist in order', async () => {
    const [a1, w1, late] = await manyVolunteers(emu(), 3)
    const a = await publish(emu(), { quota: 1 })
    data(await signup(a1, a.id))
    data(await signup(w1, a.id))
    const [, joined] = await Promise.all([cancel(a1, a.id), signup(late, a.id)])
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 1, waitlistCount: 1 })
    expect((await view(w1, a.id)).mySignup?.status).toBe('signed')
    expect((await view(late, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(data(joined)).toMatchObject({ status: 'waitlisted', position: expect.any(Number) })
  })

  it('a volunteer whose role the committee takes away may no longer sign up', async () => {
    const a = await publish(emu())
    data(
      await emu().call('user', P.committee, 'setRoles', {
        openid: P.volunteer2,
        roles: ['resident'],
      })
    )
    expectError(await signup(P.volunteer2, a.id), 'FORBIDDEN')
  })

  it('who signs up is the caller, whatever the input says', async () => {
    const a = await publish(emu())
    data(
      await emu().call('volunteer', P.volunteer1, 'signup', {
        activityId: a.id,
        openid: P.volunteer2,
      })
    )
    expect((await view(P.volunteer1, a.id)).mySignup?.status).toBe('signed')
    expect((await view(P.volunteer2, a.id)).mySignup).toBeNull()
  })

  it('a promoted volunteer checks in like any signed one', async () => {
    const [a1, w1] = await manyVolunteers(emu(), 2)
    const a = await publish(emu(), { quota: 1 })
    data(await signup(a1, a.id))
    data(await signup(w1, a.id))
    data(await cancel(a1, a.id))
    await emu().setClock(24 * HOUR - 10 * 60_000)
    const { code } = data(await vol(emu(), P.committee, 'checkinCode', { activityId: a.id }))
    expect(
      data(await vol(emu(), w1, 'checkin', { activityId: a.id, code })).mySignup
    ).toMatchObject({ status: 'signed', checkedIn: true })
  })

  it('unknown activity or a bad id: NOT_FOUND / INVALID_INPUT field activityId', async () => {
    expectError(await signup(P.volunteer1, 'no-such-activity'), 'NOT_FOUND')
    expectError(
      await emu().call('volunteer', P.volunteer1, 'signup', { activityId: 42 }),
      'INVALID_INPUT',
      'activityId'
    )
    expectError(
      await emu().call('volunteer', P.volunteer1, 'signup', {}),
      'INVALID_INPUT',
      'activityId'
    )
  })
})

describe('volunteer.cancelSignup', () => {
  it('until 2 h before the start; after that CONFLICT and the place is kept', async () => {
    const a = await publish(emu(), { startIn: 24 })
    data(await signup(P.volunteer1, a.id))
    data(await signup(P.volunteer2, a.id))
    await emu().setClock(22 * HOUR - 5 * 60_000) // 2 h 5 min before the start
    expect((await view(P.volunteer1, a.id)).can.cancelSignup).toBe(true)
    expect(data(await cancel(P.volunteer1, a.id)).mySignup?.status).toBe('cancelled')
    await emu().setClock(22 * HOUR + 60_000) // 1 h 59 min before
    const seen = await view(P.volunteer2, a.id)
    expect(seen.can.cancelSignup).toBe(false)
    expectError(await cancel(P.volunteer2, a.id), 'CONFLICT')
    expect((await view(P.volunteer2, a.id)).mySignup?.status).toBe('signed')
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 1 })
  })

  it('without a signup: CONFLICT; a cancelled signup cannot be cancelled again', async () => {
    const a = await publish(emu())
    expectError(await cancel(P.volunteer1, a.id), 'CONFLICT')
    data(await signup(P.volunteer1, a.id))
    data(await cancel(P.volunteer1, a.id))
    expectError(await cancel(P.volunteer1, a.id), 'CONFLICT')
  })

  it('after the signup deadline but more than 2 h before the start a cancel still works and promotes', async () => {
    const [a1, w1] = await manyVolunteers(emu(), 2)
    const now = await emuNow(emu())
    const a = data(
      await vol(
        emu(),
        P.committee,
        'createActivity',
        activityInput(now, {
          quota: 1,
          signupDeadline: new Date(now + 12 * HOUR).toISOString(),
        })
      )
    )
    data(await signup(a1, a.id))
    data(await signup(w1, a.id))
    await emu().setClock(18 * HOUR) // deadline passed, 6 h before the start
    expect((await view(a1, a.id)).phase).toBe('closed')
    expect(data(await cancel(a1, a.id)).mySignup?.status).toBe('cancelled')
    expect((await view(w1, a.id)).mySignup?.status).toBe('signed')
    expect(await templatesTo(emu(), w1)).toEqual([expect.stringContaining(PROMOTED)])
  })

  it('a double tap on cancel (no requestId) cancels once and promotes one', async () => {
    const people = await manyVolunteers(emu(), 4)
    const [a1, w1, w2, w3] = people
    const a = await publish(emu(), { quota: 1 })
    for (const o of people) data(await signup(o, a.id))
    await Promise.all(people.map((o) => view(o, a.id))) // warm instances: the taps run side by side
    const taps = await Promise.all([cancel(a1, a.id), cancel(a1, a.id), cancel(a1, a.id)])
    expect(taps.filter((t) => t.ok).length).toBeGreaterThanOrEqual(1)
    for (const t of taps.filter((x) => !x.ok)) expectError(t, 'CONFLICT')
    expect(await view(P.committee, a.id)).toMatchObject({ signedCount: 1, waitlistCount: 2 })
    expect((await view(w1, a.id)).mySignup?.status).toBe('signed')
    expect((await view(w2, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await view(w3, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 2 })
    expect(await templatesTo(emu(), w2)).toEqual([])
  })

  it('a repeated requestId replays the cancel: one promotion', async () => {
    const [a1, w1, w2] = await manyVolunteers(emu(), 3)
    const a = await publish(emu(), { quota: 1 })
    for (const o of [a1, w1, w2]) data(await signup(o, a.id))
    const first = await vol(emu(), a1, 'cancelSignup', { activityId: a.id }, 'cancel-once')
    const again = await vol(emu(), a1, 'cancelSignup', { activityId: a.id }, 'cancel-once')
    expect(again).toEqual(first)
    expect((await view(w1, a.id)).mySignup?.status).toBe('signed')
    expect((await view(w2, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 })
  })

  it('a cancelled volunteer sees their signup as cancelled, and the promoted one’s message names nobody', async () => {
    const [a1, w1] = await manyVolunteers(emu(), 2)
    const a = await publish(emu(), { quota: 1 })
    data(await signup(a1, a.id))
    data(await signup(w1, a.id))
    data(await cancel(a1, a.id))
    expect((await view(a1, a.id)).mySignup).toMatchObject({ status: 'cancelled' })
    expect((await view(a1, a.id)).can).toMatchObject({ signup: false, cancelSignup: false })
    const msg = JSON.stringify((await emu().outbox(w1))[0])
    expect(msg).not.toMatch(/测试志愿者0|13900000000/)
  })

  it('unknown activity: NOT_FOUND; no identity: UNAUTHENTICATED; nothing changes', async () => {
    const a = await publish(emu())
    data(await signup(P.volunteer1, a.id))
    const before = await storedActivities(emu())
    expectError(await cancel(P.volunteer1, 'no-such-activity'), 'NOT_FOUND')
    expectError(await vol(emu(), null, 'cancelSignup', { activityId: a.id }), 'UNAUTHENTICATED')
    expect(await storedActivities(emu())).toEqual(before)
  })
})
