import type { CreateTopicInput } from '@/contract/deliberation'
import type { ErrorCode } from '@/contract/errors'
import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import type { Join } from '../lib/load'
import type { CommunityDoc, GridDoc } from '../lib/places'
import { riskyField } from '../lib/screen'
import { entry } from '../lib/store'
import { mayCreateIn } from './policy'
import type { TopicDoc } from './store'

// A new topic (`create`, `followUp`): its scope resolved from the grids read with the caller,
// who may open it there, the content check, and the document.

type TopicInput = Omit<CreateTopicInput, 'matterId'>

/** The scope's grid (a grid topic) or community and its grids, read with the caller. */
export const scopeLoads = (scope: TopicInput['scope']): Join[] =>
  scope.type === 'grid'
    ? [{ as: 'scopeGrid', from: 'grids', field: '_id', equals: scope.id }]
    : [
        { as: 'scopeCommunity', from: 'communities', field: '_id', equals: scope.id },
        { as: 'scopeGrids', from: 'grids', field: 'communityId', equals: scope.id },
      ]

interface Scope {
  name: string
  gridId: string | null
  communityId: string
  gridIds: string[]
}

function scopeOf(input: TopicInput, joined: Record<string, Doc[]>): Scope | null {
  if (input.scope.type === 'grid') {
    const g = joined.scopeGrid?.[0] as unknown as GridDoc | undefined
    return g ? { name: g.name, gridId: g._id, communityId: g.communityId, gridIds: [g._id] } : null
  }
  const c = joined.scopeCommunity?.[0] as unknown as CommunityDoc | undefined
  const grids = (joined.scopeGrids ?? []) as unknown as GridDoc[]
  return c
    ? { name: c.name, gridId: null, communityId: c._id, gridIds: grids.map((g) => g._id) }
    : null
}

export type Drafted =
  { ok: true; doc: TopicDoc } | { ok: false; code: ErrorCode; message: string; field?: string }

/**
 * The topic `actor` opens with `input`, or why not: the scope must exist and be theirs to open
 * topics in, and the title, background and options pass the content check.
 */
export async function draftTopic(
  actor: Actor,
  input: TopicInput,
  joined: Record<string, Doc[]>,
  extra: { id: string; matterId?: string | null; previousId?: string | null; text: string }
): Promise<Drafted> {
  const scope = scopeOf(input, joined)
  if (!scope)
    return { ok: false, code: 'NOT_FOUND', message: '没有找到这个议题范围', field: 'scope.id' }
  if (!mayCreateIn(actor, { ...input.scope, communityId: scope.communityId })) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: '只有社区两委或本网格的网格员可以在这里发起议题',
      field: 'scope.id',
    }
  }
  const texts: Record<string, string> = { title: input.title, background: input.background }
  input.options.forEach((o, i) => (texts[`options.${i}`] = o))
  const risky = await riskyField(actor.openid, texts, 3)
  if (risky) {
    return {
      ok: false,
      code: 'CONTENT_REJECTED',
      message: '内容包含不适宜的信息，请修改',
      field: risky,
    }
  }
  const step = entry(new Date(), 'created', extra.text)
  const byCommittee = actor.committeeCommunityId === scope.communityId
  const grid = input.scope.type === 'grid'
  const doc: TopicDoc = {
    _id: extra.id,
    title: input.title,
    background: input.background,
    scopeType: input.scope.type,
    scopeId: input.scope.id,
    scopeName: scope.name,
    gridId: scope.gridId,
    communityId: scope.communityId,
    gridIds: scope.gridIds,
    audience: grid ? `g:${scope.gridId}` : `c:${scope.communityId}`,
    open: true,
    openGrid: grid ? (scope.gridId ?? '') : '',
    openCommunity: grid ? '' : scope.communityId,
    options: input.options,
    phase: 'discussion',
    discussionEndsAt: new Date(input.discussionEndsAt),
    votingEndsAt: new Date(input.votingEndsAt),
    unit: input.unit,
    quorum: input.quorum,
    matterId: extra.matterId ?? null,
    previousId: extra.previousId ?? null,
    nextId: null,
    creatorOpenid: actor.openid,
    createdBy: byCommittee ? '社区两委' : `网格员 ${actor.user?.nickname ?? ''}`.trim(),
    eligibleCount: null,
    votingOpenedAt: null,
    turnout: 0,
    closedAt: null,
    tally: null,
    outcome: null,
    bins: null,
    announce: null,
    commentCount: 0,
    updates: [],
    createdAt: step.at,
    updatedAt: step.at,
    timeline: [step],
  }
  return { ok: true, doc }
}
