import type { MatterDeliberation, ToDeliberationInput } from '@/contract/matter'
import type { ErrorCode } from '@/contract/errors'
import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import { iso } from '../lib/time'
import { requestDocId } from '../lib/store'
import { draftTopic } from '../deliberation/draft'
import { newId, topics, type TopicDoc } from '../deliberation/store'
import { denial } from './policy'
import { COMMITTEE } from './people'
import { move, step, type MatterDoc, type MatterStep } from './store'

// Where a matter (居民说事) and deliberation (居民议事) meet: the committee turns a matter into a
// topic (`matter.toDeliberation`, and `deliberation.create` with a `matterId`, one code path), and
// the matter shows what became of it: every round read with it by `matterId` (one $lookup in the
// read that loads it), so a close, by request or by the timer, a follow-up round and the
// committee's updates show on the matter without a write to it.

type TopicFields = Omit<ToDeliberationInput, 'id'>

export type Opened =
  | { ok: true; matter: MatterDoc; topic: TopicDoc }
  | { ok: false; code: ErrorCode; message: string; field?: string }

const REFUSED: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: '这条说事不存在或您无权查看',
  FORBIDDEN: '只有社区两委可以把说事转为居民议事',
  CONFLICT: '只有已上报社区、尚未办结的说事可以转为议题',
}

/**
 * `actor` turns `m` into a topic opened with `fields`: the committee of its community, on a
 * matter at level community that is reported or handling; the topic's scope read with the caller
 * (`scopeLoads`) and its texts content-checked. The matter moves first (one conditional write:
 * of racing requests one wins, and only the winner stores a topic), then the topic is stored
 * with its `matterId`. `field` names the input the refusals of the matter are about (`matterId`
 * for `deliberation.create`). Nothing is written when refused.
 */
export async function openTopicFor(
  actor: Actor,
  m: MatterDoc | null,
  fields: TopicFields,
  joined: Record<string, Doc[]>,
  requestId: string | undefined,
  field?: string
): Promise<Opened> {
  const code = denial('toDeliberation', actor, m)
  if (code || !m) {
    const c = code ?? 'NOT_FOUND'
    return { ok: false, code: c, message: REFUSED[c] ?? '', ...(field ? { field } : {}) }
  }
  const drafted = await draftTopic(actor, fields, joined, {
    id: requestDocId(actor.openid, requestId) ?? newId(),
    matterId: m._id,
    text: '由居民说事转为议题，开始讨论',
  })
  if (!drafted.ok) return drafted
  const t = drafted.doc
  const s = step('deliberating', `转为居民议事：${t.title}`, COMMITTEE, t.createdAt)
  // The committee takes it on: it resolves it once the decision is carried out. `acceptedAt`
  // and `overdue` stay as they were, so the counters need no write (see matterCounters).
  const changes: Partial<MatterDoc> = {
    status: 'deliberating',
    deliberationId: t._id,
    handlerOpenid: m.handlerOpenid ?? actor.openid,
    handler: COMMITTEE,
    waitingSince: s.at,
  }
  const now = await move(m, m.status, { level: 'community' }, changes, s)
  if (!now) return { ok: false, code: 'CONFLICT', message: '这条说事刚刚有了变化，请刷新后再试' }
  await topics().add({ data: { ...t } })
  return { ok: true, matter: now, topic: t }
}

const OUTCOME_TEXT = {
  tie: '议事投票结束：票数相同，未形成决议',
  noQuorum: '议事投票结束：参与人数未达到要求，未形成决议',
} as const

const winnerOf = (t: TopicDoc): string | null =>
  t.outcome === 'decided' && t.tally?.winner != null ? (t.options[t.tally.winner] ?? null) : null

/**
 * What the matter shows of its rounds: the newest round's phase, outcome and winning option, the
 * updates of every round, and timeline steps for what happened there (a new round, a close, an
 * update), merged into its own timeline by the view.
 */
export function roundsView(
  m: Pick<MatterDoc, '_id'>,
  rounds: readonly TopicDoc[]
): { summary: MatterDeliberation | null; steps: MatterStep[] } {
  const mine = rounds
    .filter((t) => t.matterId === m._id)
    .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
  const newest = mine[mine.length - 1]
  if (!newest) return { summary: null, steps: [] }
  const steps: MatterStep[] = []
  const updates: { at: Date; text: string }[] = []
  mine.forEach((t, i) => {
    if (i > 0) {
      steps.push(step('deliberating', `发起新一轮议事：${t.title}`, COMMITTEE, t.createdAt))
    }
    if (t.phase === 'closed' && t.closedAt && t.outcome) {
      const winner = winnerOf(t)
      const text =
        t.outcome === 'decided' ? `议事投票结束，决定：${winner ?? ''}` : OUTCOME_TEXT[t.outcome]
      steps.push(step('deliberationClosed', text, '居民议事', t.closedAt))
    }
    for (const u of t.updates ?? []) {
      updates.push(u)
      steps.push(step('deliberationUpdate', `决议执行情况：${u.text}`, COMMITTEE, u.at))
    }
  })
  updates.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
  return {
    summary: {
      id: newest._id,
      title: newest.title,
      phase: newest.phase,
      outcome: newest.phase === 'closed' ? (newest.outcome ?? null) : null,
      winner: winnerOf(newest),
      closedAt: iso(newest.closedAt),
      rounds: mine.length,
      updates: updates.map((u) => ({ at: iso(u.at) ?? '', text: u.text })),
    },
    steps,
  }
}
