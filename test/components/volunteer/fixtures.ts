import type { Activity, ActivityPage, ServiceRecord } from '@/contract/volunteer'

type ActivityCan = Activity['can']

export const NO_CAN: ActivityCan = {
  signup: false,
  cancelSignup: false,
  checkin: false,
  manage: false,
}

export const can = (...keys: (keyof ActivityCan)[]): ActivityCan => ({
  ...NO_CAN,
  ...Object.fromEntries(keys.map((k) => [k, true])),
})

const HOUR = 3_600_000

/** A community activity starting tomorrow, open for signup, 12 of 20 places taken. */
export function activityOf(patch: Partial<Activity> = {}): Activity {
  const start = Date.now() + 24 * HOUR
  return {
    id: 'a1',
    title: '重阳节义务理发',
    description: '为社区老人义务理发，请自带工具。',
    location: '党群服务中心一楼',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * HOUR).toISOString(),
    signupDeadline: new Date(start - HOUR).toISOString(),
    quota: 20,
    hours: 2,
    scope: { type: 'community', id: 'c1', name: '幸福里社区' },
    communityId: 'c1',
    organizer: { nickname: '吴书记', title: '社区两委' },
    phase: 'signup',
    signedCount: 12,
    waitlistCount: 0,
    mySignup: null,
    feedback: { count: 0, average: null, comments: [] },
    summary: null,
    feedbackOpen: false,
    createdAt: '2026-11-26T02:00:00.000Z',
    timeline: [],
    can: { ...NO_CAN },
    ...patch,
  }
}

export const page = <T>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor })

export const activities = (items: Activity[]): ActivityPage => page(items)

export function recordOf(patch: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    totalHours: 42.5,
    stars: 0,
    nextStar: { stars: 1, hoursNeeded: 57.5 },
    bySource: { activity: 38.5, wish: 3, errand: 1 },
    entries: [
      {
        source: 'activity',
        refId: 'a1',
        title: '重阳节义务理发',
        hours: 2,
        at: '2026-10-29T02:00:00.000Z',
      },
      {
        source: 'wish',
        refId: 'w1',
        title: '想请人帮忙换灯泡',
        hours: 1,
        at: '2026-10-20T02:00:00.000Z',
      },
      {
        source: 'errand',
        refId: 'e1',
        title: '代取药品',
        hours: 1,
        at: '2026-10-10T02:00:00.000Z',
      },
    ],
    nextCursor: null,
    ...patch,
  }
}
