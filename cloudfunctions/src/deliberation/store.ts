import { createHash, randomBytes, randomInt } from 'node:crypto'
import type {
  BallotOrigin,
  DeliberationPhase,
  TopicScopeType,
  TopicTimelineEntry,
  VoteOutcome,
  VoteUnit,
} from '@/contract/deliberation'
import { db, type Doc } from '../lib/cloud'
import type { Join } from '../lib/load'
import { isDuplicateKey, type Step } from '../lib/store'
import type { Actor, UserDoc } from '../lib/actor'
import type { PersonalDataEntry } from '../lib/personal-data'
import { shanghaiTime } from '../lib/time'

// Four collections. `deliberations`: one document per topic, with its timeline, updates, the roll
// frozen when voting opened (`eligibleCount`, `votingOpenedAt`, `bins`), the turnout (while
// voting, as the timer last counted it, for lists; see `rollCount` for the live one) and, once
// closed, the sealed tally. `deliberationVotes`: the roll, who voted (one entry per vote, no
// option, receipt or time). `deliberationBallots`: the ballots, in bins, each ballot put at a
// random place in a random bin of its topic (see `binBallots`), so neither the documents nor their
// order say who cast which. `deliberationComments`: the discussion.

export type TimelineDoc = Step<TopicTimelineEntry['type']>

export interface TopicDoc {
  _id: string
  title: string
  background: string
  scopeType: TopicScopeType
  scopeId: string
  scopeName: string
  /** The grid of a grid topic, else null. */
  gridId: string | null
  communityId: string
  /**
   * The grids whose workers are its staff: a grid topic's own grid, a community topic's every
   * grid (as when it was created). A grid worker of one of them moderates it.
   */
  gridIds: string[]
  /** The list key: `g:<grid>` or `c:<community>`. */
  audience: string
  /** Discussion or voting (lists, counts); false once closed. */
  open: boolean
  /** The grid of an open grid topic, else '' (read with the viewer for the counts). */
  openGrid: string
  /** The community of an open community topic, else ''. */
  openCommunity: string
  options: string[]
  phase: DeliberationPhase
  discussionEndsAt: Date
  votingEndsAt: Date
  unit: VoteUnit
  quorum: number
  matterId: string | null
  previousId: string | null
  nextId: string | null
  creatorOpenid: string
  createdBy: string
  /** Voters (or households) on the roll when voting opened. */
  eligibleCount: number | null
  votingOpenedAt: Date | null
  /**
   * Closed: the ballots counted (sealed). Voting: the roll entries as the timer last counted them
   * (what lists show); an action on the topic shows the live count instead (see `rollCount`).
   */
  turnout: number
  closedAt: Date | null
  /** The sealed tally, written once at close. */
  tally: Tally | null
  outcome: VoteOutcome | null
  /** How many bins hold its ballots (see `binCountFor`), set when voting opens; null before. */
  bins: number | null
  /** A subscribe message the timer still has to send ('voting' opened, 'result' published). */
  announce: 'voting' | 'result' | null
  commentCount: number
  updates: { at: Date; text: string }[]
  createdAt: Date
  updatedAt: Date
  timeline: TimelineDoc[]
}

export interface Tally {
  counts: number[]
  byOrigin: Record<BallotOrigin, number>
  tallyHash: string
  quorumMet: boolean
  winner: number | null
}

/** Who voted: no option, no receipt, no time. `_id` is the unique key of one vote (see `rollKey`). */
export interface RollDoc {
  _id: string
  topicId: string
  /** The voter, so they (and their household) are told they voted; null once their account is deleted. */
  voter: string | null
  nickname: string
  /** When voting opened (not when they voted): what the account deletion job reads by. */
  createdAt: Date
  /** Random, per insert: tells the insert that wrote this entry from one that found it taken. */
  castId: string
}

/** One ballot: an option, its receipt, online or at a meeting. Nothing of who or when. */
export interface Ballot {
  optionIndex: number
  receipt: string
  origin: BallotOrigin
}

/**
 * A bin of a topic's ballots, `_id` `<topicId>:<k>`: a uniformly random order of the ballots put
 * into it. No openid, household or time.
 */
export interface BinDoc {
  _id: string
  topicId: string
  ballots: Ballot[]
}

/** A comment keeps its topic's scope and staff, so acting on it needs no read of the topic. */
export interface CommentDoc {
  _id: string
  topicId: string
  scopeType: TopicScopeType
  gridId: string | null
  communityId: string
  gridIds: string[]
  authorOpenid: string
  authorNickname: string
  content: string
  /** Hidden from non-staff (by reports or a moderator). */
  hidden: boolean
  hiddenReason: string | null
  awaitingReview: boolean
  /** The community while awaiting review (read with the committee for the counts), else ''. */
  awaitingCommunity: string
  /** The grids whose workers review it while awaiting review, else []. */
  awaitingGrids: string[]
  /** A moderator decided (hid or restored): reports no longer hide it. */
  moderated: boolean
  reporters: string[]
  reportCount: number
  createdAt: Date
  updatedAt: Date
}

export const topics = () => db().collection<TopicDoc>('deliberations')
/** The roll. */
export const votes = () => db().collection<RollDoc>('deliberationVotes')
/** The ballots, in bins, apart from the roll. */
export const bins = () => db().collection<BinDoc>('deliberationBallots')
export const comments = () => db().collection<CommentDoc>('deliberationComments')

export const topicById = (id: string): Join => ({
  as: 'topic',
  from: 'deliberations',
  field: '_id',
  equals: id,
})

export const commentById = (id: string): Join => ({
  as: 'comment',
  from: 'deliberationComments',
  field: '_id',
  equals: id,
})

/**
 * The live turnout: the topic's roll entries, counted with the caller's read (their keys are
 * `<topicId>:…`, so the count walks `_id`, no other index). A roll entry whose ballot never went
 * in (a crash between the two writes, see vote.ts) is counted here, not in the sealed tally.
 */
export const rollCount = (topicId: string): Join => ({
  as: 'rollCount',
  from: 'deliberationVotes',
  pipeline: [{ $match: rollOf(topicId) }, { $count: 'n' }],
})

/** The roll entries of a topic: `_id` from `<topicId>:` to just before `<topicId>;`. */
export const rollOf = (topicId: string) => ({ _id: { $gte: `${topicId}:`, $lt: `${topicId};` } })

/** What `rollCount` found (a count of nothing is no row, or a row of 0). */
export const joinedRollCount = (joined: Record<string, Doc[]>): number =>
  Number(joined.rollCount?.[0]?.n ?? 0)

export const joinedTopic = (joined: Record<string, Doc[]>): TopicDoc | null =>
  (joined.topic?.[0] as unknown as TopicDoc | undefined) ?? null

export const joinedComment = (joined: Record<string, Doc[]>): CommentDoc | null =>
  (joined.comment?.[0] as unknown as CommentDoc | undefined) ?? null

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32)

/** The household of a resident: their building and room. */
export const householdOf = (u: Pick<UserDoc, 'buildingId' | 'room'>): string | null =>
  u.buildingId && u.room ? `${u.buildingId}#${u.room}` : null

/**
 * The unique key of one vote on a topic: per resident, or per household (building + room).
 * Hashed, so the key holds neither an openid nor a room; a second vote (or a second member of
 * the household) fails on `_id` however many race.
 */
export function rollKey(
  topic: Pick<TopicDoc, '_id' | 'unit'>,
  voter: Pick<UserDoc, '_id' | 'buildingId' | 'room'>
): string {
  return `${topic._id}:${rollKeyEnds(voter)[topic.unit]}`
}

/** What follows the topic in a voter's roll keys, by unit (one read can look both up). */
export function rollKeyEnds(
  voter: Pick<UserDoc, '_id' | 'buildingId' | 'room'>
): Record<VoteUnit, string> {
  return {
    household: `h:${hash(`h|${householdOf(voter)}`)}`,
    resident: `r:${hash(`r|${voter._id}`)}`,
  }
}

const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789' // no I, L, O, 0, 1

/** A receipt: 16 random characters in 4 groups, `ABCD-EFGH-JKMN-PQRS` (about 79 bits). */
export const newReceipt = (): string => receiptOf(randomBytes(16))

/** The receipt spelt from 16 bytes (random ones, or the demo seed's fixed ones). */
export function receiptOf(bytes: Uint8Array): string {
  const chars = Array.from(bytes, (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

export const newId = (): string => randomBytes(16).toString('hex')

/** sha256 (hex) of the `receipt:optionIndex` pairs, sorted, joined by '\n'. */
export function tallyHashOf(ballots: { receipt: string; optionIndex: number }[]): string {
  const lines = ballots.map((b) => `${b.receipt}:${b.optionIndex}`).sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

export interface Cast {
  roll: RollDoc
  ballot: Ballot
}

/** A roll entry and its ballot for a voter, not yet stored. */
export function castFor(
  topic: Pick<TopicDoc, '_id' | 'unit' | 'votingOpenedAt'>,
  voter: Pick<UserDoc, '_id' | 'buildingId' | 'room' | 'nickname'>,
  optionIndex: number,
  origin: BallotOrigin
): Cast {
  return {
    roll: {
      _id: rollKey(topic, voter),
      topicId: topic._id,
      voter: voter._id,
      nickname: voter.nickname ?? '',
      createdAt: topic.votingOpenedAt ?? new Date(0),
      castId: newId(),
    },
    ballot: { optionIndex, receipt: newReceipt(), origin },
  }
}

/**
 * Stores roll entries in one insert: their unique `_id` decides. Whether each was stored, in
 * order: an entry whose key was taken (already voted, or a racing request won) was not.
 */
export async function storeRoll(rolls: RollDoc[]): Promise<boolean[]> {
  try {
    await votes().add({ data: rolls.map((r) => ({ ...r })) })
    return rolls.map(() => true)
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
  if (rolls.length === 1) return [false]
  // Some key was taken. What else went in depends on how the service runs a many-document insert
  // (all or nothing, stopping at the duplicate, or going on past it), so it is read back: an
  // entry is ours when it carries our castId; one of which nothing went in is tried on its own.
  const { data } = await votes()
    .where({ _id: db().command.in(rolls.map((r) => r._id)) })
    .limit(1000)
    .get()
  const found = new Map(data.map((r) => [r._id, r.castId]))
  const out: boolean[] = []
  for (const r of rolls) {
    if (found.get(r._id) === r.castId) out.push(true)
    else if (found.has(r._id)) out.push(false)
    else out.push((await storeRoll([r]))[0])
  }
  return out
}

/** Takes back roll entries this request stored (their ballots could not be): only ours, by castId. */
export async function unstoreRoll(rolls: RollDoc[]): Promise<void> {
  const _ = db().command
  await votes()
    .where({
      _id: _.in(rolls.map((r) => r._id)),
      castId: _.in(rolls.map((r) => r.castId)),
    })
    .remove()
}

/** Bins for a roll of this size: one per 2,000 voters, 1 to 32. */
export const binCountFor = (eligible: number): number =>
  Math.min(32, Math.max(1, Math.ceil(eligible / 2000)))

export const binId = (topicId: string, k: number): string => `${topicId}:${k}`

/**
 * A topic's empty bins, made when voting opens (one insert). Bins already there (a request and
 * the timer racing, or a retry) are kept: each missing one is added on its own.
 */
export async function createBins(topicId: string, count: number): Promise<void> {
  const bin = (k: number) => ({ _id: binId(topicId, k), topicId, ballots: [] })
  try {
    await bins().add({ data: Array.from({ length: count }, (_b, k) => bin(k)) })
    return
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
  for (let k = 0; k < count; k++) {
    try {
      await bins().add({ data: bin(k) })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
}

/** Fisher-Yates with a cryptographic source. */
export function shuffled<T>(xs: T[]): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * Puts ballots into one of the topic's bins, chosen at random, at a random place: drawn
 * uniformly over the bin's length as estimated from the live turnout, so each bin stays a
 * uniformly random order of its ballots (an online Fisher-Yates; a place past the end appends).
 * One write. A bin found missing (its creation failed when voting opened) is made then, and
 * tried again.
 */
export async function binBallots(
  t: Pick<TopicDoc, '_id' | 'bins'>,
  turnout: number,
  ballots: Ballot[]
): Promise<boolean> {
  const count = Math.max(1, t.bins ?? 1)
  const k = randomInt(count)
  const position = randomInt(Math.floor(turnout / count) + 1)
  const _ = db().command
  const push = () =>
    bins()
      .where({ _id: binId(t._id, k) })
      .update({ data: { ballots: _.push({ each: shuffled(ballots), position }) } })
  if ((await push()).stats.updated === 1) return true
  await createBins(t._id, count)
  return (await push()).stats.updated === 1
}

/** The viewer's roll entries on a topic (their own, their household's), by key: one read. */
export async function rollEntries(
  topic: Pick<TopicDoc, '_id' | 'unit'>,
  voter: Pick<UserDoc, '_id' | 'buildingId' | 'room'>
): Promise<RollDoc[]> {
  const { data } = await votes()
    .where({ _id: rollKey(topic, voter) })
    .limit(1)
    .get()
  return data as RollDoc[]
}

// Personal data (user.exportMyData, user.deleteMe).

const commentLine = (_owner: Actor, doc: Doc) => {
  const c = doc as unknown as CommentDoc
  return `${shanghaiTime(c.createdAt)}：${c.content}${c.hidden ? '（已隐藏）' : ''}`
}

export const DELIBERATION_PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: 'deliberationComments',
    ownerField: 'authorOpenid',
    exported: (_owner, doc) => {
      const c = doc as unknown as CommentDoc
      return {
        topicId: c.topicId,
        content: c.content,
        hidden: c.hidden,
        hiddenReason: c.hiddenReason,
        createdAt: c.createdAt,
      }
    },
    summary: { title: '我的议事评论', line: commentLine },
    anonymize: { authorNickname: '已注销用户' },
  },
  {
    // Which topics they voted on, never how: the roll holds no option.
    collection: 'deliberationVotes',
    ownerField: 'voter',
    exported: (_owner, doc) => ({ topicId: (doc as unknown as RollDoc).topicId, voted: true }),
    summary: {
      title: '我参与的议事投票',
      line: (_owner, doc) => `参与了议题 ${(doc as unknown as RollDoc).topicId} 的投票`,
    },
    anonymize: { voter: null, nickname: '已注销用户' },
  },
]
