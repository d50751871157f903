import {
  WISH_CATEGORY_LABELS,
  WISH_STATUS_LABELS,
  type Wish,
  type WishClaimer,
  type WishPerson,
} from '@/contract/wish'
import { maskName } from '@/contract/mask'
import type { Actor } from '../lib/actor'
import { iso, shanghaiTime } from '../lib/time'
import { contactCan } from '../lib/policy'
import {
  canOf,
  seesAuthorContact,
  seesClaimerContact,
  seesClaimerNickname,
  seesRating,
} from './policy'
import type { WishDoc } from './store'

/** What anyone who may not see a wish is told, whether or not it exists. */
export const NOT_SEEN = '心愿不存在或您无权查看'

/** The author from the snapshot: building for everyone, name in full, room and phone on need. */
const authorOf = (actor: Actor, w: WishDoc): WishPerson => {
  const full = seesAuthorContact(actor, w)
  const phone = full ? w.authorPhone || null : null
  return {
    nickname: w.authorNickname,
    name: full ? w.authorName : maskName(w.authorName),
    buildingName: w.authorBuildingName || null,
    room: full ? w.authorRoom || null : null,
    phone,
    can: contactCan(actor, w.authorOpenid, phone),
  }
}

/** The claimer from the snapshot: contact on need, nickname to the author and when credited. */
const claimerOf = (actor: Actor, w: WishDoc): WishClaimer | null => {
  if (!w.claimerOpenid) return null
  const full = seesClaimerContact(actor, w)
  const phone = full ? w.claimerPhone || null : null
  const nickname = w.claimerNickname ?? ''
  return {
    nickname: seesClaimerNickname(actor, w) ? nickname : maskName(nickname),
    name: full ? (w.claimerName ?? '') : maskName(w.claimerName),
    phone,
    can: contactCan(actor, w.claimerOpenid, phone),
  }
}

/** A wish as `actor` may see it: personal data masked unless they need it, `can` for their buttons. */
export function wishView(actor: Actor, w: WishDoc): Wish {
  return {
    id: w._id,
    title: w.title,
    content: w.content,
    category: w.category,
    status: w.status,
    gridId: w.gridId,
    gridName: w.gridName,
    communityId: w.communityId,
    author: authorOf(actor, w),
    claimer: claimerOf(actor, w),
    mine: w.authorOpenid === actor.openid,
    filedByGridWorker: !!w.filedBy,
    rejectReason: w.rejectReason,
    releaseReason: w.releaseReason,
    fulfillNote: w.fulfillNote,
    rating: seesRating(actor, w) ? w.rating : null,
    thanks: w.thanks,
    createdAt: iso(w.createdAt) ?? '',
    claimedAt: iso(w.claimedAt),
    fulfilledAt: iso(w.fulfilledAt),
    doneAt: iso(w.doneAt),
    timeline: w.timeline.map((e) => ({ at: iso(e.at) ?? '', type: e.type, text: e.text })),
    can: canOf(actor, w),
  }
}

const withoutCan = <T extends { can: unknown }>(p: T | null): Omit<T, 'can'> | null => {
  if (!p) return null
  const { can: _can, ...rest } = p
  return rest
}

/**
 * A wish in its author's or claimer's data export: what they see of it in the app (the other
 * party masked by the same rules), plus the stored times and flags the views leave out.
 */
export function wishExport(owner: Actor, w: WishDoc): Record<string, unknown> {
  const { can: _can, mine: _mine, ...view } = wishView(owner, w)
  return {
    ...view,
    author: withoutCan(view.author),
    claimer: withoutCan(view.claimer),
    autoConfirmed: !!w.autoConfirmed,
    reviewedAt: iso(w.reviewedAt),
    cancelledAt: iso(w.cancelledAt),
    updatedAt: iso(w.updatedAt),
  }
}

/** One readable line of the export about a wish, the other party as the owner sees them. */
export function wishLine(owner: Actor, w: WishDoc): string {
  const view = wishView(owner, w)
  const parts = [
    `「${view.title}」`,
    `状态：${WISH_STATUS_LABELS[view.status] ?? view.status}`,
    `类别：${WISH_CATEGORY_LABELS[view.category] ?? view.category}`,
    `发布时间：${shanghaiTime(w.createdAt)}`,
  ]
  const person = (p: { nickname: string; name: string }) => `${p.nickname}（${p.name}）`
  if (w.authorOpenid !== owner.openid) parts.push(`发布人：${person(view.author)}`)
  if (view.claimer && w.claimerOpenid !== owner.openid) {
    parts.push(`认领人：${person(view.claimer)}`)
  }
  if (w.doneAt) parts.push(`点亮时间：${shanghaiTime(w.doneAt)}`)
  if (view.rating) parts.push(`评分：${view.rating} 星`)
  if (view.thanks) parts.push(`感谢语：${view.thanks}`)
  return parts.join('；')
}
