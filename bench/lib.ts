// Small helpers shared by the benchmarks: timing, percentiles, HTTP calls to the local API.
import http from 'node:http'

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)]
}

export function summary(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b)
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], n: s.length }
}

export const ms = (n: number) => `${n.toFixed(1)} ms`
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export interface ApiAnswer {
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } }
  roundTrips: number
  unindexed: number
  ms: number
}

/**
 * POST /api/<fn> as a persona, with the body the app sends (`{action, input, requestId}`: the app
 * gives every state change a requestId); returns the envelope with the emulator's per-call stats.
 */
export function callApi(
  base: string,
  fn: string,
  openid: string,
  action: string,
  input?: unknown,
  requestId?: string
): Promise<ApiAnswer> {
  const body = JSON.stringify({ action, input, ...(requestId ? { requestId } : {}) })
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/${fn}`,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'X-Openid': openid,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () =>
          resolve({
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            roundTrips: Number(res.headers['x-db-roundtrips'] ?? NaN),
            unindexed: Number(res.headers['x-db-unindexed'] ?? 0),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          })
        )
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Runs `clients` loops at once until `total` calls are made; each call comes from `next`. */
export async function concurrently(
  clients: number,
  total: number,
  next: (client: number, n: number) => Promise<ApiAnswer>
): Promise<{ samples: number[]; failed: number; seconds: number }> {
  const samples: number[] = []
  let failed = 0
  let issued = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (issued < total) {
        const r = await next(c, issued++)
        samples.push(r.ms)
        if (!r.body.ok) failed++
      }
    })
  )
  return { samples, failed, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)))
  return rows.map((r) => r.map((v, c) => String(v).padEnd(widths[c])).join('  ')).join('\n')
}
