import { QUEUE_FIRST_ITEMS, type QueueItem, type QueueKind } from '@/contract/committee'
import { ERRAND_TYPE_LABELS } from '@/contract/errand'
import { MATTER_CATEGORY_LABELS } from '@/contract/matter'
import { maskName } from '@/contract/mask'
import type { Actor } from '../lib/actor'
import { db, type Doc } from '../lib/cloud'
import { iso } from '../lib/time'

// The work queue's parts (the `user.counts` count each queue shares is the contract's
// QUEUE_COUNT_KEYS): the query of each queue's
// first items for the persona (served by the domain's indexes, most urgent first), and the item's
// view (personal data masked: 张*, the building without the room, never a phone). Pure but for
// the command builder.

/**
 * Where the caller works, as `user.counts` reads their counters: an admin everything, the
 * committee its community, a grid worker their grids.
 */
export type Area = { all: true } | { communityId: string } | { gridIds: string[] }

export function areaOf(a: Actor): Area | null {
  if (a.isAdmin) return { all: true }
  if (a.committeeCommunityId) return { communityId: a.committeeCommunityId }
  return a.workerGridIds.length ? { gridIds: a.workerGridIds } : null
}

/** The area as a condition on a document's own `communityId` and `gridId`. */
function within(area: Area): Record<string, unknown> {
  if ('communityId' in area) return { communityId: area.communityId }
  if ('gridIds' in area) return { gridId: db().command.in(area.gridIds) }
  return {}
}

export interface QueueQuery {
  from: string
  match: Record<string, unknown>
  sort: Record<string, 1 | -1>
  fields: string[]
}

const PLACE = ['gridName']

/** The query of one queue's first items (its count's own condition), or null for none to read. */
export function queueQuery(kind: QueueKind, a: Actor, area: Area): QueueQuery | null {
  const _ = db().command
  switch (kind) {
    case 'errandOverdue':
      return {
        from: 'errands',
        match: { status: 'accepted', overdue: true, ...within(area) },
        sort: { acceptedAt: 1 },
        fields: [...PLACE, 'type', 'date', 'bookerBuildingName', 'acceptedAt'],
      }
    case 'errandEscalated':
      // By booking: the timer escalates an errand ESCALATE_TO_COMMUNITY_HOURS after it was
      // booked, so booking order is the order they left the grid (but for one given back by its
      // agent before it escalated, which escalates at the next run). No index holds the
      // escalation time; the item's `since` reads it from the timeline.
      return {
        from: 'errands',
        match: { status: 'requested', level: _.in(['community', 'committee']), ...within(area) },
        sort: { createdAt: 1 },
        fields: [...PLACE, 'type', 'date', 'bookerBuildingName', 'createdAt', 'timeline'],
      }
    case 'matter': {
      // At the level the caller handles (matter.queue): the committee's, else their grids'.
      const queue = a.committeeCommunityId
        ? [`c:${a.committeeCommunityId}`]
        : a.workerGridIds.map((g) => `g:${g}`)
      if (!queue.length) return null
      return {
        from: 'matters',
        match: { queue: _.in(queue), status: 'reported' },
        sort: { queueAt: 1 },
        fields: [
          ...PLACE,
          'category',
          'content',
          'reporterBuildingName',
          'waitingSince',
          'overdue',
        ],
      }
    }
    case 'comment': {
      // As deliberation.reported reads them: the committee's community, a worker's grids.
      const match: Record<string, unknown> | null = a.committeeCommunityId
        ? { awaitingCommunity: a.committeeCommunityId }
        : a.workerGridIds.length
          ? { awaitingGrids: _.in(a.workerGridIds) }
          : null
      if (!match) return null
      return {
        from: 'deliberationComments',
        match,
        sort: { updatedAt: 1 },
        fields: ['content', 'topicId', 'updatedAt'],
      }
    }
    case 'resident':
      return {
        from: 'users',
        match: { bindStatus: 'pending', ...within(area) },
        sort: { boundAt: 1 },
        fields: [...PLACE, 'realName', 'buildingName', 'boundAt'],
      }
    case 'wish':
      return {
        from: 'wishes',
        match: { status: 'pending', ...within(area) },
        sort: { createdAt: 1 },
        fields: [...PLACE, 'title', 'authorBuildingName', 'createdAt'],
      }
    case 'volunteer':
      if (!a.committeeCommunityId) return null
      return {
        from: 'users',
        match: { communityId: a.committeeCommunityId, 'volunteer.status': 'pending' },
        sort: { 'volunteer.appliedAt': 1 },
        fields: [...PLACE, 'realName', 'buildingName', 'volunteer.appliedAt'],
      }
  }
}

/** The query as a `$lookup` sub-pipeline (uncorrelated: the same for the one joined document). */
export function queueLookup(kind: QueueKind, q: QueueQuery) {
  const $ = db().command.aggregate
  const project = Object.fromEntries(q.fields.map((f) => [f, 1]))
  const pipeline = ($.pipeline() as unknown as Pipeline)
    .match(q.match)
    .sort(q.sort)
    .limit(QUEUE_FIRST_ITEMS)
    .project(project)
    .done()
  return { from: q.from, pipeline, as: kind }
}

interface Pipeline {
  match(q: Record<string, unknown>): Pipeline
  sort(s: Record<string, 1 | -1>): Pipeline
  limit(n: number): Pipeline
  project(p: Record<string, unknown>): Pipeline
  done(): unknown[]
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')
const place = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' ') || null
const excerpt = (v: unknown, n = 30) => {
  const chars = Array.from(text(v).replace(/\s+/g, ' ').trim())
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('')
}
const since = (v: unknown) => iso(v) ?? ''

/** When an errand was first escalated (it left its grid): its first `escalated` timeline entry. */
const escalatedAt = (d: Doc): unknown =>
  (Array.isArray(d.timeline) ? (d.timeline as Doc[]) : []).find((s) => s?.type === 'escalated')?.at

/** One item as the to-do list shows it. */
export function queueItem(kind: QueueKind, d: Doc): QueueItem {
  const base = { kind, id: d._id, overdue: false }
  switch (kind) {
    case 'errandOverdue':
    case 'errandEscalated': {
      const type = ERRAND_TYPE_LABELS[d.type as keyof typeof ERRAND_TYPE_LABELS] ?? ''
      return {
        ...base,
        title: `${type} ${text(d.date)}`.trim(),
        place: place(d.gridName, d.bookerBuildingName),
        since: since(kind === 'errandOverdue' ? d.acceptedAt : (escalatedAt(d) ?? d.createdAt)),
        overdue: kind === 'errandOverdue',
      }
    }
    case 'matter': {
      const category = MATTER_CATEGORY_LABELS[d.category as keyof typeof MATTER_CATEGORY_LABELS]
      return {
        ...base,
        title: [category, excerpt(d.content)].filter(Boolean).join('：'),
        place: place(d.gridName, d.reporterBuildingName),
        since: since(d.waitingSince),
        overdue: d.overdue === true,
      }
    }
    case 'comment':
      return {
        ...base,
        title: excerpt(d.content),
        place: null,
        since: since(d.updatedAt),
        topicId: text(d.topicId),
      }
    case 'resident':
    case 'volunteer': {
      const applied = (d.volunteer as { appliedAt?: unknown } | undefined)?.appliedAt
      return {
        ...base,
        title: maskName(text(d.realName)) || '居民',
        place: place(d.gridName, d.buildingName),
        since: since(kind === 'resident' ? d.boundAt : applied),
      }
    }
    case 'wish':
      return {
        ...base,
        title: text(d.title),
        place: place(d.gridName, d.authorBuildingName),
        since: since(d.createdAt),
      }
  }
}
