import { db } from './cloud'
import type { Actor } from './actor'

/**
 * Append-only audit log: one entry per state change or moderation act. Nothing updates or
 * removes entries. `detail` must not hold personal data (names, phones, rooms).
 */
export async function audit(
  actor: Pick<Actor, 'openid'> | 'system',
  action: string,
  targetId: string,
  detail: Record<string, unknown> = {}
): Promise<void> {
  await db()
    .collection('audit')
    .add({
      data: {
        actorOpenid: actor === 'system' ? 'system' : actor.openid,
        action,
        targetId,
        detail,
        at: db().serverDate(),
      },
    })
}
