// POST /api/<fn>: the local HTTP API (docs/contract.md). Runs function <fn> with the JSON body as
// its event and X-Openid as the caller, as wx.cloud.callFunction would, and reports what the
// call cost in x-db-roundtrips, x-db-unindexed, x-openapi-calls, x-storage-calls and
// x-duration-ms.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { APP_ID } from '../constants'
import type { Invoker } from '../functions/invoke'
import type { FunctionRegistry } from '../functions/registry'
import { failure, parseJsonObject, readBody, send } from '../http'

export type FunctionRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  name: string
) => Promise<void>

export function functionRoutes(deps: {
  registry: FunctionRegistry
  invoker: Invoker
}): FunctionRoute {
  const { registry, invoker } = deps
  return async (req, res, name) => {
    const fn = registry.get(name)
    if (!fn) {
      send(res, 404, failure('NOT_FOUND', '没有这个云函数'))
      return
    }
    if (req.method !== 'POST') {
      send(res, 405, failure('INVALID_INPUT', '请用 POST 调用云函数'), { allow: 'POST' })
      return
    }
    const body = parseJsonObject(await readBody(req, 6 * 1024 * 1024))
    if (!body) {
      send(res, 200, failure('INVALID_INPUT', '请求格式不正确', 'body'))
      return
    }
    const header = req.headers['x-openid']
    const openid = (Array.isArray(header) ? header[0] : header)?.trim() || null
    // The event is the caller's data; callFunction adds userInfo, and never lets the caller set it.
    const event: Record<string, unknown> = { ...body }
    delete event.userInfo
    // Nor can a caller dress its data as a timer trigger: only POST /api/_timer/<fn> fires those.
    delete event.Type
    delete event.TriggerName
    if (openid) event.userInfo = { appId: APP_ID, openId: openid }
    const label = typeof body.action === 'string' ? body.action : '(no action)'
    const { json, outcome } = await invoker.run(fn, event, openid, label)
    send(res, 200, json, {
      'x-db-roundtrips': outcome.invocation.roundTrips,
      'x-db-unindexed': outcome.invocation.unindexed.length,
      'x-openapi-calls': outcome.invocation.openapiCalls,
      'x-storage-calls': outcome.invocation.storageCalls,
      'x-duration-ms': outcome.ms,
    })
  }
}
