import {
  ERRAND_LEVEL_LABELS,
  ERRAND_SLOT_LABELS,
  ERRAND_STATUS_LABELS,
  ERRAND_TYPE_LABELS,
  type Errand,
  type ErrandAgent,
  type ErrandBooker,
} from '@/contract/errand'
import { maskName } from '@/contract/mask'
import type { Actor } from '../lib/actor'
import { iso, shanghaiTime } from '../lib/time'
import { contactCan } from '../lib/policy'
import { canOf, seesAgentContact, seesBookerContact } from './policy'
import type { ErrandDoc } from './store'

/** What anyone who may not see an errand is told, whether or not it exists. */
export const NOT_SEEN = '代办不存在或您无权查看'

/** The booker from the snapshot: building for everyone, name, room and phones on need. */
const bookerOf = (actor: Actor, e: ErrandDoc): ErrandBooker => {
  const full = seesBookerContact(actor, e)
  const phone = full ? e.bookerPhone || null : null
  return {
    nickname: e.bookerNickname,
    name: full ? e.bookerName : maskName(e.bookerName),
    buildingName: e.bookerBuildingName || null,
    room: full ? e.bookerRoom || null : null,
    phone,
    can: contactCan(actor, e.bookerOpenid, phone),
  }
}

const agentOf = (actor: Actor, e: ErrandDoc): ErrandAgent | null => {
  if (!e.agentOpenid) return null
  const full = seesAgentContact(actor, e)
  const phone = full ? e.agentPhone || null : null
  return {
    nickname: e.agentNickname ?? '',
    name: full ? (e.agentName ?? '') : maskName(e.agentName),
    phone,
    can: contactCan(actor, e.agentOpenid, phone),
  }
}

/** An errand as `actor` may see it: personal data masked unless they need it, `can` for buttons. */
export function errandView(actor: Actor, e: ErrandDoc): Errand {
  return {
    id: e._id,
    type: e.type,
    detail: e.detail ?? null,
    status: e.status,
    level: e.level,
    urgent: !!e.urgent,
    overdue: !!e.overdue,
    date: e.date,
    slot: e.slot,
    gridId: e.gridId,
    gridName: e.gridName,
    communityId: e.communityId,
    booker: bookerOf(actor, e),
    contactPhone: seesBookerContact(actor, e) ? (e.contactPhone ?? null) : null,
    agent: agentOf(actor, e),
    mine: e.bookerOpenid === actor.openid,
    filedByGridWorker: !!e.filedBy,
    releaseReason: e.releaseReason ?? null,
    completeNote: e.completeNote ?? null,
    rating: e.rating ?? null,
    comment: e.comment ?? null,
    cancelReason: e.cancelReason ?? null,
    createdAt: iso(e.createdAt) ?? '',
    acceptedAt: iso(e.acceptedAt),
    completedAt: iso(e.completedAt),
    endedAt: iso(e.endedAt),
    timeline: (e.timeline ?? []).map((t) => ({ at: iso(t.at) ?? '', type: t.type, text: t.text })),
    can: canOf(actor, e),
  }
}

const withoutCan = <T extends { can: unknown }>(p: T | null): Omit<T, 'can'> | null => {
  if (!p) return null
  const { can: _can, ...rest } = p
  return rest
}

/** An errand in its booker's or agent's data export: as they see it, plus the stored flags. */
export function errandExport(owner: Actor, e: ErrandDoc): Record<string, unknown> {
  const { can: _can, mine: _mine, ...view } = errandView(owner, e)
  return {
    ...view,
    booker: withoutCan(view.booker),
    agent: withoutCan(view.agent),
    purged: !!e.purged,
    updatedAt: iso(e.updatedAt),
  }
}

/** One readable line of the export about an errand, the other party as the owner sees them. */
export function errandLine(owner: Actor, e: ErrandDoc): string {
  const view = errandView(owner, e)
  const parts = [
    `${ERRAND_TYPE_LABELS[view.type] ?? view.type}`,
    `状态：${ERRAND_STATUS_LABELS[view.status] ?? view.status}`,
    `时间：${view.date} ${ERRAND_SLOT_LABELS[view.slot] ?? view.slot}`,
    `层级：${ERRAND_LEVEL_LABELS[view.level] ?? view.level}`,
    `预约时间：${shanghaiTime(e.createdAt)}`,
  ]
  const person = (p: { nickname: string; name: string }) => `${p.nickname}（${p.name}）`
  if (e.bookerOpenid !== owner.openid) parts.push(`预约人：${person(view.booker)}`)
  if (view.agent && e.agentOpenid !== owner.openid) parts.push(`代办员：${person(view.agent)}`)
  if (view.detail) parts.push(`内容：${view.detail}`)
  if (view.rating) parts.push(`评分：${view.rating} 星`)
  return parts.join('；')
}
