import type { Errand, ErrandSlot } from '@/contract/errand'
import { ERRAND_SCOPES, ERRAND_SLOTS, ERRAND_STATUSES, ERRAND_TYPES } from '@/contract/errand'
import { data, PERSONAS as P, useEmulator } from '../helpers'
import { fuzzEveryAction, type ActionFuzz, type Rng } from './fuzz'

// Every action of `errand`, a few hundred generated inputs each, as every persona (see fuzz.ts),
// on errands in each state.

const emu = useEmulator()

type State = 'requested' | 'accepted' | 'completed' | 'closed'
let ids: Record<State, string>
const anId = (r: Rng, state?: State) => {
  if (state && r.chance(0.6)) return ids[state]
  return r.chance(0.9) ? r.pick(Object.values(ids)) : r.pick(['e-missing', '$gt', 'a.b'])
}
const day = (ahead: number) =>
  new Date(Date.now() + 8 * 3600_000 + ahead * 86_400_000).toISOString().slice(0, 10)
const booking = (r: Rng) => ({
  type: r.pick(ERRAND_TYPES),
  detail: r.pick(['帮忙买降压药', '代缴电费🌸', '到驿站取快递']),
  date: day(r.int(16)),
  slot: r.pick(ERRAND_SLOTS),
  ...(r.chance(0.5) ? { phone: '13911112222' } : {}),
})

const VALID: Record<string, ActionFuzz> = {
  types: [() => ({}), []],
  book: [booking, [P.resident1, P.resident2, P.resident3]],
  help: [(r) => (r.chance(0.5) ? { note: '摔倒了起不来' } : {}), [P.resident1, P.resident3]],
  bookFor: [
    (r) => ({
      residentOpenid: r.pick([P.resident1, P.resident2, P.resident3, P.newcomer, P.gridWorker]),
      ...booking(r),
    }),
    [P.gridWorker, P.committee],
  ],
  list: [
    (r) => ({
      scope: r.pick(ERRAND_SCOPES),
      ...(r.chance(0.5) ? { status: r.pick(ERRAND_STATUSES) } : {}),
      limit: 1 + r.int(50),
    }),
    [],
  ],
  get: [(r) => ({ id: anId(r) }), []],
  accept: [(r) => ({ id: anId(r, 'requested') }), [P.volunteer1]],
  release: [(r) => ({ id: anId(r, 'accepted'), reason: '临时有事' }), [P.volunteer1]],
  complete: [
    (r) => ({ id: anId(r, 'accepted'), ...(r.chance(0.5) ? { note: '已经办好' } : {}) }),
    [P.volunteer1],
  ],
  confirm: [
    (r) => ({ id: anId(r, 'completed'), rating: 1 + r.int(5), comment: '谢谢🌸' }),
    [P.resident1, P.resident2],
  ],
  cancel: [
    (r) => ({ id: anId(r, r.pick(['requested', 'accepted'])), reason: '不需要了' }),
    [P.resident1, P.resident2, P.gridWorker],
  ],
}

describe('fuzz: errand', () => {
  beforeEach(async () => {
    const call = <T = Errand>(who: string, action: string, input: unknown) =>
      emu().call<T>('errand', who, action, input)
    const book = async (who: string, slot: ErrandSlot) =>
      data(await call(who, 'book', { type: 'parcel', detail: '到驿站取快递', date: day(1), slot }))
    const accepted = async (who: string, slot: ErrandSlot) => {
      const e = await book(who, slot)
      return data(await call(P.volunteer1, 'accept', { id: e.id }))
    }
    const completed = async (who: string, slot: ErrandSlot) => {
      const e = await accepted(who, slot)
      return data(await call(P.volunteer1, 'complete', { id: e.id }))
    }
    const requested = await book(P.resident1, 'morning')
    const inHand = await accepted(P.resident2, 'morning')
    const done = await completed(P.resident1, 'afternoon')
    const closing = await completed(P.resident2, 'evening')
    const closed = data(await call(P.resident2, 'confirm', { id: closing.id, rating: 5 }))
    ids = { requested: requested.id, accepted: inHand.id, completed: done.id, closed: closed.id }
  })

  fuzzEveryAction(emu, 'errand', VALID, 80)
})
