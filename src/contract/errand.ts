import { z } from 'zod'
import { idSchema, pageInput, type Action, type Can, type ContactCan } from './common'
import type { Page } from './errors'
import {
  ERRAND_BOOK_CROSS,
  ERRAND_RATING,
  ERRAND_RULES,
  ERRAND_SCOPES,
  ERRAND_STATUSES,
  ERRAND_STEP_RULES as STEP,
  ERRAND_TYPES,
  type ErrandLevel,
  type ErrandSlot,
  type ErrandStatus,
  type ErrandType,
} from './errand.rules'
import { withCross, zInt, zOptionalText, zText } from './zod-rules'

// 红色代办 errands (docs/contract.md §4.1): 点单 (book) → 接单 (accept) → 办结 (complete) →
// 销单 (confirm), with escalation grid → community → committee, and one-tap help.

// The plain data (types, slots, statuses, limits) is imported from here by the functions.
export * from './errand.rules'

const errandId = idSchema('代办')

const bookingFields = {
  type: z.enum(ERRAND_TYPES, ERRAND_RULES.type.message),
  detail: zText(ERRAND_RULES.detail),
  date: zText(ERRAND_RULES.date),
  slot: z.enum(ERRAND_RULES.slot.values, ERRAND_RULES.slot.message),
  phone: zOptionalText(ERRAND_RULES.phone),
}

export const ErrandTypesInput = z.object({})

export const BookErrandInput = withCross(z.object(bookingFields), ERRAND_BOOK_CROSS)
export type BookErrandInput = z.infer<typeof BookErrandInput>

export const BookErrandForInput = withCross(
  z.object({ residentOpenid: zText(ERRAND_RULES.residentOpenid), ...bookingFields }),
  ERRAND_BOOK_CROSS
)
export type BookErrandForInput = z.infer<typeof BookErrandForInput>

export const HelpInput = z.object({ note: zOptionalText(STEP.helpNote) })
export type HelpInput = z.infer<typeof HelpInput>

export const ListErrandsInput = z.object({
  scope: z.enum(ERRAND_SCOPES, '列表范围不正确'),
  status: z.enum(ERRAND_STATUSES, '状态不正确').optional(),
  ...pageInput,
})
export type ListErrandsInput = z.infer<typeof ListErrandsInput>

export const ErrandIdInput = z.object({ id: errandId })
export type ErrandIdInput = z.infer<typeof ErrandIdInput>

export const ReleaseErrandInput = z.object({ id: errandId, reason: zText(STEP.releaseReason) })
export type ReleaseErrandInput = z.infer<typeof ReleaseErrandInput>

export const CompleteErrandInput = z.object({ id: errandId, note: zOptionalText(STEP.note) })
export type CompleteErrandInput = z.infer<typeof CompleteErrandInput>

export const ConfirmErrandInput = z.object({
  id: errandId,
  rating: zInt(ERRAND_RATING),
  comment: zOptionalText(STEP.comment),
})
export type ConfirmErrandInput = z.infer<typeof ConfirmErrandInput>

export const CancelErrandInput = z.object({
  id: errandId,
  reason: zOptionalText(STEP.cancelReason),
})
export type CancelErrandInput = z.infer<typeof CancelErrandInput>

// Results

export interface ErrandTypeInfo {
  code: ErrandType
  label: string
  hint: string
}

export type ErrandActionKey = 'accept' | 'release' | 'complete' | 'confirm' | 'cancel'

/** The resident the errand is for. */
export interface ErrandBooker {
  nickname: string
  /** Full for those with a need (the accepting agent while it is theirs, the booker, staff); else 张*. */
  name: string
  buildingName: string | null
  /** Only for those with a need; otherwise null (and null once purged). */
  room: string | null
  /** The booker's own phone, only for those with a need; otherwise null. */
  phone: string | null
  /** The viewer may dial this person (their full phone is known and it is not the viewer). */
  can: ContactCan
}

/** The red agent who accepted it. */
export interface ErrandAgent {
  nickname: string
  /** Full for the booker (while in hand), staff and the agent; else 赵*. */
  name: string
  /** For the booker while the errand is accepted or completed, staff and the agent; else null. */
  phone: string | null
  can: ContactCan
}

export interface ErrandTimelineEntry {
  at: string
  type:
    | 'booked'
    | 'filed'
    | 'help'
    | 'escalated'
    | 'accepted'
    | 'released'
    | 'overdue'
    | 'completed'
    | 'confirmed'
    | 'autoClosed'
    | 'cancelled'
    | 'expired'
    | 'purged'
  /** A short Chinese line for the timeline, without personal data. */
  text: string
}

export interface Errand {
  id: string
  type: ErrandType
  /** What to do; null once purged (30 days after the end). */
  detail: string | null
  status: ErrandStatus
  level: ErrandLevel
  urgent: boolean
  overdue: boolean
  /** 'YYYY-MM-DD', Asia/Shanghai. */
  date: string
  slot: ErrandSlot
  gridId: string
  gridName: string
  communityId: string
  booker: ErrandBooker
  /** The other contact phone given when booking, for those who see the booker's phone; else null. */
  contactPhone: string | null
  agent: ErrandAgent | null
  /** Booked by the viewer, or for them. */
  mine: boolean
  /** Filed by a grid worker (or the committee) for a resident without a smartphone. */
  filedByGridWorker: boolean
  releaseReason: string | null
  completeNote: string | null
  rating: number | null
  comment: string | null
  cancelReason: string | null
  createdAt: string
  acceptedAt: string | null
  completedAt: string | null
  /** When it reached closed, cancelled or expired. */
  endedAt: string | null
  timeline: ErrandTimelineEntry[]
  can: Can<ErrandActionKey>
}

export type ErrandPage = Page<Errand>

export interface HelpResult {
  errand: Errand
  /** The grid workers' full phones, to dial. */
  callNumbers: string[]
}

/** The `errand` function's actions (registered in api.ts). */
export interface ErrandApi {
  types: Action<typeof ErrandTypesInput, { types: ErrandTypeInfo[] }>
  book: Action<typeof BookErrandInput, Errand>
  help: Action<typeof HelpInput, HelpResult>
  bookFor: Action<typeof BookErrandForInput, Errand>
  list: Action<typeof ListErrandsInput, ErrandPage>
  get: Action<typeof ErrandIdInput, Errand>
  accept: Action<typeof ErrandIdInput, Errand>
  release: Action<typeof ReleaseErrandInput, Errand>
  complete: Action<typeof CompleteErrandInput, Errand>
  confirm: Action<typeof ConfirmErrandInput, Errand>
  cancel: Action<typeof CancelErrandInput, Errand>
}
