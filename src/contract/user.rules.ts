// Plain data of the `user` domain that both sides read (no zod: the main package imports it).

/** What the viewer may do in the user domain, decided on the server (`user.me` → `can`). */
export const USER_ABILITIES = [
  /** Bind (or re-bind) a grid. */
  'user.bind',
  /** Open the queue of residents waiting for verification. */
  'user.verify',
  /** Open the roster of verified residents. */
  'user.listResidents',
  /** Grant roles to someone (the roster's role editor). */
  'user.setRoles',
] as const

/** Counts of the user domain that `user.counts` may answer (absent = not the viewer's concern). */
export const USER_COUNTS = [
  /** Residents waiting for the viewer to verify them. */
  'user.toVerify',
] as const

/**
 * Subscribe-message templates the user domain sends, with the suffix of the variables that name
 * their ids (`HONGLIN_TPL_<suffix>` on the cloud function, `TARO_APP_TPL_<suffix>` at build).
 */
export const USER_TEMPLATES = {
  bindResult: 'BIND_RESULT',
} as const
