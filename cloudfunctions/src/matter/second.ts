import { MatterIdInput } from '@/contract/matter'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { db } from '../lib/cloud'
import { FROM, denial, hasSeconded } from './policy'
import { joinedMatter, matterById, matters, joinedRounds, roundsOfMatter } from './store'
import { NOT_SEEN, matterView, photoUrls } from './view'

const ALREADY = '您已经附议过了'

/**
 * 附议 "我也遇到": a verified resident of the community, once, never on their own report. One
 * conditional write adds them and counts them together, so however many times one resident
 * races, they are counted once.
 */
export const second = action(
  MatterIdInput,
  async ({ actor, joined, audit }) => {
    const m = joinedMatter(joined)
    const no = refuse(denial('second', actor, m), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN:
        m?.reporterOpenid === actor.openid
          ? '不能附议自己反映的问题'
          : '只有本社区已认证的居民可以附议',
      CONFLICT: m && hasSeconded(actor, m) ? ALREADY : '这条说事已处理完毕，不能再附议',
    })
    if (no || !m) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const _ = db().command
    const at = new Date()
    const res = await matters()
      .where({ _id: m._id, status: _.in([...FROM.second]), seconders: _.neq(actor.openid) })
      .update({
        data: { seconders: _.push([actor.openid]), seconds: _.inc(1), updatedAt: at },
      })
    if (res.stats.updated !== 1) return fail('CONFLICT', ALREADY)
    audit('matter.second', m._id, {})
    const now = {
      ...m,
      seconders: [...(m.seconders ?? []), actor.openid],
      seconds: (m.seconds ?? 0) + 1,
      updatedAt: at,
    }
    return ok(matterView(actor, now, await photoUrls([now], true), true, joinedRounds(joined)))
  },
  { load: (input) => [matterById(input.id), roundsOfMatter] }
)
