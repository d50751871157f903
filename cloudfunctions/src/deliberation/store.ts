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
import type { Step } from '../lib/store'
import type { Actor, UserDoc } from '../lib/actor'
import type { PersonalDataEntry } from '../lib/personal-data'
import { shanghaiTime } from '../lib/time'

// Three collections. `deliberations`: one document per topic, with its timeline, updates, the roll
// frozen when voting opened (`eligibleCount`, `votingOpenedAt`), the live turnout (`_.inc` per
// ballot) and, once closed, the sealed tally. `deliberationVotes`: the secret ballot box, holding
// two kinds of documents that share nothing but the topic: roll entries (who voted) and ballots
// (option + receipt), see `castBallots`. `deliberationComments`: the discussion.

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
 * unique `_id` decides: a duplicate stops the insert at that roll entry, so no ballot is ever
 * stored without its roll entry nor twice. Throws the duplicate-key error.
 */
export async function castBallots(casts: Cast[]): Promise<void> {
  await votes().add({ data: casts.flatMap((c) => [{ ...c.roll }, { ...c.ballot }]) })
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
