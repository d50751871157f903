import { CommentInput } from '@/contract/deliberation'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import { denial } from './policy'
import { comments, joinedTopic, newId, topicById, topics, type CommentDoc } from './store'
import { NOT_SEEN, commentView } from './view'

/** A verified resident of the scope (or its staff) joins the discussion, until the vote closes. */
export const comment = action(
  CommentInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const t = joinedTopic(joined)
    const no = refuse(denial('comment', actor, t, { now: new Date(), voted: false }), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN: '只有本议题范围内已认证的居民可以发表评论',
      CONFLICT: '议题已结束，不能再发表评论',
    })
    if (no || !t) return no ?? fail('NOT_FOUND', NOT_SEEN)
    if (await riskyField(actor.openid, { content: input.content }, 2)) {
      return fail('CONTENT_REJECTED', '评论包含不适宜的信息，请修改后再发表', 'content')
    }
    const at = new Date()
    const c: CommentDoc = {
      _id: requestDocId(actor.openid, requestId) ?? newId(),
      topicId: t._id,
      scopeType: t.scopeType,
      gridId: t.gridId,
      communityId: t.communityId,
      gridIds: t.gridIds,
      authorOpenid: actor.openid,
      authorNickname: actor.user?.nickname ?? '',
      content: input.content,
      hidden: false,
      hiddenReason: null,
      awaitingReview: false,
      awaitingCommunity: '',
      awaitingGrids: [],
      moderated: false,
      reporters: [],
      reportCount: 0,
      createdAt: at,
      updatedAt: at,
    }
    await comments().add({ data: { ...c } })
    await topics()
      .where({ _id: t._id })
      .update({ data: { commentCount: db().command.inc(1) } })
    audit('deliberation.comment', t._id, { commentId: c._id })
    return ok(commentView(actor, c))
  },
  { load: (input) => [topicById(input.id)] }
)
