import { HideCommentInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { riskyField } from '../lib/screen'
import { commentDenial } from './policy'
import { commentById, comments, joinedComment, type CommentDoc } from './store'
import { COMMENT_NOT_SEEN, commentView } from './view'

/** Staff of the topic hide a comment with a reason everyone sees ('该评论已被隐藏：原因'). */
export const hideComment = action(
  HideCommentInput,
  async ({ actor, input, joined, audit }) => {
    const c = joinedComment(joined)
    const no = refuse(commentDenial('hide', actor, c, c), {
      NOT_FOUND: COMMENT_NOT_SEEN,
      FORBIDDEN: '只有网格员或社区两委可以隐藏评论',
      CONFLICT: '这条评论已被隐藏',
    })
    if (no || !c) return no ?? fail('NOT_FOUND', COMMENT_NOT_SEEN)
    if (await riskyField(actor.openid, { reason: input.reason }, 2)) {
      return fail('CONTENT_REJECTED', '原因包含不适宜的信息，请修改', 'reason')
    }
    const changes: Partial<CommentDoc> = {
      hidden: true,
      hiddenReason: input.reason,
      awaitingReview: false,
      awaitingCommunity: '',
      awaitingGrids: [],
      moderated: true,
      updatedAt: new Date(),
    }
    // Conditional on the state read: a moderator racing another decides once.
    const res = await comments()
      .where({ _id: c._id, hidden: c.hidden, awaitingReview: c.awaitingReview })
      .update({ data: changes })
    if (res.stats.updated !== 1) return fail('CONFLICT', '这条评论刚刚已被处理')
    audit('deliberation.hideComment', c._id, { topicId: c.topicId, reason: input.reason })
    return ok(commentView(actor, { ...c, ...changes }))
  },
  { load: (input) => [commentById(input.commentId)] }
)
