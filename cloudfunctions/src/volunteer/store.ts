import { randomBytes } from 'node:crypto'
import {
  DEFAULT_LEDGER_SETTINGS,
  type ActivityScopeType,
  type ActivityTimelineEntry,
  type ApplicationStatus,
  type LedgerSource,
  type SignupStatus,
} from '@/contract/volunteer'
import { db, type Doc } from '../lib/cloud'
import type { Actor } from '../lib/actor'
import type { Join } from '../lib/load'
import type { Step } from '../lib/store'
import type { PersonalDataEntry } from '../lib/personal-data'
import { iso, shanghaiTime } from '../lib/time'

// The volunteer domain's collections. An activity holds its signup log (`queue`): each arrival's
// OPENID and each departure's `-OPENID`, appended with one atomic conditional write each. Who is
// signed and who waits, and each one's position, follow from the log - at any moment, and as it
// was at any step - so the quota holds however many race, and a cancel promotes the first
// waiting without a write of its own. Check-ins are kept on the activity too. One hours ledger
// (entries unique per source, item and volunteer) is summed by the timer into per-volunteer
// totals and per-year totals.

/** The application on the user document (`users.volunteer`). */
export interface ApplicationDoc {
  status: ApplicationStatus
  partyMember: boolean
  skills: string[]
  workUnit?: string | null
  appliedAt?: Date
  reviewedAt?: Date | null
  reason?: string | null
}

export type ActivityStep = Step<ActivityTimelineEntry['type']>

export interface ActivityDoc {
  _id: string
  title: string
  description: string
  location: string
  startAt: Date
  endAt: Date
  signupDeadline: Date
  quota: number
  hours: number
  scopeType: ActivityScopeType
  scopeId: string
  scopeName: string
  /** The grid of a grid activity, '' for a community one. */
  gridId: string
  /** Whom it is for: `g:<grid>` or `c:<community>` (the residents' lists read by it). */
  audience: string
  communityId: string
  /**
   * The grids of its community when published (its own grid for a grid activity): their grid
   * workers see it (and are told FORBIDDEN, not NOT_FOUND, for what only its staff may do).
   */
  staffGridIds?: string[]
  organizerOpenid: string
  organizerNickname: string
  organizerTitle: string
  /** The signup log: `openid` for an arrival, `-openid` for its cancel, in the order they happened. */
  queue: string[]
  /** Who cancelled (the cancel's guard). */
  left: string[]
  /** Everyone who signed up, until the activity is over (the overlap check reads it); then []. */
  live: string[]
  /** False until the timer, after the end, clears `live`. */
  settled: boolean
  /** Who checked in, and when (pushed together: the same index). */
  checkins: string[]
  checkinTimes: Date[]
  /** True while signup is open (counted in `volunteer.upcoming`); the timer closes it. */
  open: boolean
  /** Never shown: the check-in code's key. */
  secret: string
  confirmedAt: Date | null
  attendees: string[]
  feedback: { openid: string; rating: number; comment: string; at: Date }[]
  feedbackBy: string[]
  summary: { text: string; at: Date } | null
  createdAt: Date
  updatedAt: Date
  timeline: ActivityStep[]
}

export interface LedgerDoc {
  _id: string
  openid: string
  communityId: string
  source: LedgerSource
  refId: string
  title: string
  hours: number
  at: Date
  year: number
  credited: boolean
  /** The volunteer's OPENID until the timer sums the entry, then ''. */
  pending: string
  /** The timer run that summed it. */
  batch: string
  createdAt: Date
}

export interface TotalsDoc {
  _id: string
  openid: string
  communityId: string
  nickname: string
  name: string
  partyMember: boolean
  workUnit: string
  /** The community of a party member (双报到), else ''. */
  partyOf: string
  total: number
  entryCount: number
  bySource: Record<LedgerSource, number>
  firstAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface YearDoc {
  _id: string
  openid: string
  communityId: string
  year: number
  hours: number
  /** All-time hours as of the last credit (the stars). */
  total: number
  nickname: string
  name: string
  createdAt: Date
}

/**
 * 双报到: the hours of one work unit's approved party members in one community, `_id` =
 * <communityId>:<unitKey>, added to by the timer as it sums the ledger.
 */
export interface UnitDoc {
  _id: string
  communityId: string
  unitKey: string
  workUnit: string
  hours: number
  createdAt: Date
  updatedAt: Date
}

/** A time range a volunteer holds with a signup (signed or waitlisted). */
export interface Slot {
  startAt: Date
  endAt: Date
}

/**
 * `_id` = openid: the time ranges of the volunteer's signups by activity id, and a version every
 * signup's write is conditional on, so that two signups of one volunteer at once are decided one
 * after the other (the overlap check holds however they race).
 */
export interface BusyDoc {
  _id: string
  v: number
  slots: Record<string, Slot>
  updatedAt: Date
}

export interface SettingsDoc {
  _id: string
  communityId: string
  wishHours: number
  errandHours: number
  starThresholds: number[]
  updatedAt?: Date
  updatedBy?: string
}

export const ACTIVITIES = 'volunteerActivities'
export const LEDGER = 'volunteerLedger'
export const TOTALS = 'volunteerTotals'
export const YEARS = 'volunteerYears'
export const SETTINGS = 'volunteerSettings'
export const STATE = 'volunteerState'
export const UNITS = 'volunteerUnits'
export const BUSY = 'volunteerBusy'

export const activities = () => db().collection<ActivityDoc>(ACTIVITIES)
export const ledger = () => db().collection<LedgerDoc>(LEDGER)
export const totals = () => db().collection<TotalsDoc>(TOTALS)
export const years = () => db().collection<YearDoc>(YEARS)
export const busy = () => db().collection<BusyDoc>(BUSY)
export const units = () => db().collection<UnitDoc>(UNITS)
export const settingsColl = () => db().collection<SettingsDoc>(SETTINGS)

/** Gives back the time a signup held on the volunteer's busy document. */
export async function release(openid: string, activityId: string): Promise<void> {
  const _ = db().command
  await busy()
    .where({ _id: openid })
    .update({ data: { v: _.inc(1), [`slots.${activityId}`]: _.remove() } })
}

export const ledgerId = (source: LedgerSource, refId: string, openid: string) =>
  `${source}:${refId}:${openid}`
export const yearId = (openid: string, year: number) => `${openid}:${year}`

export const audienceOf = (scope: { gridId: string; communityId: string }): string =>
  scope.gridId ? `g:${scope.gridId}` : `c:${scope.communityId}`

/** 16 hex characters: short enough for a QR code's scene with the code beside it. */
export const newActivityId = () => randomBytes(8).toString('hex')
export const newSecret = () => randomBytes(16).toString('hex')

// Joins read with the caller (see lib/load).

export const activityById = (id: string): Join => ({
  as: 'activity',
  from: ACTIVITIES,
  field: '_id',
  equals: id,
})
/** The activities someone signed up for that are not over yet, read with the caller. */
export const liveOf = (openid: string): Join => ({
  as: 'live',
  from: ACTIVITIES,
  field: 'live',
  equals: openid,
})
/** The volunteer's held time ranges (a lookup: the activity stays the target of the read). */
export const busyOf = (openid: string): Join => ({
  as: 'busy',
  from: BUSY,
  field: '_id',
  equals: [openid],
})
/** By `openid`, not `_id`: the caller stays the base of the read when they have no totals yet. */
export const totalsOf = (openid: string): Join => ({
  as: 'totals',
  from: TOTALS,
  field: 'openid',
  equals: openid,
})
export const pendingOf = (openid: string): Join => ({
  as: 'pending',
  from: LEDGER,
  field: 'pending',
  equals: openid,
})
export const homeSettings: Join = {
  as: 'settings',
  from: SETTINGS,
  field: 'communityId',
  actorField: 'communityId',
}
export const committeeSettings: Join = {
  as: 'settings',
  from: SETTINGS,
  field: 'communityId',
  actorField: 'committeeCommunityId',
}

export const joinedOne = <T>(joined: Record<string, Doc[]>, as: string): T | null =>
  (joined[as]?.[0] as unknown as T | undefined) ?? null
export const joinedAll = <T>(joined: Record<string, Doc[]>, as: string): T[] =>
  (joined[as] ?? []) as unknown as T[]

/** A community's ledger settings, the defaults where it has none. */
export const settingsOf = (communityId: string, doc: SettingsDoc | null): SettingsDoc => ({
  _id: communityId,
  communityId,
  wishHours: doc?.wishHours ?? DEFAULT_LEDGER_SETTINGS.wishHours,
  errandHours: doc?.errandHours ?? DEFAULT_LEDGER_SETTINGS.errandHours,
  starThresholds: doc?.starThresholds ?? [...DEFAULT_LEDGER_SETTINGS.starThresholds],
})

/** Where a volunteer stands on an activity, from its queue. */
export interface Standing {
  status: SignupStatus
  /** 1, 2, 3… while waitlisted. */
  position?: number
}

/** The volunteers still in, in arrival order, after the first `steps` of the log (all by default). */
export function activeOf(a: Pick<ActivityDoc, 'queue'>, steps?: number): string[] {
  const log = (a.queue ?? []).slice(0, steps)
  const gone = new Set(log.filter((o) => o.startsWith('-')).map((o) => o.slice(1)))
  return log.filter((o) => !o.startsWith('-') && !gone.has(o))
}

/** Where `openid` stands after the first `steps` of the log (all by default). */
export function standingOf(
  a: Pick<ActivityDoc, 'queue' | 'quota'>,
  openid: string,
  steps?: number
): Standing | null {
  const log = (a.queue ?? []).slice(0, steps)
  if (!log.includes(openid)) return null
  if (log.includes(`-${openid}`)) return { status: 'cancelled' }
  const i = activeOf(a, steps).indexOf(openid)
  return i < a.quota ? { status: 'signed' } : { status: 'waitlisted', position: i - a.quota + 1 }
}

/** The volunteers signed for the activity after the first `steps` of the log. */
export const signedOf = (a: Pick<ActivityDoc, 'queue' | 'quota'>, steps?: number): string[] =>
  activeOf(a, steps).slice(0, a.quota)

export const countsOf = (a: Pick<ActivityDoc, 'queue' | 'quota'>) => {
  const n = activeOf(a).length
  return { signedCount: Math.min(n, a.quota), waitlistCount: Math.max(0, n - a.quota) }
}

/** Everyone who ever signed up, in arrival order. */
export const arrivalsOf = (a: Pick<ActivityDoc, 'queue'>): string[] =>
  (a.queue ?? []).filter((o) => !o.startsWith('-'))

// Personal data (user.exportMyData, user.deleteMe).

const ledgerExport = (_owner: Actor, doc: Doc) => {
  const e = doc as unknown as LedgerDoc
  return { source: e.source, refId: e.refId, title: e.title, hours: e.hours, at: iso(e.at) }
}

export const VOLUNTEER_PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: LEDGER,
    ownerField: 'openid',
    exported: ledgerExport,
    summary: {
      title: '我的志愿服务时长',
      line: (_o, doc) => {
        const e = doc as unknown as LedgerDoc
        return `${e.title}；${e.hours} 小时；${shanghaiTime(e.at)}`
      },
    },
    // Entries hold no personal data beyond whose they are.
    anonymize: { pending: '' },
  },
  {
    collection: TOTALS,
    ownerField: 'openid',
    exported: (_o, doc) => {
      const t = doc as unknown as TotalsDoc
      return { total: t.total, entryCount: t.entryCount, bySource: t.bySource }
    },
    summary: {
      title: '我的志愿服务累计时长',
      line: (_o, doc) => `累计 ${(doc as unknown as TotalsDoc).total} 小时`,
    },
    anonymize: { nickname: '已注销用户', name: '已注销用户', workUnit: '', partyOf: '' },
  },
  {
    collection: YEARS,
    ownerField: 'openid',
    exported: (_o, doc) => {
      const y = doc as unknown as YearDoc
      return { year: y.year, hours: y.hours }
    },
    summary: {
      title: '我的年度志愿服务时长',
      line: (_o, doc) => {
        const y = doc as unknown as YearDoc
        return `${y.year} 年 ${y.hours} 小时`
      },
    },
    anonymize: { nickname: '已注销用户', name: '已注销用户' },
  },
]
