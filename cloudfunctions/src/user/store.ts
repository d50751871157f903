import type { Page } from '@/contract/errors'
import { db } from '../lib/cloud'
import { users, type UserDoc } from '../lib/actor'
import { fail, ok, type Result } from '../lib/result'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'

// The `users` collection is shared by every domain (lib/actor: `UserDoc`, `users`); this holds
// what the user domain's actions read and page.
export { users, type UserDoc }

/** The join that reads another user with the caller (see lib/load). */
export const userById = (openid: string) => ({
  as: 'target',
  from: 'users',
  field: '_id',
  equals: openid,
})

/**
 * A page of users matching `where`, in binding order (`boundAt`, then `_id`), with a keyset
 * cursor: the shared read of the verification queue and the resident roster. One round trip.
 */
export async function pageByBinding<T>(
  where: Record<string, unknown>,
  input: { cursor?: string; limit?: number },
  view: (u: UserDoc) => T
): Promise<Result<Page<T>>> {
  const limit = input.limit ?? 20
  const after = decodeCursor(input.cursor)
  if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
  const { data } = await users()
    .where(after ? { ...where, boundAt: db().command.gte(after.at) } : where)
    .orderBy('boundAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(fetchSize(limit, after))
    .get()
  return ok(pageOf(data, after, limit, (u) => u.boundAt, view))
}
