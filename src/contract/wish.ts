import { z } from 'zod'
import { idSchema, pageInput, type Can } from './common'
import type { Page } from './errors'

// 微心愿 micro-wishes (DESIGN §4, issue #3).

export const WISH_CATEGORIES = ['daily', 'study', 'health', 'companionship', 'other'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]
export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  daily: '生活',
  study: '学习',
  health: '健康',
  companionship: '陪伴',
  other: '其他',
}

export const WISH_STATUSES = ['pending', 'open', 'claimed', 'fulfilled', 'done', 'rejected', 'cancelled'] as const
export type WishStatus = (typeof WISH_STATUSES)[number]
export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending: '待审核',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '待确认',
  done: '已点亮',
  rejected: '未通过',
  cancelled: '已取消',
}
/** Statuses that count against the per-resident limit. */
export const ACTIVE_WISH_STATUSES: readonly WishStatus[] = ['pending', 'open', 'claimed', 'fulfilled']
export const MAX_ACTIVE_WISHES = 3
/** Fulfilled wishes the author does not confirm are confirmed automatically after this many days. */
export const WISH_AUTO_CONFIRM_DAYS = 7

export const WISH_TITLE_MIN = 2
export const WISH_TITLE_MAX = 30
export const WISH_CONTENT_MAX = 500

export const WISH_SCOPES = ['grid', 'community', 'mine', 'claimed', 'review'] as const
export type WishScope = (typeof WISH_SCOPES)[number]

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
  rating: z.number('请给出评分').int('评分必须是 1–5 的整数').min(1, '评分最低 1 分').max(5, '评分最高 5 分'),
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
  type: 'created' | 'filed' | 'approved' | 'rejected' | 'claimed' | 'released' | 'fulfilled' | 'confirmed' | 'autoConfirmed' | 'cancelled'
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
  community: { id: string; litThisYear: number; openNow: number; byGrid: { gridId: string; gridName: string; litThisYear: number; openNow: number }[] } | null
}
