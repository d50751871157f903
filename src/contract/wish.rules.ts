import type { ChoiceRule, CrossRule, IntRule, TextRule } from './rules'

// Plain data of the `wish` domain that both sides read (no zod: the main package imports it):
// abilities, counts, categories, statuses and their labels, and the input rules the schemas
// (wish.ts) and the pages' live checks share.

/** What the viewer may do in the wish domain, decided on the server (`user.me` → `can`). */
export const WISH_ABILITIES = [
  /** Post a wish of their own. */
  'wish.post',
  /** File a wish for a resident without a smartphone. */
  'wish.fileFor',
  /** Review pending wishes (the review queue). */
  'wish.review',
  /** Claim open wishes of their community. */
  'wish.claim',
] as const

/** Counts of the wish domain that `user.counts` may answer (absent = not the viewer's concern). */
export const WISH_COUNTS = [
  /** Wishes lit (done) this calendar year in the viewer's grid. */
  'wish.litThisYear',
  /** Open wishes waiting for a claimer in the viewer's grid. */
  'wish.openNow',
  /** Pending wishes the viewer may review. */
  'wish.toReview',
  /** The viewer's own fulfilled wishes waiting for their confirmation. */
  'wish.toConfirm',
] as const

/**
 * Subscribe-message templates the wish flow sends, with the suffix of the variables that name
 * their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const WISH_TEMPLATES = {
  wishReviewed: 'WISH_REVIEWED',
  wishClaimed: 'WISH_CLAIMED',
  wishFulfilled: 'WISH_FULFILLED',
  wishThanked: 'WISH_THANKED',
} as const

/** What each audited step of the wish domain is called in a person's data export. */
export const WISH_AUDIT_LABELS: Record<string, string> = {
  'wish.create': '发布心愿',
  'wish.createFor': '代居民登记心愿',
  'wish.claim': '认领心愿',
  'wish.release': '放弃认领',
  'wish.fulfill': '完成心愿',
  'wish.confirm': '确认心愿',
  'wish.cancel': '取消心愿',
  'wish.review': '审核心愿',
  'wish.approve': '审核通过心愿',
  'wish.reject': '审核驳回心愿',
  'wish.autoConfirm': '自动确认心愿',
}

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

export const WISH_SCOPES = ['grid', 'community', 'mine', 'claimed', 'review'] as const
export type WishScope = (typeof WISH_SCOPES)[number]

const reason = { type: '原因格式不正确', max: { value: 100, message: '原因最多 100 个字' } }

/** `wish.create` / `wish.createFor`. */
export const WISH_RULES = {
  title: {
    required: '请填写心愿标题',
    min: { value: 2, message: '标题至少 2 个字' },
    max: { value: 30, message: '标题最多 30 个字' },
  },
  content: {
    required: '请填写心愿内容',
    min: { value: 1, message: '请填写心愿内容' },
    max: { value: 500, message: '内容最多 500 个字' },
  },
  category: { values: WISH_CATEGORIES, message: '请选择心愿类别' },
  /** createFor only. */
  residentOpenid: {
    required: '请选择要代填心愿的居民',
    type: '居民格式不正确',
    max: { value: 64, message: '居民格式不正确' },
  },
} as const satisfies Record<string, TextRule | ChoiceRule>

/** The dialogs of a wish's steps. */
export const WISH_STEP_RULES = {
  /**
   * `wish.release`: why the claimer gives it back. The release dialog asks for one; the input
   * takes it as optional (`release {id}` works, see wish.ts), limited alike.
   */
  releaseReason: { ...reason, required: '请填写放弃原因', blank: '请填写放弃原因' },
  /** `wish.review` when refusing (required then, see WISH_REVIEW_CROSS). */
  reviewReason: reason,
  note: { type: '说明格式不正确', max: { value: 200, message: '说明最多 200 个字' } },
  thanks: { type: '感谢语格式不正确', max: { value: 200, message: '感谢语最多 200 个字' } },
} as const satisfies Record<string, TextRule>

export const WISH_RATING: IntRule = {
  required: '请给出评分',
  int: '评分必须是 1–5 的整数',
  min: { value: 1, message: '评分最低 1 分' },
  max: { value: 5, message: '评分最高 5 分' },
}

export const WISH_REVIEW_CROSS: readonly CrossRule<'approve' | 'reason'>[] = [
  {
    kind: 'requiredIf',
    field: 'reason',
    when: 'approve',
    is: false,
    message: '请填写不通过的原因',
  },
]
