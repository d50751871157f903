import { db } from './cloud'
import type { Actor } from './actor'
import { fail, type Result } from './result'
import { isDuplicateKey } from './store'
import type { RequestRecord } from './load'

/**
 * Append-only audit log: one entry per state change or moderation act. Nothing removes entries;
 * only the stored result of a request (`replay`) is dropped after REQUEST_RETENTION_MS or when
 * its user deletes their account. `detail` must not hold personal data (names, phones, rooms).
 *
 * A call with a `requestId` writes its entry with `_id` = openid|requestId and the result: that
 * entry is the request's record, so a repeated requestId returns the first result and changes
 * nothing, and the record costs no write of its own. A refusal is recorded the same way (an entry
 * marked `refused`), so a replay of it is refused alike.
 */
export const audits = () => db().collection('audit')

/** How long a requestId is remembered: far longer than any client retries (see user/purgeRequests). */
export const REQUEST_RETENTION_MS = 7 * 24 * 3600 * 1000

export const requestRecordId = (openid: string, requestId: string) => `${openid}|${requestId}`

export interface Staged {
  action: string
  targetId: string
  detail: Record<string, unknown>
}

/** A change made by the system (a timer), not by a request. */
export async function audit(
  actor: Pick<Actor, 'openid'> | 'system',
  action: string,
  targetId: string,
  detail: Record<string, unknown> = {}
): Promise<void> {
  await audits().add({
    data: {
      actorOpenid: actor === 'system' ? 'system' : actor.openid,
      action,
      targetId,
      detail,
      at: db().serverDate(),
    },
  })
}

/**
 * Many changes the system made at once (a timer's batch): one entry per target, in one insert,
 * so a batch costs one write of audit whatever its size.
 */
export async function auditMany(
  action: string,
  targets: { targetId: string; detail?: Record<string, unknown> }[]
): Promise<void> {
  if (!targets.length) return
  const at = db().serverDate()
  await audits().add({
    data: targets.map((t) => ({
      actorOpenid: 'system',
      action,
      targetId: t.targetId,
      detail: t.detail ?? {},
      at,
    })),
  })
}

export function replayOf<T>(rec: RequestRecord): Result<T> {
  return typeof rec.replay === 'string'
    ? (JSON.parse(rec.replay) as Result<T>)
    : fail('CONFLICT', '这个请求正在处理中，请稍候')
}

/**
 * Writes the staged entry (and the request's record): one insert. Nothing for a call without
 * requestId that changed nothing, nor for INTERNAL (a transient failure is retried, not replayed).
 */
export async function record<T>(
  openid: string,
  key: string,
  recordId: string | null,
  staged: Staged | null,
  result: Result<T>,
  /** What the record keeps and a replay answers, when not the whole result (see router `replay`). */
  stored: Result<T> = result
): Promise<Result<T>> {
  if (!staged && !recordId) return result
  if (!result.ok && result.error.code === 'INTERNAL') return result
  const data: Record<string, unknown> = {
    actorOpenid: openid,
    action: staged?.action ?? key,
    targetId: staged?.targetId ?? '',
    detail: staged?.detail ?? {},
    at: db().serverDate(),
  }
  if (!result.ok) data.refused = result.error.code
  else if (!staged) data.unchanged = true
  if (recordId) {
    data._id = recordId
    // As text: a result's keys (`wish.post`) are not valid field paths.
    data.replay = JSON.stringify(stored)
  }
  try {
    await audits().add({ data })
  } catch (err) {
    if (!recordId || !isDuplicateKey(err)) throw err
    // Another delivery of this request recorded first. A change that won overwrites a refusal
    // recorded meanwhile; anything else answers as that delivery did.
    if (result.ok && staged) {
      const { _id: _omit, ...rest } = data
      await audits().doc(recordId).set({ data: rest })
      return result
    }
    const { data: seen } = await audits().where({ _id: recordId }).limit(1).get()
    return seen[0] ? replayOf(seen[0] as RequestRecord) : result
  }
  return result
}
