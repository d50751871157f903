import { viewerCan } from '../lib/viewer'
import type {
  ExportSection,
  Me,
  PendingResident,
  ResidentItem,
  StaffContact,
} from '@/contract/user'
import { maskName, maskPhone } from '@/contract/mask'
import { BIND_STATUS_LABELS, ROLE_LABELS, ROLES, type Role } from '@/contract/roles'
import { actorFrom, type Actor, type UserDoc } from '../lib/actor'
import { iso, shanghaiTime } from '../lib/time'
import { canBookFor, canFileFor, contactCan } from '../lib/policy'
import { canVerify, setRolesDenial } from './policy'

export const DEFAULT_NICKNAME = '微信用户'

/** The caller's own profile: their own data unmasked. */
export function meView(openid: string, user: UserDoc | null): Me {
  const bound = !!user?.gridId && user.bindStatus !== 'none'
  return {
    openid,
    nickname: user?.nickname || DEFAULT_NICKNAME,
    roles: user?.roles ?? [],
    grid: bound
      ? {
          id: user.gridId!,
          name: user.gridName ?? '',
          communityId: user.communityId ?? '',
          communityName: user.communityName ?? '',
          buildingId: user.buildingId ?? null,
          buildingName: user.buildingName ?? null,
          room: user.room ?? null,
        }
      : null,
    verified: user?.bindStatus === 'verified',
    bindStatus: user?.bindStatus ?? 'none',
    rejectReason: user?.bindStatus === 'rejected' ? (user.rejectReason ?? null) : null,
    realName: user?.realName || null,
    phone: user?.phone || null,
    elderMode: user?.elderMode ?? false,
    creditByName: user?.creditByName ?? false,
    workerGridIds: user?.roles?.includes('gridWorker') ? (user.workerGridIds ?? []) : [],
    committeeCommunityId: user?.roles?.includes('committee')
      ? (user.committeeCommunityId ?? null)
      : null,
    can: viewerCan(actorFrom(openid, user)),
  }
}

/** A staff member as `actor` sees them: in full when they need to reach them, else masked. */
export function staffContact(actor: Actor, user: UserDoc, full: boolean): StaffContact {
  return {
    id: user._id,
    nickname: user.nickname || DEFAULT_NICKNAME,
    name: full ? (user.realName ?? '') : maskName(user.realName),
    phone: full ? (user.phone ?? '') : maskPhone(user.phone),
    can: contactCan(actor, user._id, full ? user.phone : null),
  }
}

/** A pending resident as their verifier sees them: full name and phone, to check the binding. */
export function pendingView(actor: Actor, user: UserDoc): PendingResident {
  return {
    id: user._id,
    openid: user._id,
    nickname: user.nickname || DEFAULT_NICKNAME,
    name: user.realName ?? '',
    phone: user.phone ?? '',
    gridId: user.gridId ?? '',
    gridName: user.gridName ?? '',
    buildingName: user.buildingName ?? '',
    room: user.room ?? '',
    boundAt: iso(user.boundAt) ?? '',
    can: { verify: canVerify(actor, user) },
  }
}

/** A verified resident in the staff's roster: full name and phone, to reach them. */
export function residentView(actor: Actor, user: UserDoc): ResidentItem {
  return {
    id: user._id,
    openid: user._id,
    name: user.realName ?? '',
    nickname: user.nickname || DEFAULT_NICKNAME,
    phone: user.phone ?? '',
    gridId: user.gridId ?? '',
    gridName: user.gridName ?? '',
    buildingName: user.buildingName ?? '',
    room: user.room ?? '',
    roles: user.roles ?? [],
    grantableRoles: grantableRoles(actor, user),
    can: { fileFor: canFileFor(actor, user), bookFor: canBookFor(actor, user) },
  }
}

/** The roles `actor` may switch on or off for `user` (the role editor's enabled toggles). */
function grantableRoles(actor: Actor, user: UserDoc): Role[] {
  const roles = user.roles ?? []
  return ROLES.filter((r) => {
    if (r === 'resident') return false
    const after = roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r]
    return setRolesDenial(actor, user, roles, after) === null
  })
}

/** The profile part of a person's readable export: their own data, labelled in Chinese. */
export function profileSection(user: UserDoc | null): ExportSection {
  if (!user) return { title: '个人资料', lines: ['没有保存您的个人资料'] }
  const yes = (v: unknown) => (v ? '是' : '否')
  const address = [user.communityName, user.gridName, user.buildingName, user.room]
    .filter(Boolean)
    .join(' ')
  const rows: [string, string | undefined][] = [
    ['昵称', user.nickname || DEFAULT_NICKNAME],
    ['真实姓名', user.realName],
    ['手机号', user.phone],
    ['住址', address],
    ['认证状态', BIND_STATUS_LABELS[user.bindStatus] ?? user.bindStatus],
    ['未通过原因', user.bindStatus === 'rejected' ? user.rejectReason : undefined],
    ['角色', (user.roles ?? []).map((r) => ROLE_LABELS[r] ?? r).join('、') || '无'],
    ['长辈模式', yes(user.elderMode)],
    ['在心愿墙上署名', yes(user.creditByName)],
    ['绑定时间', shanghaiTime(user.boundAt)],
    ['认证时间', shanghaiTime(user.verifiedAt)],
    ['创建时间', shanghaiTime(user.createdAt)],
  ]
  return {
    title: '个人资料',
    lines: rows.filter(([, v]) => v).map(([label, v]) => `${label}：${v}`),
  }
}
