import type { WishCategory, WishStatus, WishTimelineEntry } from '@/contract/wish'
import { db, type Doc } from '../lib/cloud'
import { count, moveCounted } from '../lib/counting'
import { isDuplicateKey, ownerStep, type Step } from '../lib/store'
import type { Actor, UserDoc } from '../lib/actor'
import { grids } from '../lib/places'
import type { PersonalDataEntry } from '../lib/personal-data'
import { slotsOf, wishCounted } from './counters'
import { actsForAuthor } from './policy'
export { activeOf } from './counters'
import { wishExport, wishLine } from './view'

// The `wishes` collection: one document per wish with a snapshot of the author (and the claimer)
// taken when they acted, so views need no extra reads, and an embedded timeline.

export type TimelineDoc = Step<WishTimelineEntry['type']>

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
  /** The claimer chose, when they claimed, to be credited by nickname on the wall. */
  claimerCreditByName?: boolean
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

const exported = (owner: Actor, doc: Doc) => wishExport(owner, doc as unknown as WishDoc)
const line = (owner: Actor, doc: Doc) => wishLine(owner, doc as unknown as WishDoc)

/**
 * Where a wish holds a person's data: exported to them as their views show it, anonymised when
 * they delete their account (lib/personal-data).
 */
export const WISH_PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: 'wishes',
    ownerField: 'authorOpenid',
    exported,
    summary: { title: '我发布的心愿', line },
    anonymize: {
      authorName: '已注销用户',
      authorPhone: '',
      authorRoom: '',
      authorBuildingName: '',
      authorNickname: '已注销用户',
    },
  },
  {
    collection: 'wishes',
    ownerField: 'claimerOpenid',
    exported,
    summary: { title: '我认领的心愿', line },
    anonymize: {
      claimerName: '已注销用户',
      claimerPhone: '',
      claimerNickname: '已注销用户',
      claimerCreditByName: false,
    },
  },
]

/** Changes that take a wish out of the active set: its slot goes back to the author. */
export const leaveActive = (id: string): Pick<WishDoc, 'slot'> => ({ slot: id })

/** The join that reads the target wish with the caller (see lib/load). */
export const wishById = (id: string) => ({ as: 'wish', from: 'wishes', field: '_id', equals: id })

/**
 * Moves `wish` from `from` with one conditional write (see lib/store `transition`) and keeps the
 * counters. The wish as it is now, or null if a concurrent change won.
 */
export const move = (
  wish: WishDoc,
  from: WishStatus,
  guard: Partial<Pick<WishDoc, 'authorOpenid' | 'claimerOpenid' | 'filedBy'>>,
  changes: Partial<WishDoc>,
  step: TimelineDoc
): Promise<WishDoc | null> => moveCounted<WishDoc>(wishCounted, wish, from, guard, changes, step)

/**
 * A step the author takes, or the grid worker who filed the wish takes on their behalf: the
 * timeline entry saying who acted, the guard for the conditional write (the same person still in
 * that place), and what the audit entry adds (`onBehalfOf`).
 */
export function authorStep(
  actor: Actor,
  wish: WishDoc,
  type: TimelineDoc['type'],
  text: { author: string; filer: string }
): {
  step: TimelineDoc
  guard: Partial<Pick<WishDoc, 'authorOpenid' | 'filedBy'>>
  detail: { onBehalfOf?: string }
} {
  const owner = { field: 'authorOpenid' as const, openid: wish.authorOpenid }
  const words = { owner: text.author, filer: text.filer }
  return ownerStep(actor.openid, owner, actsForAuthor(actor, wish), type, words)
}

// Creating a wish: the author's snapshot, the place names, and a free slot under the limit.

export type Author = Pick<
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

interface Place {
  gridName: string | null
  buildingName: string | null
  /** The author's slots not held by an active wish. */
  free: string[]
}

/**
 * Which of the author's slots are free (`held`: their active wishes, read with the caller) and
 * the names of their grid and building. `bindGrid` writes those names onto the profile; only an
 * older profile without them costs a lookup of the grid.
 */
async function placeOf(author: Author, held: Pick<WishDoc, 'slot'>[]): Promise<Place> {
  const taken = new Set(held.map((w) => w.slot))
  const place = {
    gridName: author.gridName || null,
    buildingName: author.buildingName || null,
    free: slotsOf(author._id).filter((s) => !taken.has(s)),
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

/** The join that reads an author's active wishes with the caller (see lib/load). */

/**
 * Inserts a new active wish by `author` into one of their free slots. Another create racing for
 * the same slot makes the insert fail on the unique index; then the next free slot is tried.
 * `id` (derived from the requestId) makes a second delivery of the same request fail on `_id`
 * instead of creating a second wish. The stored wish, `'limit'` when every slot is taken (the
 * limit holds however many creates race), `'duplicate'` when this request already created it.
 */
export async function insertWish(
  author: Author,
  held: Pick<WishDoc, 'slot'>[],
  input: { title: string; content: string; category: WishCategory },
  status: WishStatus,
  filedBy: string | null,
  step: TimelineDoc,
  id?: string
): Promise<WishDoc | 'limit' | 'duplicate'> {
  const place = await placeOf(author, held)
  const doc = draftWish(author, place, input, status, filedBy, step)
  for (const slot of place.free) {
    try {
      const { _id } = await wishes().add({ data: { ...doc, slot, ...(id ? { _id: id } : {}) } })
      const wish = { _id, slot, ...doc }
      await count(wishCounted, null, wish)
      return wish
    } catch (err) {
      if (isDuplicateKey(err, '_id_')) return 'duplicate'
      if (!isDuplicateKey(err)) throw err
    }
  }
  return 'limit'
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

/** The wish `wishById` read with the caller, or null. */
export const joinedWish = (joined: Record<string, Doc[]>): WishDoc | null =>
  (joined.wish?.[0] as unknown as WishDoc | undefined) ?? null

/** The active wishes `activeOf` read with the caller. */
export const joinedActive = (joined: Record<string, Doc[]>): WishDoc[] =>
  (joined.active ?? []) as unknown as WishDoc[]
