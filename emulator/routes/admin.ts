// POST /admin[/<tag>]: the protocol wx-server-sdk speaks. JSON bodies are database actions (see
// db/) or `storage.*` actions (see storage/), multipart bodies are wx.openApi calls (see
// openapi/). The tag names the function instance that sent the request, so that round trips,
// storage calls and unindexed queries are counted per invocation.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../clock'
import type { DbService } from '../db'
import type { FunctionRunner } from '../functions/runner'
import { parseJsonObject, readBody, send } from '../http'
import { handleWxOpenApi, isMultipart, type Outbox, parseMultipart } from '../openapi'
import type { CloudStorage } from '../storage'

export type AdminRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  tag: string | undefined
) => Promise<void>

export function adminRoutes(deps: {
  db: DbService
  runner: FunctionRunner
  clock: Clock
  outbox: Outbox
  storage: CloudStorage
  log: (line: string) => void
}): AdminRoute {
  const { db, runner, clock, outbox, storage, log } = deps
  return async (req, res, tag) => {
    const raw = await readBody(req, 20 * 1024 * 1024)
    const invocation = runner.invocationForTag(tag)
    if (isMultipart(req.headers)) {
      const fields = await parseMultipart(req.headers, raw)
      const action = fields.get('action')?.toString('utf8')
      if (action !== 'wx.openApi') {
        send(res, 200, {
          requestId: crypto.randomUUID(),
          code: 'INVALID_ACTION',
          message: `${action} is not available in the emulator`,
        })
        return
      }
      if (invocation) invocation.openapiCalls++
      const { body } = handleWxOpenApi({
        fields,
        fn: runner.functionForTag(tag),
        ctx: { now: () => clock.now(), outbox, files: storage.files },
        warn: log,
      })
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': body.length,
      })
      res.end(body)
      return
    }
    const body = parseJsonObject(raw)
    if (!body) {
      send(res, 200, {
        requestId: crypto.randomUUID(),
        code: 'INVALID_PARAM',
        message: 'body is not a JSON object',
      })
      return
    }
    if (typeof body.action === 'string' && body.action.startsWith('storage.')) {
      if (invocation) invocation.storageCalls++
      send(res, 200, storage.handle(body, { tag, fn: runner.functionForTag(tag)?.name }))
      return
    }
    if (invocation) invocation.roundTrips++
    let reply: Record<string, unknown>
    try {
      reply = await db.handle(body, tag)
    } catch (e) {
      log(`[emulator] /admin ${String(body.action)} failed: ${(e as Error).stack ?? String(e)}`)
      reply = { requestId: crypto.randomUUID(), code: 'SYS_ERR', message: (e as Error).message }
    }
    send(res, 200, reply)
  }
}
