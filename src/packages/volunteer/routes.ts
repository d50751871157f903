// Pages of the volunteer subpackage (root `packages/volunteer`). Zod-free: the main package
// imports it.
const ROOT = '/packages/volunteer/pages'
const LIST = `${ROOT}/list/index`
const DETAIL = `${ROOT}/detail/index`
const id = (v: string) => encodeURIComponent(v)

export const VOLUNTEER_ROUTES = {
  list: LIST,
  /** Signed up or waitlisted. */
  mine: `${LIST}?scope=mine`,
  /** What the viewer published or may organize. */
  managed: `${LIST}?scope=managed`,
  apply: `${ROOT}/apply/index`,
  review: `${ROOT}/review/index`,
  publish: `${ROOT}/publish/index`,
  record: `${ROOT}/record/index`,
  honor: `${ROOT}/honor/index`,
  proof: `${ROOT}/proof/index`,
  settings: `${ROOT}/settings/index`,
  report: `${ROOT}/report/index`,
  detail: (activityId: string) => `${DETAIL}?id=${id(activityId)}`,
  /** The activity just published: its page offers the next step. */
  published: (activityId: string) => `${DETAIL}?id=${id(activityId)}&published=1`,
  /** The organizer's screen: the rotating code, the roster, attendance, summary. */
  manage: (activityId: string) => `${ROOT}/manage/index?id=${id(activityId)}`,
  /** Check-in; a QR scan arrives with `scene` instead (v=<id>&c=<code>). */
  checkin: (activityId: string, code?: string) =>
    `${ROOT}/checkin/index?id=${id(activityId)}${code ? `&code=${id(code)}` : ''}`,
} as const
