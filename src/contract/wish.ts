import { z } from 'zod'
import { idSchema, pageInput, type Action, type Can, type ContactCan } from './common'
import type { Page } from './errors'
import {
  WISH_CATEGORIES,
  WISH_RATING,
  WISH_REVIEW_CROSS,
  WISH_RULES,
  WISH_SCOPES,
  WISH_STATUSES,
  WISH_STEP_RULES as STEP,
  type WishCategory,
  type WishStatus,
} from './wish.rules'
import { optionalRule } from './rules'
import { withCross, zInt, zOptionalText, zText } from './zod-rules'

// 微心愿 micro-wishes (docs/contract.md §3.2).

// The plain data (categories, statuses, limits) is imported from here by the functions.
export * from './wish.rules'

const wishId = idSchema('心愿')

const wishFields = {
  title: zText(WISH_RULES.title),
  content: zText(WISH_RULES.content),
  category: z.enum(WISH_CATEGORIES, WISH_RULES.category.message),
}

export const CreateWishInput = z.object(wishFields)
export type CreateWishInput = z.infer<typeof CreateWishInput>

export const CreateWishForInput = z.object({
  residentOpenid: zText(WISH_RULES.residentOpenid),
  ...wishFields,
})
export type CreateWishForInput = z.infer<typeof CreateWishForInput>

export const ListWishesInput = z.object({
  scope: z.enum(WISH_SCOPES, '列表范围不正确'),
  status: z.enum(WISH_STATUSES, '状态不正确').optional(),
  ...pageInput,
})
export type ListWishesInput = z.infer<typeof ListWishesInput>

export const WishIdInput = z.object({ id: wishId })
export type WishIdInput = z.infer<typeof WishIdInput>

export const ReleaseWishInput = z.object({
  id: wishId,
  // Optional: docs/contract.md lists `release {id}`; given, it is limited and content-checked.
  reason: zOptionalText(optionalRule(STEP.releaseReason)),
})
export type ReleaseWishInput = z.infer<typeof ReleaseWishInput>

export const FulfillWishInput = z.object({
  id: wishId,
  note: zOptionalText(STEP.note),
})
export type FulfillWishInput = z.infer<typeof FulfillWishInput>

export const ConfirmWishInput = z.object({
  id: wishId,
  rating: zInt(WISH_RATING),
  thanks: zOptionalText(STEP.thanks),
})
export type ConfirmWishInput = z.infer<typeof ConfirmWishInput>

export const ReviewWishInput = withCross(
  z.object({
    id: wishId,
    approve: z.boolean('请选择通过或不通过'),
    reason: zOptionalText(STEP.reviewReason),
  }),
  WISH_REVIEW_CROSS
)
export type ReviewWishInput = z.infer<typeof ReviewWishInput>

export const WishStatsInput = z.object({})

// Results

export type WishActionKey = 'claim' | 'release' | 'fulfill' | 'confirm' | 'cancel' | 'review'

export interface WishPerson {
  nickname: string
  /** Full for those with a need (claimer while active, grid worker, committee, the author); else 张*. */
  name: string
  buildingName: string | null
  /** Only for those with a need; otherwise null. */
  room: string | null
  phone: string | null
  /** The viewer may dial this person (their full phone is known and it is not the viewer). */
  can: ContactCan
}

/** Who took the wish on. */
export interface WishClaimer {
  /**
   * Their nickname for the author (who thanks them), the claimer, staff, and anyone once the
   * volunteer chose to be credited by name (`user.updateProfile {creditByName}`); else masked (志*).
   */
  nickname: string
  /** Full for those with a need (the author while in hand, staff, the claimer); else 赵*. */
  name: string
  phone: string | null
  /** The viewer may dial this person (their full phone is known and it is not the viewer). */
  can: ContactCan
}

export interface WishTimelineEntry {
  at: string
  type:
    | 'created'
    | 'filed'
    | 'approved'
    | 'rejected'
    | 'claimed'
    | 'released'
    | 'fulfilled'
    | 'confirmed'
    | 'autoConfirmed'
    | 'cancelled'
  /** A short Chinese line for the timeline, without personal data. */
  text: string
}

export interface Wish {
  id: string
  title: string
  content: string
  category: WishCategory
  status: WishStatus
  gridId: string
  gridName: string
  communityId: string
  author: WishPerson
  claimer: WishClaimer | null
  /** The viewer wrote it (or it was filed for them). */
  mine: boolean
  /** Filed by a grid worker for a resident without a smartphone. */
  filedByGridWorker: boolean
  rejectReason: string | null
  releaseReason: string | null
  fulfillNote: string | null
  rating: number | null
  thanks: string | null
  createdAt: string
  claimedAt: string | null
  fulfilledAt: string | null
  doneAt: string | null
  timeline: WishTimelineEntry[]
  can: Can<WishActionKey>
}

export type WishPage = Page<Wish>

export interface WishStats {
  year: number
  /** The viewer's grid, if bound. */
  grid: { id: string; name: string; litThisYear: number; openNow: number } | null
  community: {
    id: string
    litThisYear: number
    openNow: number
    byGrid: { gridId: string; gridName: string; litThisYear: number; openNow: number }[]
  } | null
}

/** The `wish` function's actions (registered in api.ts). */
export interface WishApi {
  create: Action<typeof CreateWishInput, Wish>
  createFor: Action<typeof CreateWishForInput, Wish>
  list: Action<typeof ListWishesInput, WishPage>
  get: Action<typeof WishIdInput, Wish>
  claim: Action<typeof WishIdInput, Wish>
  release: Action<typeof ReleaseWishInput, Wish>
  fulfill: Action<typeof FulfillWishInput, Wish>
  confirm: Action<typeof ConfirmWishInput, Wish>
  cancel: Action<typeof WishIdInput, Wish>
  review: Action<typeof ReviewWishInput, Wish>
  stats: Action<typeof WishStatsInput, WishStats>
}
