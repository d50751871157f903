import type { DeliberationPhase, TopicActionKey } from '@/contract/deliberation'
import { DELIBERATION_PHASES } from '@/contract/deliberation'
import { actorFrom, type UserDoc } from '../../../cloudfunctions/src/lib/actor'
import {
  can,
  canSee,
  commentDenial,
  deliberationAbilities,
  denial,
  onRoll,
  type CommentFacts,
  type TopicFacts,
} from '../../../cloudfunctions/src/deliberation/policy'
import { outcomeOf } from '../../../cloudfunctions/src/deliberation/phases'
import { demoData } from '../../../emulator/seed'

// The deliberation policy as tables: persona × phase → allowed. The topic is a household vote of
// grid g1 (community c1) opened by the grid worker; voting opened an hour after every demo
// persona was verified. `late-g1` is a g1 resident verified after voting opened.

const NOW = new Date('2026-06-01T10:00:00Z')
const OPENED = new Date('2026-06-01T08:00:00Z')
const users = demoData(new Date('2026-06-01T07:00:00Z')).users as unknown as UserDoc[]
const userOf = (openid: string) => users.find((u) => u._id === openid) ?? null
const LATE = 'late-g1'
const actor = (openid: string) =>
  openid === LATE
    ? actorFrom(LATE, {
        ...userOf('demo-resident-2')!,
        _id: LATE,
        room: '909',
        verifiedAt: new Date('2026-06-01T09:00:00Z'),
      })
    : actorFrom(openid, userOf(openid))

const topic = (phase: DeliberationPhase, extra: Partial<TopicFacts> = {}): TopicFacts => ({
  scopeType: 'grid',
  gridId: 'g1',
  communityId: 'c1',
  gridIds: ['g1'],
  phase,
  creatorOpenid: 'demo-gridworker-1',
  unit: 'household',
  votingOpenedAt: phase === 'discussion' ? null : OPENED,
  votingEndsAt: new Date('2026-06-03T10:00:00Z'),
  outcome: phase === 'closed' ? 'tie' : null,
  nextId: null,
  ...extra,
})
const state = { now: NOW, voted: false }

const PERSONAS = [
  'demo-resident-1',
  'demo-resident-3',
  'demo-volunteer-1',
  LATE,
  'demo-gridworker-1',
  'demo-committee-1',
  'demo-admin',
  'demo-newcomer',
] as const
type Persona = (typeof PERSONAS)[number]

const G1_RESIDENTS: Persona[] = ['demo-resident-1', 'demo-volunteer-1', LATE]
const STAFF: Persona[] = ['demo-gridworker-1', 'demo-committee-1', 'demo-admin']
const STEER: Persona[] = ['demo-gridworker-1', 'demo-committee-1']
const OPEN: DeliberationPhase[] = ['discussion', 'voting']

/** Who may take each action in which phases (everyone else, or another phase: refused). */
const ALLOWED: Record<TopicActionKey, (p: Persona, ph: DeliberationPhase) => boolean> = {
  comment: (p, ph) => [...G1_RESIDENTS, ...STAFF].includes(p) && OPEN.includes(ph),
  openVoting: (p, ph) => STEER.includes(p) && ph === 'discussion',
  vote: (p, ph) => ['demo-resident-1', 'demo-volunteer-1'].includes(p) && ph === 'voting',
  recordInPerson: (p, ph) => p === 'demo-committee-1' && ph === 'voting',
  close: (p, ph) => STEER.includes(p) && ph === 'voting',
  result: (p, ph) => [...G1_RESIDENTS, ...STAFF].includes(p) && ph === 'closed',
  followUp: (p, ph) => STEER.includes(p) && ph === 'closed',
  addUpdate: (p, ph) => p === 'demo-committee-1' && ph === 'closed',
  moderate: (p) => STAFF.includes(p),
}

const rows = (Object.keys(ALLOWED) as TopicActionKey[]).flatMap((key) =>
  PERSONAS.flatMap((p) =>
    DELIBERATION_PHASES.map((ph) => [key, p, ph, ALLOWED[key](p, ph)] as const)
  )
)

describe('topic actions: persona × phase', () => {
  it.each(rows)('%s by %s in %s → %s', (key, p, ph, allowed) => {
    expect(can(key, actor(p), topic(ph), state)).toBe(allowed)
  })
})

describe('why a topic action is refused', () => {
  it.each([
    [
      'a resident of another grid learns nothing of it',
      'demo-resident-3',
      'vote',
      'voting',
      'NOT_FOUND',
    ],
    [
      'someone without a grid learns nothing of it',
      'demo-newcomer',
      'result',
      'voting',
      'NOT_FOUND',
    ],
    ['staff who are not residents may not vote', 'demo-committee-1', 'vote', 'voting', 'FORBIDDEN'],
    ['verified after voting opened: not on the roll', LATE, 'vote', 'voting', 'FORBIDDEN'],
    ['voting before it opens', 'demo-resident-1', 'vote', 'discussion', 'CONFLICT'],
    ['a resident may not close', 'demo-resident-1', 'close', 'voting', 'FORBIDDEN'],
    ['the result before close', 'demo-resident-1', 'result', 'voting', 'CONFLICT'],
    [
      'the grid worker may not enter meeting votes',
      'demo-gridworker-1',
      'recordInPerson',
      'voting',
      'FORBIDDEN',
    ],
  ] as const)('%s', (_what, p, key, ph, code) => {
    expect(denial(key, actor(p), topic(ph), state)).toBe(code)
  })

  it('refuses a second vote, a vote after the deadline and a follow-up of a decided round', () => {
    const r1 = actor('demo-resident-1')
    expect(denial('vote', r1, topic('voting'), { now: NOW, voted: true })).toBe('CONFLICT')
    const late = { now: new Date('2026-06-03T10:00:00Z'), voted: false }
    expect(denial('vote', r1, topic('voting'), late)).toBe('CONFLICT')
    const cm = actor('demo-committee-1')
    expect(denial('followUp', cm, topic('closed', { outcome: 'decided' }), state)).toBe('CONFLICT')
    expect(denial('followUp', cm, topic('closed', { nextId: 'next' }), state)).toBe('CONFLICT')
  })

  it('a community topic is seen by residents of every grid of it and by their grid workers', () => {
    const community = topic('voting', {
      scopeType: 'community',
      gridId: null,
      gridIds: ['g1', 'g2'],
    })
    expect(canSee(actor('demo-resident-3'), community)).toBe(true)
    expect(canSee(actor('demo-gridworker-1'), community)).toBe(true)
    expect(canSee(actor('demo-newcomer'), community)).toBe(false)
  })

  it('the roll: verified in scope by the time voting opened, with a household on household topics', () => {
    expect(onRoll(actor('demo-resident-1'), topic('voting'))).toBe(true)
    expect(onRoll(actor(LATE), topic('voting'))).toBe(false)
    expect(onRoll(actor('demo-resident-1'), topic('discussion'))).toBe(false)
    expect(onRoll(actor('demo-resident-3'), topic('voting'))).toBe(false)
  })
})

describe('comments', () => {
  const c = (extra: Partial<CommentFacts> = {}): CommentFacts => ({
    authorOpenid: 'demo-volunteer-1',
    hidden: false,
    awaitingReview: false,
    reporters: [],
    ...extra,
  })
  const t = topic('discussion')
  it.each([
    ['a reader reports it', 'demo-resident-1', 'report', c(), null],
    ['once', 'demo-resident-1', 'report', c({ reporters: ['demo-resident-1'] }), 'CONFLICT'],
    ['never their own', 'demo-volunteer-1', 'report', c(), 'FORBIDDEN'],
    ['not once hidden', 'demo-resident-1', 'report', c({ hidden: true }), 'CONFLICT'],
    ['another grid sees nothing', 'demo-resident-3', 'report', c(), 'NOT_FOUND'],
    ['staff hide it', 'demo-gridworker-1', 'hide', c(), null],
    [
      'staff decide on one hidden by reports',
      'demo-committee-1',
      'hide',
      c({ hidden: true, awaitingReview: true }),
      null,
    ],
    ['not twice', 'demo-committee-1', 'hide', c({ hidden: true }), 'CONFLICT'],
    ['residents may not hide', 'demo-resident-1', 'hide', c(), 'FORBIDDEN'],
    ['staff restore a hidden one', 'demo-gridworker-1', 'restore', c({ hidden: true }), null],
    ['nothing to restore', 'demo-gridworker-1', 'restore', c(), 'CONFLICT'],
  ] as const)('%s', (_what, p, key, comment, code) => {
    expect(commentDenial(key, actor(p), t, comment)).toBe(code)
  })
})

describe('outcome', () => {
  const roll = { quorum: 50, eligibleCount: 10 }
  it.each([
    ['decided', [3, 2], 5, { outcome: 'decided', quorumMet: true, winner: 0 }],
    ['a shared top count is a tie', [3, 3], 6, { outcome: 'tie', quorumMet: true, winner: null }],
    ['below the quorum', [4, 0], 4, { outcome: 'noQuorum', quorumMet: false, winner: null }],
    ['no ballot at all', [0, 0], 0, { outcome: 'noQuorum', quorumMet: false, winner: null }],
  ] as const)('%s', (_what, counts, turnout, expected) => {
    expect(outcomeOf(roll, [...counts], turnout)).toEqual(expected)
  })
})

describe('abilities', () => {
  it.each([
    ['demo-resident-1', { view: true, create: false, moderate: false }],
    ['demo-newcomer', { view: false, create: false, moderate: false }],
    ['demo-gridworker-1', { view: true, create: true, moderate: true }],
    ['demo-committee-1', { view: true, create: true, moderate: true }],
  ] as const)('%s', (p, expected) => {
    const a = deliberationAbilities(actor(p))
    expect({
      view: a['deliberation.view'],
      create: a['deliberation.create'],
      moderate: a['deliberation.moderate'],
    }).toEqual(expected)
  })
})
