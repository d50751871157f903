// Page paths, in one place for navigateTo/switchTab (keep in step with app.config.ts).
export const ROUTES = {
  home: '/pages/home/index',
  grid: '/pages/grid/index',
  mine: '/pages/mine/index',
  bind: '/pages/bind/index',
  verify: '/packages/committee/pages/verify/index',
  residents: '/packages/committee/pages/residents/index',
} as const

// Pages of the wish subpackage (root `packages/wish`).
export const WISH_ROUTES = {
  list: '/packages/wish/pages/list/index',
  create: '/packages/wish/pages/create/index',
  review: '/packages/wish/pages/review/index',
  wall: '/packages/wish/pages/wall/index',
  detail: (id: string) => `/packages/wish/pages/detail/index?id=${encodeURIComponent(id)}`,
} as const
