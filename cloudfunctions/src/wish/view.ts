import type { Wish } from '@/contract/wish'
import { maskName } from '@/contract/mask'
import type { Actor } from '../lib/actor'
import { iso } from '../lib/time'
import { canOf, seesAuthorContact, seesClaimerContact, seesRating } from './policy'
import type { WishDoc } from './store'

/** A wish as `actor` may see it: personal data masked unless they need it, `can` for their buttons. */
export function wishView(actor: Actor, w: WishDoc): Wish {
  const author = seesAuthorContact(actor, w)
  const claimer = seesClaimerContact(actor, w)
  return {
    id: w._id,
    title: w.title,
    content: w.content,
    category: w.category,
    status: w.status,
    gridId: w.gridId,
    gridName: w.gridName ?? '',
    communityId: w.communityId,
    author: {
      nickname: w.authorNickname ?? '',
      name: author ? (w.authorName ?? '') : maskName(w.authorName),
      buildingName: w.authorBuildingName || null,
      room: author ? w.authorRoom || null : null,
      phone: author ? w.authorPhone || null : null,
    },
    claimer: w.claimerOpenid
      ? {
          nickname: w.claimerNickname ?? '',
          name: claimer ? (w.claimerName ?? '') : maskName(w.claimerName),
          phone: claimer ? w.claimerPhone || null : null,
        }
      : null,
    mine: w.authorOpenid === actor.openid,
    filedByGridWorker: !!w.filedBy,
    rejectReason: w.rejectReason ?? null,
    releaseReason: w.releaseReason ?? null,
    fulfillNote: w.fulfillNote ?? null,
    rating: seesRating(actor, w) ? (w.rating ?? null) : null,
    thanks: w.thanks ?? null,
    createdAt: iso(w.createdAt) ?? '',
    claimedAt: iso(w.claimedAt),
    fulfilledAt: iso(w.fulfilledAt),
    doneAt: iso(w.doneAt),
    timeline: (w.timeline ?? []).map((e) => ({ at: iso(e.at) ?? '', type: e.type, text: e.text })),
    can: canOf(actor, w),
  }
}
