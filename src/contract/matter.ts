import { z } from 'zod'
import { idSchema, pageInput, type Action, type Can, type ContactCan } from './common'
import type { Page } from './errors'
import {
  MATTER_CATEGORIES,
  MATTER_RATING,
  MATTER_REPORT_CROSS,
  MATTER_RULES,
  MATTER_SCOPES,
  MATTER_STATUSES,
  MATTER_STEP_RULES as STEP,
  type MatterCategory,
  type MatterLevel,
  type MatterStatus,
} from './matter.rules'
import { withCross, zInt, zOptionalText, zText } from './zod-rules'
import { TOPIC_CROSS, topicFields, type DeliberationPhase, type VoteOutcome } from './deliberation'

// 居民说事 · 我要说 (docs/contract.md §4.3): a resident reports a neighbourhood problem with photos;
// small ones are solved in the grid, big ones go to the community (小事一格解决，大事全网联动).

// The plain data (categories, statuses, limits) is imported from here by the functions.
export * from './matter.rules'

const matterId = idSchema('说事')

export const ReportMatterInput = withCross(
  z.object({
    category: z.enum(MATTER_CATEGORIES, MATTER_RULES.category.message),
    content: zText(MATTER_RULES.content),
    photos: z.array(zText(MATTER_RULES.photo), '照片格式不正确').optional(),
    place: zOptionalText(MATTER_RULES.place),
  }),
  MATTER_REPORT_CROSS
)
export type ReportMatterInput = z.infer<typeof ReportMatterInput>

export const ListMattersInput = z.object({
  scope: z.enum(MATTER_SCOPES, '列表范围不正确'),
  status: z.enum(MATTER_STATUSES, '状态不正确').optional(),
  ...pageInput,
})
export type ListMattersInput = z.infer<typeof ListMattersInput>

export const MatterIdInput = z.object({ id: matterId })
export type MatterIdInput = z.infer<typeof MatterIdInput>

export const ReplyMatterInput = z.object({ id: matterId, text: zText(STEP.reply) })
export type ReplyMatterInput = z.infer<typeof ReplyMatterInput>

export const ResolveMatterInput = z.object({ id: matterId, text: zText(STEP.resolve) })
export type ResolveMatterInput = z.infer<typeof ResolveMatterInput>

export const EscalateMatterInput = z.object({ id: matterId, reason: zText(STEP.escalateReason) })
export type EscalateMatterInput = z.infer<typeof EscalateMatterInput>

export const RateMatterInput = z.object({
  id: matterId,
  rating: zInt(MATTER_RATING),
  comment: zOptionalText(STEP.comment),
})
export type RateMatterInput = z.infer<typeof RateMatterInput>

export const ReopenMatterInput = z.object({ id: matterId, reason: zText(STEP.reopenReason) })
export type ReopenMatterInput = z.infer<typeof ReopenMatterInput>

/** `toDeliberation {id, ...the create input of deliberation}` (docs/contract.md §4.4). */
export const ToDeliberationInput = withCross(
  z.object({ id: matterId, ...topicFields }),
  TOPIC_CROSS
)
export type ToDeliberationInput = z.infer<typeof ToDeliberationInput>

// Results

export type MatterActionKey =
  | 'second'
  | 'accept'
  | 'reply'
  | 'resolve'
  | 'escalate'
  | 'toDeliberation'
  | 'rate'
  | 'reopen'
  | 'withdraw'

/** The resident who reported it. */
export interface MatterReporter {
  nickname: string
  /** Full for the reporter and staff of its grid; else masked (张*). */
  name: string
  buildingName: string | null
  /** For the reporter and staff; otherwise null (and null once purged). */
  room: string | null
  /** For the reporter and staff; otherwise null. */
  phone: string | null
  can: ContactCan
}

/** A photo: its cloud file ID and a temporary URL (2 h) to show it; url null when it is gone. */
export interface MatterPhoto {
  fileID: string
  url: string | null
}

export interface MatterTimelineEntry {
  at: string
  type:
    | 'reported'
    | 'seconded'
    | 'accepted'
    | 'replied'
    | 'escalated'
    | 'resolved'
    | 'rated'
    | 'reopened'
    | 'withdrawn'
    | 'deliberating'
    | 'deliberationClosed'
    | 'deliberationUpdate'
    | 'autoEscalated'
    | 'overdue'
    | 'autoClosed'
    | 'purged'
  /** A short Chinese line; a reply, resolution or reason is quoted as the staff or reporter wrote it. */
  text: string
  /** Who did it, as the public sees them ('网格员 小李', '社区两委', '居民'): no personal data. */
  by: string
}

/** The deliberation a matter became, as the matter shows it (docs/contract.md §4.3). */
export interface MatterDeliberation {
  /** The newest round. */
  id: string
  title: string
  phase: DeliberationPhase
  /** After close: decided, tie or noQuorum; else null. */
  outcome: VoteOutcome | null
  /** The winning option's text when decided; else null. */
  winner: string | null
  closedAt: string | null
  /** How many rounds (1, or more after follow-ups). */
  rounds: number
  /** The committee's updates on carrying the decision out (决议执行情况), of every round, oldest first. */
  updates: { at: string; text: string }[]
}

export interface Matter {
  id: string
  category: MatterCategory
  content: string
  /** `get`: every photo with a temporary URL; `list`: the first photo only (the cover), if any. */
  photos: MatterPhoto[]
  photoCount: number
  place: string | null
  status: MatterStatus
  level: MatterLevel
  /** Unaccepted or unresolved longer than MATTER_OVERDUE_HOURS (staff see it first). */
  overdue: boolean
  gridId: string
  gridName: string
  communityId: string
  reporter: MatterReporter
  /** Reported by the viewer. */
  mine: boolean
  /** How many residents said 我也遇到. */
  seconds: number
  /** The viewer said 我也遇到. */
  mySecond: boolean
  /** Who is handling it, as the public sees them ('网格员 小李', '社区两委'); null before acceptance. */
  handler: string | null
  escalateReason: string | null
  resolution: string | null
  rating: number | null
  comment: string | null
  /** The deliberation topic it became (the newest round, after a follow-up), or null. */
  deliberationId: string | null
  /**
   * What became of it in 居民议事: the newest round's phase and outcome, the winning option, and
   * the committee's updates on carrying the decision out. In `get` and the answers to changes;
   * null in lists (and for a matter that never became a topic).
   */
  deliberation?: MatterDeliberation | null
  createdAt: string
  acceptedAt: string | null
  resolvedAt: string | null
  /** Until when the reporter may reopen it (resolved only); else null. */
  reopenUntil: string | null
  /** When it reached closed or withdrawn. */
  endedAt: string | null
  timeline: MatterTimelineEntry[]
  can: Can<MatterActionKey>
}

export type MatterPage = Page<Matter>

/** The `matter` function's actions (registered in api.ts). */
export interface MatterApi {
  report: Action<typeof ReportMatterInput, Matter>
  list: Action<typeof ListMattersInput, MatterPage>
  get: Action<typeof MatterIdInput, Matter>
  second: Action<typeof MatterIdInput, Matter>
  accept: Action<typeof MatterIdInput, Matter>
  reply: Action<typeof ReplyMatterInput, Matter>
  resolve: Action<typeof ResolveMatterInput, Matter>
  escalate: Action<typeof EscalateMatterInput, Matter>
  toDeliberation: Action<typeof ToDeliberationInput, Matter>
  rate: Action<typeof RateMatterInput, Matter>
  reopen: Action<typeof ReopenMatterInput, Matter>
  withdraw: Action<typeof MatterIdInput, Matter>
}
