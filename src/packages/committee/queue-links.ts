import type { QueueItem } from '@/contract/committee'
import type { QueueKind } from '@/contract/committee.queue'
import { DELIBERATION_ROUTES } from '@/packages/deliberation/routes'
import { ERRAND_ROUTES } from '@/packages/errand/routes'
import { MATTER_ROUTES } from '@/packages/matter/routes'
import { USER_ROUTES } from '@/packages/user/routes'
import { VOLUNTEER_ROUTES } from '@/packages/volunteer/routes'
import { WISH_ROUTES } from '@/packages/wish/routes'

// Where each queue of the to-do list is handled: the domain's own pages (zod-free, main package).

/** The page listing a whole queue. */
export const SECTION_URL: Record<QueueKind, string> = {
  errandOverdue: ERRAND_ROUTES.overdue,
  errandEscalated: ERRAND_ROUTES.managed,
  matter: MATTER_ROUTES.queue,
  comment: DELIBERATION_ROUTES.list,
  resident: USER_ROUTES.verify,
  wish: WISH_ROUTES.review,
  volunteer: VOLUNTEER_ROUTES.review,
}

/** The page where one item is handled (a queue page when the item has none of its own). */
export function itemUrl(item: QueueItem): string {
  switch (item.kind) {
    case 'errandOverdue':
    case 'errandEscalated':
      return ERRAND_ROUTES.detail(item.id)
    case 'matter':
      return MATTER_ROUTES.detail(item.id)
    case 'comment':
      return item.topicId ? DELIBERATION_ROUTES.detail(item.topicId) : SECTION_URL.comment
    case 'wish':
      return WISH_ROUTES.detail(item.id)
    default:
      return SECTION_URL[item.kind]
  }
}
