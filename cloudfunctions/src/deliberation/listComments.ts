import { ListCommentsInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db } from '../lib/cloud'
import { decodeCursor, fetchSize, pageOf } from '../lib/paging'
import { canSee } from './policy'
import { comments, joinedTopic, topicById, type CommentDoc } from './store'
import { NOT_SEEN, commentView } from './view'

/** The discussion, oldest first, keyset-paged: hidden comments as '该评论已被隐藏' to non-staff. */
export const listComments = action(
  ListCommentsInput,
  async ({ actor, input, joined }) => {
    const t = joinedTopic(joined)
    if (!t || !canSee(actor, t)) return fail('NOT_FOUND', NOT_SEEN)
    const after = decodeCursor(input.cursor)
    if (input.cursor && !after) return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    const where: Record<string, unknown> = { topicId: t._id }
    if (after) where.createdAt = db().command.gte(after.at)
    const limit = input.limit ?? 20
    const { data } = await comments()
      .where(where)
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(fetchSize(limit, after))
      .get()
    const view = (c: CommentDoc) => commentView(actor, c)
    return ok(pageOf(data, after, limit, (c) => c.createdAt, view))
  },
  { read: true, load: (input) => [topicById(input.id)] }
)
