import {
  RecordInPersonInput,
  type MeetingVoteOutcome,
  type RecordInPersonResult,
} from '@/contract/deliberation'
import type { ErrorCode } from '@/contract/errors'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { actorFrom, type UserDoc } from '../lib/actor'
import { entry } from '../lib/store'
import { denial, onRoll } from './policy'
import {
  binBallots,
  castFor,
  joinedRollCount,
  joinedTopic,
  rollCount,
  storeRoll,
  topicById,
  topics,
  unstoreRoll,
  type Cast,
  type TopicDoc,
} from './store'
import { NOT_SEEN, topicView } from './view'

const refused = (index: number, code: ErrorCode, message: string): MeetingVoteOutcome => ({
  index,
  ok: false,
  error: { code, message },
})

/** Each entry against the same roll as online votes: who they are, on the roll, not yet voted. */
function checkEntries(
  t: NonNullable<ReturnType<typeof joinedTopic>>,
  input: RecordInPersonInput,
  voters: UserDoc[]
): { outcomes: (MeetingVoteOutcome | null)[]; casts: Map<number, Cast> } {
  const byId = new Map(voters.map((u) => [u._id, u]))
  const outcomes: (MeetingVoteOutcome | null)[] = []
  const casts = new Map<number, Cast>()
  const keys = new Set<string>()
  input.votes.forEach((v, i) => {
    const user = byId.get(v.openid)
    if (!user || !onRoll(actorFrom(user._id, user), t)) {
      outcomes.push(refused(i, 'FORBIDDEN', '这位居民不在本次投票的名单上'))
    } else if (v.optionIndex >= t.options.length) {
      outcomes.push(refused(i, 'INVALID_INPUT', '选项不正确'))
    } else {
      const cast = castFor(t, user, v.optionIndex, 'meeting')
      if (keys.has(cast.roll._id)) {
        outcomes.push(refused(i, 'CONFLICT', '同一位居民（或同一户）只能录入一票'))
      } else {
        keys.add(cast.roll._id)
        casts.set(i, cast)
        outcomes.push(null)
      }
    }
  })
  return { outcomes, casts }
}

/**
 * Stores the casts: their roll entries in one insert (see `storeRoll`), then the ballots of
 * those stored, shuffled, into one random bin at a random place (one write). The indexes of the
 * entries counted; null when the ballots could not be put in (their roll entries taken back).
 */
async function store(
  t: TopicDoc,
  turnout: number,
  casts: Map<number, Cast>
): Promise<Set<number> | null> {
  const all = [...casts]
  if (!all.length) return new Set()
  const stored = await storeRoll(all.map(([, c]) => c.roll))
  const counted = all.filter((_e, n) => stored[n])
  if (!counted.length) return new Set()
  const binned = await binBallots(
    t,
    turnout,
    counted.map(([, c]) => c.ballot)
  ).catch(() => false)
  if (!binned) {
    await unstoreRoll(counted.map(([, c]) => c.roll))
    return null
  }
  return new Set(counted.map(([i]) => i))
}

/**
 * The committee enters the ballots cast at a meeting (origin `meeting`), each against the same
 * roll: someone who already voted (or whose household did) → that entry CONFLICT, the rest
 * counted, and they can no longer vote online. The receipts go back in this answer only.
 */
export const recordInPerson = action(
  RecordInPersonInput,
  async ({ actor, input, joined, audit }) => {
    const t = joinedTopic(joined)
    const no = refuse(denial('recordInPerson', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有社区两委可以录入会议投票',
      CONFLICT: t?.phase === 'discussion' ? '议题还没有开始投票' : '投票已经结束',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    const voters = (joined.voters ?? []) as unknown as UserDoc[]
    const { outcomes, casts } = checkEntries(t, input, voters)
    const turnout = joinedRollCount(joined)
    const counted = await store(t, turnout, casts)
    if (!counted) return fail('CONFLICT', '投票箱暂时无法写入，这批会议投票未录入，请稍后重试')
    const entries: MeetingVoteOutcome[] = outcomes.map((o, i) => {
      if (o) return o
      const c = casts.get(i)!
      return counted.has(i)
        ? { index: i, ok: true, receipt: c.ballot.receipt }
        : refused(
            i,
            'CONFLICT',
            t.unit === 'household' ? '这户已经投过票了' : '这位居民已经投过票了'
          )
    })
    let now = { ...t, turnout: turnout + counted.size }
    if (counted.size) {
      const _ = db().command
      const step = entry(new Date(), 'meetingVotes', `社区两委录入了 ${counted.size} 张会议投票`)
      await topics()
        .where({ _id: t._id })
        .update({ data: { updatedAt: step.at, timeline: _.push([step]) } })
      now = {
        ...now,
        updatedAt: step.at,
        timeline: [...(t.timeline ?? []), step],
      }
    }
    // How many, never who chose what.
    audit('deliberation.recordInPerson', t._id, {
      counted: counted.size,
      refused: entries.length - counted.size,
    })
    return ok<RecordInPersonResult>({ entries, topic: topicView(actor, now) })
  },
  {
    load: (input) => [
      topicById(input.id),
      rollCount(input.id),
      { as: 'voters', from: 'users', field: '_id', equals: input.votes.map((v) => v.openid) },
    ],
    // The stored replay holds no receipt: with the entries' order it would tie a voter to one.
    replay: (r) => ({
      ...r,
      entries: r.entries.map((e) => (e.ok ? { ...e, receipt: null as unknown as string } : e)),
    }),
  }
)
