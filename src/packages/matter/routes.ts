// Pages of the matter subpackage (root `packages/matter`). Zod-free: the main package imports it.
const LIST = '/packages/matter/pages/list/index'
const DETAIL = '/packages/matter/pages/detail/index'

export const MATTER_ROUTES = {
  /** The public board of the viewer's grid (or the first tab they may open). */
  list: LIST,
  grid: `${LIST}?scope=grid`,
  community: `${LIST}?scope=community`,
  /** What the viewer reported. */
  mine: `${LIST}?scope=mine`,
  /** Staff: what waits for them at their level, overdue first. */
  queue: `${LIST}?scope=queue`,
  /** Staff: accepted and being handled. */
  handling: `${LIST}?scope=queue&status=handling`,
  report: '/packages/matter/pages/report/index',
  detail: (id: string) => `${DETAIL}?id=${encodeURIComponent(id)}`,
  /** The matter just reported: its page offers the next step. */
  reported: (id: string) => `${DETAIL}?id=${encodeURIComponent(id)}&reported=1`,
} as const
