import { BALLOT_ORIGINS, type BallotOrigin, type VoteOutcome } from '@/contract/deliberation'
import { db } from '../lib/cloud'
import { entry } from '../lib/store'
import { eligibleCount } from './roll'
import {
  binCountFor,
  bins,
  createBins,
  tallyHashOf,
  topics,
  type Ballot,
  type Tally,
  type TimelineDoc,
  type TopicDoc,
} from './store'

// The two phase changes, shared by the requests (`openVoting`, `close`) and the timer: each one
// conditional write on the phase read, so a request and the timer racing move a topic once.

async function move(
  t: TopicDoc,
  from: TopicDoc['phase'],
  changes: Partial<TopicDoc>,
  step: TimelineDoc
): Promise<TopicDoc | null> {
  const _ = db().command
  const res = await topics()
    .where({ _id: t._id, phase: from })
    .update({ data: { ...changes, updatedAt: step.at, timeline: _.push([step]) } })
  if (res.stats.updated !== 1) return null
  return { ...t, ...changes, updatedAt: step.at, timeline: [...(t.timeline ?? []), step] }
}

/**
 * Discussion → voting: the roll frozen now (its size counted once: `counted`, read with the
 * topic by a request, else here) and the ballot bins made for it, before the topic moves (a vote
 * never finds its topic open without them). Null if it moved meanwhile (the bins made stay
 * empty, or serve the winner: they are the same).
 */
export async function openVotingOf(
  t: TopicDoc,
  text: string,
  counted?: number
): Promise<TopicDoc | null> {
  const count = counted ?? (await eligibleCount(t))
  const binCount = binCountFor(count)
  await createBins(t._id, binCount)
  const step = entry(
    new Date(),
    'votingOpened',
    `${text}，共 ${count} ${t.unit === 'household' ? '户' : '人'}可以投票`
  )
  return move(
    t,
    'discussion',
    {
      phase: 'voting',
      votingOpenedAt: step.at,
      eligibleCount: count,
      bins: binCount,
      announce: 'voting',
    },
    step
  )
}

/** The outcome: no quorum, a shared top count (tie), or decided with its winner. */
export function outcomeOf(
  t: Pick<TopicDoc, 'quorum' | 'eligibleCount'>,
  counts: number[],
  turnout: number
): { outcome: VoteOutcome; quorumMet: boolean; winner: number | null } {
  // quorum percent of the roll; no ballot at all is never a quorum.
  const quorumMet = turnout * 100 >= t.quorum * (t.eligibleCount ?? 0) && turnout > 0
  if (!quorumMet) return { outcome: 'noQuorum', quorumMet, winner: null }
  const top = Math.max(...counts)
  const leaders = counts.flatMap((n, i) => (n === top ? [i] : []))
  if (leaders.length > 1) return { outcome: 'tie', quorumMet, winner: null }
  return { outcome: 'decided', quorumMet, winner: leaders[0] }
}

/**
 * Every ballot's receipt, option and origin in one aggregation over the topic's bins (the tally
 * hash needs each receipt): the counts are taken from it, once, at close. The sealed turnout is
 * the ballots counted (a roll entry whose ballot never went in, see vote.ts, is not).
 */
export async function tallyOf(
  t: TopicDoc
): Promise<{ tally: Tally; outcome: VoteOutcome; turnout: number }> {
  const { list } = await bins()
    .aggregate()
    .match({ topicId: t._id })
    .group({ _id: null, bins: { $push: '$ballots' } })
    .end()
  const ballots = ((list[0]?.bins ?? []) as Ballot[][]).flat()
  const counts = t.options.map(() => 0)
  const byOrigin = Object.fromEntries(BALLOT_ORIGINS.map((o) => [o, 0])) as Record<
    BallotOrigin,
    number
  >
  for (const b of ballots) {
    if (b.optionIndex >= 0 && b.optionIndex < counts.length) counts[b.optionIndex]++
    byOrigin[b.origin] = (byOrigin[b.origin] ?? 0) + 1
  }
  const turnout = ballots.length
  const { outcome, quorumMet, winner } = outcomeOf(t, counts, turnout)
  const tallyHash = tallyHashOf(ballots)
  return { tally: { counts, byOrigin, tallyHash, quorumMet, winner }, outcome, turnout }
}

/** Voting → closed with the sealed tally. Null if it moved meanwhile. */
export async function closeOf(t: TopicDoc, text: string): Promise<TopicDoc | null> {
  const { tally, outcome, turnout } = await tallyOf(t)
  const step = entry(new Date(), 'closed', text)
  return move(
    t,
    'voting',
    {
      phase: 'closed',
      open: false,
      openGrid: '',
      openCommunity: '',
      closedAt: step.at,
      tally,
      outcome,
      turnout,
      announce: 'result',
    },
    step
  )
}
