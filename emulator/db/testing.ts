// Test helpers: a minimal HTTP front for a DbService (what emulator/server.ts does for real) and
// the environment variables that point the real wx-server-sdk at it.
import http from 'http'
import type { AddressInfo } from 'net'
import type { DbService } from './types'

export interface DbHttpServer {
  url: string // the /admin endpoint
  // every body received, newest last (handy to assert what the SDK sent)
  requests: Record<string, unknown>[]
  close(): Promise<void>
}

// `service` may be a getter so a test can swap in a reopened service behind the same URL.
export async function serveDb(
  service: DbService | (() => DbService),
  tag?: string
): Promise<DbHttpServer> {
  const current = typeof service === 'function' ? service : () => service
  const requests: Record<string, unknown>[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void (async () => {
        let reply: Record<string, unknown>
        if (req.method !== 'POST' || !(req.url ?? '').startsWith('/admin')) {
          res.writeHead(404).end()
          return
        }
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
          requests.push(body)
          reply = await current().handle(body, tag)
        } catch (e) {
          reply = { requestId: 'bad-request', code: 'INVALID_PARAM', message: (e as Error).message }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// With these, wx-server-sdk (via @cloudbase/node-sdk) posts to `url` and never probes the
// metadata service: TENCENTCLOUD=true answers its "am I in Tencent Cloud?" check.
export function sdkEnv(url: string, envId = 'local-env'): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    SCF_NAMESPACE: envId,
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  }
}
