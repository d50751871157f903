import { PERSONAS as P, useEmulator } from '../helpers'
import { fuzzEveryAction, type ActionFuzz, type Rng } from '../fuzz/fuzz'
import { DelibFlow, R4, topicInput } from './helpers'

// Every action of `deliberation`, a few hundred generated inputs each, as every persona (see
// ../fuzz/fuzz.ts), on topics in each phase: the envelope, never INTERNAL, and a refused call
// changes nothing in the database.

const emu = useEmulator()

type Phase = 'discussion' | 'voting' | 'closed' | 'tie'
let ids: Record<Phase, string>
let comments: string[]
const anId = (r: Rng, phase?: Phase) => {
  if (phase && r.chance(0.6)) return ids[phase]
  return r.chance(0.9) ? r.pick(Object.values(ids)) : r.pick(['t-missing', '$gt', 'a.b'])
}
const aComment = (r: Rng) => (r.chance(0.9) ? r.pick(comments) : 'c-missing')
const residents = [P.resident1, P.resident2, R4, P.volunteer1]

const VALID: Record<string, ActionFuzz> = {
  create: [
    (r) => ({
      ...topicInput(emu(), {
        scope: r.pick([
          { type: 'grid' as const, id: 'g1' },
          { type: 'community' as const, id: 'c1' },
        ]),
        unit: r.pick(['resident', 'household'] as const),
        quorum: r.int(101),
      }),
    }),
    [P.committee, P.gridWorker],
  ],
  list: [
    (r) => ({
      ...(r.chance(0.6) ? { scope: r.pick(['open', 'closed']) } : {}),
      limit: 1 + r.int(50),
    }),
    [],
  ],
  get: [(r) => ({ id: anId(r) }), []],
  comment: [
    (r) => ({ id: anId(r, 'discussion'), content: r.pick(['赞成🌸', '我反对', '再议']) }),
    residents,
  ],
  listComments: [(r) => ({ id: anId(r, 'discussion'), limit: 1 + r.int(50) }), []],
  reportComment: [(r) => ({ commentId: aComment(r) }), residents],
  hideComment: [
    (r) => ({ commentId: aComment(r), reason: '与议题无关' }),
    [P.gridWorker, P.committee],
  ],
  restoreComment: [(r) => ({ commentId: aComment(r) }), [P.gridWorker, P.committee]],
  openVoting: [(r) => ({ id: anId(r, 'discussion') }), [P.committee]],
  vote: [(r) => ({ id: anId(r, 'voting'), optionIndex: r.int(2) }), residents],
  recordInPerson: [
    (r) => ({
      id: anId(r, 'voting'),
      votes: Array.from({ length: 1 + r.int(3) }, () => ({
        openid: r.pick([...residents, P.resident3, P.newcomer, 'nobody']),
        optionIndex: r.int(2),
      })),
    }),
    [P.committee],
  ],
  close: [(r) => ({ id: anId(r, 'voting') }), [P.committee]],
  result: [(r) => ({ id: anId(r, 'closed') }), residents],
  verifyReceipt: [
    (r) => ({ id: anId(r, 'closed'), receipt: r.pick(['AAAA-BBBB-CCCC-DDDD', 'x']) }),
    residents,
  ],
  followUp: [(r) => ({ id: anId(r, 'tie'), ...topicInput(emu()) }), [P.committee]],
  addUpdate: [(r) => ({ id: anId(r, 'closed'), text: '已经开工🌸' }), [P.committee]],
}

describe('fuzz: deliberation', () => {
  beforeEach(async () => {
    const flow = new DelibFlow(emu())
    const discussion = await flow.create(P.committee)
    const c1 = await flow.comment(P.resident1, discussion.id, '我说两句')
    const c2 = await flow.comment(P.resident2, discussion.id, '我也说两句')
    // one hidden, so that restoring has something to restore
    const hid = { commentId: c2.id, reason: '与议题无关' }
    expect((await emu().call('deliberation', P.gridWorker, 'hideComment', hid)).ok).toBe(true)
    const voting = await flow.voting(P.committee, { unit: 'household' })
    const closed = await flow.closed([[P.resident1, 0]])
    const tie = await flow.closed([
      [P.resident1, 0],
      [P.resident2, 1],
    ])
    ids = {
      discussion: discussion.id,
      voting: voting.id,
      closed: closed.topic.id,
      tie: tie.topic.id,
    }
    comments = [c1.id, c2.id]
  })

  fuzzEveryAction(emu, 'deliberation', VALID, 90)
})
