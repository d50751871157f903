import type { ErrandActionKey, ErrandLevel, ErrandStatus } from '@/contract/errand'
import { ERRAND_LEVELS, ERRAND_STATUSES } from '@/contract/errand'
import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import {
  can,
  canOf,
  canSee,
  denial,
  errandAbilities,
  listFilter,
  seesAgentContact,
  seesBookerContact,
  type ErrandFacts,
} from '../../../cloudfunctions/src/errand/policy'
import { demoData } from '../../../emulator/seed'

// The errand policy as tables: persona × status × level → allowed. The errand is
// demo-resident-1's, in g1 of c1; demo-volunteer-1 (a red agent of g1) holds it from `accepted`
// on; `agent-g2` is a red agent of g2 (same community), reached only once it is escalated.

const users = demoData().users as unknown as UserDoc[]
const userOf = (openid: string) => users.find((u) => u._id === openid) ?? null
const AGENT_G2 = 'agent-g2'
const actor = (openid: string) =>
  openid === AGENT_G2
    ? actorFrom(AGENT_G2, {
        ...userOf('demo-volunteer-2')!,
        _id: AGENT_G2,
        roles: ['resident', 'redAgent'],
      })
    : actorFrom(openid, userOf(openid))

const HELD: ErrandStatus[] = ['accepted', 'completed', 'closed']
const errand = (
  status: ErrandStatus,
  level: ErrandLevel = 'grid',
  extra: Partial<ErrandFacts> = {}
): ErrandFacts => ({
  status,
  level,
  gridId: 'g1',
  communityId: 'c1',
  bookerOpenid: 'demo-resident-1',
  agentOpenid: HELD.includes(status) ? 'demo-volunteer-1' : null,
  ...extra,
})

const PERSONAS = [
  'demo-resident-1',
  'demo-resident-2',
  'demo-resident-3',
  'demo-volunteer-1',
  'demo-volunteer-2',
  AGENT_G2,
  'demo-gridworker-1',
  'demo-committee-1',
  'demo-admin',
  'demo-newcomer',
] as const
type Persona = (typeof PERSONAS)[number]
type Allowed = Partial<Record<Persona, (s: ErrandStatus, l: ErrandLevel) => boolean>>

const ALL = () => true
const UP = (l: ErrandLevel) => l !== 'grid'
const ANY = [...ERRAND_STATUSES]

/** For each persona, when they may (see | act), status × level. Everything else is refused. */
const table = (allowed: Allowed) =>
  PERSONAS.flatMap((p) =>
    ANY.flatMap((s) => ERRAND_LEVELS.map((l) => [p, s, l, allowed[p]?.(s, l) ?? false] as const))
  )

describe('who sees an errand', () => {
  it.each(
    table({
      'demo-resident-1': ALL,
      'demo-volunteer-1': (s) => s === 'requested' || HELD.includes(s),
      [AGENT_G2]: (s, l) => s === 'requested' && UP(l),
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s, %s errand at level %s → %s', (who, status, level, allowed) => {
    expect(canSee(actor(who), errand(status, level))).toBe(allowed)
  })

  it('an agent of another community never sees it, whatever its level', () => {
    const outsider = actorFrom('x', {
      ...userOf('demo-volunteer-1')!,
      _id: 'x',
      gridId: 'g3',
      communityId: 'c2',
    })
    for (const s of ANY)
      for (const l of ERRAND_LEVELS) expect(canSee(outsider, errand(s, l))).toBe(false)
  })
})

const actionTables: Record<ErrandActionKey, Allowed> = {
  accept: {
    'demo-volunteer-1': (s) => s === 'requested',
    [AGENT_G2]: (s, l) => s === 'requested' && UP(l),
  },
  release: { 'demo-volunteer-1': (s) => s === 'accepted' },
  complete: { 'demo-volunteer-1': (s) => s === 'accepted' },
  confirm: { 'demo-resident-1': (s) => s === 'completed' },
  cancel: {
    'demo-resident-1': (s) => s === 'requested' || s === 'accepted',
    'demo-gridworker-1': (s) => s === 'requested' || s === 'accepted',
    'demo-committee-1': (s) => s === 'requested' || s === 'accepted',
    'demo-admin': (s) => s === 'requested' || s === 'accepted',
  },
}

describe.each(Object.entries(actionTables))('who may %s', (key, allowed) => {
  it.each(table(allowed))('%s, %s errand at level %s → %s', (who, status, level, ok) => {
    const a = actor(who)
    const e = errand(status, level)
    expect(can(key as ErrandActionKey, a, e)).toBe(ok)
    expect(canOf(a, e)[key as ErrandActionKey]).toBe(ok)
    // The action refuses exactly when the button is off.
    expect(denial(key as ErrandActionKey, a, e) === null).toBe(ok)
  })
})

describe('refusals', () => {
  it('the booker may not accept their own errand, even as a red agent', () => {
    const e = errand('requested', 'grid', { bookerOpenid: 'demo-volunteer-1' })
    expect(can('accept', actor('demo-volunteer-1'), e)).toBe(false)
  })

  it('an agent the errand reached who comes too late is told it was taken', () => {
    expect(denial('accept', actor(AGENT_G2), errand('accepted', 'community'))).toBe('CONFLICT')
    expect(denial('accept', actor(AGENT_G2), errand('accepted', 'grid'))).toBe('NOT_FOUND')
    expect(denial('accept', actor('demo-resident-2'), errand('requested'))).toBe('NOT_FOUND')
  })

  it('the booker asking to complete is forbidden; a missing errand is not found', () => {
    expect(denial('complete', actor('demo-resident-1'), errand('accepted'))).toBe('FORBIDDEN')
    expect(denial('confirm', actor('demo-resident-1'), null)).toBe('NOT_FOUND')
  })
})

describe('filed by a grid worker for a resident without a smartphone', () => {
  const filed = (s: ErrandStatus) => errand(s, 'grid', { filedBy: 'demo-gridworker-1' })
  it('the filer confirms on the booker’s behalf; another staff member does not', () => {
    expect(can('confirm', actor('demo-gridworker-1'), filed('completed'))).toBe(true)
    expect(can('confirm', actor('demo-committee-1'), filed('completed'))).toBe(false)
  })
  it('a filer who no longer serves the grid loses it', () => {
    const moved = actorFrom('demo-gridworker-1', {
      ...userOf('demo-gridworker-1')!,
      workerGridIds: ['g3'],
    })
    expect(can('confirm', moved, filed('completed'))).toBe(false)
  })
})

describe('privacy', () => {
  it.each(
    table({
      'demo-resident-1': ALL,
      'demo-volunteer-1': (s) => s === 'accepted' || s === 'completed',
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s sees the booker’s contact of a %s errand at level %s → %s', (who, s, l, ok) => {
    expect(seesBookerContact(actor(who), errand(s, l))).toBe(ok)
  })

  it.each(
    table({
      'demo-resident-1': (s) => s === 'accepted' || s === 'completed',
      'demo-volunteer-1': (s) => HELD.includes(s),
      // Staff see whoever holds it (an errand without an agent shows none: see view).
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s sees the agent’s contact of a %s errand at level %s → %s', (who, s, l, ok) => {
    expect(seesAgentContact(actor(who), errand(s, l))).toBe(ok)
  })
})

describe('lists and abilities', () => {
  it('the pool is the agent’s grid and community, their own errands left out; others may not look', () => {
    expect(listFilter(actor('demo-volunteer-1'), 'pool')).toMatchObject({
      ok: true,
      match: { pool: ['g:g1', 'c:c1'] },
      notBooker: 'demo-volunteer-1',
    })
    expect(listFilter(actor('demo-volunteer-1'), 'pool', 'closed')).toMatchObject({ empty: true })
    expect(listFilter(actor('demo-resident-1'), 'pool')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  it('managed is the staff’s grids or community', () => {
    expect(listFilter(actor('demo-gridworker-1'), 'managed')).toMatchObject({
      match: { gridId: ['g1', 'g2'] },
    })
    expect(listFilter(actor('demo-committee-1'), 'managed')).toMatchObject({
      match: { communityId: 'c1' },
    })
    expect(listFilter(actor('demo-resident-1'), 'managed')).toMatchObject({ ok: false })
  })

  it.each([
    ['demo-resident-1', { 'errand.book': true, 'errand.accept': false, 'errand.manage': false }],
    ['demo-volunteer-1', { 'errand.accept': true, 'errand.bookFor': false }],
    ['demo-volunteer-2', { 'errand.accept': false }],
    ['demo-gridworker-1', { 'errand.bookFor': true, 'errand.manage': true, 'errand.book': false }],
    ['demo-committee-1', { 'errand.bookFor': true, 'errand.manage': true }],
    ['demo-newcomer', { 'errand.book': false, 'errand.help': false }],
  ])('%s may %j', (who, expected) => {
    expect(errandAbilities(actor(who))).toMatchObject(expected)
  })
})
