// The plain constants of 微心愿 (categories, statuses, scopes, limits and their Chinese labels),
// kept free of zod so the mini-program can import them without the schema library.
// src/contract/wish.ts re-exports all of them.

export const WISH_CATEGORIES = ['daily', 'study', 'health', 'companionship', 'other'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]
export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  daily: '生活',
  study: '学习',
  health: '健康',
  companionship: '陪伴',
  other: '其他',
}

export const WISH_STATUSES = [
  'pending',
  'open',
  'claimed',
  'fulfilled',
  'done',
  'rejected',
  'cancelled',
] as const
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
export const ACTIVE_WISH_STATUSES: readonly WishStatus[] = [
  'pending',
  'open',
  'claimed',
  'fulfilled',
]
export const MAX_ACTIVE_WISHES = 3
/** Fulfilled wishes the author does not confirm are confirmed automatically after this many days. */
export const WISH_AUTO_CONFIRM_DAYS = 7

export const WISH_TITLE_MIN = 2
export const WISH_TITLE_MAX = 30
export const WISH_CONTENT_MAX = 500

export const WISH_SCOPES = ['grid', 'community', 'mine', 'claimed', 'review'] as const
export type WishScope = (typeof WISH_SCOPES)[number]
