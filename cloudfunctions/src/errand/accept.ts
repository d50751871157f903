import { ErrandIdInput, MAX_ACCEPTED_PER_SLOT } from '@/contract/errand'
import { action } from '../lib/router'
import { fail, ok, refuse } from '../lib/result'
import { entry, isDuplicateKey } from '../lib/store'
import {
  errandById,
  joinedErrand,
  joinedList,
  liveOf,
  move,
  seatsOf,
  type ErrandDoc,
} from './store'
import { denial } from './policy'
import { tellAccepted } from './notify'
import { NOT_SEEN, errandView } from './view'

const TAKEN = '这个代办刚刚被其他代办员接单了'
const FULL = `同一天同一时段最多接 ${MAX_ACCEPTED_PER_SLOT} 个代办，请选择其他时段的代办`

/**
 * A red agent the errand reached takes it. The write is conditional on `requested`: however many
 * race, exactly one wins and the rest get CONFLICT. It also takes one of the agent's unique keys
 * for its date + slot, so no agent holds more than two for one slot however they race.
 */
export const accept = action(
  ErrandIdInput,
  async ({ actor, joined, audit }) => {
    const e = joinedErrand(joined)
    const no = refuse(denial('accept', actor, e), {
      NOT_FOUND: NOT_SEEN,
      FORBIDDEN:
        e?.bookerOpenid === actor.openid
          ? '不能接自己预约的代办'
          : '只有能看到这个代办的红色代办员可以接单',
      CONFLICT: TAKEN,
    })
    if (no || !e) return no ?? fail('NOT_FOUND', NOT_SEEN)

    const held = new Set(joinedList(joined, 'mine').map((x) => x.seat))
    const seats = seatsOf(actor.openid, e.date, e.slot).filter((s) => !held.has(s))
    if (!seats.length) return fail('LIMIT_EXCEEDED', FULL)
    const user = actor.user!
    const step = entry(new Date(), 'accepted', '红色代办员已接单')
    const changes: Partial<ErrandDoc> = {
      status: 'accepted',
      agentOpenid: actor.openid,
      agentNickname: user.nickname ?? '',
      agentName: user.realName ?? '',
      agentPhone: user.phone || null,
      acceptedAt: step.at,
      overdue: false,
    }
    for (const seat of seats) {
      try {
        const now = await move(e, 'requested', { agentOpenid: null }, { ...changes, seat }, step)
        if (!now) return fail('CONFLICT', TAKEN)
        audit('errand.accept', e._id, { from: 'requested', to: 'accepted', level: e.level })
        await tellAccepted(now)
        return ok(errandView(actor, now))
      } catch (err) {
        // Another accept of this agent took the key meanwhile: the next one, if any.
        if (!isDuplicateKey(err)) throw err
      }
    }
    return fail('LIMIT_EXCEEDED', FULL)
  },
  { load: (input, openid) => [errandById(input.id), liveOf(openid, 'mine')] }
)
