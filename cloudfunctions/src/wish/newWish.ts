import { MAX_ACTIVE_WISHES, type WishCategory, type WishStatus } from '@/contract/wish'
import { db } from '../lib/cloud'
import type { UserDoc } from '../lib/actor'
import { wishes, type TimelineDoc, type WishDoc } from './store'

// Creating a wish: the author's snapshot, the place names, and a free slot under the limit.

interface GridDoc {
  _id: string
  name: string
  communityId: string
  buildings: { id: string; name: string }[]
}

// Grids are small reference data (declared `scan` in the manifest).
export const grids = () => db().collection<GridDoc>('grids')

type Author = Pick<
  UserDoc,
  | '_id'
  | 'nickname'
  | 'realName'
  | 'phone'
  | 'gridId'
  | 'gridName'
  | 'communityId'
  | 'buildingId'
  | 'buildingName'
  | 'room'
>

export const slotKey = (openid: string, n: number): string => `${openid}#${n}`

interface Place {
  gridName: string | null
  buildingName: string | null
  /** The author's slots not held by an active wish. */
  free: string[]
}

/**
 * What a new wish needs besides its author, in one round trip: the names of the author's grid
 * and building, and which of the author's slots are free. The grid row carries the author's slot
 * keys and joins the wishes holding them through the unique `slot` index.
 */
async function placeOf(author: Author): Promise<Place> {
  const all = Array.from({ length: MAX_ACTIVE_WISHES }, (_x, n) => slotKey(author._id, n))
  const { list } = await grids()
    .aggregate()
    .match({ _id: author.gridId ?? '' })
    .project({ name: true, buildings: true, slots: { $literal: all } })
    .lookup({ from: 'wishes', localField: 'slots', foreignField: 'slot', as: 'held' })
    .end()
  const grid = list[0] as unknown as (GridDoc & { held: { slot: string }[] }) | undefined
  // No grid row: no names, and every slot is tried; the unique index still holds the limit.
  // Only matched wishes count (some engines pad an array-field join with nulls).
  const held = new Set((grid?.held ?? []).filter(Boolean).map((w) => w.slot))
  return {
    gridName: grid?.name ?? null,
    buildingName: grid?.buildings.find((b) => b.id === author.buildingId)?.name ?? null,
    free: all.filter((s) => !held.has(s)),
  }
}

const isDuplicateKey = (err: unknown): boolean => {
  const e = err as { errMsg?: string; message?: string }
  return /E11000|duplicate key/i.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`)
}

/**
 * Inserts a new active wish by `author` into one of their free slots. Another create racing for
 * the same slot makes the insert fail on the unique index; then the next free slot is tried.
 * Returns the stored wish, or null when every slot is taken (the limit holds however many
 * creates race).
 */
export async function insertWish(
  author: Author,
  input: { title: string; content: string; category: WishCategory },
  status: WishStatus,
  filedBy: string | null,
  step: TimelineDoc
): Promise<WishDoc | null> {
  const place = await placeOf(author)
  const doc = draftWish(author, place, input, status, filedBy, step)
  for (const slot of place.free) {
    try {
      const { _id } = await wishes().add({ data: { ...doc, slot } })
      return { _id, slot, ...doc }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  return null
}

/** A new wish by `author`, with the snapshot of their name, phone and address. */
function draftWish(
  author: Author,
  place: Place,
  input: { title: string; content: string; category: WishCategory },
  status: WishStatus,
  filedBy: string | null,
  step: TimelineDoc
): Omit<WishDoc, '_id' | 'slot'> {
  const gridName = place.gridName ?? author.gridName
  const buildingName = place.buildingName ?? author.buildingName
  return {
    title: input.title,
    content: input.content,
    category: input.category,
    status,
    gridId: author.gridId ?? '',
    gridName: gridName ?? '',
    communityId: author.communityId ?? '',
    authorOpenid: author._id,
    authorNickname: author.nickname ?? '',
    authorName: author.realName ?? '',
    authorPhone: author.phone ?? '',
    authorBuildingName: buildingName ?? '',
    authorRoom: author.room ?? '',
    filedBy,
    claimerOpenid: null,
    claimerNickname: null,
    claimerName: null,
    claimerPhone: null,
    reviewedBy: filedBy,
    rejectReason: null,
    releaseReason: null,
    fulfillNote: null,
    rating: null,
    thanks: null,
    autoConfirmed: false,
    createdAt: step.at,
    reviewedAt: status === 'open' ? step.at : null,
    claimedAt: null,
    fulfilledAt: null,
    doneAt: null,
    cancelledAt: null,
    updatedAt: step.at,
    timeline: [step],
  }
}
