import { db } from './cloud'
import { fail, type Result } from './result'

/**
 * A repeated `requestId` from the same user returns the first result and changes nothing.
 * The record is claimed first with a deterministic `_id` (a unique key), so two concurrent
 * deliveries of one request cannot both run it.
 */
/** How long a requestId is remembered: far longer than any client retries (see user/purgeRequests). */
export const REQUEST_RETENTION_MS = 7 * 24 * 3600 * 1000

/** Longer than any function may run (SCF timeout, 60 s at most for these functions). */
const STALE_MS = 120_000

export async function withIdempotency<T>(
  key: string,
  openid: string,
  requestId: string,
  run: () => Promise<Result<T>>
): Promise<Result<T>> {
  const requests = db().collection('requests')
  // Per user and requestId, whatever the function or action (DESIGN §4: "already seen from the
  // same user"); `key` is kept for diagnosis.
  const _id = `${openid}|${requestId}`
  const claim = () =>
    requests.add({ data: { _id, openid, key, state: 'running', at: db().serverDate() } })
  try {
    await claim()
  } catch {
    const { data } = await requests.where({ _id }).limit(1).get()
    const seen = data[0] as { state?: string; result?: Result<T>; at?: Date } | undefined
    if (seen?.state === 'done' && seen.result) return seen.result
    // A run that died mid-way (instance crash, timeout) leaves a stale claim: take it over.
    const stale = seen?.at instanceof Date && Date.now() - seen.at.getTime() > STALE_MS
    if (!stale) return fail('CONFLICT', '这个请求正在处理中，请稍候')
    const { stats } = await requests.where({ _id, state: 'running', at: seen!.at }).remove()
    if (stats.removed !== 1) return fail('CONFLICT', '这个请求正在处理中，请稍候')
    await claim()
  }
  let result: Result<T>
  try {
    result = await run()
  } catch (err) {
    await requests.doc(_id).remove()
    throw err
  }
  if (!result.ok && result.error.code === 'INTERNAL') {
    // A transient failure must not be replayed forever: let the retry run again.
    await requests.doc(_id).remove()
  } else {
    await requests.doc(_id).update({ data: { state: 'done', result } })
  }
  return result
}
