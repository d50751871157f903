import type { ErrandActionKey } from '@/contract/errand'
import {
  ADMIN,
  call,
  clockAt,
  CM,
  data,
  ErrandFlow,
  expectError,
  GW,
  HOUR,
  MINUTE,
  R1,
  R2,
  redAgent,
  useEmulator,
  V1,
  type Today,
} from './helpers'

// The policy as a table, through calls: for each status and level, what `can` each persona gets
// on the item, that every action `can` denies is refused (and changes nothing), and that every
// action it allows works on a fresh errand in that state.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const A2 = 'test-agent-2'
const G2A = 'test-agent-g2'
const ACTIONS: ErrandActionKey[] = ['accept', 'release', 'complete', 'confirm', 'cancel']
let day: Today

beforeEach(async () => {
  day = await clockAt(emu(), '09:00')
  await redAgent(emu(), A2, 'g1')
  await redAgent(emu(), G2A, 'g2')
})

const far = () => ({ date: day.plus(14), slot: 'evening' as const })
const escalate = async (hours: number) => {
  await emu().advanceClock(hours * HOUR + MINUTE)
  await flow().tick()
}

/** How to bring a fresh errand of R1 (g1) into a state; returns its id. */
const STATES: Record<string, () => Promise<string>> = {
  'requested · grid': async () => (await flow().requested(R1, far())).id,
  'requested · community': async () => {
    const e = await flow().requested(R1, far())
    await escalate(4)
    return e.id
  },
  'requested · committee': async () => {
    const e = await flow().requested(R1, far())
    await escalate(24)
    return e.id
  },
  accepted: async () => (await flow().accepted(R1, V1, far())).id,
  completed: async () => (await flow().completed(R1, V1, far())).id,
  closed: async () => (await flow().closed(R1, V1, far())).id,
  cancelled: async () => (await flow().cancelled(R1)).id,
  expired: async () => {
    const e = await flow().requested(R1, { date: day.date, slot: 'morning' })
    await escalate(3) // 12:01, the morning is over
    return e.id
  },
}

/** `null`: may not see it, or sees it with nothing to do. Otherwise the actions allowed. */
type Cell = ErrandActionKey[] | null
const PERSONAS = { R1, V1, A2, G2A, GW, CM, ADMIN, R2 }
type Who = keyof typeof PERSONAS

// prettier-ignore
const TABLE: [string, Record<Who, Cell>][] = [
  //                         booker         agent g1 (taker)        other agent g1   agent g2       grid worker     committee       admin           neighbour
  ['requested · grid',      { R1: ['cancel'], V1: ['accept'],         A2: ['accept'], G2A: null,     GW: ['cancel'], CM: ['cancel'], ADMIN: ['cancel'], R2: null }],
  ['requested · community', { R1: ['cancel'], V1: ['accept'],         A2: ['accept'], G2A: ['accept'], GW: ['cancel'], CM: ['cancel'], ADMIN: ['cancel'], R2: null }],
  ['requested · committee', { R1: ['cancel'], V1: ['accept'],         A2: ['accept'], G2A: ['accept'], GW: ['cancel'], CM: ['cancel'], ADMIN: ['cancel'], R2: null }],
  ['accepted',              { R1: ['cancel'], V1: ['release', 'complete'], A2: null, G2A: null,     GW: ['cancel'], CM: ['cancel'], ADMIN: ['cancel'], R2: null }],
  ['completed',             { R1: ['confirm'], V1: [],                A2: null,       G2A: null,     GW: [],         CM: [],         ADMIN: [],         R2: null }],
  ['closed',                { R1: [],          V1: null,              A2: null,       G2A: null,     GW: [],         CM: [],         ADMIN: [],         R2: null }],
  ['cancelled',             { R1: [],          V1: null,              A2: null,       G2A: null,     GW: [],         CM: [],         ADMIN: [],         R2: null }],
  ['expired',               { R1: [],          V1: null,              A2: null,       G2A: null,     GW: [],         CM: [],         ADMIN: [],         R2: null }],
]

const INPUT: Record<ErrandActionKey, (id: string) => Record<string, unknown>> = {
  accept: (id) => ({ id }),
  release: (id) => ({ id, reason: '临时有事' }),
  complete: (id) => ({ id }),
  confirm: (id) => ({ id, rating: 5 }),
  cancel: (id) => ({ id }),
}
const AFTER: Record<ErrandActionKey, string> = {
  accept: 'accepted',
  release: 'requested',
  complete: 'completed',
  confirm: 'closed',
  cancel: 'cancelled',
}

describe('errand policy: persona × status × level', () => {
  it.each(TABLE)(
    '%s: each persona gets the can it should, and denied actions are refused',
    async (state, row) => {
      const id = await STATES[state]()
      const before = data(await flow().get(GW, id))
      for (const [who, allowed] of Object.entries(row) as [Who, Cell][]) {
        const res = await flow().get(PERSONAS[who], id)
        const can = res.ok ? res.data.can : null
        if (allowed === null) {
          // Hidden (NOT_FOUND) or shown with nothing to do.
          if (!res.ok) expectError(res, 'NOT_FOUND')
          else expect([who, can]).toEqual([who, Object.fromEntries(ACTIONS.map((a) => [a, false]))])
        } else {
          expect([who, can]).toEqual([
            who,
            Object.fromEntries(ACTIONS.map((a) => [a, allowed.includes(a)])),
          ])
        }
        for (const action of ACTIONS.filter((a) => !allowed?.includes(a))) {
          const tried = await flow().call(PERSONAS[who], action, INPUT[action](id))
          expect([who, action, tried.ok]).toEqual([who, action, false])
        }
      }
      // Nothing the refusals tried changed the errand.
      const after = data(await flow().get(GW, id))
      expect(after).toEqual(before)
    },
    60_000
  )

  const allowedCells = TABLE.flatMap(([state, row]) =>
    (Object.entries(row) as [Who, Cell][]).flatMap(([who, allowed]) =>
      (allowed ?? []).map((action) => [state, who, action] as const)
    )
  )
  it.each(allowedCells)('%s: %s may %s, and it works', async (state, who, action) => {
    const id = await STATES[state]()
    const done = data(
      await call(emu(), 'errand', PERSONAS[who], action, INPUT[action](id) as never)
    )
    expect(done.status).toBe(AFTER[action])
  })
})
