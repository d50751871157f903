import { HonorRollInput } from '@/contract/volunteer'
import { maskName } from '@/contract/mask'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { shanghaiYear } from '../lib/time'
import { starsOf } from './policy'
import { homeSettings, joinedOne, settingsOf, years, type SettingsDoc } from './store'

/**
 * The community's volunteers by hours this year (公示), names masked: one indexed page of the
 * per-year totals the timer keeps, never a sum of entries. The cursor is the rank reached.
 */
export const honorRoll = action(
  HonorRollInput,
  async ({ actor, input, joined }) => {
    const year = shanghaiYear()
    if (!actor.communityId) return ok({ year, items: [], nextCursor: null })
    if (input.cursor && !/^\d{1,6}$/.test(input.cursor)) {
      return fail('INVALID_INPUT', '分页参数不正确', 'cursor')
    }
    const offset = input.cursor ? Number(input.cursor) : 0
    const limit = input.limit ?? 20
    const settings = settingsOf(actor.communityId, joinedOne<SettingsDoc>(joined, 'settings'))
    const { data } = await years()
      .where({ communityId: actor.communityId, year })
      .orderBy('hours', 'desc')
      .orderBy('_id', 'asc')
      .skip(offset)
      .limit(limit + 1)
      .get()
    const items = data.slice(0, limit).map((y, i) => ({
      id: y._id,
      rank: offset + i + 1,
      nickname: y.nickname,
      name: maskName(y.name),
      hours: y.hours,
      stars: starsOf(y.total ?? y.hours, settings.starThresholds).stars,
    }))
    return ok({ year, items, nextCursor: data.length > limit ? String(offset + limit) : null })
  },
  { read: true, gate: 'verified', load: () => [homeSettings] }
)
