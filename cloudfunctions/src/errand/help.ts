import {
  ERRAND_SLOT_ENDS,
  ERRAND_SLOTS,
  HELP_INTERVAL_MINUTES,
  HelpInput,
  type ErrandSlot,
} from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { entry, requestDocId } from '../lib/store'
import { riskyField } from '../lib/screen'
import { shanghaiDate } from '../lib/time'
import type { Doc } from '../lib/cloud'
import type { UserDoc } from '../lib/actor'
import { users } from '../lib/actor'
import type { Join } from '../lib/load'
import { helpExpiry, insertErrand, joinedList, newErrandId } from './store'
import { tellHelp } from './notify'
import { errandView } from './view'

const INTERVAL_MS = HELP_INTERVAL_MINUTES * 60_000
const LIMIT = `${HELP_INTERVAL_MINUTES} 分钟内只能发起一次一键求助，网格员已收到您的求助`

/** The 10-minute window an instant falls in: its key is unique per resident and window. */
const helpKey = (openid: string, at: number) => `help#${openid}#${Math.floor(at / INTERVAL_MS)}`

/** The slot of today a help call belongs to: the one under way, or the last one of the day. */
function slotNow(at: Date): ErrandSlot {
  const hhmm = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16)
  return ERRAND_SLOTS.find((s) => ERRAND_SLOT_ENDS[s] > hhmm) ?? 'evening'
}

/** The caller's help calls of this window and the one before, and their grid's workers. */
const helpLoads = (openid: string): Join[] => {
  const now = Date.now()
  return [
    {
      as: 'recent',
      from: 'errands',
      field: 'hold',
      equals: [helpKey(openid, now), helpKey(openid, now - INTERVAL_MS)],
    },
    { as: 'workers', from: 'users', field: 'workerGridIds', actorField: 'gridId' },
  ]
}

const workersOf = (joined: Record<string, Doc[]>, gridId: string) =>
  ((joined.workers ?? []) as unknown as UserDoc[]).filter(
    (u) => u.roles?.includes('gridWorker') && u.workerGridIds?.includes(gridId)
  )

/**
 * One-tap help (一键求助): an urgent errand for today, outside the two open ones, told at once to
 * the grid's workers and red agents; the workers' phones come back to dial. One per 10 minutes:
 * the window's unique key holds it however many taps race.
 */
export const help = action(
  HelpInput,
  async ({ actor, input, requestId, joined, audit }) => {
    const now = new Date()
    const recent = joinedList(joined, 'recent').filter(
      (e) => now.getTime() - new Date(e.createdAt).getTime() < INTERVAL_MS
    )
    if (recent.length) return fail('LIMIT_EXCEEDED', LIMIT)
    if (input.note && (await riskyField(actor.openid, { note: input.note }, 2))) {
      return fail('CONTENT_REJECTED', '说明包含不适宜的信息，请修改', 'note')
    }
    const user = actor.user!
    const step = entry(now, 'help', '居民发起一键求助，已通知网格员和红色代办员')
    const draft = {
      type: 'help' as const,
      detail: input.note || '一键求助',
      date: shanghaiDate(now),
      slot: slotNow(now),
      urgent: true,
      expiresAt: helpExpiry(now),
      filedBy: null,
    }
    const id = newErrandId(requestDocId(actor.openid, requestId))
    const e = await insertErrand(user, draft, [helpKey(actor.openid, now.getTime())], step, id)
    if (e === 'limit') return fail('LIMIT_EXCEEDED', LIMIT)
    if (e === 'duplicate') return fail('CONFLICT', '这个请求正在处理中，请稍候')

    const workers = workersOf(joined, e.gridId)
    const { data: agents } = await users()
      .where({ gridId: e.gridId, bindStatus: 'verified', roles: 'redAgent' })
      .limit(1000)
      .get()
    await tellHelp(
      e,
      workers.map((u) => u._id),
      agents.map((u) => u._id).filter((o) => o !== actor.openid)
    )
    audit('errand.help', e._id, { gridId: e.gridId })
    const callNumbers = [...new Set(workers.map((u) => u.phone ?? '').filter(Boolean))]
    return ok({ errand: errandView(actor, e), callNumbers })
  },
  { gate: 'verified', load: (_input, openid) => helpLoads(openid) }
)
