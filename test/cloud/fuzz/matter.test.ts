import type { Matter } from '@/contract/matter'
import { MATTER_CATEGORIES, MATTER_SCOPES, MATTER_STATUSES } from '@/contract/matter'
import { codePng } from '../../../emulator/openapi/png'
import { data, PERSONAS as P, useEmulator } from '../helpers'
import { topicFields } from '../matter/helpers'
import { fuzzEveryAction, type ActionFuzz, type Rng } from './fuzz'

// Every action of `matter`, a few hundred generated inputs each, as every persona (see fuzz.ts),
// on matters in each state and level; a report's photos are real uploads of the reporter's, or
// anything else.

const emu = useEmulator()

type State = 'reported' | 'handling' | 'resolved' | 'closed' | 'escalated' | 'withdrawn'
let ids: Record<State, string>
let photo: string
const anId = (r: Rng, state?: State) => {
  if (state && r.chance(0.6)) return ids[state]
  return r.chance(0.9)
    ? r.pick([...Object.values(ids), 'seed-matter-01'])
    : r.pick(['m-missing', '$gt', 'a.b'])
}
const report = (r: Rng) => ({
  category: r.pick(MATTER_CATEGORIES),
  content: r.pick(['3号楼门口的路灯坏了', '楼道里堆满了纸箱🌸', '晚上广场舞音乐声太大']),
  ...(r.chance(0.5) ? { place: '3号楼门口' } : {}),
  ...(r.chance(0.4) ? { photos: [photo] } : {}),
})

const VALID: Record<string, ActionFuzz> = {
  report: [report, [P.resident1, P.resident2, P.resident3]],
  list: [
    (r) => ({
      scope: r.pick(MATTER_SCOPES),
      ...(r.chance(0.5) ? { status: r.pick(MATTER_STATUSES) } : {}),
      limit: 1 + r.int(50),
    }),
    [],
  ],
  get: [(r) => ({ id: anId(r) }), []],
  second: [(r) => ({ id: anId(r, 'reported') }), [P.resident2, P.resident3, P.volunteer1]],
  accept: [
    (r) => ({ id: anId(r, r.pick(['reported', 'escalated'])) }),
    [P.gridWorker, P.committee],
  ],
  reply: [(r) => ({ id: anId(r, 'handling'), text: '已联系物业🌸' }), [P.gridWorker]],
  resolve: [(r) => ({ id: anId(r, 'handling'), text: '已经修好了' }), [P.gridWorker]],
  escalate: [(r) => ({ id: anId(r, 'reported'), reason: '需要社区协调' }), [P.gridWorker]],
  rate: [
    (r) => ({ id: anId(r, 'resolved'), rating: 1 + r.int(5), comment: '谢谢🌸' }),
    [P.resident1],
  ],
  toDeliberation: [
    (r) => ({ id: anId(r, r.pick(['escalated', 'handling'])), ...topicFields(emu()) }),
    [P.committee],
  ],
  reopen: [(r) => ({ id: anId(r, 'resolved'), reason: '晚上还是不亮' }), [P.resident1]],
  withdraw: [
    (r) => ({ id: anId(r, r.pick(['reported', 'handling'])) }),
    [P.resident1, P.resident2],
  ],
}

describe('fuzz: matter', () => {
  beforeEach(async () => {
    const call = <T = Matter>(who: string, action: string, input: unknown) =>
      emu().call<T>('matter', who, action, input)
    const form = new FormData()
    const png = codePng('fuzz', 'pages/index/index', 120)
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'lamp.png')
    const res = await fetch(`${emu().url}/api/_upload`, {
      method: 'POST',
      headers: { 'X-Openid': P.resident1 },
      body: form,
    })
    photo = ((await res.json()) as { data: { fileID: string } }).data.fileID
    const reported = async (who: string, n: number) =>
      data(await call(who, 'report', { category: 'facility', content: `路灯坏了第 ${n} 盏` }))
    const handling = async (who: string, n: number) =>
      data(await call(P.gridWorker, 'accept', { id: (await reported(who, n)).id }))
    const resolved = async (who: string, n: number) =>
      data(await call(P.gridWorker, 'resolve', { id: (await handling(who, n)).id, text: '修好了' }))
    const open = await reported(P.resident1, 1)
    const inHand = await handling(P.resident2, 2)
    const done = await resolved(P.resident1, 3)
    const closing = await resolved(P.resident3, 4)
    const closed = data(await call(P.resident3, 'rate', { id: closing.id, rating: 5 }))
    const up = await reported(P.resident3, 5)
    data(await call(P.gridWorker, 'escalate', { id: up.id, reason: '需要社区协调' }))
    const gone = await reported(P.resident2, 6)
    data(await call(P.resident2, 'withdraw', { id: gone.id }))
    ids = {
      reported: open.id,
      handling: inHand.id,
      resolved: done.id,
      closed: closed.id,
      escalated: up.id,
      withdrawn: gone.id,
    }
  })

  fuzzEveryAction(emu, 'matter', VALID, 140)
})
