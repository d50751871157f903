import type { MatterActionKey, MatterLevel, MatterStatus } from '@/contract/matter'
import { MATTER_LEVELS, MATTER_REOPEN_DAYS, MATTER_STATUSES } from '@/contract/matter'
import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import {
  can,
  canOf,
  canSee,
  denial,
  listFilter,
  matterAbilities,
  seesReporterContact,
  type MatterFacts,
} from '../../../cloudfunctions/src/matter/policy'
import { demoData } from '../../../emulator/seed'

// The matter policy as tables: persona × status × level → allowed. The matter is
// demo-resident-1's, in g1 of c1. demo-resident-3 and demo-volunteer-2 live in g2 of the same
// community (the community board is theirs too); `outsider` is a verified resident of c2.

const users = demoData().users as unknown as UserDoc[]
const userOf = (openid: string) => users.find((u) => u._id === openid) ?? null
const OUTSIDER = 'outsider'
const actor = (openid: string) =>
  openid === OUTSIDER
    ? actorFrom(OUTSIDER, {
        ...userOf('demo-resident-2')!,
        _id: OUTSIDER,
        gridId: 'g3',
        communityId: 'c2',
      })
    : actorFrom(openid, userOf(openid))

const matter = (
  status: MatterStatus,
  level: MatterLevel = 'grid',
  extra: Partial<MatterFacts> = {}
): MatterFacts => ({
  status,
  level,
  gridId: 'g1',
  communityId: 'c1',
  reporterOpenid: 'demo-resident-1',
  seconders: [],
  resolvedAt: status === 'resolved' ? new Date() : null,
  ...extra,
})

const PERSONAS = [
  'demo-resident-1',
  'demo-resident-2',
  'demo-resident-3',
  'demo-resident-4',
  'demo-volunteer-1',
  'demo-volunteer-2',
  'demo-gridworker-1',
  'demo-committee-1',
  'demo-admin',
  'demo-newcomer',
  OUTSIDER,
] as const
type Persona = (typeof PERSONAS)[number]
type Allowed = Partial<Record<Persona, (s: MatterStatus, l: MatterLevel) => boolean>>

const ALL = () => true
const ANY = [...MATTER_STATUSES]
const NEIGHBOURS = [
  'demo-resident-2',
  'demo-resident-3',
  'demo-resident-4',
  'demo-volunteer-1',
  'demo-volunteer-2',
] as const
const each = (who: readonly Persona[], rule: (s: MatterStatus, l: MatterLevel) => boolean) =>
  Object.fromEntries(who.map((p) => [p, rule])) as Allowed
const OPEN = (s: MatterStatus) => s === 'reported' || s === 'handling'

/** For each persona, when they may (see | act), status × level. Everything else is refused. */
const table = (allowed: Allowed) =>
  PERSONAS.flatMap((p) =>
    ANY.flatMap((s) => MATTER_LEVELS.map((l) => [p, s, l, allowed[p]?.(s, l) ?? false] as const))
  )

describe('who sees a matter', () => {
  it.each(
    table({
      'demo-resident-1': ALL,
      ...each(NEIGHBOURS, (s) => s !== 'withdrawn'),
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s, %s matter at level %s → %s', (who, status, level, allowed) => {
    expect(canSee(actor(who), matter(status, level))).toBe(allowed)
  })
})

const actionTables: Record<MatterActionKey, Allowed> = {
  second: each(NEIGHBOURS, OPEN),
  accept: {
    'demo-gridworker-1': (s, l) => s === 'reported' && l === 'grid',
    'demo-committee-1': (s, l) => s === 'reported' && l === 'community',
  },
  reply: {
    'demo-gridworker-1': (s, l) => s === 'handling' && l === 'grid',
    'demo-committee-1': (s, l) => s === 'handling' && l === 'community',
  },
  resolve: {
    'demo-gridworker-1': (s, l) => s === 'handling' && l === 'grid',
    // A matter in deliberation is the committee's to resolve once the decision is carried out.
    'demo-committee-1': (s, l) => (s === 'handling' || s === 'deliberating') && l === 'community',
  },
  escalate: { 'demo-gridworker-1': (s, l) => OPEN(s) && l === 'grid' },
  toDeliberation: {
    'demo-committee-1': (s, l) => (s === 'reported' || s === 'handling') && l === 'community',
  },
  rate: { 'demo-resident-1': (s) => s === 'resolved' },
  reopen: { 'demo-resident-1': (s) => s === 'resolved' },
  withdraw: { 'demo-resident-1': OPEN },
}

describe.each(Object.entries(actionTables))('who may %s', (key, allowed) => {
  it.each(table(allowed))('%s, %s matter at level %s → %s', (who, status, level, ok) => {
    const a = actor(who)
    const m = matter(status, level)
    expect(can(key as MatterActionKey, a, m)).toBe(ok)
    expect(canOf(a, m)[key as MatterActionKey]).toBe(ok)
    // The action refuses exactly when the button is off.
    expect(denial(key as MatterActionKey, a, m) === null).toBe(ok)
  })
})

describe('refusals', () => {
  it('toDeliberation: the committee on an open matter at the community; others are refused', () => {
    const committee = actor('demo-committee-1')
    expect(denial('toDeliberation', committee, matter('reported', 'community'))).toBeNull()
    expect(denial('toDeliberation', committee, matter('handling', 'community'))).toBeNull()
    expect(denial('toDeliberation', committee, matter('reported', 'grid'))).toBe('CONFLICT')
    expect(denial('toDeliberation', committee, matter('closed', 'community'))).toBe('CONFLICT')
    expect(
      denial('toDeliberation', actor('demo-gridworker-1'), matter('reported', 'community'))
    ).toBe('FORBIDDEN')
    expect(
      denial('toDeliberation', actor('demo-resident-2'), matter('reported', 'community'))
    ).toBe('FORBIDDEN')
  })

  it('a resident seconds once, never their own; an outsider and a withdrawn matter are not found', () => {
    const seconded = matter('reported', 'grid', { seconders: ['demo-resident-2'] })
    expect(can('second', actor('demo-resident-2'), seconded)).toBe(false)
    expect(denial('second', actor('demo-resident-2'), seconded)).toBe('CONFLICT')
    expect(can('second', actor('demo-resident-3'), seconded)).toBe(true)
    expect(denial('second', actor('demo-resident-1'), matter('reported'))).toBe('FORBIDDEN')
    expect(denial('second', actor(OUTSIDER), matter('reported'))).toBe('NOT_FOUND')
    expect(denial('second', actor('demo-resident-2'), matter('withdrawn'))).toBe('NOT_FOUND')
    expect(denial('rate', actor('demo-resident-1'), null)).toBe('NOT_FOUND')
  })

  it('the reporter may reopen within 7 days of the resolution, not after', () => {
    const DAY = 24 * 3600_000
    const resolvedAt = new Date('2026-05-01T02:00:00Z')
    const m = matter('resolved', 'grid', { resolvedAt })
    const justIn = new Date(resolvedAt.getTime() + MATTER_REOPEN_DAYS * DAY)
    const late = new Date(justIn.getTime() + 1)
    expect(can('reopen', actor('demo-resident-1'), m, justIn)).toBe(true)
    expect(can('reopen', actor('demo-resident-1'), m, late)).toBe(false)
    expect(denial('reopen', actor('demo-resident-1'), m, late)).toBe('CONFLICT')
    // Rating stays open until the timer closes it.
    expect(can('rate', actor('demo-resident-1'), m, late)).toBe(true)
  })

  it('a grid worker of another grid is neither handler nor staff of it', () => {
    const elsewhere = actorFrom('demo-gridworker-1', {
      ...userOf('demo-gridworker-1')!,
      workerGridIds: ['g3'],
    })
    expect(denial('accept', elsewhere, matter('reported'))).toBe('NOT_FOUND')
  })
})

describe('privacy', () => {
  it.each(
    table({
      'demo-resident-1': ALL,
      'demo-gridworker-1': ALL,
      'demo-committee-1': ALL,
      'demo-admin': ALL,
    })
  )('%s sees the reporter’s contact of a %s matter at level %s → %s', (who, s, l, ok) => {
    expect(seesReporterContact(actor(who), matter(s, l))).toBe(ok)
  })
})

describe('lists and abilities', () => {
  it('the board is the viewer’s grid or community; a grid worker’s boards are their grids', () => {
    expect(listFilter(actor('demo-resident-1'), 'grid')).toMatchObject({
      ok: true,
      match: { gridId: ['g1'], board: true },
    })
    expect(listFilter(actor('demo-resident-3'), 'community')).toMatchObject({
      ok: true,
      match: { communityId: 'c1', board: true },
    })
    expect(listFilter(actor('demo-committee-1'), 'community')).toMatchObject({
      match: { communityId: 'c1' },
    })
    expect(listFilter(actor('demo-gridworker-1'), 'grid')).toMatchObject({
      match: { gridId: ['g1', 'g2'] },
    })
    expect(listFilter(actor('demo-committee-1'), 'grid')).toMatchObject({
      match: { communityId: 'c1', board: true },
    })
    expect(listFilter(actor('demo-resident-1'), 'grid', 'withdrawn')).toMatchObject({
      empty: true,
    })
    expect(listFilter(actor('demo-newcomer'), 'grid')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  it('the queue is the grid worker’s grids at level grid and the committee’s community; others may not look', () => {
    expect(listFilter(actor('demo-gridworker-1'), 'queue')).toMatchObject({
      ok: true,
      match: { queue: ['g:g1', 'g:g2'] },
      order: 'queue',
    })
    expect(listFilter(actor('demo-committee-1'), 'queue')).toMatchObject({
      match: { queue: ['c:c1'] },
    })
    expect(listFilter(actor('demo-committee-1'), 'queue', 'closed')).toMatchObject({ empty: true })
    for (const who of ['demo-resident-1', 'demo-admin', 'demo-newcomer']) {
      expect(listFilter(actor(who), 'queue')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  it.each([
    ['demo-resident-1', { 'matter.report': true, 'matter.board': true, 'matter.handle': false }],
    ['demo-newcomer', { 'matter.report': false, 'matter.board': false, 'matter.handle': false }],
    ['demo-gridworker-1', { 'matter.report': false, 'matter.board': true, 'matter.handle': true }],
    ['demo-committee-1', { 'matter.report': false, 'matter.board': true, 'matter.handle': true }],
    ['demo-admin', { 'matter.report': false, 'matter.board': false, 'matter.handle': false }],
  ])('%s may %j', (who, abilities) => {
    expect(matterAbilities(actor(who))).toEqual(abilities)
  })
})
