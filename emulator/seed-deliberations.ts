// Demo topics (居民议事, docs/contract.md §5): one in discussion with neighbours' comments, one in
// voting with neighbours' ballots in its bins, one closed with its sealed result and the
// committee's update on carrying it out. Ballots are cast by `seed-` neighbours only: every demo
// persona may still vote on the open topic. Deterministic given `now` (receipts and ids are
// derived, not random); the tally comes from the deliberation store itself, so the demo result
// checks out against its receipts like any other.

import { createHash } from 'node:crypto'
import type { BallotOrigin, TopicTimelineEntry } from '@/contract/deliberation'
import {
  binCountFor,
  binId,
  householdOf,
  receiptOf,
  rollKey,
  tallyHashOf,
  type Ballot,
  type BinDoc,
  type CommentDoc,
  type RollDoc,
  type TopicDoc,
} from '../cloudfunctions/src/deliberation/store'
import { outcomeOf } from '../cloudfunctions/src/deliberation/phases'
import type { UserDoc } from '../cloudfunctions/src/lib/actor'

const HOUR = 3600 * 1000

const digest = (s: string) => createHash('sha256').update(s).digest()
const idOf = (s: string) => digest(`seed-deliberation|${s}`).toString('hex').slice(0, 32)

interface Story {
  key: string
  title: string
  background: string
  scope: { type: 'grid' | 'community'; id: string }
  options: string[]
  unit: 'resident' | 'household'
  quorum: number
  by: 'committee' | 'gridWorker'
  /** Hours from now (negative: past). */
  createdH: number
  discussionEndsH: number
  votingEndsH: number
  phase: TopicDoc['phase']
  comments: { author: string; content: string; hoursAgo: number }[]
  ballots: { voter: string; option: number; origin?: BallotOrigin }[]
  updates?: { text: string; hoursAgo: number }[]
}

const STORIES: Story[] = [
  {
    key: 'bench',
    title: '东门加装休闲长椅',
    background:
      '东门附近老人较多，买菜回来常常没有地方歇脚。建议在东门内侧加装两张休闲长椅，费用由小区公共收益支出，物业负责日常维护。欢迎大家发表意见。',
    scope: { type: 'grid', id: 'g1' },
    options: ['同意加装两张', '只加装一张', '不同意加装'],
    unit: 'household',
    quorum: 30,
    by: 'gridWorker',
    createdH: -30,
    discussionEndsH: 3 * 24,
    votingEndsH: 10 * 24,
    phase: 'discussion',
    comments: [
      { author: 'seed-g1-01', content: '支持！我腿脚不好，走到门口就想坐一下。', hoursAgo: 26 },
      { author: 'seed-g1-03', content: '建议选带靠背的，老人坐着更舒服。', hoursAgo: 20 },
      { author: 'seed-g1-05', content: '长椅旁边最好再放个垃圾桶，免得有人乱扔。', hoursAgo: 6 },
    ],
    ballots: [],
  },
  {
    key: 'parking',
    title: '小区停车位重新划线方案',
    background:
      '小区停车位不足，夜间乱停影响消防通道。物业提出两个划线方案：方案一在主干道一侧增划车位；方案二改造北侧空地为停车区。请每位居民投票选择。',
    scope: { type: 'community', id: 'c1' },
    options: ['方案一：主干道一侧增划', '方案二：改造北侧空地', '维持现状'],
    unit: 'resident',
    quorum: 20,
    by: 'committee',
    createdH: -5 * 24,
    // Voting opened at the moment the demo data was loaded, so every persona is on its roll.
    discussionEndsH: 0,
    votingEndsH: 6 * 24,
    phase: 'voting',
    comments: [
      {
        author: 'seed-g2-01',
        content: '方案二好，北侧空地现在堆满杂物，正好清理出来。',
        hoursAgo: 80,
      },
      { author: 'seed-g1-02', content: '主干道再划车位，救护车进出会不会不方便？', hoursAgo: 50 },
    ],
    ballots: [
      { voter: 'seed-g1-02', option: 1 },
      { voter: 'seed-g1-04', option: 1 },
      { voter: 'seed-g2-01', option: 1 },
      { voter: 'seed-g2-03', option: 0 },
    ],
  },
  {
    key: 'charging',
    title: '是否在小区增设电动车集中充电桩',
    background:
      '楼道内给电动车充电存在火灾隐患。社区拟在南门车棚增设集中充电桩，按次扫码付费，每户一票决定是否实施。',
    scope: { type: 'community', id: 'c1' },
    options: ['同意增设', '不同意'],
    unit: 'household',
    quorum: 30,
    by: 'committee',
    createdH: -30 * 24,
    discussionEndsH: -23 * 24,
    votingEndsH: -16 * 24,
    phase: 'closed',
    comments: [
      { author: 'seed-g1-06', content: '早该装了，楼道里充电太危险。', hoursAgo: 28 * 24 },
      { author: 'seed-g2-05', content: '收费标准能不能公开一下？', hoursAgo: 27 * 24 },
    ],
    ballots: [
      { voter: 'seed-g1-01', option: 0 },
      { voter: 'seed-g1-03', option: 0 },
      { voter: 'seed-g1-04', option: 0 },
      { voter: 'seed-g1-06', option: 0 },
      { voter: 'seed-g2-02', option: 0 },
      { voter: 'seed-g2-03', option: 1 },
      { voter: 'seed-g2-05', option: 0, origin: 'meeting' },
      { voter: 'seed-g2-04', option: 1, origin: 'meeting' },
    ],
    updates: [
      { text: '已与供电公司签订安装协议，充电桩预计下月中旬完工。', hoursAgo: 12 * 24 },
      { text: '南门车棚 20 个充电桩已安装完毕并通过消防验收，即日起投入使用。', hoursAgo: 2 * 24 },
    ],
  },
]

const step = (at: Date, type: TopicTimelineEntry['type'], text: string) => ({ at, type, text })

export interface DeliberationSeed {
  deliberations: TopicDoc[]
  deliberationVotes: RollDoc[]
  deliberationBallots: BinDoc[]
  deliberationComments: CommentDoc[]
}

export interface SeedPlaces {
  gridName(id: string): string
  communityName(id: string): string
  gridIds(communityId: string): string[]
}

/** The topic as it stands after its story (its roll counted from the seeded residents). */
function topicOf(s: Story, now: Date, users: UserDoc[], places: SeedPlaces): TopicDoc {
  const at = (h: number) => new Date(now.getTime() + h * HOUR)
  const grid = s.scope.type === 'grid'
  const communityId = grid ? 'c1' : s.scope.id
  const inScope = users.filter(
    (u) =>
      u.bindStatus === 'verified' &&
      (grid ? u.gridId === s.scope.id : u.communityId === communityId)
  )
  const voting = s.phase !== 'discussion'
  const open = s.phase !== 'closed'
  const openedAt = at(s.discussionEndsH)
  const households = new Set(inScope.map((u) => householdOf(u))).size
  const eligible = s.unit === 'household' ? households : inScope.length
  const created = at(s.createdH)
  const unit = s.unit === 'household' ? '户' : '人'
  const timeline = [step(created, 'created', '议题已发起，开始讨论')]
  if (voting) {
    timeline.push(
      step(openedAt, 'votingOpened', `讨论期结束，开始投票，共 ${eligible} ${unit}可以投票`)
    )
  }
  return {
    _id: idOf(s.key),
    title: s.title,
    background: s.background,
    scopeType: s.scope.type,
    scopeId: s.scope.id,
    scopeName: grid ? places.gridName(s.scope.id) : places.communityName(s.scope.id),
    gridId: grid ? s.scope.id : null,
    communityId,
    gridIds: grid ? [s.scope.id] : places.gridIds(communityId),
    audience: grid ? `g:${s.scope.id}` : `c:${communityId}`,
    open,
    openGrid: open && grid ? s.scope.id : '',
    openCommunity: open && !grid ? communityId : '',
    options: s.options,
    phase: s.phase,
    discussionEndsAt: openedAt,
    votingEndsAt: at(s.votingEndsH),
    unit: s.unit,
    quorum: s.quorum,
    matterId: null,
    previousId: null,
    nextId: null,
    creatorOpenid: s.by === 'committee' ? 'demo-committee-1' : 'demo-gridworker-1',
    createdBy: s.by === 'committee' ? '社区两委' : '网格员 刘网格员',
    eligibleCount: voting ? eligible : null,
    votingOpenedAt: voting ? openedAt : null,
    turnout: s.ballots.length,
    closedAt: null,
    tally: null,
    outcome: null,
    bins: voting ? binCountFor(eligible) : null,
    announce: null,
    commentCount: s.comments.length,
    updates: [],
    createdAt: created,
    updatedAt: timeline[timeline.length - 1].at,
    timeline,
  }
}

/** The roll entries and ballots of the story's voters (receipts derived, not random). */
function votesOf(s: Story, topic: TopicDoc, userOf: (openid: string) => UserDoc) {
  const roll: RollDoc[] = []
  const ballots: Ballot[] = []
  for (const b of s.ballots) {
    const voter = userOf(b.voter)
    roll.push({
      _id: rollKey(topic, voter),
      topicId: topic._id,
      voter: voter._id,
      nickname: voter.nickname,
      createdAt: topic.votingOpenedAt!,
      castId: idOf(`${s.key}|cast|${b.voter}`),
    })
    ballots.push({
      optionIndex: b.option,
      receipt: receiptOf(digest(`seed-receipt|${s.key}|${b.voter}`).subarray(0, 16)),
      origin: b.origin ?? 'online',
    })
  }
  return { roll, ballots }
}

/**
 * The topic's bins, its ballots dealt into them in the order of a derived hash of their receipt
 * (as good as random, and deterministic): nothing lines them up with the roll.
 */
function binsOf(topic: TopicDoc, ballots: Ballot[]): BinDoc[] {
  const count = topic.bins ?? 1
  const out: BinDoc[] = Array.from({ length: count }, (_b, k) => ({
    _id: binId(topic._id, k),
    topicId: topic._id,
    ballots: [],
  }))
  const order = (b: Ballot) => idOf(`bin|${b.receipt}`)
  ;[...ballots]
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
    .forEach((b, i) => out[i % count].ballots.push(b))
  return out
}

/** A closed story: its sealed tally (as close computes it) and the committee's updates. */
function seal(s: Story, topic: TopicDoc, ballots: Ballot[], now: Date): void {
  const at = (h: number) => new Date(now.getTime() + h * HOUR)
  const counts = s.options.map((_o, i) => ballots.filter((b) => b.optionIndex === i).length)
  const { outcome, quorumMet, winner } = outcomeOf(topic, counts, ballots.length)
  const closedAt = at(s.votingEndsH)
  const byOrigin = (o: BallotOrigin) => ballots.filter((b) => b.origin === o).length
  topic.closedAt = closedAt
  topic.outcome = outcome
  topic.tally = {
    counts,
    byOrigin: { online: byOrigin('online'), meeting: byOrigin('meeting') },
    tallyHash: tallyHashOf(ballots),
    quorumMet,
    winner,
  }
  topic.timeline.push(step(closedAt, 'closed', '投票期结束，结果已公布'))
  for (const u of s.updates ?? []) {
    const when = at(-u.hoursAgo)
    topic.updates.push({ at: when, text: u.text })
    topic.timeline.push(step(when, 'update', '社区两委发布了决议执行情况'))
  }
  topic.updatedAt = topic.timeline[topic.timeline.length - 1].at
}

function commentsOf(s: Story, topic: TopicDoc, now: Date, userOf: (o: string) => UserDoc) {
  return s.comments.map((c, n): CommentDoc => {
    const author = userOf(c.author)
    const when = new Date(now.getTime() - c.hoursAgo * HOUR)
    return {
      _id: idOf(`${s.key}|comment|${n}`),
      topicId: topic._id,
      scopeType: topic.scopeType,
      gridId: topic.gridId,
      communityId: topic.communityId,
      gridIds: topic.gridIds,
      authorOpenid: author._id,
      authorNickname: author.nickname,
      content: c.content,
      hidden: false,
      hiddenReason: null,
      awaitingReview: false,
      awaitingCommunity: '',
      awaitingGrids: [],
      moderated: false,
      reporters: [],
      reportCount: 0,
      createdAt: when,
      updatedAt: when,
    }
  })
}

export function seedDeliberations(
  now: Date,
  users: UserDoc[],
  places: SeedPlaces
): DeliberationSeed {
  const userOf = (openid: string) => {
    const u = users.find((x) => x._id === openid)
    if (!u) throw new Error(`seed-deliberations: no user ${openid}`)
    return u
  }
  const out: DeliberationSeed = {
    deliberations: [],
    deliberationVotes: [],
    deliberationBallots: [],
    deliberationComments: [],
  }
  for (const s of STORIES) {
    const topic = topicOf(s, now, users, places)
    const votes = votesOf(s, topic, userOf)
    if (s.phase === 'closed') seal(s, topic, votes.ballots, now)
    out.deliberations.push(topic)
    out.deliberationVotes.push(...votes.roll)
    if (topic.bins) out.deliberationBallots.push(...binsOf(topic, votes.ballots))
    out.deliberationComments.push(...commentsOf(s, topic, now, userOf))
  }
  return out
}
