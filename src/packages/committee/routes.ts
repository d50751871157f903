// Pages of the committee subpackage (root `packages/committee`). Zod-free: the main package
// imports it.
export const COMMITTEE_ROUTES = {
  /** 数据看板: monthly figures per grid, charts and the sortable table. */
  dashboard: '/packages/committee/pages/dashboard/index',
  /** 导出台账: a ledger as a spreadsheet. */
  export: '/packages/committee/pages/export/index',
} as const
