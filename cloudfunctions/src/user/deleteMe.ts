import { DeleteMeInput } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { db } from '../lib/cloud'
import { users } from '../lib/actor'
import { audit } from '../lib/audit'
import { PERSONAL_DATA } from '../lib/personal-data'

/**
 * Deletes the caller's account: the profile (name, phone, room, roles) is removed, records other
 * residents rely on (a wish someone fulfilled) are kept but anonymised, idempotency records
 * (which may hold results with personal data) are removed. The audit log keeps the bare OPENID,
 * which no longer resolves to a person.
 */
export const deleteMe = action(DeleteMeInput, async ({ actor }) => {
  await Promise.all(
    PERSONAL_DATA.map((p) =>
      db()
        .collection(p.collection)
        .where({ [p.ownerField]: actor.openid })
        .update({ data: p.anonymize })
    )
  )
  await db().collection('requests').where({ openid: actor.openid }).remove()
  if (actor.user) await users().doc(actor.openid).remove()
  await audit(actor, 'user.deleteMe', actor.openid)
  return ok({ deleted: true as const })
})
