// Page paths, in one place for navigateTo/switchTab (keep in step with app.config.ts).
export const ROUTES = {
  home: '/pages/home/index',
  grid: '/pages/grid/index',
  mine: '/pages/mine/index',
  bind: '/pages/bind/index',
  verify: '/packages/committee/pages/verify/index',
} as const
