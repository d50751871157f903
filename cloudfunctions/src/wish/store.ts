import type { WishCategory, WishStatus, WishTimelineEntry } from '@/contract/wish'
import { db } from '../lib/cloud'

// The `wishes` collection: one document per wish with a snapshot of the author (and the claimer)
// taken when they acted, so views need no extra reads, and an embedded timeline.

export interface TimelineDoc {
  at: Date
  type: WishTimelineEntry['type']
  /** No personal data: the timeline is shown to everyone who may see the wish. */
  text: string
}

export interface WishDoc {
  _id: string
  title: string
  content: string
  category: WishCategory
  status: WishStatus
  gridId: string
  gridName: string
  communityId: string
  /**
   * The author's place among their active wishes: `<openid>#<n>` with n < MAX_ACTIVE_WISHES
   * while active, the wish's own id once it leaves the active set. A unique index on it is what
   * holds the 3-active limit (see `insertWish` and `leaveActive`).
   */
  slot: string
  authorOpenid: string
  authorNickname: string
  authorName: string
  authorPhone: string
  authorBuildingName: string
  authorRoom: string
  /** The grid worker who filed it for a resident without a smartphone. */
  filedBy: string | null
  claimerOpenid: string | null
  claimerNickname: string | null
  claimerName: string | null
  claimerPhone: string | null
  reviewedBy: string | null
  rejectReason: string | null
  releaseReason: string | null
  fulfillNote: string | null
  rating: number | null
  thanks: string | null
  autoConfirmed: boolean
  createdAt: Date
  reviewedAt: Date | null
  claimedAt: Date | null
  fulfilledAt: Date | null
  doneAt: Date | null
  cancelledAt: Date | null
  updatedAt: Date
  timeline: TimelineDoc[]
}

export const wishes = () => db().collection<WishDoc>('wishes')

export async function findWish(id: string): Promise<WishDoc | null> {
  // where() rather than doc().get(): a missing id is an empty result, not a rejection.
  const { data } = await wishes().where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/** Changes that take a wish out of the active set: its slot goes back to the author. */
export const leaveActive = (id: string): Pick<WishDoc, 'slot'> => ({ slot: id })

export const entry = (at: Date, type: TimelineDoc['type'], text: string): TimelineDoc => ({
  at,
  type,
  text,
})

/**
 * Moves a wish from `from` with one conditional write: `guard` holds the other facts the caller
 * checked (the claimer, the author), so a concurrent change makes this a no-op. True if it won.
 */
export async function transition(
  id: string,
  from: WishStatus,
  guard: Partial<Pick<WishDoc, 'authorOpenid' | 'claimerOpenid'>>,
  changes: Partial<WishDoc>,
  step: TimelineDoc
): Promise<boolean> {
  const _ = db().command
  const res = await wishes()
    .where({ _id: id, status: from, ...guard })
    .update({ data: { ...changes, updatedAt: step.at, timeline: _.push([step]) } })
  return res.stats.updated === 1
}

/** The wish as it is after a transition, without reading it again. */
export const applied = (wish: WishDoc, changes: Partial<WishDoc>, step: TimelineDoc): WishDoc => ({
  ...wish,
  ...changes,
  updatedAt: step.at,
  timeline: [...(wish.timeline ?? []), step],
})
