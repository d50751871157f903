import { createHash, randomBytes } from 'node:crypto'
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
// frozen when voting opened (`eligibleCount`, `votingOpenedAt`), the live turnout (`_.inc` per
// ballot) and, once closed, the sealed tally. `deliberationVotes`: the ballot box, holding two
// kinds of documents that share nothing but the topic: roll entries (who voted) and, while the
// topic is open, ballots (option + receipt), see `storeCasts`. `deliberationBallots`: a closed
// topic's ballots, moved out of the box in a random order (mix.ts). `deliberationComments`: the
// discussion.

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
  /** Ballots cast (online and meeting), kept with `_.inc`. */
  turnout: number
  closedAt: Date | null
  /** The sealed tally, written once at close. */
  tally: Tally | null
  outcome: VoteOutcome | null
  /**
   * The ballot box rewritten in random order since close (see sweep `mix`): until then the box
   * holds each ballot right after its roll entry.
   */
  mixed: boolean
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
  kind: 'roll'
  topicId: string
  /** The voter, so they (and their household) are told they voted; null once their account is deleted. */
  voter: string | null
  nickname: string
  /** When voting opened (not when they voted): what the account deletion job reads by. */
  createdAt: Date
  /** Random, per insert: tells the insert that wrote this entry from one that found it taken. */
  castId: string
}

/** One ballot: no openid, no household, no time; a random `_id`. */
export interface BallotDoc {
  _id: string
  kind: 'ballot'
  topicId: string
  optionIndex: number
  receipt: string
  origin: BallotOrigin
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
export const votes = () => db().collection<RollDoc | BallotDoc>('deliberationVotes')
/** Where a closed topic's ballots go once mixed (see mix.ts), apart from the roll. */
export const sealedBallots = () => db().collection<BallotDoc>('deliberationBallots')
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
  if (topic.unit === 'household') return `${topic._id}:h:${hash(`h|${householdOf(voter)}`)}`
  return `${topic._id}:r:${hash(`r|${voter._id}`)}`
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
  ballot: BallotDoc
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
      kind: 'roll',
      topicId: topic._id,
      voter: voter._id,
      nickname: voter.nickname ?? '',
      createdAt: topic.votingOpenedAt ?? new Date(0),
      castId: newId(),
    },
    ballot: {
      _id: newId(),
      kind: 'ballot',
      topicId: topic._id,
      optionIndex,
      receipt: newReceipt(),
      origin,
    },
  }
}

/**
 * Stores votes in one insert: each roll entry immediately before its ballot. The roll entry's
 * unique `_id` decides. Whether each was stored, in order: a vote whose roll entry was taken
 * (already voted, or a racing request won) is not, and leaves no ballot behind.
 */
export async function storeCasts(casts: Cast[]): Promise<boolean[]> {
  try {
    await votes().add({ data: casts.flatMap((c) => [{ ...c.roll }, { ...c.ballot }]) })
    return casts.map(() => true)
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
  if (casts.length === 1) {
    // Its roll entry was taken: whatever the service did with the rest of the insert, no ballot
    // of this vote may stay.
    await votes().where({ _id: casts[0].ballot._id }).remove()
    return [false]
  }
  // Some roll entry was taken. What else went in depends on how the service runs a many-document
  // insert (all or nothing, stopping at the duplicate, or going on past it), so it is read back:
  // a roll entry is ours when it carries our castId; a ballot of ours whose roll entry is not
  // ours is removed; a vote of which nothing went in is tried again on its own.
  const _ = db().command
  const [{ data: rolls }, { data: ballots }] = await Promise.all([
    votes()
      .where({ _id: _.in(casts.map((c) => c.roll._id)) })
      .limit(1000)
      .get(),
    votes()
      .where({ receipt: _.in(casts.map((c) => c.ballot.receipt)) })
      .limit(1000)
      .get(),
  ])
  const found = new Map(rolls.map((r) => [r._id, (r as RollDoc).castId]))
  const stored = new Set(ballots.map((b) => (b as BallotDoc).receipt))
  const ours = (c: Cast) => found.get(c.roll._id) === c.roll.castId
  const orphans = casts.filter((c) => !ours(c) && stored.has(c.ballot.receipt))
  if (orphans.length) {
    await votes()
      .where({ _id: _.in(orphans.map((c) => c.ballot._id)) })
      .remove()
  }
  const out: boolean[] = []
  for (const c of casts) {
    if (ours(c)) out.push(stored.has(c.ballot.receipt))
    else if (found.has(c.roll._id) || casts.length === 1) out.push(false)
    else out.push((await storeCasts([c]))[0])
  }
  return out
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
