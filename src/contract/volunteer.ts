import { z } from 'zod'
import { idSchema, pageInput, type Action, type Can, type ContactCan } from './common'
import type { Page } from './errors'
import {
  ACTIVITY_CROSS,
  ACTIVITY_HOURS,
  ACTIVITY_LIST_SCOPES,
  ACTIVITY_QUOTA,
  ACTIVITY_RULES,
  ATTENDANCE_MAX,
  CHECKIN_CODE_RULE,
  FEEDBACK_RATING,
  FEEDBACK_RULES,
  REGISTER_CROSS,
  REGISTER_RULES,
  REVIEW_CROSS,
  REVIEW_RULES,
  ROSTER_PAGE,
  SETTINGS_HOURS,
  STAR_THRESHOLD,
  STAR_THRESHOLDS_CROSS,
  type ActivityPhase,
  type ActivityScopeType,
  type ApplicationStatus,
  type LedgerSource,
  type SignupStatus,
} from './volunteer.rules'
import { withCross, zInt, zOptionalText, zText } from './zod-rules'

// 志愿服务 volunteers (docs/contract.md §4.2): 发布 → 报名 → 签到 → 服务 → 评价 → 反馈, and one
// hours ledger that also counts wishes and errands.

// The plain data (statuses, limits, ledger defaults) is imported from here by the functions.
export * from './volunteer.rules'

const activityId = idSchema('活动')

export const RegisterVolunteerInput = withCross(
  z.object({
    skills: z.array(zText(REGISTER_RULES.skill), '请填写 1–5 项特长'),
    partyMember: z.boolean('请选择是否为党员'),
    workUnit: zOptionalText(REGISTER_RULES.workUnit),
  }),
  REGISTER_CROSS
)
export type RegisterVolunteerInput = z.infer<typeof RegisterVolunteerInput>

export const ListApplicationsInput = z.object(pageInput)
export type ListApplicationsInput = z.infer<typeof ListApplicationsInput>

export const ReviewVolunteerInput = withCross(
  z.object({
    openid: zText(REVIEW_RULES.openid),
    approve: z.boolean('请选择通过或不通过'),
    reason: zOptionalText(REVIEW_RULES.reason),
  }),
  REVIEW_CROSS
)
export type ReviewVolunteerInput = z.infer<typeof ReviewVolunteerInput>

export const CreateActivityInput = withCross(
  z.object({
    title: zText(ACTIVITY_RULES.title),
    description: zOptionalText(ACTIVITY_RULES.description),
    location: zText(ACTIVITY_RULES.location),
    startAt: zText(ACTIVITY_RULES.startAt),
    endAt: zText(ACTIVITY_RULES.endAt),
    signupDeadline: zText(ACTIVITY_RULES.signupDeadline),
    quota: zInt(ACTIVITY_QUOTA),
    hours: zInt(ACTIVITY_HOURS),
    scope: z.object(
      {
        type: z.enum(ACTIVITY_RULES.scopeType.values, ACTIVITY_RULES.scopeType.message),
        id: zText(ACTIVITY_RULES.scopeId),
      },
      '请选择活动范围'
    ),
  }),
  ACTIVITY_CROSS
)
export type CreateActivityInput = z.infer<typeof CreateActivityInput>

export const ListActivitiesInput = z.object({
  scope: z.enum(ACTIVITY_LIST_SCOPES, '列表范围不正确'),
  ...pageInput,
})
export type ListActivitiesInput = z.infer<typeof ListActivitiesInput>

export const ActivityIdInput = z.object({ id: activityId })
export type ActivityIdInput = z.infer<typeof ActivityIdInput>

/** The actions on one activity name it `activityId` (docs/contract.md §4.2). */
export const OnActivityInput = z.object({ activityId })
export type OnActivityInput = z.infer<typeof OnActivityInput>

export const RosterInput = z.object({
  activityId,
  cursor: pageInput.cursor,
  limit: z
    .number('每页数量必须是数字')
    .int('每页数量必须是整数')
    .min(1, '每页至少 1 条')
    .max(ROSTER_PAGE.max, `每页最多 ${ROSTER_PAGE.max} 条`)
    .optional(),
})
export type RosterInput = z.infer<typeof RosterInput>

export const CheckinInput = z.object({ activityId, code: zText(CHECKIN_CODE_RULE) })
export type CheckinInput = z.infer<typeof CheckinInput>

export const ConfirmAttendanceInput = z.object({
  activityId,
  openids: z
    .array(zText(REVIEW_RULES.openid), '请选择出勤的志愿者')
    .max(ATTENDANCE_MAX, `一次最多确认 ${ATTENDANCE_MAX} 人`),
})
export type ConfirmAttendanceInput = z.infer<typeof ConfirmAttendanceInput>

export const FeedbackInput = z.object({
  activityId,
  rating: zInt(FEEDBACK_RATING),
  comment: zOptionalText(FEEDBACK_RULES.comment),
})
export type FeedbackInput = z.infer<typeof FeedbackInput>

export const SummaryInput = z.object({ activityId, text: zText(FEEDBACK_RULES.summary) })
export type SummaryInput = z.infer<typeof SummaryInput>

/** `myRecord`: the totals, and the newest entries a page at a time. */
export const MyRecordInput = z.object(pageInput)
export type MyRecordInput = z.infer<typeof MyRecordInput>

export const HonorRollInput = z.object(pageInput)
export type HonorRollInput = z.infer<typeof HonorRollInput>

export const EmptyVolunteerInput = z.object({})

export const UpdateSettingsInput = withCross(
  z.object({
    wishHours: zInt(SETTINGS_HOURS),
    errandHours: zInt(SETTINGS_HOURS),
    starThresholds: z
      .array(zInt(STAR_THRESHOLD), '请填写 1–5 星各自所需的时长')
      .refine((t) => t.every((h, i) => i === 0 || h > t[i - 1]), '每一星所需时长须高于上一星'),
  }),
  STAR_THRESHOLDS_CROSS
)
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>

// Results

/** A volunteer application as its reviewer (and the applicant) sees it. */
export interface VolunteerApplication {
  /** The applicant's OPENID (what `reviewVolunteer` takes). */
  id: string
  openid: string
  nickname: string
  /** Full for the reviewer and the applicant; else masked. */
  name: string
  gridName: string | null
  buildingName: string | null
  /** For the reviewer and the applicant; else null. */
  phone: string | null
  skills: string[]
  partyMember: boolean
  workUnit: string | null
  status: ApplicationStatus
  reason: string | null
  appliedAt: string
  reviewedAt: string | null
  timeline: { at: string; type: 'applied' | 'approved' | 'rejected'; text: string }[]
  can: Can<'review'> & ContactCan
}

export type ApplicationPage = Page<VolunteerApplication>

export interface MySignup {
  status: SignupStatus
  /** 1, 2, 3… while waitlisted. */
  position?: number
  checkedIn: boolean
  /** null until the organizer confirms attendance; then attended or a no-show. */
  attended: boolean | null
  /** The viewer already gave feedback. */
  feedbackGiven: boolean
}

export interface ActivityTimelineEntry {
  at: string
  type: 'published' | 'summary' | 'attendanceConfirmed'
  text: string
}

export interface Activity {
  id: string
  title: string
  description: string
  location: string
  startAt: string
  endAt: string
  signupDeadline: string
  quota: number
  hours: number
  scope: { type: ActivityScopeType; id: string; name: string }
  communityId: string
  /** Who published it (the organizer): nickname and the role's label, no personal data. */
  organizer: { nickname: string; title: string }
  phase: ActivityPhase
  signedCount: number
  waitlistCount: number
  mySignup: MySignup | null
  /** Feedback from attendees: how many and the average rating (null before any). */
  feedback: {
    count: number
    average: number | null
    comments: { rating: number; comment: string; at: string }[]
  }
  /** The organizer's public report. */
  summary: { text: string; at: string } | null
  /** The viewer attended and has not given feedback yet. */
  feedbackOpen: boolean
  createdAt: string
  timeline: ActivityTimelineEntry[]
  can: Can<'signup' | 'cancelSignup' | 'checkin' | 'manage'>
}

export type ActivityPage = Page<Activity>

export interface SignupResult {
  status: 'signed' | 'waitlisted'
  position?: number
}

export interface CheckinCode {
  code: string
  /** The end of the current 60 s window. */
  expiresAt: string
  /** What a scan of the activity's QR code opens (the check-in page with the code filled in). */
  scene: string
  /** The 小程序码 carrying `scene` (opening CHECKIN_PAGE), as a PNG data URL. */
  image: string
}

/** The page a check-in QR code opens, with `scene` (see `checkinCode`). */
export const CHECKIN_PAGE = 'packages/volunteer/pages/checkin/index'

/** One volunteer on an activity's roster, as its organizer sees it. */
export interface RosterEntry {
  id: string
  openid: string
  nickname: string
  name: string
  phone: string | null
  status: SignupStatus
  position?: number
  checkedIn: boolean
  checkedInAt: string | null
  attended: boolean | null
  can: ContactCan
}

/** Signed first, then the waitlist in order, then who cancelled; a page at a time. */
export interface Roster {
  activityId: string
  items: RosterEntry[]
  /** The next page's cursor; null on the last page. */
  nextCursor: string | null
}

export interface LedgerEntry {
  source: LedgerSource
  refId: string
  title: string
  hours: number
  at: string
}

export interface ServiceRecord {
  totalHours: number
  stars: number
  nextStar: { stars: number; hoursNeeded: number } | null
  /** Hours per source. */
  bySource: Record<LedgerSource, number>
  /** The newest entries, a page at a time (`cursor`, `limit`). */
  entries: LedgerEntry[]
  nextCursor: string | null
}

export interface HonorRollEntry {
  id: string
  rank: number
  nickname: string
  /** Masked (张*). */
  name: string
  hours: number
  stars: number
}

export interface HonorRoll {
  year: number
  items: HonorRollEntry[]
  nextCursor: string | null
}

/** The caller's service record for printing (志愿服务证明). */
export interface ServiceProof {
  name: string
  communityName: string
  gridName: string | null
  period: { from: string | null; to: string }
  totalHours: number
  stars: number
  /** Every entry, newest first (at most the newest 500; `entryCount` says how many in all). */
  entries: LedgerEntry[]
  entryCount: number
  issuedAt: string
  /** A reference the community can check the proof against (the caller's record as of issuing). */
  serial: string
}

export interface LedgerSettings {
  communityId: string
  wishHours: number
  errandHours: number
  starThresholds: number[]
}

/** 双报到台账: per work unit, the party members who reported to the community and their hours. */
export interface PartyReport {
  communityId: string
  units: { workUnit: string; members: number; hours: number }[]
  totalMembers: number
  totalHours: number
}

/** The `volunteer` function's actions (registered in api.ts). */
export interface VolunteerApi {
  register: Action<typeof RegisterVolunteerInput, VolunteerApplication>
  /** The caller's own application (status, and the reason if refused), or null. As built. */
  myApplication: Action<typeof EmptyVolunteerInput, VolunteerApplication | null>
  listApplications: Action<typeof ListApplicationsInput, ApplicationPage>
  reviewVolunteer: Action<typeof ReviewVolunteerInput, VolunteerApplication>
  createActivity: Action<typeof CreateActivityInput, Activity>
  listActivities: Action<typeof ListActivitiesInput, ActivityPage>
  getActivity: Action<typeof ActivityIdInput, Activity>
  signup: Action<typeof OnActivityInput, SignupResult>
  cancelSignup: Action<typeof OnActivityInput, Activity>
  checkinCode: Action<typeof OnActivityInput, CheckinCode>
  checkin: Action<typeof CheckinInput, Activity>
  roster: Action<typeof RosterInput, Roster>
  confirmAttendance: Action<typeof ConfirmAttendanceInput, Activity>
  feedback: Action<typeof FeedbackInput, Activity>
  summary: Action<typeof SummaryInput, Activity>
  myRecord: Action<typeof MyRecordInput, ServiceRecord>
  honorRoll: Action<typeof HonorRollInput, HonorRoll>
  proof: Action<typeof EmptyVolunteerInput, ServiceProof>
  settings: Action<typeof EmptyVolunteerInput, LedgerSettings>
  updateSettings: Action<typeof UpdateSettingsInput, LedgerSettings>
  partyReport: Action<typeof EmptyVolunteerInput, PartyReport>
}
