import type { MatterActionKey } from '@/contract/matter'
import {
  C2_RESIDENT,
  call,
  clockAt,
  CM,
  data,
  expectError,
  GW,
  MatterFlow,
  newC2Resident,
  R1,
  R2,
  R3,
  topicFields,
  useEmulator,
} from './helpers'

// The policy as a table, through calls: for each status and level, what `can` each persona gets
// on the matter, that every action `can` denies is refused (and changes nothing), and that every
// action it allows works on a fresh matter in that state.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())
const ACTIONS: MatterActionKey[] = [
  'second',
  'accept',
  'reply',
  'resolve',
  'escalate',
  'toDeliberation',
  'rate',
  'reopen',
  'withdraw',
]

beforeEach(async () => {
  await clockAt(emu(), '09:00')
  await newC2Resident(emu())
})

/** How to bring a fresh matter of R1 (g1) into a state; returns its id. */
const STATES: Record<string, () => Promise<string>> = {
  'reported · grid': async () => (await flow().reported(R1)).id,
  'handling · grid': async () => (await flow().handling(R1)).id,
  'reported · community': async () => (await flow().escalated(R1)).id,
  'handling · community': async () => (await flow().handlingByCommittee(R1)).id,
  deliberating: async () => (await flow().deliberating(R1)).id,
  'resolved · grid': async () => (await flow().resolved(R1)).id,
  closed: async () => (await flow().closed(R1)).id,
  withdrawn: async () => (await flow().withdrawn(R1)).id,
}

/** `null`: may not see it (NOT_FOUND). Otherwise the actions allowed. */
type Cell = MatterActionKey[] | null
const PERSONAS = { R1, R2, R3, GW, CM, C2: C2_RESIDENT }
type Who = keyof typeof PERSONAS

// prettier-ignore
const TABLE: [string, Record<Who, Cell>][] = [
  //                        reporter                neighbour g1  resident g2   grid worker                              committee              other community
  ['reported · grid',      { R1: ['withdraw'],         R2: ['second'], R3: ['second'], GW: ['accept', 'escalate'],          CM: [],                 C2: null }],
  ['handling · grid',      { R1: ['withdraw'],         R2: ['second'], R3: ['second'], GW: ['reply', 'resolve', 'escalate'], CM: [],                 C2: null }],
  ['reported · community', { R1: ['withdraw'],         R2: ['second'], R3: ['second'], GW: [],                              CM: ['accept', 'toDeliberation'], C2: null }],
  ['handling · community', { R1: ['withdraw'],         R2: ['second'], R3: ['second'], GW: [],                              CM: ['reply', 'resolve', 'toDeliberation'], C2: null }],
  ['deliberating',         { R1: [],                   R2: [],         R3: [],         GW: [],                              CM: ['resolve'],        C2: null }],
  ['resolved · grid',      { R1: ['rate', 'reopen'],   R2: [],         R3: [],         GW: [],                              CM: [],                 C2: null }],
  ['closed',               { R1: [],                   R2: [],         R3: [],         GW: [],                              CM: [],                 C2: null }],
  ['withdrawn',            { R1: [],                   R2: null,       R3: null,       GW: [],                              CM: [],                 C2: null }],
]

const INPUT: Record<MatterActionKey, (id: string) => Record<string, unknown>> = {
  second: (id) => ({ id }),
  accept: (id) => ({ id }),
  reply: (id) => ({ id, text: '已联系物业' }),
  resolve: (id) => ({ id, text: '已修好' }),
  escalate: (id) => ({ id, reason: '需要社区协调' }),
  toDeliberation: (id) => ({ id, ...topicFields(emu()) }),
  rate: (id) => ({ id, rating: 5 }),
  reopen: (id) => ({ id, reason: '又坏了' }),
  withdraw: (id) => ({ id }),
}
const AFTER: Record<MatterActionKey, Partial<Record<'status' | 'level', string>>> = {
  second: {},
  accept: { status: 'handling' },
  reply: { status: 'handling' },
  resolve: { status: 'resolved' },
  escalate: { status: 'reported', level: 'community' },
  toDeliberation: { status: 'deliberating' },
  rate: { status: 'closed' },
  reopen: { status: 'reported' },
  withdraw: { status: 'withdrawn' },
}

describe('matter policy: persona × status × level', () => {
  it.each(TABLE)(
    '%s: each persona gets the can it should, and denied actions are refused',
    async (state, row) => {
      const id = await STATES[state]()
      const before = data(await flow().get(GW, id))
      for (const [who, allowed] of Object.entries(row) as [Who, Cell][]) {
        const res = await flow().get(PERSONAS[who], id)
        if (allowed === null) {
          expect([who, res.ok]).toEqual([who, false])
          expectError(res, 'NOT_FOUND')
        } else {
          expect([who, res.ok && res.data.can]).toEqual([
            who,
            Object.fromEntries(ACTIONS.map((a) => [a, allowed.includes(a)])),
          ])
        }
        for (const action of ACTIONS.filter((a) => !allowed?.includes(a))) {
          const tried = await flow().call(PERSONAS[who], action, INPUT[action](id))
          expect([who, action, tried.ok]).toEqual([who, action, false])
          if (!tried.ok) {
            // Hidden → NOT_FOUND; the wrong person → FORBIDDEN; the wrong state → CONFLICT.
            const expected = allowed === null ? ['NOT_FOUND'] : ['FORBIDDEN', 'CONFLICT']
            expect([who, action, expected.includes(tried.error.code)]).toEqual([who, action, true])
          }
        }
      }
      // Nothing the refusals tried changed the matter.
      expect(data(await flow().get(GW, id))).toEqual(before)
    },
    90_000
  )

  const allowedCells = TABLE.flatMap(([state, row]) =>
    (Object.entries(row) as [Who, Cell][]).flatMap(([who, allowed]) =>
      (allowed ?? []).map((action) => [state, who, action] as const)
    )
  )
  it.each(allowedCells)('%s: %s may %s, and it works', async (state, who, action) => {
    const id = await STATES[state]()
    const before = data(await flow().get(GW, id))
    const done = data(
      await call(emu(), 'matter', PERSONAS[who], action, INPUT[action](id) as never)
    )
    expect(done).toMatchObject(AFTER[action])
    if (action === 'second') expect(done.seconds).toBe(before.seconds + 1)
    if (action === 'reopen') expect(done.level).toBe(before.level)
  })
})
