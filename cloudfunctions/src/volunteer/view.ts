import { ROLE_LABELS } from '@/contract/roles'
import type { Activity, LedgerEntry, RosterEntry, VolunteerApplication } from '@/contract/volunteer'
import { maskName } from '@/contract/mask'
import type { Actor, UserDoc } from '../lib/actor'
import { contactCan } from '../lib/policy'
import { iso } from '../lib/time'
import {
  canOf,
  canSee,
  phaseOf,
  reviews,
  seesApplication,
  seesRosterContact,
  type SignupFacts,
} from './policy'
import {
  countsOf,
  standingOf,
  type ActivityDoc,
  type ApplicationDoc,
  type LedgerDoc,
} from './store'

/** What anyone who may not see an activity is told, whether or not it exists. */
export const NOT_SEEN = '活动不存在或您无权查看'

export const factsOf = (a: ActivityDoc, actor: Actor): SignupFacts => ({
  standing: standingOf(a, actor.openid),
  checkedIn: (a.checkins ?? []).includes(actor.openid),
})

const feedbackOf = (a: ActivityDoc): Activity['feedback'] => {
  const all = a.feedback ?? []
  const sum = all.reduce((n, f) => n + f.rating, 0)
  return {
    count: all.length,
    average: all.length ? Math.round((sum / all.length) * 10) / 10 : null,
    comments: all
      .filter((f) => f.comment)
      .map((f) => ({ rating: f.rating, comment: f.comment, at: iso(f.at) ?? '' })),
  }
}

/** Attended (true), a no-show (false), or not confirmed yet / not signed (null). */
const attendedOf = (a: ActivityDoc, openid: string, status: string | undefined) =>
  a.confirmedAt && status === 'signed' ? (a.attendees ?? []).includes(openid) : null

const mySignupOf = (a: ActivityDoc, actor: Actor, facts: SignupFacts): Activity['mySignup'] => {
  const { standing } = facts
  if (!standing) return null
  return {
    status: standing.status,
    ...(standing.position ? { position: standing.position } : {}),
    checkedIn: facts.checkedIn,
    attended: attendedOf(a, actor.openid, standing.status),
    feedbackGiven: (a.feedbackBy ?? []).includes(actor.openid),
  }
}

/** An activity as `actor` sees it. */
export function activityView(actor: Actor, a: ActivityDoc, now: Date = new Date()): Activity {
  const facts = factsOf(a, actor)
  const mine = mySignupOf(a, actor, facts)
  return {
    id: a._id,
    title: a.title,
    description: a.description ?? '',
    location: a.location,
    startAt: iso(a.startAt) ?? '',
    endAt: iso(a.endAt) ?? '',
    signupDeadline: iso(a.signupDeadline) ?? '',
    quota: a.quota,
    hours: a.hours,
    scope: { type: a.scopeType, id: a.scopeId, name: a.scopeName },
    communityId: a.communityId,
    organizer: { nickname: a.organizerNickname, title: a.organizerTitle },
    phase: phaseOf(a, now),
    ...countsOf(a),
    mySignup: mine,
    feedback: feedbackOf(a),
    summary: a.summary ? { text: a.summary.text, at: iso(a.summary.at) ?? '' } : null,
    feedbackOpen: mine?.attended === true && !mine.feedbackGiven,
    createdAt: iso(a.createdAt) ?? '',
    timeline: (a.timeline ?? []).map((t) => ({ at: iso(t.at) ?? '', type: t.type, text: t.text })),
    can: canOf(actor, a, facts, now),
  }
}

export const visible = (actor: Actor, a: ActivityDoc): boolean =>
  canSee(actor, a, factsOf(a, actor))

/** The organizer's title as the activity shows it: the role they published with. */
export const organizerTitle = (actor: Actor, committee: boolean): string =>
  committee ? ROLE_LABELS.committee : ROLE_LABELS.gridWorker

function applicationTimeline(v: ApplicationDoc): VolunteerApplication['timeline'] {
  const out: VolunteerApplication['timeline'] = []
  if (v.appliedAt) out.push({ at: iso(v.appliedAt) ?? '', type: 'applied', text: '提交申请' })
  if (!v.reviewedAt || v.status === 'pending') return out
  const approved = v.status === 'approved'
  out.push({
    at: iso(v.reviewedAt) ?? '',
    type: approved ? 'approved' : 'rejected',
    text: approved ? '社区两委审核通过' : '社区两委审核未通过',
  })
  return out
}

/** An application from the applicant's profile: full to its reviewer and the applicant. */
export function applicationView(actor: Actor, u: UserDoc): VolunteerApplication {
  const v = (u.volunteer ?? { status: 'pending', partyMember: false, skills: [] }) as ApplicationDoc
  const full = seesApplication(actor, u)
  const phone = full ? u.phone || null : null
  return {
    id: u._id,
    openid: u._id,
    nickname: u.nickname ?? '',
    name: full ? (u.realName ?? '') : maskName(u.realName),
    gridName: u.gridName ?? null,
    buildingName: u.buildingName ?? null,
    phone,
    skills: v.skills ?? [],
    partyMember: !!v.partyMember,
    workUnit: v.workUnit ?? null,
    status: v.status,
    reason: v.reason ?? null,
    appliedAt: iso(v.appliedAt) ?? '',
    reviewedAt: iso(v.reviewedAt),
    timeline: applicationTimeline(v),
    can: {
      review: v.status === 'pending' && reviews(actor, u.communityId),
      ...contactCan(actor, u._id, phone),
    },
  }
}

/** One volunteer on the roster: full name and phone for who runs the activity. */
export function rosterEntry(
  actor: Actor,
  a: ActivityDoc,
  openid: string,
  u: UserDoc | undefined
): RosterEntry {
  const full = seesRosterContact(actor, a)
  const phone = full ? u?.phone || null : null
  const standing = standingOf(a, openid) ?? { status: 'cancelled' as const }
  const i = (a.checkins ?? []).indexOf(openid)
  const at = i < 0 ? undefined : a.checkinTimes?.[i]
  return {
    id: `${a._id}#${openid}`,
    openid,
    nickname: u?.nickname ?? '',
    name: full ? (u?.realName ?? '') : maskName(u?.realName),
    phone,
    status: standing.status,
    ...(standing.position ? { position: standing.position } : {}),
    checkedIn: !!at,
    checkedInAt: iso(at),
    attended: attendedOf(a, openid, standing.status),
    can: contactCan(actor, openid, phone),
  }
}

export const entryView = (e: LedgerDoc): LedgerEntry => ({
  source: e.source,
  refId: e.refId,
  title: e.title,
  hours: e.hours,
  at: iso(e.at) ?? '',
})
