import { MAX_REPORTS_PER_DAY, ReportMatterInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import { shanghaiDate } from '../lib/time'
import { refusePhotos } from './photos'
import { gridWorkersOfCaller, holdersOf, RESIDENT } from './people'
import { heldToday, holdsOf, insertMatter, newMatterId, step, type MatterDoc } from './store'
import { tellReported } from './notify'
import { matterView, photoUrls } from './view'

export const LIMIT_MESSAGE = `每天最多反映 ${MAX_REPORTS_PER_DAY} 个问题，请明天再来`

/**
 * A verified resident reports a matter with up to 3 photos of their own. Text and photos are
 * checked before anything is stored. At most MAX_REPORTS_PER_DAY a day: the insert takes one of
 * the day's unique keys, so parallel reports cannot overshoot. The grid's workers are told.
 */
export const report = action(
  ReportMatterInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const risky = await riskyField(actor.openid, { content: input.content, place: input.place }, 3)
    if (risky) {
      const what = risky === 'place' ? '位置' : '问题描述'
      return fail('CONTENT_REJECTED', `${what}包含不适宜的信息，请修改后再提交`, risky)
    }
    const photos = input.photos ?? []
    const refused = await refusePhotos(actor.openid, photos)
    if (refused) return refused

    const first = step('reported', '居民反映了问题，等待网格员受理', RESIDENT)
    const taken = new Set(((joined.held ?? []) as unknown as MatterDoc[]).map((m) => m.hold))
    const holds = holdsOf(actor.openid, shanghaiDate(first.at)).filter((h) => !taken.has(h))
    const draft = { ...input, photos, place: input.place || null }
    const id = newMatterId(requestDocId(actor.openid, requestId))
    const m = await insertMatter(actor.user!, draft, holds, first, id)
    if (m === 'limit') return fail('LIMIT_EXCEEDED', LIMIT_MESSAGE)
    if (m === 'duplicate') return fail('CONFLICT', '这个请求正在处理中，请稍候')
    audit('matter.report', m._id, {
      gridId: m.gridId,
      category: m.category,
      photos: photos.length,
    })
    await tellReported(m, holdersOf(joined, 'workers', 'gridWorker'))
    return ok(matterView(actor, m, await photoUrls([m], true)))
  },
  { gate: 'verified', load: (_input, openid) => [heldToday(openid), gridWorkersOfCaller] }
)
