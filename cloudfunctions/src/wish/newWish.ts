import { MAX_ACTIVE_WISHES, type WishCategory, type WishStatus } from '@/contract/wish'
import { db } from '../lib/cloud'
import { grids } from '../lib/places'
import type { UserDoc } from '../lib/actor'
import { wishes, type TimelineDoc, type WishDoc } from './store'

// Creating a wish: the author's snapshot, the place names, and a free slot under the limit.

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
 * Which of the author's slots are free (one read, served by the unique `slot` index), and the
 * names of their grid and building. `bindGrid` writes those names onto the profile; only an
 * older profile without them costs a lookup of the grid.
 */
async function placeOf(author: Author): Promise<Place> {
  const all = Array.from({ length: MAX_ACTIVE_WISHES }, (_x, n) => slotKey(author._id, n))
  const { data } = await wishes()
    .where({ slot: db().command.in(all) })
    .field({ slot: true })
    .limit(MAX_ACTIVE_WISHES)
    .get()
  const held = new Set(data.map((w) => w.slot))
  const place = {
    gridName: author.gridName || null,
    buildingName: author.buildingName || null,
    free: all.filter((s) => !held.has(s)),
  }
  if (place.gridName && place.buildingName) return place
  const { data: found } = await grids()
    .where({ _id: author.gridId ?? '' })
    .limit(1)
    .get()
  return {
    ...place,
    gridName: place.gridName ?? found[0]?.name ?? null,
    buildingName:
      place.buildingName ??
      found[0]?.buildings.find((b) => b.id === author.buildingId)?.name ??
      null,
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
  const { gridName, buildingName } = place
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
