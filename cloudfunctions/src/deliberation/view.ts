import type { MyVote, Topic, TopicComment, TopicResult } from '@/contract/deliberation'
import type { Actor } from '../lib/actor'
import { iso } from '../lib/time'
import { canOf, commentCan, onRoll, staffOf, type VoteState } from './policy'
import type { Doc } from '../lib/cloud'
import { joinedRollCount, type CommentDoc, type RollDoc, type TopicDoc } from './store'

/** What anyone who may not see a topic is told, whether or not it exists. */
export const NOT_SEEN = '议题不存在或您无权查看'
export const COMMENT_NOT_SEEN = '评论不存在或您无权查看'

/** What the viewer's part in the vote is, from their roll entry (their own, or their household's). */
export interface VoterState {
  /** The roll entry under the viewer's key, if any (null: nobody of theirs voted). */
  roll: RollDoc | null
  /** Only in the answer to the viewer's own vote. */
  receipt?: string
}

function myVoteOf(actor: Actor, t: TopicDoc, v: VoterState): MyVote {
  const mine = !!v.roll && v.roll.voter === actor.openid
  const household = t.unit === 'household'
  return {
    voted: household ? mine : !!v.roll,
    byHousehold: household && !!v.roll && !mine,
    ...(v.receipt ? { receipt: v.receipt } : {}),
    householdVoter: household && v.roll ? v.roll.nickname : null,
    eligible: t.votingOpenedAt ? onRoll(actor, t) : null,
  }
}

export const voteState = (v: VoterState, now = new Date()): VoteState => ({
  now,
  voted: !!v.roll,
})

/** The roll, the live turnout against the quorum, and the outcome once closed. */
const voteFigures = (t: TopicDoc) => {
  const eligible = t.eligibleCount ?? null
  return {
    eligibleCount: eligible,
    turnout: t.turnout ?? 0,
    quorumNeeded: eligible === null ? null : quorumNeeded(t),
    outcome: t.phase === 'closed' ? (t.outcome ?? null) : null,
  }
}

/** A topic as `actor` may see it: never per-option counts before close (they are in `result`). */
export function topicView(actor: Actor, t: TopicDoc, v: VoterState = { roll: null }): Topic {
  return {
    id: t._id,
    title: t.title,
    background: t.background,
    scope: { type: t.scopeType, id: t.scopeId, name: t.scopeName },
    options: t.options,
    phase: t.phase,
    discussionEndsAt: iso(t.discussionEndsAt) ?? '',
    votingEndsAt: iso(t.votingEndsAt) ?? '',
    unit: t.unit,
    quorum: t.quorum,
    ...voteFigures(t),
    myVote: myVoteOf(actor, t, v),
    matterId: t.matterId ?? null,
    previousId: t.previousId ?? null,
    nextId: t.nextId ?? null,
    commentCount: t.commentCount ?? 0,
    createdBy: t.createdBy,
    updates: (t.updates ?? []).map((u) => ({ at: iso(u.at) ?? '', text: u.text })),
    createdAt: iso(t.createdAt) ?? '',
    votingOpenedAt: iso(t.votingOpenedAt),
    closedAt: iso(t.closedAt),
    timeline: (t.timeline ?? []).map((s) => ({ at: iso(s.at) ?? '', type: s.type, text: s.text })),
    can: canOf(actor, t, voteState(v)),
  }
}

/** The topic with the live turnout while voting (the roll counted by `rollCount`); else as stored. */
export const withLiveTurnout = (t: TopicDoc, joined: Record<string, Doc[]>): TopicDoc =>
  t.phase === 'voting' ? { ...t, turnout: joinedRollCount(joined) } : t

/** Ballots needed to meet the quorum: quorum percent of the roll, rounded up. */
export const quorumNeeded = (t: Pick<TopicDoc, 'quorum' | 'eligibleCount'>): number =>
  Math.ceil(((t.eligibleCount ?? 0) * t.quorum) / 100)

/** The sealed tally of a closed topic. */
export function resultView(t: TopicDoc): TopicResult {
  const tally = t.tally!
  return {
    counts: tally.counts,
    turnout: t.turnout,
    eligibleCount: t.eligibleCount ?? 0,
    quorumMet: tally.quorumMet,
    outcome: t.outcome!,
    ...(tally.winner !== null ? { winner: tally.winner } : {}),
    byOrigin: tally.byOrigin,
    tallyHash: tally.tallyHash,
  }
}

/** A comment as `actor` sees it: hidden text only for the topic's staff. */
export function commentView(actor: Actor, c: CommentDoc): TopicComment {
  const staff = staffOf(actor, c)
  return {
    id: c._id,
    topicId: c.topicId,
    author: c.authorNickname,
    content: c.hidden && !staff ? null : c.content,
    hidden: c.hidden,
    hiddenReason: c.hidden ? c.hiddenReason : null,
    awaitingReview: c.awaitingReview,
    reportCount: staff ? c.reportCount : null,
    mine: c.authorOpenid === actor.openid,
    myReport: c.reporters.includes(actor.openid),
    createdAt: iso(c.createdAt) ?? '',
    can: commentCan(actor, c, c),
  }
}
