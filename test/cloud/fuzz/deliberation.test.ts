import type { Topic, TopicComment, VoteResult } from '@/contract/deliberation'
import { TOPIC_LIST_SCOPES, VOTE_UNITS } from '@/contract/deliberation'
import { data, PERSONAS as P, useEmulator } from '../helpers'
import { fuzzEveryAction, type ActionFuzz, type Rng } from './fuzz'

// Every action of `deliberation`, a few hundred generated inputs each, as every persona (see
// fuzz.ts), on topics in each phase, a comment and a receipt.

const emu = useEmulator()
const HOUR = 3_600_000

type Phase = 'discussion' | 'voting' | 'closed'
let ids: Record<Phase, string>
let commentId: string
let hiddenId: string
let receipt: string
const anId = (r: Rng, phase?: Phase) => {
  if (phase && r.chance(0.6)) return ids[phase]
  return r.chance(0.9) ? r.pick(Object.values(ids)) : r.pick(['t-missing', '$gt', 'a.b'])
}
const fields = (r: Rng) => ({
  title: r.pick(['东门加装长椅', '停车位划线🌸', '楼道清理']),
  background: r.pick(['', '老人多，需要歇脚的地方。']),
  scope: r.chance(0.7)
    ? { type: 'grid', id: r.pick(['g1', 'g2', 'g3']) }
    : { type: 'community', id: 'c1' },
  options: r.pick([
    ['同意', '不同意'],
    ['方案一', '方案二', '维持现状'],
  ]),
  discussionEndsAt: new Date(Date.now() + (1 + r.int(48)) * HOUR).toISOString(),
  votingEndsAt: new Date(Date.now() + (50 + r.int(100)) * HOUR).toISOString(),
  unit: r.pick(VOTE_UNITS),
  quorum: r.int(101),
})
const g1Residents = [P.resident1, P.resident2, P.volunteer1]

const VALID: Record<string, ActionFuzz> = {
  create: [
    (r) => ({ ...fields(r), ...(r.chance(0.3) ? { matterId: 'm-1' } : {}) }),
    [P.committee, P.gridWorker],
  ],
  list: [
    (r) => ({
      ...(r.chance(0.7) ? { scope: r.pick(TOPIC_LIST_SCOPES) } : {}),
      limit: 1 + r.int(50),
    }),
    [],
  ],
  get: [(r) => ({ id: anId(r) }), []],
  comment: [
    (r) => ({ id: anId(r, 'discussion'), content: r.pick(['支持', '建议再讨论🌸']) }),
    g1Residents,
  ],
  listComments: [(r) => ({ id: anId(r, 'discussion'), limit: 1 + r.int(50) }), []],
  reportComment: [() => ({ commentId }), [P.resident1, P.resident2, P.gridWorker]],
  hideComment: [() => ({ commentId, reason: '与议题无关' }), [P.gridWorker, P.committee]],
  restoreComment: [() => ({ commentId: hiddenId }), [P.gridWorker, P.committee]],
  openVoting: [(r) => ({ id: anId(r, 'discussion') }), [P.committee]],
  vote: [(r) => ({ id: anId(r, 'voting'), optionIndex: r.int(3) }), g1Residents],
  recordInPerson: [
    (r) => ({
      id: anId(r, 'voting'),
      votes: [{ openid: r.pick([...g1Residents, P.resident3, P.newcomer]), optionIndex: r.int(2) }],
    }),
    [P.committee],
  ],
  close: [(r) => ({ id: anId(r, 'voting') }), [P.committee]],
  result: [(r) => ({ id: anId(r, 'closed') }), g1Residents],
  verifyReceipt: [
    (r) => ({ id: anId(r, 'closed'), receipt: r.chance(0.7) ? receipt : 'ABCD-EFGH-JKMN-PQRS' }),
    [],
  ],
  followUp: [(r) => ({ id: anId(r, 'closed'), ...fields(r) }), [P.committee]],
  addUpdate: [(r) => ({ id: anId(r, 'closed'), text: '已联系物业落实' }), [P.committee]],
}

describe('fuzz: deliberation', () => {
  beforeEach(async () => {
    const call = <T = Topic>(who: string, action: string, input: unknown) =>
      emu().call<T>('deliberation', who, action, input)
    const create = async (unit: 'resident' | 'household') =>
      data(
        await call(P.committee, 'create', {
          title: '东门加装长椅',
          background: '老人多，需要歇脚的地方。',
          scope: { type: 'grid', id: 'g1' },
          options: ['同意', '不同意'],
          discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
          votingEndsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
          unit,
          quorum: 0,
        })
      )
    const discussion = await create('household')
    const voting = await create('resident')
    data(await call(P.committee, 'openVoting', { id: voting.id }))
    const closing = await create('resident')
    data(await call(P.committee, 'openVoting', { id: closing.id }))
    const v = data(await call<VoteResult>(P.resident1, 'vote', { id: closing.id, optionIndex: 0 }))
    data(await call(P.resident2, 'vote', { id: closing.id, optionIndex: 1 }))
    data(await call(P.committee, 'close', { id: closing.id }))
    const c = data(
      await call<TopicComment>(P.volunteer1, 'comment', { id: discussion.id, content: '支持加装' })
    )
    const h = data(
      await call<TopicComment>(P.volunteer1, 'comment', { id: discussion.id, content: '跑题了' })
    )
    data(await call(P.gridWorker, 'hideComment', { commentId: h.id, reason: '与议题无关' }))
    hiddenId = h.id
    ids = { discussion: discussion.id, voting: voting.id, closed: closing.id }
    commentId = c.id
    receipt = v.receipt
  })

  fuzzEveryAction(emu, 'deliberation', VALID, 170)
})
