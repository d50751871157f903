import { db } from '../lib/cloud'
import { auditMany } from '../lib/audit'
import { closeOf, openVotingOf } from './phases'
import { rollPage } from './roll'
import { topics, votes, type TopicDoc } from './store'
import { tellResultPublished, tellVotingOpened } from './notify'

// The `deliberation` timer (every 10 minutes): discussion → voting at `discussionEndsAt` (the
// roll frozen then), voting → closed at `votingEndsAt` (the tally sealed), and the subscribe
// messages of both, sent to the roll from here rather than in the request that moved the topic
// (a roll may hold thousands). Each step is one conditional write per topic, so a request and
// the timer racing move a topic once. It also counts each voting topic's roll into its `turnout`
// (what lists show; a vote writes only the roll and a bin, an action on one topic counts live).

const BATCH = 50
const PAGE = 1000

async function due(where: Record<string, unknown>, order: keyof TopicDoc): Promise<TopicDoc[]> {
  const { data } = await topics().where(where).orderBy(order, 'asc').limit(BATCH).get()
  return data
}

async function openDue(): Promise<number> {
  const now = new Date()
  const list = await due(
    { phase: 'discussion', discussionEndsAt: db().command.lte(now) },
    'discussionEndsAt'
  )
  const moved = (
    await Promise.all(list.map((t) => openVotingOf(t, '讨论期结束，开始投票')))
  ).filter((t): t is TopicDoc => !!t)
  await auditMany(
    'deliberation.openVoting',
    moved.map((t) => ({ targetId: t._id, detail: { eligibleCount: t.eligibleCount, by: 'timer' } }))
  )
  return moved.length
}

async function closeDue(): Promise<number> {
  const now = new Date()
  const list = await due({ phase: 'voting', votingEndsAt: db().command.lte(now) }, 'votingEndsAt')
  const moved = (await Promise.all(list.map((t) => closeOf(t, '投票期结束，结果已公布')))).filter(
    (t): t is TopicDoc => !!t
  )
  await auditMany(
    'deliberation.close',
    moved.map((t) => ({
      targetId: t._id,
      detail: { turnout: t.turnout, outcome: t.outcome, by: 'timer' },
    }))
  )
  return moved.length
}

/** The residents on a topic's roll (verified no later than voting opened), page by page. */
async function eachOnRoll(t: TopicDoc, send: (openids: string[]) => Promise<number>) {
  const opened = t.votingOpenedAt ? new Date(t.votingOpenedAt).getTime() : Date.now()
  let sent = 0
  for (let skip = 0; ; skip += PAGE) {
    const users = await rollPage(t, skip, PAGE)
    const onRoll = users.filter((u) => !u.verifiedAt || new Date(u.verifiedAt).getTime() <= opened)
    sent += await send(onRoll.map((u) => u._id))
    if (users.length < PAGE) return sent
  }
}

async function announce(): Promise<number> {
  const { data } = await topics()
    .where({ announce: db().command.in(['voting', 'result']) })
    .limit(BATCH)
    .get()
  let sent = 0
  for (const t of data) {
    // Claimed before sending, so timer runs that overlap tell each resident once.
    const claimed = await topics()
      .where({ _id: t._id, announce: t.announce })
      .update({ data: { announce: null } })
    if (claimed.stats.updated !== 1) continue
    sent += await eachOnRoll(t, (to) =>
      t.announce === 'voting' ? tellVotingOpened(t, to) : tellResultPublished(t, to)
    )
  }
  return sent
}

/** Each voting topic's roll counted (by `_id`, see store `rollCount`) into its `turnout`. */
async function countTurnout(): Promise<number> {
  const _ = db().command
  let counted = 0
  for (let skip = 0; ; skip += BATCH) {
    const { data } = await topics()
      .where({ phase: 'voting' })
      .orderBy('votingEndsAt', 'asc')
      .skip(skip)
      .limit(BATCH)
      .get()
    for (const t of data) {
      const { total } = await votes()
        .where({ _id: _.and(_.gte(`${t._id}:`), _.lt(`${t._id};`)) })
        .count()
      if (total === t.turnout) continue
      // Only while voting: the sealed turnout of a topic closed meanwhile stays.
      await topics()
        .where({ _id: t._id, phase: 'voting' })
        .update({ data: { turnout: total } })
      counted++
    }
    if (data.length < BATCH) return counted
  }
}

/** The timer: phases first, then the messages they call for, then the turnouts lists show. */
export async function sweep() {
  const opened = await openDue()
  const closed = await closeDue()
  const messages = await announce()
  const turnouts = await countTurnout()
  return { opened, closed, messages, turnouts }
}
