import { createHash } from 'node:crypto'
import { EmptyVolunteerInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { iso } from '../lib/time'
import { homeSettings, ledger, pendingOf, totalsOf } from './store'
import { recordNow } from './record'
import { entryView } from './view'

const MAX_ENTRIES = 500

/** The caller's service record for printing (志愿服务证明): the newest 500 entries and the totals. */
export const proof = action(
  EmptyVolunteerInput,
  async ({ actor, joined }) => {
    const now = recordNow(joined, actor.communityId)
    const { data } = await ledger()
      .where({ openid: actor.openid })
      .orderBy('at', 'desc')
      .orderBy('_id', 'asc')
      .limit(MAX_ENTRIES)
      .get()
    const issuedAt = new Date()
    const user = actor.user!
    const serial = createHash('sha256')
      .update(`${actor.openid}|${now.total}|${now.entryCount}|${issuedAt.toISOString()}`)
      .digest('hex')
      .slice(0, 12)
      .toUpperCase()
    return ok({
      name: user.realName ?? '',
      communityName: user.communityName ?? '',
      gridName: user.gridName ?? null,
      period: { from: iso(now.firstAt), to: issuedAt.toISOString() },
      totalHours: now.total,
      stars: now.stars,
      entries: data.map(entryView),
      entryCount: Math.max(now.entryCount, data.length),
      issuedAt: issuedAt.toISOString(),
      serial,
    })
  },
  {
    read: true,
    gate: 'verified',
    load: (_input, openid) => [totalsOf(openid), pendingOf(openid), homeSettings],
  }
)
