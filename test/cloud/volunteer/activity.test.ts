import type { CreateActivityInput } from '@/contract/volunteer'
import {
  activityInput,
  callWithStats,
  data,
  emuNow,
  expectError,
  HOUR,
  newResident,
  P,
  publish,
  READ_TRIPS,
  storedActivities,
  useEmulator,
  vol,
  WRITE_TRIPS,
} from './helpers'

// volunteer.createActivity / getActivity / listActivities: who may publish for which scope,
// every input rule with its field, the content check, and what each viewer sees.

const emu = useEmulator()
/** A verified resident of c2 (created in the tests that need one). */
const C2 = 'test-c2-resident'

const create = async (
  who: string | null,
  over: Partial<CreateActivityInput> & { startIn?: number; lasts?: number } = {},
  requestId?: string
) => vol(emu(), who, 'createActivity', activityInput(await emuNow(emu()), over), requestId)

const grid = (id: string) => ({ type: 'grid' as const, id })
const community = (id: string) => ({ type: 'community' as const, id })

describe('volunteer.createActivity', () => {
  it('the committee publishes for its community: open for signup, the organizer manages it', async () => {
    const { result, roundTrips } = await callWithStats(
      emu(),
      'volunteer',
      P.committee,
      'createActivity',
      activityInput(await emuNow(emu()), { quota: 30, hours: 2.5 })
    )
    const a = data(result)
    expect(roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    expect(a).toMatchObject({
      title: '敬老院陪伴活动',
      location: '幸福里敬老院',
      quota: 30,
      hours: 2.5,
      scope: { type: 'community', id: 'c1', name: '幸福里社区' },
      communityId: 'c1',
      phase: 'signup',
      signedCount: 0,
      waitlistCount: 0,
      mySignup: null,
      summary: null,
      feedback: { count: 0, average: null, comments: [] },
      can: { manage: true, signup: false, cancelSignup: false, checkin: false },
    })
    expect(a.organizer.nickname).toBe('周书记')
    expect(JSON.stringify(a.organizer)).not.toMatch(/周卫东|13800000008/)
    expect(a.timeline.map((t) => t.type)).toEqual(['published'])
  })

  // The policy as a table: persona × scope → allowed, or the error.
  it.each([
    ['committee', community('c1'), null, P.committee],
    ['committee', grid('g1'), null, P.committee],
    ['committee', grid('g2'), null, P.committee],
    ['committee', community('c2'), 'FORBIDDEN', P.committee],
    ['committee', grid('g3'), 'FORBIDDEN', P.committee],
    ['grid worker', grid('g1'), null, P.gridWorker],
    ['grid worker', grid('g2'), null, P.gridWorker],
    ['grid worker', grid('g3'), 'FORBIDDEN', P.gridWorker],
    ['grid worker', community('c1'), 'FORBIDDEN', P.gridWorker],
    ['admin', community('c1'), 'FORBIDDEN', P.admin],
    ['volunteer', grid('g1'), 'FORBIDDEN', P.volunteer1],
    ['resident', community('c1'), 'FORBIDDEN', P.resident1],
    ['newcomer', community('c1'), 'FORBIDDEN', P.newcomer],
    ['no identity', community('c1'), 'UNAUTHENTICATED', null],
  ])('%s publishing for %j → %s', async (_label, scope, code, who) => {
    const res = await create(who, { scope })
    if (code === null) {
      expect(data(res)).toMatchObject({ scope: { type: scope.type, id: scope.id } })
      expect(await storedActivities(emu())).toHaveLength(1)
    } else {
      expectError(res, code)
      expect(await storedActivities(emu())).toHaveLength(0)
    }
  })

  it('an unknown grid or community: NOT_FOUND, nothing stored', async () => {
    expectError(await create(P.committee, { scope: grid('g9') }), 'NOT_FOUND')
    expectError(await create(P.committee, { scope: community('c9') }), 'NOT_FOUND')
    expect(await storedActivities(emu())).toHaveLength(0)
  })

  const iso = (ms: number) => new Date(ms).toISOString()

  // Every input rule, with the field it names; none stores anything.
  it.each<[string, (now: number) => Record<string, unknown>, string[]]>([
    ['title of 1 character', () => ({ title: '敬' }), ['title']],
    ['title of 31 characters', () => ({ title: '敬'.repeat(31) }), ['title']],
    ['no title', () => ({ title: undefined }), ['title']],
    ['description of 1001 characters', () => ({ description: '读'.repeat(1001) }), ['description']],
    ['empty location', () => ({ location: '' }), ['location']],
    ['location of 51 characters', () => ({ location: '院'.repeat(51) }), ['location']],
    ['quota 0', () => ({ quota: 0 }), ['quota']],
    ['quota 501', () => ({ quota: 501 }), ['quota']],
    ['quota 2.5', () => ({ quota: 2.5 }), ['quota']],
    ['quota as text', () => ({ quota: '20' }), ['quota']],
    ['hours 0', () => ({ hours: 0 }), ['hours']],
    ['hours 0.3 (not a multiple of 0.5)', () => ({ hours: 0.3 }), ['hours']],
    ['hours 1.25', () => ({ hours: 1.25 }), ['hours']],
    ['hours 24.5', () => ({ hours: 24.5 }), ['hours']],
    [
      'start in the past',
      (now) => ({
        startAt: iso(now - HOUR),
        endAt: iso(now + HOUR),
        signupDeadline: iso(now - 2 * HOUR),
      }),
      ['startAt'],
    ],
    [
      'signup deadline after the start',
      (now) => ({ signupDeadline: iso(now + 25 * HOUR) }),
      ['signupDeadline'],
    ],
    ['end before the start', (now) => ({ endAt: iso(now + 23 * HOUR) }), ['startAt', 'endAt']],
    ['end at the start', (now) => ({ endAt: iso(now + 24 * HOUR) }), ['startAt', 'endAt']],
    [
      'end more than 24 h after the start',
      (now) => ({ endAt: iso(now + 48 * HOUR + 60_000) }),
      ['endAt'],
    ],
    ['startAt not a time', () => ({ startAt: '明天上午' }), ['startAt']],
    ['endAt not a time', () => ({ endAt: '2026-13-45T99:00:00Z' }), ['endAt']],
    ['signupDeadline not a time', () => ({ signupDeadline: 'soon' }), ['signupDeadline']],
    ['startAt a number', (now) => ({ startAt: now + 24 * HOUR }), ['startAt']],
    [
      'scope type unknown',
      () => ({ scope: { type: 'street', id: 's1' } }),
      ['scope.type', 'scope'],
    ],
    ['no scope', () => ({ scope: undefined }), ['scope']],
  ])('%s: INVALID_INPUT, nothing stored', async (_label, change, fields) => {
    const now = await emuNow(emu())
    const input = { ...activityInput(now), ...change(now) }
    const res = await emu().call('volunteer', P.committee, 'createActivity', input)
    expectError(res, 'INVALID_INPUT')
    expect(fields).toContain(!res.ok && res.error.field)
    expect(await storedActivities(emu())).toHaveLength(0)
  })

  it('the longest activity (24 h) and the largest quota (500) and hours (24) are fine', async () => {
    const a = data(await create(P.committee, { lasts: 24, quota: 500, hours: 24 }))
    expect(a).toMatchObject({ quota: 500, hours: 24 })
    const b = data(await create(P.committee, { quota: 1, hours: 0.5, startIn: 48 }))
    expect(b).toMatchObject({ quota: 1, hours: 0.5 })
  })

  it.each(['title', 'description', 'location'] as const)(
    'a forbidden word in %s: CONTENT_REJECTED with the field, nothing stored',
    async (field) => {
      const res = await create(P.committee, { [field]: `活动违禁测试词内容` })
      expectError(res, 'CONTENT_REJECTED', field)
      expect(await storedActivities(emu())).toHaveLength(0)
    }
  )

  it('the signup deadline may be the start itself; a start more than a year ahead is refused', async () => {
    const now = await emuNow(emu())
    const start = new Date(now + 24 * HOUR).toISOString()
    expect(
      data(
        await vol(emu(), P.committee, 'createActivity', {
          ...activityInput(now),
          signupDeadline: start,
        })
      ).signupDeadline
    ).toBe(start)
    const far = now + 367 * 24 * HOUR
    expectError(
      await vol(emu(), P.committee, 'createActivity', {
        ...activityInput(now),
        startAt: new Date(far).toISOString(),
        endAt: new Date(far + HOUR).toISOString(),
        signupDeadline: new Date(far - HOUR).toISOString(),
      }),
      'INVALID_INPUT',
      'startAt'
    )
  })

  it('an unknown action: INVALID_INPUT field action', async () => {
    expectError(
      await emu().call('volunteer', P.committee, 'publishActivity', {}),
      'INVALID_INPUT',
      'action'
    )
  })

  it('a repeated requestId publishes once and answers the same', async () => {
    const now = await emuNow(emu())
    const input = activityInput(now)
    const first = data(await vol(emu(), P.committee, 'createActivity', input, 'publish-once'))
    const again = data(await vol(emu(), P.committee, 'createActivity', input, 'publish-once'))
    expect(again.id).toBe(first.id)
    expect(await storedActivities(emu())).toHaveLength(1)
  })
})

describe('volunteer.getActivity', () => {
  it('a volunteer of the community sees it with signup open; a reader costs ≤ 2 round trips', async () => {
    const a = await publish(emu())
    const { result, roundTrips } = await callWithStats(
      emu(),
      'volunteer',
      P.volunteer2,
      'getActivity',
      { id: a.id }
    )
    expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
    expect(data(result)).toMatchObject({
      id: a.id,
      mySignup: null,
      can: { signup: true, cancelSignup: false, checkin: false, manage: false },
    })
    // A resident who is not a volunteer sees it, but may not sign up.
    expect(data(await vol(emu(), P.resident1, 'getActivity', { id: a.id })).can.signup).toBe(false)
  })

  it('a grid activity is seen by its grid and staff, not by another grid or community', async () => {
    const a = await publish(emu(), { scope: grid('g1') }, P.gridWorker)
    expect(data(await vol(emu(), P.volunteer1, 'getActivity', { id: a.id })).id).toBe(a.id)
    expect(data(await vol(emu(), P.committee, 'getActivity', { id: a.id })).can.manage).toBe(true)
    expect(data(await vol(emu(), P.gridWorker, 'getActivity', { id: a.id })).can.manage).toBe(true)
    expectError(await vol(emu(), P.volunteer2, 'getActivity', { id: a.id }), 'NOT_FOUND')
    await newResident(emu(), C2, { gridId: 'g3', buildingId: 'g3-b1' })
    expectError(await vol(emu(), C2, 'getActivity', { id: a.id }), 'NOT_FOUND')
  })

  it('an unknown id: NOT_FOUND; a bad id: INVALID_INPUT field id; no identity: UNAUTHENTICATED', async () => {
    expectError(await vol(emu(), P.volunteer1, 'getActivity', { id: 'nope' }), 'NOT_FOUND')
    expectError(
      await emu().call('volunteer', P.volunteer1, 'getActivity', { id: ['x'] }),
      'INVALID_INPUT',
      'id'
    )
    const a = await publish(emu())
    expectError(await vol(emu(), null, 'getActivity', { id: a.id }), 'UNAUTHENTICATED')
  })

  it('the phase follows the clock: signup → closed → ongoing → ended', async () => {
    const a = await publish(emu(), { startIn: 24, lasts: 3 })
    const phase = async () =>
      data(await vol(emu(), P.volunteer1, 'getActivity', { id: a.id })).phase
    expect(await phase()).toBe('signup')
    await emu().setClock(23 * HOUR + 60_000)
    expect(await phase()).toBe('closed')
    await emu().setClock(24 * HOUR + 60_000)
    expect(await phase()).toBe('ongoing')
    await emu().setClock(27 * HOUR + 60_000)
    expect(await phase()).toBe('ended')
  })
})

describe('volunteer.listActivities', () => {
  it('upcoming soonest first, mine, past, managed', async () => {
    const later = await publish(emu(), { startIn: 48, title: '后天的活动' })
    const sooner = await publish(emu(), { startIn: 24, title: '明天的活动' })
    const g2only = await publish(emu(), { startIn: 30, scope: grid('g2'), title: '二网格活动' })
    const ids = async (who: string, scope: 'upcoming' | 'mine' | 'past' | 'managed') =>
      data(await vol(emu(), who, 'listActivities', { scope })).items.map((a) => a.id)

    expect(await ids(P.volunteer1, 'upcoming')).toEqual([sooner.id, later.id])
    expect(await ids(P.volunteer2, 'upcoming')).toEqual([sooner.id, g2only.id, later.id])
    expect(await ids(P.volunteer1, 'mine')).toEqual([])
    data(await vol(emu(), P.volunteer1, 'signup', { activityId: later.id }))
    expect(await ids(P.volunteer1, 'mine')).toEqual([later.id])
    const mine = data(await vol(emu(), P.volunteer1, 'listActivities', { scope: 'mine' }))
    expect(mine.items[0].mySignup).toMatchObject({ status: 'signed' })
    expect(await ids(P.volunteer1, 'past')).toEqual([])
    expect((await ids(P.committee, 'managed')).sort()).toEqual(
      [later.id, sooner.id, g2only.id].sort()
    )
    expect((await ids(P.gridWorker, 'managed')).sort()).toEqual([g2only.id])
    expectError(await vol(emu(), P.volunteer1, 'listActivities', { scope: 'managed' }), 'FORBIDDEN')
    // Another community sees none of them.
    await newResident(emu(), C2, { gridId: 'g3', buildingId: 'g3-b1' })
    expect(await ids(C2, 'upcoming')).toEqual([])
    expectError(await vol(emu(), C2, 'getActivity', { id: sooner.id }), 'NOT_FOUND')

    await emu().setClock(49 * HOUR)
    expect(await ids(P.volunteer1, 'upcoming')).toEqual([])
    expect(await ids(P.volunteer1, 'past')).toEqual([later.id, sooner.id])
  })

  it('pages with a cursor, each activity once', async () => {
    const made: string[] = []
    for (let i = 0; i < 5; i++) made.push((await publish(emu(), { startIn: 24 + i })).id)
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = data(
        await vol(emu(), P.volunteer1, 'listActivities', { scope: 'upcoming', limit: 2, cursor })
      )
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((a) => a.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(made)
  })

  it('bad scope or limit: INVALID_INPUT with the field', async () => {
    expectError(
      await emu().call('volunteer', P.volunteer1, 'listActivities', { scope: 'all' }),
      'INVALID_INPUT',
      'scope'
    )
    expectError(
      await emu().call('volunteer', P.volunteer1, 'listActivities', {
        scope: 'upcoming',
        limit: 51,
      }),
      'INVALID_INPUT',
      'limit'
    )
  })

  it('user.counts: upcoming activities for volunteers, and the ones they signed up for', async () => {
    const a = await publish(emu())
    await publish(emu(), { startIn: 48 })
    const counts = async (who: string) =>
      data(await emu().call('user', who, 'counts', {})).counts as Record<string, number>
    expect((await counts(P.volunteer1))['volunteer.upcoming']).toBe(2)
    expect((await counts(P.volunteer1))['volunteer.signedUp'] ?? 0).toBe(0)
    data(await vol(emu(), P.volunteer1, 'signup', { activityId: a.id }))
    expect((await counts(P.volunteer1))['volunteer.signedUp']).toBe(1)
    data(await vol(emu(), P.volunteer1, 'cancelSignup', { activityId: a.id }))
    expect((await counts(P.volunteer1))['volunteer.signedUp'] ?? 0).toBe(0)
  })
  it('the badges follow the timer: signup closed drops upcoming, the end drops signedUp', async () => {
    const a = await publish(emu(), { startIn: 24, lasts: 3 })
    const counts = async (who: string) =>
      data(await emu().call('user', who, 'counts', {})).counts as Record<string, number>
    data(await vol(emu(), P.volunteer1, 'signup', { activityId: a.id }))
    expect(await counts(P.volunteer2)).toMatchObject({ 'volunteer.upcoming': 1 })
    expect(await counts(P.volunteer1)).toMatchObject({ 'volunteer.signedUp': 1 })
    await emu().setClock(23 * HOUR + 60_000)
    await emu().fireTimer('volunteer')
    expect((await counts(P.volunteer2))['volunteer.upcoming'] ?? 0).toBe(0)
    await emu().setClock(27 * HOUR + 60_000)
    await emu().fireTimer('volunteer')
    expect((await counts(P.volunteer1))['volunteer.signedUp'] ?? 0).toBe(0)
  })
})
