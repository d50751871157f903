import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import {
  canOf,
  canPublishIn,
  cancelDenial,
  checkinDenial,
  manageDenial,
  phaseOf,
  signupDenial,
  starsOf,
  volunteerAbilities,
  type ActivityFacts,
} from '../../../cloudfunctions/src/volunteer/policy'
import {
  codeAccepted,
  codeFor,
  currentCode,
  windowOf,
} from '../../../cloudfunctions/src/volunteer/code'
import { countsOf, standingOf } from '../../../cloudfunctions/src/volunteer/store'
import { demoData } from '../../../emulator/seed'

// The volunteer policy as tables: persona × activity × moment → allowed; the signup log's
// standings; the stars; the check-in code's rotation.

const users = demoData().users as unknown as UserDoc[]
const actor = (openid: string) => actorFrom(openid, users.find((u) => u._id === openid) ?? null)

const HOUR = 3_600_000
const T0 = new Date('2026-06-01T02:00:00Z')
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR)

/** An activity starting at T0 + 24 h for 3 h, signup until T0 + 23 h, organised by the committee. */
const activity = (extra: Partial<ActivityFacts> = {}): ActivityFacts => ({
  scopeType: 'community',
  gridId: '',
  communityId: 'c1',
  organizerOpenid: 'demo-committee-1',
  startAt: at(24),
  endAt: at(27),
  signupDeadline: at(23),
  ...extra,
})
const gridActivity = activity({
  scopeType: 'grid',
  gridId: 'g2',
  organizerOpenid: 'demo-gridworker-1',
})

describe('abilities', () => {
  it.each([
    [
      'demo-resident-1',
      { register: true, review: false, publish: false, signup: false, record: true, ledger: false },
    ],
    [
      'demo-volunteer-1',
      { register: false, review: false, publish: false, signup: true, record: true, ledger: false },
    ],
    ['demo-gridworker-1', { review: false, publish: true, ledger: false }],
    ['demo-committee-1', { review: true, publish: true, ledger: true }],
    ['demo-newcomer', { register: false, signup: false, record: false }],
  ] as const)('%s', (openid, expected) => {
    const got = volunteerAbilities(actor(openid))
    for (const [k, v] of Object.entries(expected))
      expect([k, got[`volunteer.${k}` as keyof typeof got]]).toEqual([k, v])
  })
})

describe('who publishes where', () => {
  it.each([
    ['demo-committee-1', 'community', null, 'c1', true],
    ['demo-committee-1', 'grid', 'g2', 'c1', true],
    ['demo-committee-1', 'community', null, 'c2', false],
    ['demo-gridworker-1', 'grid', 'g1', 'c1', true],
    ['demo-gridworker-1', 'grid', 'g3', 'c2', false],
    ['demo-gridworker-1', 'community', null, 'c1', false],
    ['demo-volunteer-1', 'grid', 'g1', 'c1', false],
  ] as const)('%s in %s %s of %s → %s', (openid, type, gridId, communityId, allowed) => {
    expect(canPublishIn(actor(openid), { type, gridId, communityId })).toBe(allowed)
  })
})

describe('phases', () => {
  it.each([
    [0, 'signup'],
    [23, 'closed'],
    [24, 'ongoing'],
    [27, 'ended'],
  ] as const)('at +%i h → %s', (h, phase) => {
    expect(phaseOf(activity(), at(h))).toBe(phase)
  })
})

describe('signup', () => {
  const none = { standing: null, checkedIn: false }
  it.each([
    ['demo-volunteer-1', activity(), 0, null],
    ['demo-volunteer-2', activity(), 0, null],
    ['demo-volunteer-1', activity(), 23, 'CONFLICT'],
    ['demo-resident-1', activity(), 0, 'FORBIDDEN'],
    // A grid activity is for its own grid only: g1's volunteer does not see g2's.
    ['demo-volunteer-1', gridActivity, 0, 'NOT_FOUND'],
    ['demo-volunteer-2', gridActivity, 0, null],
    ['demo-newcomer', activity(), 0, 'NOT_FOUND'],
  ] as const)('%s, at +%i h → %s', (openid, a, h, code) => {
    const _a = a as ActivityFacts
    expect(signupDenial(actor(openid), _a, none, at(h as number))).toBe(code)
    expect(canOf(actor(openid), _a, none, at(h as number)).signup).toBe(code === null)
  })
  it('once', () => {
    const signed = { standing: { status: 'signed' as const }, checkedIn: false }
    expect(signupDenial(actor('demo-volunteer-1'), activity(), signed, at(0))).toBe('CONFLICT')
  })
})

describe('cancel until 2 h before the start', () => {
  const waiting = { standing: { status: 'waitlisted' as const, position: 1 }, checkedIn: false }
  const gone = { standing: { status: 'cancelled' as const }, checkedIn: false }
  it.each([
    [waiting, 0, null],
    [waiting, 21.9, null],
    [waiting, 22, 'CONFLICT'],
    [gone, 0, 'CONFLICT'],
  ] as const)('%j at +%f h → %s', (s, h, code) => {
    expect(cancelDenial(actor('demo-volunteer-1'), activity(), s, at(h))).toBe(code)
  })
})

describe('check-in from 30 minutes before the start to the end', () => {
  const signed = { standing: { status: 'signed' as const }, checkedIn: false }
  const waiting = { standing: { status: 'waitlisted' as const, position: 2 }, checkedIn: false }
  it.each([
    [signed, 23.4, 'CONFLICT'],
    [signed, 23.5, null],
    [signed, 26.9, null],
    [signed, 27, 'CONFLICT'],
    [{ ...signed, checkedIn: true }, 24, 'CONFLICT'],
    [waiting, 24, 'FORBIDDEN'],
  ] as const)('%j at +%f h → %s', (s, h, code) => {
    expect(checkinDenial(actor('demo-volunteer-1'), activity(), s, at(h))).toBe(code)
  })
})

describe('managing', () => {
  it.each([
    ['demo-committee-1', activity(), null],
    ['demo-committee-1', gridActivity, null],
    ['demo-gridworker-1', gridActivity, null],
    // A grid worker of the community's grids sees its community-wide activities, not runs them.
    ['demo-gridworker-1', activity({ staffGridIds: ['g1', 'g2', 'g3'] }), 'FORBIDDEN'],
    // Published without the community's grids, or in a community they do not serve: unseen.
    ['demo-gridworker-1', activity(), 'NOT_FOUND'],
    ['demo-gridworker-1', activity({ communityId: 'c2', staffGridIds: ['g3'] }), 'NOT_FOUND'],
    ['demo-volunteer-1', activity(), 'FORBIDDEN'],
    ['demo-volunteer-1', gridActivity, 'NOT_FOUND'],
  ] as const)('%s → %s', (openid, a, code) => {
    expect(manageDenial(actor(openid), a as ActivityFacts)).toBe(code)
  })
})

describe('the signup log', () => {
  const a = { quota: 2, queue: ['a', 'b', 'c', 'd', '-a', 'e', '-d'] }
  it.each([
    ['a', { status: 'cancelled' }],
    ['b', { status: 'signed' }],
    ['c', { status: 'signed' }],
    ['d', { status: 'cancelled' }],
    ['e', { status: 'waitlisted', position: 1 }],
    ['x', null],
  ] as const)('%s → %j', (o, standing) => {
    expect(standingOf(a, o)).toEqual(standing)
  })
  it('as it was at each step', () => {
    expect(standingOf(a, 'c', 3)).toEqual({ status: 'waitlisted', position: 1 })
    expect(standingOf(a, 'd', 4)).toEqual({ status: 'waitlisted', position: 2 })
    expect(standingOf(a, 'd', 5)).toEqual({ status: 'waitlisted', position: 1 })
    expect(countsOf(a)).toEqual({ signedCount: 2, waitlistCount: 1 })
  })
})

describe('stars', () => {
  const T = [100, 300, 600, 1000, 1500]
  it.each([
    [0, 0, { stars: 1, hoursNeeded: 100 }],
    [99.5, 0, { stars: 1, hoursNeeded: 0.5 }],
    [100, 1, { stars: 2, hoursNeeded: 200 }],
    [1499, 4, { stars: 5, hoursNeeded: 1 }],
    [1500, 5, null],
  ] as const)('%f h → %i stars, next %j', (h, stars, next) => {
    expect(starsOf(h, T)).toEqual({ stars, nextStar: next })
  })
})

describe('the check-in code', () => {
  const secret = 'a-secret'
  it('is 6 digits, rotates every minute, and the previous minute still counts', () => {
    const now = new Date('2026-06-01T02:00:30Z')
    const { code, expiresAt } = currentCode(secret, now)
    expect(code).toMatch(/^\d{6}$/)
    expect(expiresAt.toISOString()).toBe('2026-06-01T02:01:00.000Z')
    expect(codeAccepted(secret, code, new Date('2026-06-01T02:01:59Z'))).toBe(true)
    expect(codeAccepted(secret, code, new Date('2026-06-01T02:02:00Z'))).toBe(false)
    const w = windowOf(now)
    expect(new Set([w, w + 1, w + 2, w + 3].map((x) => codeFor(secret, x))).size).toBe(4)
    expect(codeFor('another', w)).not.toBe(code)
  })
})
