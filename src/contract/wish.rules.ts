// Plain data of the `wish` domain that both sides read (no zod: the main package imports it).

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
