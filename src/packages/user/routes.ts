// Staff pages of the user subpackage (root `packages/user`). Zod-free: the main package imports it.
export const USER_ROUTES = {
  verify: '/packages/user/pages/verify/index',
  residents: '/packages/user/pages/residents/index',
  /** 隐私保护指引 (linked from binding and the consent sheet). */
  privacy: '/packages/user/pages/privacy/index',
  /** The grid's QR code a grid worker shows door to door (`?gridId=` opens that grid). */
  gridCode: '/packages/user/pages/grid-code/index',
} as const
