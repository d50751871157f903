import { CommentIdInput, REPORTS_TO_HIDE } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { commentDenial } from './policy'
import { commentById, comments, joinedComment, type CommentDoc } from './store'
import { COMMENT_NOT_SEEN, commentView } from './view'

export const AWAITING_REASON = '多人举报，等待处理'

/**
 * A reader reports a comment, once (a conditional write on their not being among its
 * reporters). At REPORTS_TO_HIDE distinct reports it is hidden until a moderator decides: a
 * second conditional write on the count, made after every report, so racing reports still hide it.
 */
export const reportComment = action(
  CommentIdInput,
  async ({ actor, joined, audit }) => {
    const c = joinedComment(joined)
    const no = refuse(commentDenial('report', actor, c, c), {
      NOT_FOUND: '评论不存在或您无权查看',
      FORBIDDEN: '不能举报自己的评论',
      CONFLICT: c?.hidden ? '这条评论已被隐藏' : '您已经举报过这条评论',
    })
    if (no || !c) return no ?? fail('NOT_FOUND', COMMENT_NOT_SEEN)
    const _ = db().command
    const at = new Date()
    const res = await comments()
      .where({ _id: c._id, reporters: _.neq(actor.openid), hidden: false })
      .update({ data: { reporters: _.push([actor.openid]), reportCount: _.inc(1), updatedAt: at } })
    if (res.stats.updated !== 1) return fail('CONFLICT', '您已经举报过这条评论')
    const awaiting: Partial<CommentDoc> = {
      hidden: true,
      awaitingReview: true,
      hiddenReason: AWAITING_REASON,
      awaitingCommunity: c.communityId,
      awaitingGrids: c.gridIds,
    }
    const hid = await comments()
      .where({ _id: c._id, reportCount: _.gte(REPORTS_TO_HIDE), hidden: false, moderated: false })
      .update({ data: awaiting })
    const autoHidden = hid.stats.updated === 1
    audit('deliberation.reportComment', c._id, { topicId: c.topicId, autoHidden })
    const now: CommentDoc = {
      ...c,
      reporters: [...c.reporters, actor.openid],
      reportCount: c.reportCount + 1,
      updatedAt: at,
      ...(autoHidden ? awaiting : {}),
    }
    return ok(commentView(actor, now))
  },
  { load: (input) => [commentById(input.commentId)] }
)
