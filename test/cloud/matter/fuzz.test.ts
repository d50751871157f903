import type { Matter } from '@/contract/matter'
import { MATTER_CATEGORIES, MATTER_SCOPES, MATTER_STATUSES } from '@/contract/matter'
import { fuzzEveryAction, type ActionFuzz, type Rng } from '../fuzz/fuzz'
import { data, PERSONAS as P, useEmulator } from '../helpers'
import { photo, topicFields } from './helpers'

// Every action of `matter`, generated inputs as every persona (see ../fuzz/fuzz.ts), on matters
// in each state: never INTERNAL, and a refused call changes nothing.

const emu = useEmulator()

type State = 'reported' | 'handling' | 'escalated' | 'resolved' | 'closed'
let ids: Record<State, string>
let photos: string[]
const anId = (r: Rng, state?: State) => {
  if (state && r.chance(0.6)) return ids[state]
  return r.chance(0.9) ? r.pick(Object.values(ids)) : r.pick(['m-missing', '$gt', 'a.b'])
}

const VALID: Record<string, ActionFuzz> = {
  report: [
    (r) => ({
      category: r.pick(MATTER_CATEGORIES),
      content: r.pick(['楼道灯坏了好几天', '垃圾桶满了没人清🌸', '小区南门停车太乱']),
      ...(r.chance(0.5) ? { place: '3号楼门口' } : {}),
      ...(r.chance(0.4) ? { photos: photos.slice(0, 1 + r.int(photos.length)) } : {}),
    }),
    [P.resident1],
  ],
  list: [
    (r) => ({
      scope: r.pick(MATTER_SCOPES),
      ...(r.chance(0.5) ? { status: r.pick(MATTER_STATUSES) } : {}),
      limit: 1 + r.int(50),
    }),
    [],
  ],
  get: [(r) => ({ id: anId(r) }), []],
  second: [(r) => ({ id: anId(r, 'reported') }), [P.resident2, P.resident3]],
  accept: [(r) => ({ id: anId(r, 'reported') }), [P.gridWorker, P.committee]],
  reply: [(r) => ({ id: anId(r, 'handling'), text: '已联系物业' }), [P.gridWorker]],
  resolve: [(r) => ({ id: anId(r, 'handling'), text: '已修好' }), [P.gridWorker]],
  escalate: [(r) => ({ id: anId(r, 'reported'), reason: '需要社区协调' }), [P.gridWorker]],
  rate: [
    (r) => ({ id: anId(r, 'resolved'), rating: 1 + r.int(5), comment: '谢谢🌸' }),
    [P.resident1],
  ],
  toDeliberation: [(r) => ({ id: anId(r, 'escalated'), ...topicFields(emu()) }), [P.committee]],
  reopen: [(r) => ({ id: anId(r, 'resolved'), reason: '又坏了' }), [P.resident1]],
  withdraw: [(r) => ({ id: anId(r, 'reported') }), [P.resident1]],
}

describe('fuzz: matter', () => {
  beforeEach(async () => {
    const call = <T = Matter>(who: string, action: string, input: unknown) =>
      emu().call<T>('matter', who, action, input)
    photos = [await photo(emu(), P.resident1, 'fuzz-a'), await photo(emu(), P.resident1, 'fuzz-b')]
    const report = async (content: string) =>
      data(await call(P.resident1, 'report', { category: 'facility', content }))
    const reported = await report('楼道灯坏了好几天')
    const handling = await report('电梯经常停运')
    data(await call(P.gridWorker, 'accept', { id: handling.id }))
    const escalated = await report('小区南门停车太乱')
    data(await call(P.gridWorker, 'escalate', { id: escalated.id, reason: '需要社区协调' }))
    const resolved = await report('垃圾桶满了没人清')
    const closed = data(
      await call<Matter>(P.resident2, 'report', { category: 'other', content: '健身器材坏了一个' })
    )
    data(await call(P.gridWorker, 'accept', { id: resolved.id }))
    data(await call(P.gridWorker, 'resolve', { id: resolved.id, text: '已清理' }))
    data(await call(P.gridWorker, 'accept', { id: closed.id }))
    data(await call(P.gridWorker, 'resolve', { id: closed.id, text: '已修好' }))
    data(await call(P.resident2, 'rate', { id: closed.id, rating: 5 }))
    ids = {
      reported: reported.id,
      handling: handling.id,
      escalated: escalated.id,
      resolved: resolved.id,
      closed: closed.id,
    }
  })

  fuzzEveryAction(emu, 'matter', VALID, 60)
})
