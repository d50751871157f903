import { DeleteMeInput } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users } from '../lib/actor'
import { audits } from '../lib/audit'
import { count } from '../lib/counting'
import { PERSONAL_DATA } from '../lib/personal-data'
import { userCounted } from './counters'

/**
 * Deletes the caller's account: the profile (name, phone, room, roles) is removed, records other
 * residents rely on (a wish someone fulfilled) are kept but anonymised, the stored results of
 * their requests (which may hold personal data) are dropped. The audit log keeps the bare OPENID,
 * which no longer resolves to a person.
 */
export const deleteMe = action(DeleteMeInput, async ({ actor, audit }) => {
  const _ = db().command
  await Promise.all([
    ...PERSONAL_DATA.map((p) =>
      db()
        .collection(p.collection)
        .where({ [p.ownerField]: actor.openid })
        .update({ data: p.anonymize })
    ),
    audits()
      .where({ actorOpenid: actor.openid, replay: _.exists(true) })
      .update({ data: { replay: _.remove() } }),
  ])
  if (actor.user) {
    const { stats } = await users().doc(actor.openid).remove()
    // Counted once however many deletes race.
    if (stats.removed === 1) await count(userCounted, actor.user, null)
  }
  audit('user.deleteMe', actor.openid)
  return ok({ deleted: true as const })
})
