import { z } from 'zod'
import { idSchema, pageInput, type Can } from './common'
import type { Page } from './errors'
import {
  WISH_CATEGORIES,
  WISH_CONTENT_MAX,
  WISH_SCOPES,
  WISH_STATUSES,
  WISH_TITLE_MAX,
  WISH_TITLE_MIN,
  type WishCategory,
  type WishStatus,
} from './wish-labels'

// 微心愿 micro-wishes (DESIGN §4, issue #3).

export * from './wish-labels'

const wishId = idSchema('心愿')

const wishFields = {
  title: z
    .string('请填写心愿标题')
    .trim()
    .min(WISH_TITLE_MIN, `标题至少 ${WISH_TITLE_MIN} 个字`)
    .max(WISH_TITLE_MAX, `标题最多 ${WISH_TITLE_MAX} 个字`),
  content: z
    .string('请填写心愿内容')
    .trim()
    .min(1, '请填写心愿内容')
    .max(WISH_CONTENT_MAX, `内容最多 ${WISH_CONTENT_MAX} 个字`),
  category: z.enum(WISH_CATEGORIES, '请选择心愿类别'),
}

export const CreateWishInput = z.object(wishFields)
export type CreateWishInput = z.infer<typeof CreateWishInput>

export const CreateWishForInput = z.object({ residentOpenid: idSchema('居民'), ...wishFields })
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
  reason: z.string('请填写放弃原因').trim().min(1, '请填写放弃原因').max(100, '原因最多 100 个字'),
})
export type ReleaseWishInput = z.infer<typeof ReleaseWishInput>

export const FulfillWishInput = z.object({
  id: wishId,
  note: z.string('说明格式不正确').trim().max(200, '说明最多 200 个字').optional(),
})
export type FulfillWishInput = z.infer<typeof FulfillWishInput>

export const ConfirmWishInput = z.object({
  id: wishId,
  rating: z
    .number('请给出评分')
    .int('评分必须是 1–5 的整数')
    .min(1, '评分最低 1 分')
    .max(5, '评分最高 5 分'),
  thanks: z.string('感谢语格式不正确').trim().max(200, '感谢语最多 200 个字').optional(),
})
export type ConfirmWishInput = z.infer<typeof ConfirmWishInput>

export const ReviewWishInput = z
  .object({
    id: wishId,
    approve: z.boolean('请选择通过或不通过'),
    reason: z.string('原因格式不正确').trim().max(100, '原因最多 100 个字').optional(),
  })
  .refine((v) => v.approve || !!v.reason, { message: '请填写不通过的原因', path: ['reason'] })
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
  claimer: { nickname: string; name: string; phone: string | null } | null
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
