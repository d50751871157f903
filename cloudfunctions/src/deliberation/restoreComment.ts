import { CommentIdInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { commentDenial } from './policy'
import { commentById, comments, joinedComment, type CommentDoc } from './store'
import { COMMENT_NOT_SEEN, commentView } from './view'

/** Staff of the topic show a hidden comment again; reports no longer hide it. */
export const restoreComment = action(
  CommentIdInput,
  async ({ actor, joined, audit }) => {
    const c = joinedComment(joined)
    const no = refuse(commentDenial('restore', actor, c, c), {
      NOT_FOUND: COMMENT_NOT_SEEN,
      FORBIDDEN: '只有网格员或社区两委可以恢复评论',
      CONFLICT: '这条评论没有被隐藏',
    })
    if (no || !c) return no ?? fail('NOT_FOUND', COMMENT_NOT_SEEN)
    const changes: Partial<CommentDoc> = {
      hidden: false,
      hiddenReason: null,
      awaitingReview: false,
      awaitingCommunity: '',
      awaitingGrids: [],
      moderated: true,
      updatedAt: new Date(),
    }
    const res = await comments().where({ _id: c._id, hidden: true }).update({ data: changes })
    if (res.stats.updated !== 1) return fail('CONFLICT', '这条评论刚刚已被处理')
    audit('deliberation.restoreComment', c._id, { topicId: c.topicId })
    return ok(commentView(actor, { ...c, ...changes }))
  },
  { load: (input) => [commentById(input.commentId)] }
)
