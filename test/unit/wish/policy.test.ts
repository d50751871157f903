import type { WishActionKey, WishStatus } from '@/contract/wish'
import { WISH_STATUSES } from '@/contract/wish'
import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import {
  can,
  canOf,
  canSee,
  denial,
  listFilter,
  seesAuthorContact,
  seesClaimerContact,
  type WishFacts,
} from '../../../cloudfunctions/src/wish/policy'
import { demoData } from '../../../emulator/seed'

// The wish policy as tables: persona × status → allowed. The wish is demo-resident-1's, in g1 of
// c1; demo-volunteer-1 holds it from `claimed` on.

const users = demoData().users as unknown as UserDoc[]
const actor = (openid: string) => actorFrom(openid, users.find((u) => u._id === openid) ?? null)
const HELD: WishStatus[] = ['claimed', 'fulfilled', 'done']
const wish = (status: WishStatus, extra: Partial<WishFacts> = {}): WishFacts => ({
  status,
  gridId: 'g1',
  communityId: 'c1',
  authorOpenid: 'demo-resident-1',
  claimerOpenid: HELD.includes(status) ? 'demo-volunteer-1' : null,
  ...extra,
})

const PUBLIC: WishStatus[] = ['open', 'claimed', 'fulfilled', 'done']
const ALL = [...WISH_STATUSES]
const NONE: WishStatus[] = []
const PERSONAS = [
  'demo-resident-1',
  'demo-resident-2',
  'demo-resident-3',
  'demo-volunteer-1',
  'demo-volunteer-2',
  'demo-gridworker-1',
  'demo-committee-1',
  'demo-admin',
  'demo-newcomer',
] as const
type Persona = (typeof PERSONAS)[number]

/** For each persona, the statuses in which they may (see | act). Everything else is refused. */
const table = (allowed: Partial<Record<Persona, WishStatus[]>>) =>
  PERSONAS.flatMap((p) => ALL.map((s) => [p, s, (allowed[p] ?? NONE).includes(s)] as const))

describe('who sees a wish', () => {
  it.each(
    table({
      'demo-resident-1': ALL,
      'demo-resident-2': PUBLIC,
      'demo-resident-3': PUBLIC,
      'demo-volunteer-1': PUBLIC,
      'demo-volunteer-2': PUBLIC,
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s, %s wish → %s', (who, status, allowed) => {
    expect(canSee(actor(who), wish(status))).toBe(allowed)
  })

  it('a verified resident of another community sees nothing of c1', () => {
    const outsider = actorFrom('x', { ...users[0], _id: 'x', gridId: 'g3', communityId: 'c2' })
    for (const s of ALL) expect(canSee(outsider, wish(s))).toBe(false)
  })

  it('an unverified resident of the community sees only their own', () => {
    const pendingUser = actorFrom('p', { ...users[1], _id: 'p', bindStatus: 'pending' })
    expect(canSee(pendingUser, wish('open'))).toBe(false)
    expect(canSee(pendingUser, wish('pending', { authorOpenid: 'p' }))).toBe(true)
  })
})

const actionTables: Record<WishActionKey, Partial<Record<Persona, WishStatus[]>>> = {
  claim: { 'demo-volunteer-1': ['open'], 'demo-volunteer-2': ['open'] },
  release: {
    'demo-volunteer-1': ['claimed'],
    'demo-gridworker-1': ['claimed'],
    'demo-committee-1': ['claimed'],
    'demo-admin': ['claimed'],
  },
  fulfill: { 'demo-volunteer-1': ['claimed'] },
  confirm: { 'demo-resident-1': ['fulfilled'] },
  cancel: { 'demo-resident-1': ['pending', 'open', 'claimed'] },
  review: {
    'demo-gridworker-1': ['pending'],
    'demo-committee-1': ['pending'],
    'demo-admin': ['pending'],
  },
}

describe.each(Object.entries(actionTables))('can.%s', (key, allowed) => {
  it.each(table(allowed))('%s, %s wish → %s', (who, status, ok) => {
    const a = actor(who)
    expect(can(key as WishActionKey, a, wish(status))).toBe(ok)
    expect(canOf(a, wish(status))[key as WishActionKey]).toBe(ok)
    // The action refuses exactly when the button is hidden.
    expect(denial(key as WishActionKey, a, wish(status)) === null).toBe(ok)
  })
})

describe('why an action is refused', () => {
  it.each([
    ['claim', 'demo-newcomer', 'open', 'NOT_FOUND'],
    ['claim', 'demo-resident-2', 'pending', 'NOT_FOUND'],
    ['claim', 'demo-resident-2', 'open', 'FORBIDDEN'],
    ['claim', 'demo-resident-1', 'open', 'FORBIDDEN'],
    ['claim', 'demo-volunteer-2', 'claimed', 'CONFLICT'],
    ['release', 'demo-volunteer-2', 'claimed', 'FORBIDDEN'],
    ['fulfill', 'demo-gridworker-1', 'claimed', 'FORBIDDEN'],
    ['confirm', 'demo-resident-2', 'fulfilled', 'FORBIDDEN'],
    ['confirm', 'demo-resident-1', 'claimed', 'CONFLICT'],
    ['cancel', 'demo-resident-1', 'fulfilled', 'CONFLICT'],
    ['cancel', 'demo-gridworker-1', 'open', 'FORBIDDEN'],
    ['review', 'demo-resident-2', 'pending', 'NOT_FOUND'],
    ['review', 'demo-volunteer-1', 'open', 'FORBIDDEN'],
    ['review', 'demo-committee-1', 'open', 'CONFLICT'],
  ] as const)('%s by %s on a %s wish → %s', (key, who, status, code) => {
    expect(denial(key, actor(who), wish(status))).toBe(code)
  })

  it('a missing wish is NOT_FOUND', () => {
    expect(denial('claim', actor('demo-volunteer-1'), null)).toBe('NOT_FOUND')
  })

  it('staff of another place do not review or release', () => {
    expect(
      denial(
        'review',
        actor('demo-gridworker-1'),
        wish('pending', { gridId: 'g3', communityId: 'c2' })
      )
    ).toBe('NOT_FOUND')
  })
})

describe('who may claim', () => {
  const base = users.find((u) => u._id === 'demo-resident-2')!
  it.each([
    ['a red agent who is not a volunteer', { roles: ['resident', 'redAgent'] }, true],
    [
      'an approved volunteer',
      {
        roles: ['resident', 'volunteer'],
        volunteer: { status: 'approved', partyMember: false, skills: [] },
      },
      true,
    ],
    // The role is the approval: the committee's grant in the roster is enough.
    [
      'a volunteer the committee made one in the roster',
      { roles: ['resident', 'volunteer'] },
      true,
    ],
    [
      'an applicant without the role',
      { roles: ['resident'], volunteer: { status: 'pending', partyMember: false, skills: [] } },
      false,
    ],
    [
      'one whose role was taken away',
      { roles: ['resident'], volunteer: { status: 'approved', partyMember: false, skills: [] } },
      false,
    ],
    [
      'a volunteer of another community',
      { roles: ['resident', 'redAgent'], gridId: 'g3', communityId: 'c2' },
      false,
    ],
  ] as const)('%s → %s', (_label, extra, allowed) => {
    const a = actorFrom('v', { ...base, _id: 'v', ...(extra as unknown as Partial<UserDoc>) })
    expect(can('claim', a, wish('open'))).toBe(allowed)
  })
})

describe('a wish filed by a grid worker for a resident (createFor)', () => {
  const filed = (status: WishStatus) => wish(status, { filedBy: 'demo-gridworker-1' })
  it.each(ALL)('in %s, its filer confirms and cancels as the author does', (status) => {
    const filer = actor('demo-gridworker-1')
    const author = actor('demo-resident-1')
    expect([can('confirm', filer, filed(status)), can('cancel', filer, filed(status))]).toEqual([
      can('confirm', author, filed(status)),
      can('cancel', author, filed(status)),
    ])
  })

  it('other staff, and a filer who no longer serves the grid, do not', () => {
    const moved = actorFrom('demo-gridworker-1', {
      ...users.find((u) => u._id === 'demo-gridworker-1')!,
      workerGridIds: ['g2'],
    })
    for (const a of [actor('demo-committee-1'), actor('demo-admin')]) {
      expect(denial('confirm', a, filed('fulfilled'))).toBe('FORBIDDEN')
      expect(denial('cancel', a, filed('open'))).toBe('FORBIDDEN')
    }
    expect([
      can('confirm', moved, filed('fulfilled')),
      can('cancel', moved, filed('open')),
    ]).toEqual([false, false])
    // Filed by someone else: the grid worker is staff of the grid, not the filer.
    const other = wish('fulfilled', { filedBy: 'someone-else' })
    expect(denial('confirm', actor('demo-gridworker-1'), other)).toBe('FORBIDDEN')
  })
})

describe("who sees the author's full name, room and phone", () => {
  it.each(
    table({
      'demo-resident-1': ALL,
      'demo-volunteer-1': ['claimed', 'fulfilled'],
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s, %s wish → %s', (who, status, full) => {
    expect(seesAuthorContact(actor(who), wish(status))).toBe(full)
  })
})

describe("who sees the claimer's full name and phone", () => {
  it.each(
    table({
      'demo-resident-1': ['claimed', 'fulfilled'],
      'demo-volunteer-1': ['claimed', 'fulfilled', 'done'],
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    }).filter(([, status]) => HELD.includes(status))
  )('%s, %s wish → %s', (who, status, full) => {
    expect(seesClaimerContact(actor(who), wish(status))).toBe(full)
  })
})

describe('list scopes', () => {
  it.each([
    ['demo-resident-2', 'grid', { gridId: ['g1'] }, PUBLIC],
    ['demo-resident-3', 'grid', { gridId: ['g2'] }, PUBLIC],
    ['demo-resident-2', 'community', { communityId: 'c1' }, PUBLIC],
    ['demo-resident-2', 'mine', { authorOpenid: 'demo-resident-2' }, null],
    ['demo-volunteer-1', 'claimed', { claimerOpenid: 'demo-volunteer-1' }, null],
    ['demo-gridworker-1', 'grid', { gridId: ['g1', 'g2'] }, null],
    ['demo-gridworker-1', 'review', { gridId: ['g1', 'g2'] }, ['pending']],
    ['demo-committee-1', 'community', { communityId: 'c1' }, null],
    ['demo-committee-1', 'review', { communityId: 'c1' }, ['pending']],
    ['demo-admin', 'review', {}, ['pending']],
  ] as const)('%s, scope %s → %j %j', (who, scope, match, statuses) => {
    expect(listFilter(actor(who), scope, undefined)).toEqual({
      ok: true,
      match,
      statuses: statuses ? [...statuses] : null,
    })
  })

  it('a status filter narrows, and a resident asking for pending wishes of others gets none', () => {
    expect(listFilter(actor('demo-resident-2'), 'community', 'done')).toMatchObject({
      statuses: ['done'],
    })
    expect(listFilter(actor('demo-resident-2'), 'grid', 'pending')).toMatchObject({ statuses: [] })
    expect(listFilter(actor('demo-gridworker-1'), 'review', 'claimed')).toMatchObject({
      statuses: ['claimed'],
    })
  })

  it.each([
    ['demo-newcomer', 'grid', 'NOT_BOUND'],
    ['demo-newcomer', 'community', 'NOT_BOUND'],
    ['demo-resident-1', 'review', 'FORBIDDEN'],
    ['demo-volunteer-1', 'review', 'FORBIDDEN'],
  ] as const)('%s, scope %s → %s', (who, scope, code) => {
    expect(listFilter(actor(who), scope)).toMatchObject({ ok: false, code })
  })

  it('a resident whose binding awaits verification is told so', () => {
    const pendingUser = actorFrom('p', { ...users[1], _id: 'p', bindStatus: 'pending' })
    expect(listFilter(pendingUser, 'grid')).toMatchObject({ ok: false, code: 'NOT_VERIFIED' })
    expect(listFilter(pendingUser, 'mine')).toMatchObject({ ok: true })
  })
})
