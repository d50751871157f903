// Pages of the wish subpackage (root `packages/wish`). Zod-free: the main package imports it.
export const WISH_ROUTES = {
  list: '/packages/wish/pages/list/index',
  /** The viewer's own wishes (e.g. the ones waiting for their confirmation). */
  mine: '/packages/wish/pages/list/index?scope=mine',
  create: '/packages/wish/pages/create/index',
  review: '/packages/wish/pages/review/index',
  wall: '/packages/wish/pages/wall/index',
  detail: (id: string) => `/packages/wish/pages/detail/index?id=${encodeURIComponent(id)}`,
  /** The wish just posted: its page offers the next step. */
  posted: (id: string) => `/packages/wish/pages/detail/index?id=${encodeURIComponent(id)}&posted=1`,
} as const
