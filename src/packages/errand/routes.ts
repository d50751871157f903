// Pages of the errand subpackage (root `packages/errand`). Zod-free: the main package imports it.
const LIST = '/packages/errand/pages/list/index'
const DETAIL = '/packages/errand/pages/detail/index'

export const ERRAND_ROUTES = {
  list: LIST,
  /** Booked by or for the viewer. */
  mine: `${LIST}?scope=mine`,
  /** What a red agent may accept. */
  pool: `${LIST}?scope=pool`,
  /** What the viewer (an agent) accepted. */
  assigned: `${LIST}?scope=assigned`,
  /** The staff view of the grids or community they serve. */
  managed: `${LIST}?scope=managed`,
  /** The staff view, overdue errands only. */
  overdue: `${LIST}?scope=managed&show=overdue`,
  book: '/packages/errand/pages/book/index',
  detail: (id: string) => `${DETAIL}?id=${encodeURIComponent(id)}`,
  /** The errand just booked: its page offers the next step. */
  booked: (id: string) => `${DETAIL}?id=${encodeURIComponent(id)}&booked=1`,
} as const
