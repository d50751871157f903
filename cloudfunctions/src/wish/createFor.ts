import { CreateWishForInput, MAX_ACTIVE_WISHES } from '@/contract/wish'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import type { UserDoc } from '../lib/actor'
import { canFileFor } from '../lib/policy'
import { entry, requestDocId } from '../lib/store'
import { activeOf, insertWish, joinedActive } from './store'
import { riskyField } from '../lib/screen'
import { wishView } from './view'

const RESIDENT_LIMIT = `这位居民已有 ${MAX_ACTIVE_WISHES} 个进行中的心愿，请等已有心愿完成后再登记`

/**
 * A grid worker files a wish for a verified resident of their grids who has no smartphone. The
 * resident is the author (it counts against their limit); `filedBy` keeps who filed it.
 * Product decision: the filer is a reviewer of that grid, so the wish starts `open` instead of
 * waiting for a review by the same person.
 */
export const createFor = action(
  CreateWishForInput,
  async ({ actor, input, requestId, joined, audit }) => {
    if (!actor.workerGridIds.length) return fail('FORBIDDEN', '只有网格员可以代居民登记心愿')
    const resident = joined.resident.find((u) => u._id !== actor.openid) as UserDoc | undefined
    if (!resident || resident.bindStatus !== 'verified' || !resident.gridId) {
      return fail('NOT_FOUND', '没有找到这位已认证的居民', 'residentOpenid')
    }
    if (!canFileFor(actor, resident)) {
      return fail('FORBIDDEN', '只能为您服务网格的居民登记心愿', 'residentOpenid')
    }
    const risky = await riskyField(actor.openid, { title: input.title, content: input.content }, 3)
    if (risky) return fail('CONTENT_REJECTED', '心愿内容包含不适宜的信息，请修改后再提交', risky)

    const step = entry(new Date(), 'filed', '网格员代居民登记心愿，已发布')
    const held = joinedActive(joined)
    const id = requestDocId(actor.openid, requestId)
    const wish = await insertWish(resident, held, input, 'open', actor.openid, step, id)
    if (wish === 'limit') return fail('LIMIT_EXCEEDED', RESIDENT_LIMIT)
    if (wish === 'duplicate') return fail('CONFLICT', '这个请求正在处理中，请稍候')
    audit('wish.createFor', wish._id, {
      filedBy: actor.openid,
      authorOpenid: resident._id,
      gridId: wish.gridId,
      category: wish.category,
    })
    return ok(wishView(actor, wish))
  },
  {
    load: (input) => [
      { as: 'resident', from: 'users', field: '_id', equals: input.residentOpenid },
      activeOf(input.residentOpenid),
    ],
  }
)
