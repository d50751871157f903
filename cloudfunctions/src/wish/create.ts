import { CreateWishInput, MAX_ACTIVE_WISHES } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { entry, requestDocId } from '../lib/store'
import { activeOf, insertWish, joinedActive } from './store'
import { riskyField } from '../lib/screen'
import { wishView } from './view'

export const LIMIT_MESSAGE = `最多同时有 ${MAX_ACTIVE_WISHES} 个进行中的心愿，请等已有心愿完成或取消后再发布`

/**
 * A verified resident posts a wish. It waits for review (`pending`). At most three of their
 * wishes are active at once: the insert takes one of their three unique slots, so parallel
 * creates cannot overshoot however they interleave.
 */
export const create = action(
  CreateWishInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const risky = await riskyField(actor.openid, { title: input.title, content: input.content }, 3)
    if (risky) return fail('CONTENT_REJECTED', '心愿内容包含不适宜的信息，请修改后再提交', risky)
    const step = entry(new Date(), 'created', '提交心愿，等待网格员审核')
    const held = joinedActive(joined)
    const id = requestDocId(actor.openid, requestId)
    const wish = await insertWish(actor.user!, held, input, 'pending', null, step, id)
    if (wish === 'limit') return fail('LIMIT_EXCEEDED', LIMIT_MESSAGE)
    if (wish === 'duplicate') return fail('CONFLICT', '这个请求正在处理中，请稍候')
    audit('wish.create', wish._id, { gridId: wish.gridId, category: wish.category })
    return ok(wishView(actor, wish))
  },
  { gate: 'verified', load: (_input, openid) => [activeOf(openid)] }
)
