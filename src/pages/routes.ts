// Paths of the main package's pages, for navigateTo/switchTab (keep in step with app.config.ts).
// Each domain keeps its own pages' paths beside them: src/packages/<domain>/routes.ts.
export const ROUTES = {
  home: '/pages/home/index',
  grid: '/pages/grid/index',
  mine: '/pages/mine/index',
  bind: '/pages/bind/index',
} as const
