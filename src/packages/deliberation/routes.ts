// Pages of the deliberation subpackage (root `packages/deliberation`). Zod-free: the main package
// imports it.
const LIST = '/packages/deliberation/pages/list/index'
const DETAIL = '/packages/deliberation/pages/detail/index'
const CREATE = '/packages/deliberation/pages/create/index'
const q = (id: string) => encodeURIComponent(id)

export const DELIBERATION_ROUTES = {
  /** Topics in discussion or voting. */
  list: LIST,
  /** Closed topics and their results. */
  closed: `${LIST}?scope=closed`,
  create: CREATE,
  /** The next round of a topic that ended in a tie or without the quorum. */
  followUp: (id: string) => `${CREATE}?from=${q(id)}`,
  /** A matter (居民说事) turned into a topic: the form filled in from it. */
  fromMatter: (id: string) => `${CREATE}?matter=${q(id)}`,
  detail: (id: string) => `${DETAIL}?id=${q(id)}`,
  result: (id: string) => `/packages/deliberation/pages/result/index?id=${q(id)}`,
  meeting: (id: string) => `/packages/deliberation/pages/meeting/index?id=${q(id)}`,
} as const
