import {
  addMonths,
  COMMUNITY_MESSAGES,
  DASHBOARD_DEFAULT_MONTHS,
  DASHBOARD_MAX_MONTHS,
  DASHBOARD_RANGE_MESSAGES,
  type Dashboard,
  type DashboardRow,
} from '@/contract/committee'
import type { TestEmulator } from '../../helpers/emulator'
import { topicInput } from '../deliberation/helpers'
import {
  call,
  CM,
  data,
  DAY,
  expectError,
  GW,
  HOUR,
  MINUTE,
  newResident,
  P,
  R1,
  R2,
  R3,
  runTimer,
  shanghaiMonth,
  useEmulator,
  V1,
  V2,
} from './helpers'
import { figuresOf, monthsOf, nowOf, readRaw, rounded, type Raw, type RowScope } from './oracle'

// `committee.dashboard` after a scripted fortnight across a month's end: wishes, errands (one
// accepted at a known delay, one escalated first, one overdue, one closed by the timer), matters,
// two volunteer activities, two deliberation topics closed by the timer. Every figure the
// dashboard shows - per grid and in total, per month and over the range, the median, the rates
// and the live counts - equals what the raw collections say (./oracle.ts), not the server's code.

const emu = useEmulator()

/** Midnight Asia/Shanghai that starts the first month at least a week after real time. */
function boundary(): number {
  const real = Date.now()
  const local = new Date(real + 8 * HOUR)
  let y = local.getUTCFullYear()
  let m = local.getUTCMonth() + 1
  for (;;) {
    const b = Date.UTC(y, m, 1) - 8 * HOUR
    if (b - 7 * DAY > real + MINUTE) return b
    m += 1
    if (m > 11) {
      y += 1
      m = 0
    }
  }
}

/** Puts the emulator's clock at day `d` (relative to the month's first) and `hh:mm` Shanghai. */
async function at(e: TestEmulator, b: number, d: number, hhmm: string): Promise<number> {
  const [h, mi] = hhmm.split(':').map(Number)
  const target = b + d * DAY + h * HOUR + mi * MINUTE
  await e.setClock(target - Date.now())
  return target
}

const iso = (t: number) => new Date(t).toISOString()
const today = (e: TestEmulator) =>
  new Date(e.emulator.clock.now() + 8 * HOUR).toISOString().slice(0, 10)

/** A second grid worker, serving g2 only. */
const GW2 = 'dash-gridworker-g2'

/**
 * The scripted fortnight, from day -6 to day 4 of the month that starts at `b`; returns the
 * two months it spans.
 */
async function script(e: TestEmulator, b: number): Promise<[string, string]> {
  const ok = async (fn: string, who: string, action: string, input: unknown) =>
    data(await e.call(fn, who, action, input))

  await at(e, b, -6, '09:00')
  const t1 = await ok(
    'deliberation',
    CM,
    'create',
    topicInput(e, {
      discussionEndsAt: iso(b - 5 * DAY + 8 * HOUR),
      votingEndsAt: iso(b - 2 * DAY + 9 * HOUR),
    })
  )
  const w1 = await ok('wish', R1, 'create', {
    title: '想要一副老花镜',
    content: '眼睛越来越花，想要一副老花镜看报纸',
    category: 'daily',
  })
  const w2 = await ok('wish', R3, 'create', {
    title: '想学用智能手机',
    content: '想学会用手机和孙子视频通话',
    category: 'study',
  })
  for (const w of [w1, w2]) await ok('wish', GW, 'review', { id: w.id, approve: true })
  const errand = (patch: Record<string, unknown> = {}) => ({
    type: 'medicine',
    detail: '帮忙到药店买两盒降压药',
    date: today(e),
    slot: 'evening',
    ...patch,
  })
  const e1 = await ok('errand', R1, 'book', errand())
  const e2 = await ok('errand', R2, 'book', errand())
  const m1 = await ok('matter', R1, 'report', {
    category: 'facility',
    content: '3号楼门口的路灯坏了一个星期',
  })
  const a1 = await ok('volunteer', GW, 'createActivity', {
    title: '楼道清洁活动',
    description: '清理楼道杂物',
    location: '1号楼',
    startAt: iso(b - 3 * DAY + 14 * HOUR),
    endAt: iso(b - 3 * DAY + 16 * HOUR),
    signupDeadline: iso(b - 3 * DAY + 12 * HOUR),
    quota: 5,
    hours: 2,
    scope: { type: 'grid', id: 'g1' },
  })

  await at(e, b, -6, '09:37')
  await ok('errand', V1, 'accept', { id: e1.id })
  await at(e, b, -6, '10:30')
  await ok('errand', V1, 'accept', { id: e2.id })
  await ok('wish', V1, 'claim', { id: w1.id })
  await ok('wish', V2, 'claim', { id: w2.id })
  await ok('volunteer', V1, 'signup', { activityId: a1.id })
  await at(e, b, -6, '11:00')
  await ok('errand', V1, 'complete', { id: e1.id })
  await ok('errand', R1, 'confirm', { id: e1.id, rating: 4 })
  await ok('wish', V1, 'fulfill', { id: w1.id, note: '已经送到' })
  await ok('wish', R1, 'confirm', { id: w1.id, rating: 5 })
  await ok('matter', GW, 'accept', { id: m1.id })

  await at(e, b, -5, '10:00')
  await ok('matter', GW, 'resolve', { id: m1.id, text: '已更换灯泡' })
  await ok('matter', R1, 'rate', { id: m1.id, rating: 5 })
  await runTimer(e, 'deliberation') // t1 opens for voting
  await ok('deliberation', R1, 'vote', { id: t1.id, optionIndex: 0 })
  await ok('deliberation', R2, 'vote', { id: t1.id, optionIndex: 1 })
  await ok('deliberation', CM, 'recordInPerson', {
    id: t1.id,
    votes: [{ openid: V1, optionIndex: 0 }],
  })

  await at(e, b, -4, '11:00')
  await runTimer(e, 'errand') // e2 overdue (accepted 48 h ago)

  await at(e, b, -3, '17:00')
  await ok('volunteer', GW, 'confirmAttendance', { activityId: a1.id, openids: [V1] })

  await at(e, b, -2, '09:30')
  await runTimer(e, 'deliberation') // t1 closed
  const e3 = await ok('errand', R3, 'book', errand())
  await at(e, b, -2, '14:00')
  await runTimer(e, 'errand') // e3 escalated to the community: V1 (g1) may take it
  await at(e, b, -2, '14:10')
  await ok('errand', V1, 'accept', { id: e3.id })

  await at(e, b, -1, '10:00')
  await ok('errand', V1, 'complete', { id: e3.id })
  await ok('wish', V2, 'fulfill', { id: w2.id })
  const m2 = await ok('matter', R3, 'report', {
    category: 'parking',
    content: '小区东门口总有车乱停，消防通道被堵',
  })
  await ok('matter', GW, 'escalate', { id: m2.id, reason: '需要社区协调' })
  const t2 = await ok(
    'deliberation',
    CM,
    'create',
    topicInput(e, {
      scope: { type: 'community', id: 'c1' },
      discussionEndsAt: iso(b + 2 * DAY + 9 * HOUR),
      votingEndsAt: iso(b + 3 * DAY + 9 * HOUR),
      unit: 'household',
    })
  )
  const a2 = await ok('volunteer', CM, 'createActivity', {
    title: '敬老院陪伴活动',
    description: '陪伴老人聊天、读报',
    location: '幸福里敬老院',
    startAt: iso(b + DAY + 10 * HOUR),
    endAt: iso(b + DAY + 12 * HOUR),
    signupDeadline: iso(b + DAY + 9 * HOUR),
    quota: 2,
    hours: 3,
    scope: { type: 'community', id: 'c1' },
  })
  for (const who of [V1, V2]) await ok('volunteer', who, 'signup', { activityId: a2.id })

  // The next month.
  await at(e, b, 1, '12:30')
  await ok('errand', R3, 'confirm', { id: e3.id, rating: 2 })
  await ok('wish', R3, 'confirm', { id: w2.id, rating: 3 })
  await ok('matter', CM, 'accept', { id: m2.id })
  await ok('matter', CM, 'resolve', { id: m2.id, text: '已施划禁停线' })
  await ok('deliberation', CM, 'openVoting', { id: t2.id })
  for (const who of [R3, R1]) await ok('deliberation', who, 'vote', { id: t2.id, optionIndex: 0 })
  await ok('volunteer', CM, 'confirmAttendance', { activityId: a2.id, openids: [V1] })
  await at(e, b, 1, '13:00')
  const e4 = await ok('errand', R1, 'book', errand())
  await at(e, b, 1, '13:10')
  await ok('errand', V1, 'accept', { id: e4.id })
  await at(e, b, 1, '13:20')
  await ok('errand', V1, 'complete', { id: e4.id }) // never signed off: the timer closes it
  // Accepted after 5 minutes, released, accepted again: the first acceptance is the one counted.
  const e5 = await ok('errand', R2, 'book', errand({ type: 'parcel', detail: '到驿站取快递' }))
  await at(e, b, 1, '13:25')
  await ok('errand', V1, 'accept', { id: e5.id })
  await at(e, b, 1, '13:30')
  await ok('errand', V1, 'release', { id: e5.id, reason: '临时有事' })
  await at(e, b, 1, '15:00')
  await ok('errand', V1, 'accept', { id: e5.id })

  await at(e, b, 2, '10:00')
  await ok('matter', R3, 'rate', { id: m2.id, rating: 4 })
  await ok('matter', R2, 'report', { category: 'environment', content: '垃圾桶旁边堆了很多杂物' })

  await at(e, b, 3, '09:30')
  await runTimer(e, 'deliberation') // t2 closed
  await at(e, b, 4, '14:00')
  await runTimer(e, 'errand') // e4 closed unconfirmed
  await runTimer(e, 'volunteer') // hours of the wishes and errands credited
  await runTimer(e, 'committee')
  return [shanghaiMonth(b - DAY), shanghaiMonth(b)]
}

const C1: RowScope = { communityId: 'c1', grids: ['g1', 'g2'], communityWide: true }
const NAMES: Record<string, string> = { g1: '第一网格', g2: '第二网格' }

/** Every figure of a dashboard against the raw collections. */
function expectFigures(d: Dashboard, r: Raw, scope: RowScope) {
  const months = monthsOf(d.from, d.to)
  expect(d.months).toEqual(months)
  const expectRow = (row: DashboardRow, s: RowScope, name: string) => {
    expect({ name: row.name, figures: rounded(row.figures) }).toEqual({
      name,
      figures: rounded(figuresOf(r, s, months)),
    })
    months.forEach((m, i) => {
      expect({ name, month: m, figures: rounded(row.byMonth[i]) }).toEqual({
        name,
        month: m,
        figures: rounded(figuresOf(r, s, [m])),
      })
    })
    expect({ name, now: row.now }).toEqual({ name, now: nowOf(r, s.grids) })
  }
  // One row per grid the caller sees, in the order the community lists them (g1 before g2).
  expect(d.grids.map((g) => g.gridId)).toEqual(scope.grids)
  for (const row of d.grids) {
    expectRow(row, { ...scope, grids: [row.gridId!], communityWide: false }, NAMES[row.gridId!])
  }
  expect(d.total.gridId).toBeNull()
  expectRow(d.total, scope, '合计')
}

const dashboard = async (who: string, input: { from?: string; to?: string } = {}) =>
  data(await call(emu(), 'committee', who, 'dashboard', input))

describe('committee.dashboard', () => {
  it('every figure equals the raw collections after a scripted fortnight (committee)', async () => {
    const b = boundary()
    const [m0, m1] = await script(emu(), b)
    const r = await readRaw(emu())
    // The script did show in the figures (not all zero).
    const shown = figuresOf(r, C1, [m0, m1])
    for (const f of [
      'wishesPosted',
      'wishesLit',
      'errandsClosed',
      'errandsOverdue',
      'mattersResolved',
      'ratings',
      'volunteerHours',
      'activitiesHeld',
      'topicsClosed',
      'votesCast',
    ] as const) {
      expect({ f, n: shown[f] > 0 }).toEqual({ f, n: true })
    }
    expect(shown.acceptMedianMinutes).not.toBeNull()

    const d = await dashboard(CM, { from: m0, to: m1 })
    expect(d).toMatchObject({ communityId: 'c1', from: m0, to: m1 })
    expect(Date.parse(d.computedAt!)).toBeLessThanOrEqual(emu().emulator.clock.now())
    expectFigures(d, r, C1)
    // An admin names the community and sees what its committee sees.
    const admin = data(
      await call(emu(), 'committee', P.admin, 'dashboard', { from: m0, to: m1, communityId: 'c1' })
    )
    expectFigures(admin, r, C1)
    // The live counts are the ones home shows.
    const counts = data(await call(emu(), 'user', R1, 'counts', {})).counts
    const g1 = d.grids.find((g) => g.gridId === 'g1')!
    expect(g1.now.wishesOpen).toBe(counts['wish.openNow'])
    expect(g1.now.mattersOpen).toBe(counts['matter.open'])
    const staff = data(await call(emu(), 'user', CM, 'counts', {})).counts
    expect(d.total.now.errandsOverdue).toBe(staff['errand.overdue'])

    // The default range: the twelve months ending with this one, the demo data's months too.
    const year = await dashboard(CM)
    expect(year.to).toBe(m1)
    expect(year.from).toBe(addMonths(m1, 1 - DASHBOARD_DEFAULT_MONTHS))
    expectFigures(year, r, C1)
  })

  // The regular recompute reads documents changed since the previous month began: an activity
  // published and signed up for long before, and held without a confirmation of attendance,
  // changes only when the volunteer timer settles its end; that counts as a change.
  it('an activity published months before it is held counts in its month', async () => {
    const b = boundary() // the first of a month at least a week ahead
    const held = b + 35 * DAY + 10 * HOUR // early in the month after
    const a = data(
      await call(emu(), 'volunteer', CM, 'createActivity', {
        title: '春节慰问活动',
        description: '慰问社区独居老人',
        location: '幸福里社区',
        startAt: iso(held),
        endAt: iso(held + 2 * HOUR),
        signupDeadline: iso(held - HOUR),
        quota: 5,
        hours: 2,
        scope: { type: 'community', id: 'c1' },
      })
    )
    data(await call(emu(), 'volunteer', V1, 'signup', { activityId: a.id }))
    // The timer runs in the month before (its months are stored), then after the activity.
    await at(emu(), b, 10, '10:00')
    await runTimer(emu(), 'committee')
    await at(emu(), b, 36, '10:00')
    await runTimer(emu(), 'volunteer')
    await runTimer(emu(), 'committee')
    const month = shanghaiMonth(held)
    const r = await readRaw(emu())
    expect(figuresOf(r, C1, [month]).activitiesHeld).toBe(1)
    const d = await dashboard(CM, { from: month, to: month })
    expect(d.total.figures).toMatchObject({ activitiesHeld: 1, attendanceExpected: 1 })
  })

  it('a grid worker sees their grids only; a resident is refused', async () => {
    const b = boundary()
    await newResident(emu(), GW2, { gridId: 'g2', buildingId: 'g2-b5' })
    data(
      await call(emu(), 'user', CM, 'setRoles', {
        openid: GW2,
        roles: ['resident', 'gridWorker'],
        gridIds: ['g2'],
      })
    )
    const [m0, m1] = await script(emu(), b)
    const r = await readRaw(emu())
    const d = await dashboard(GW2, { from: m0, to: m1 })
    expect(d.grids.map((g) => g.gridId)).toEqual(['g2'])
    expectFigures(d, r, { communityId: 'c1', grids: ['g2'], communityWide: false })
    // The worker of both grids: both rows, and a total without the community-wide items.
    const both = await dashboard(GW, { from: m0, to: m1 })
    expectFigures(both, r, { ...C1, communityWide: false })

    for (const who of [R1, V1, P.newcomer]) {
      expect(await call(emu(), 'committee', who, 'dashboard', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
  })

  it("an admin's community: one that does not exist, or none at all, is refused on communityId", async () => {
    const missing = await call(emu(), 'committee', P.admin, 'dashboard', {
      communityId: 'no-such-community',
    })
    expectError(missing, 'INVALID_INPUT', 'communityId')
    if (!missing.ok) expect(missing.error.message).toBe(COMMUNITY_MESSAGES.missing)
    // The street admin is bound to no community: naming none, they are asked to choose one.
    const unbound = await call(emu(), 'committee', P.admin, 'dashboard', {})
    expectError(unbound, 'INVALID_INPUT', 'communityId')
    if (!unbound.ok) expect(unbound.error.message).toBe(COMMUNITY_MESSAGES.choose)
    // One that exists, even with nothing stored yet: its grids.
    const c2 = data(await call(emu(), 'committee', P.admin, 'dashboard', { communityId: 'c2' }))
    expect(c2.communityId).toBe('c2')
  })

  it('range: defaults, and each wrong range refused on its field with its message', async () => {
    const now = shanghaiMonth(Date.now())
    const d = await dashboard(CM)
    expect([d.from, d.to]).toEqual([addMonths(now, 1 - DASHBOARD_DEFAULT_MONTHS), now])
    expect(d.months).toHaveLength(DASHBOARD_DEFAULT_MONTHS)
    // The grids in the order the community lists them (user.listGrids), not by pinyin.
    const tree = data(await call(emu(), 'user', CM, 'listGrids', {}))
    const listed = tree.communities.find((c) => c.id === 'c1')?.grids.map((g) => g.name)
    expect(listed).toEqual(['第一网格', '第二网格'])
    expect(d.grids.map((g) => g.name)).toEqual(listed)
    expect(d.total.name).toBe('合计')
    for (const row of [...d.grids, d.total]) expect(row.byMonth).toHaveLength(d.months.length)

    // Only `from`: up to 24 months, not past this month.
    const old = addMonths(now, -30)
    expect(await dashboard(CM, { from: old })).toMatchObject({
      from: old,
      to: addMonths(old, DASHBOARD_MAX_MONTHS - 1),
    })
    const recent = addMonths(now, -2)
    expect(await dashboard(CM, { from: recent })).toMatchObject({ from: recent, to: now })
    // Only `to`: the twelve months ending with it.
    const to = addMonths(now, -4)
    expect(await dashboard(CM, { to })).toMatchObject({ from: addMonths(to, -11), to })

    const refused = async (input: Record<string, unknown>, field: string, message?: string) => {
      const res = await emu().call('committee', CM, 'dashboard', input)
      expectError(res, 'INVALID_INPUT', field)
      if (message && !res.ok) expect(res.error.message).toBe(message)
    }
    await refused({ to: addMonths(now, 1) }, 'to', DASHBOARD_RANGE_MESSAGES.future)
    await refused({ from: now, to: addMonths(now, -1) }, 'to', DASHBOARD_RANGE_MESSAGES.order)
    await refused(
      { from: addMonths(now, -DASHBOARD_MAX_MONTHS), to: now },
      'to',
      DASHBOARD_RANGE_MESSAGES.span
    )
    await refused({ from: '2026-13' }, 'from', '起始月份格式不正确')
    await refused({ from: '2026-1' }, 'from', '起始月份格式不正确')
    await refused({ to: 202601 }, 'to', '结束月份格式不正确')
  })
})
