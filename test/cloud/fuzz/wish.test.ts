import { PERSONAS as P, useEmulator } from '../helpers'
import { WishFlow, wishInput } from '../wish/helpers'
import { WISH_CATEGORIES, WISH_SCOPES, WISH_STATUSES } from '@/contract/wish'
import { fuzzEveryAction, type ActionFuzz, type Rng } from './fuzz'

// Every action of `wish`, a few hundred generated inputs each, as every persona (see fuzz.ts),
// on wishes in each state.

const emu = useEmulator()

/** The wishes arranged before each action's run, one per state. */
type State = 'pending' | 'open' | 'claimed' | 'fulfilled' | 'done'
let ids: Record<State, string>
/** Mostly the wish in the state the action starts from, else any, else one that does not exist. */
const anId = (r: Rng, state?: State) => {
  if (state && r.chance(0.6)) return ids[state]
  return r.chance(0.9) ? r.pick(Object.values(ids)) : r.pick(['w-missing', '$gt', 'a.b'])
}
const content = (r: Rng) => ({ ...wishInput(r.int(100)), category: r.pick(WISH_CATEGORIES) })

/** Each action's valid input, and who it is for. */
const VALID: Record<string, ActionFuzz> = {
  create: [content, [P.resident1, P.resident2, P.resident3]],
  createFor: [
    (r) => ({
      residentOpenid: r.pick([P.resident1, P.resident2, P.resident3, P.newcomer, P.gridWorker]),
      ...content(r),
    }),
    [P.gridWorker],
  ],
  list: [
    (r) => ({
      scope: r.pick(WISH_SCOPES),
      ...(r.chance(0.5) ? { status: r.pick(WISH_STATUSES) } : {}),
      limit: 1 + r.int(50),
    }),
    [],
  ],
  get: [(r) => ({ id: anId(r) }), []],
  claim: [(r) => ({ id: anId(r, 'open') }), [P.volunteer1, P.volunteer2]],
  release: [
    (r) => ({ id: anId(r, 'claimed'), ...(r.chance(0.7) ? { reason: '临时有事' } : {}) }),
    [P.volunteer1, P.gridWorker],
  ],
  fulfill: [
    (r) => ({ id: anId(r, 'claimed'), ...(r.chance(0.5) ? { note: '已经送到' } : {}) }),
    [P.volunteer1],
  ],
  confirm: [
    (r) => ({ id: anId(r, 'fulfilled'), rating: 1 + r.int(5), thanks: '谢谢🌸' }),
    [P.resident2],
  ],
  cancel: [
    (r) => ({ id: anId(r, r.pick(['pending', 'open', 'claimed'])) }),
    [P.resident1, P.resident2],
  ],
  review: [
    (r) => ({ id: anId(r, 'pending'), approve: r.chance(0.5), reason: '内容不清楚' }),
    [P.gridWorker, P.committee],
  ],
  stats: [() => ({}), []],
}

describe('fuzz: wish', () => {
  beforeEach(async () => {
    const flow = new WishFlow(emu())
    const pending = await flow.pending(P.resident1)
    const claimed = await flow.claimed(P.resident1, P.volunteer1)
    const open = await flow.open(P.resident2)
    const fulfilled = await flow.fulfilled(P.resident2, P.volunteer1)
    const done = await flow.done(P.resident3, P.volunteer2)
    ids = {
      pending: pending.id,
      open: open.id,
      claimed: claimed.id,
      fulfilled: fulfilled.id,
      done: done.id,
    }
  })

  fuzzEveryAction(emu, 'wish', VALID, 50)
})
