// Topics, roll entries and ballot bins for the bench's datasets: a history of topics in community c1 (most
// closed with their sealed tally, a few in discussion or voting), a topic in voting with a ballot
// box of any size, and voters for the vote races. Roll entries, ballots and the tally come from
// the deliberation store itself, so the documents are the ones a vote would write.
import { DELIBERATION_PHASES, type DeliberationPhase } from '../src/contract/deliberation'
import { outcomeOf } from '../cloudfunctions/src/deliberation/phases'
import {
  binCountFor,
  binId,
  castFor,
  tallyHashOf,
  type Ballot,
  type BinDoc,
  type RollDoc,
  type TopicDoc,
} from '../cloudfunctions/src/deliberation/store'

type Doc = Record<string, unknown>
const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface DelibGen {
  rnd: () => number
  pick: <T>(list: T[]) => T
}

export interface TopicShape {
  id: string
  scope: { type: 'grid' | 'community'; id: string; name: string; gridIds: string[] }
  phase: DeliberationPhase
  options: string[]
  unit?: TopicDoc['unit']
  quorum?: number
  eligibleCount?: number
  turnout?: number
  /** epoch ms */
  createdAt: number
  discussionEndsAt: number
  votingEndsAt: number
}

const C1 = { communityId: 'c1', name: '幸福里社区', gridIds: ['g1', 'g2'] }
const GRID_NAMES: Record<string, string> = { g1: '第一网格', g2: '第二网格' }

/** A topic document of `shape`, opened by the committee of c1. */
export function topicDoc(shape: TopicShape): TopicDoc {
  const grid = shape.scope.type === 'grid'
  const at = (ms: number) => new Date(ms)
  const open = shape.phase !== 'closed'
  const voted = shape.phase !== 'discussion'
  const created = at(shape.createdAt)
  const opened = voted ? at(Math.min(shape.discussionEndsAt, shape.votingEndsAt - HOUR)) : null
  const closedAt = shape.phase === 'closed' ? at(shape.votingEndsAt) : null
  const timeline: TopicDoc['timeline'] = [
    { at: created, type: 'created', text: '社区两委发起了议题' },
  ]
  if (opened) timeline.push({ at: opened, type: 'votingOpened', text: '开始投票' })
  if (closedAt) timeline.push({ at: closedAt, type: 'closed', text: '投票已结束，结果已公布' })
  return {
    _id: shape.id,
    title: `议题 ${shape.id}`,
    background: '物业提出在小区空地加装休闲设施，请大家议一议。',
    scopeType: shape.scope.type,
    scopeId: shape.scope.id,
    scopeName: shape.scope.name,
    gridId: grid ? shape.scope.id : null,
    communityId: C1.communityId,
    gridIds: shape.scope.gridIds,
    audience: grid ? `g:${shape.scope.id}` : `c:${C1.communityId}`,
    open,
    openGrid: open && grid ? shape.scope.id : '',
    openCommunity: open && !grid ? C1.communityId : '',
    options: shape.options,
    phase: shape.phase,
    discussionEndsAt: at(shape.discussionEndsAt),
    votingEndsAt: at(shape.votingEndsAt),
    unit: shape.unit ?? 'resident',
    quorum: shape.quorum ?? 0,
    matterId: null,
    previousId: null,
    nextId: null,
    creatorOpenid: 'demo-committee-1',
    createdBy: '社区两委',
    eligibleCount: voted ? (shape.eligibleCount ?? 0) : null,
    votingOpenedAt: opened,
    turnout: shape.turnout ?? 0,
    closedAt,
    tally: null,
    outcome: null,
    announce: null,
    bins: voted ? binCountFor(shape.eligibleCount ?? 0) : null,
    commentCount: 0,
    updates: [],
    createdAt: created,
    updatedAt: closedAt ?? opened ?? created,
    timeline,
  }
}

/**
 * A ballot box of `n` ballots on `topic`, cast by made-up voters (`<prefix>-000001`…) with the
 * options drawn at random; `meetingShare` of them entered at a meeting. Roll entries as the vote
 * writes them; the ballots dealt into the topic's bins at random.
 */
export function ballotBox(
  g: DelibGen,
  topic: TopicDoc,
  n: number,
  prefix: string,
  meetingShare = 0.1
): { roll: RollDoc[]; ballots: Ballot[]; bins: BinDoc[] } {
  const roll: RollDoc[] = []
  const ballots: Ballot[] = []
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(6, '0')}`
    const voter = { _id: id, buildingId: `${prefix}-b${i % 40}`, room: String(i), nickname: id }
    // a lean to the first option, so that outcomes are decided
    const optionIndex = g.rnd() < 0.4 ? 0 : Math.floor(g.rnd() * topic.options.length)
    const cast = castFor(topic, voter, optionIndex, g.rnd() < meetingShare ? 'meeting' : 'online')
    roll.push(cast.roll)
    ballots.push(cast.ballot)
  }
  const count = topic.bins ?? 1
  const bins: BinDoc[] = Array.from({ length: count }, (_b, k) => ({
    _id: binId(topic._id, k),
    topicId: topic._id,
    ballots: [],
  }))
  for (const b of ballots) bins[Math.floor(g.rnd() * count)].ballots.push(b)
  return { roll, ballots, bins }
}

/** A closed topic's sealed tally, as `close` writes it, from its ballots. */
export function sealed(topic: TopicDoc, ballots: Ballot[]): TopicDoc {
  const counts = topic.options.map(() => 0)
  const byOrigin = { online: 0, meeting: 0 }
  for (const b of ballots) {
    counts[b.optionIndex]++
    byOrigin[b.origin]++
  }
  const { outcome, quorumMet, winner } = outcomeOf(topic, counts, ballots.length)
  return {
    ...topic,
    turnout: ballots.length,
    outcome,
    tally: { counts, byOrigin, quorumMet, winner, tallyHash: tallyHashOf(ballots) },
  }
}

// cumulative shares of a community's topics: most closed, a few under discussion or in voting
const SHARES: [DeliberationPhase, number][] = [
  ['discussion', 0.04],
  ['voting', 0.04],
  ['closed', 0.92],
]

const draw = (g: DelibGen): DeliberationPhase => {
  let r = g.rnd()
  for (const [p, share] of SHARES) if ((r -= share) < 0) return p
  return DELIBERATION_PHASES[2]
}

/**
 * A history of `count` topics in c1 over two years (grids g1, g2 and the community), with small
 * ballot boxes (12 ballots each): the lists and the viewer's counts read these.
 */
export function topicsFor(
  g: DelibGen,
  count: number,
  now: number
): { topics: TopicDoc[]; votes: RollDoc[]; bins: BinDoc[] } {
  const topics: TopicDoc[] = []
  const votes: RollDoc[] = []
  const bins: BinDoc[] = []
  for (let i = 0; i < count; i++) {
    const where = g.pick(['g1', 'g2', 'c1'])
    const scope =
      where === 'c1'
        ? { type: 'community' as const, id: 'c1', name: C1.name, gridIds: C1.gridIds }
        : { type: 'grid' as const, id: where, name: GRID_NAMES[where], gridIds: [where] }
    const phase = draw(g)
    const createdAt =
      phase === 'closed' ? now - (10 + g.rnd() * 700) * DAY : now - (1 + g.rnd() * 3) * DAY
    const discussionEndsAt = phase === 'discussion' ? now + 2 * DAY : createdAt + 3 * DAY
    const votingEndsAt = phase === 'closed' ? discussionEndsAt + 4 * DAY : now + 4 * DAY
    const t = topicDoc({
      id: `t-${String(i).padStart(6, '0')}`,
      scope,
      phase,
      options: ['同意', '反对', '弃权'],
      eligibleCount: 400,
      createdAt,
      discussionEndsAt,
      votingEndsAt,
    })
    if (phase === 'discussion') {
      topics.push(t)
      continue
    }
    const box = ballotBox(g, t, 12, `h${i}`)
    votes.push(...box.roll)
    bins.push(...box.bins)
    topics.push(phase === 'closed' ? sealed(t, box.ballots) : { ...t, turnout: 12 })
  }
  return { topics, votes, bins }
}

/** `n` verified residents of c1 (grids g1 and g2 in turn), each their own household. */
export function votersFor(model: Doc, n: number, prefix: string, verifiedAt: Date): Doc[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `${prefix}-${String(i).padStart(5, '0')}`
    const gridId = i % 2 ? 'g2' : 'g1'
    return {
      ...model,
      _id: id,
      openid: id,
      nickname: `投票人${i}`,
      realName: `投票人${i}`,
      phone: `136${String(i).padStart(8, '0')}`,
      roles: ['resident'],
      bindStatus: 'verified',
      gridId,
      gridName: GRID_NAMES[gridId],
      communityId: 'c1',
      communityName: C1.name,
      buildingId: `${gridId}-b${gridId === 'g1' ? 1 + (i % 3) : 4 + (i % 3)}`,
      buildingName: `${gridId === 'g1' ? 1 + (i % 3) : 4 + (i % 3)}号楼`,
      room: String(1000 + i),
      boundAt: verifiedAt,
      verifiedAt,
      createdAt: verifiedAt,
      updatedAt: verifiedAt,
    }
  })
}
