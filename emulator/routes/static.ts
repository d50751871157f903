import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

// Serves the H5 build (hash routing: every page is index.html, so only real files are served).
// Text assets (JS, CSS, HTML, JSON, SVG) go out compressed, brotli or gzip as the browser's
// Accept-Encoding prefers, each compressed once per file version and kept in memory. Assets whose
// name carries a content hash (js/app.1a2b3c4d.js) may be cached for a year; the rest, index.html
// first, must be revalidated (ETag) so that a rebuild shows on reload.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>红邻 · 本地模拟器</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.6">
<h1>红邻本地模拟器已启动</h1>
<p>还没有找到 H5 构建产物。请先运行 <code>npm run build:h5</code>，然后刷新本页。</p>
<p>The H5 build was not found: run <code>npm run build:h5</code>, then reload.</p>
<p>接口健康检查：<a href="/api/_health">/api/_health</a> · 演示账号：<a href="/api/_personas">/api/_personas</a></p>
</body></html>`

function requestedPath(pathname: string): string {
  let rel = pathname
  try {
    rel = decodeURIComponent(pathname)
  } catch {
    // keep it undecoded: it will simply not be found
  }
  return rel === '/' || rel === '' ? '/index.html' : rel
}

export function serveStatic(
  staticDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' })
    res.end('Method Not Allowed')
    return
  }
  const root = path.resolve(staticDir)
  const rel = requestedPath(pathname)
  const file = path.resolve(root, `.${rel}`)
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Forbidden')
    return
  }
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(file)
  } catch {
    stat = undefined
  }
  if (!stat || !stat.isFile()) {
    if (rel === '/index.html' && !fs.existsSync(path.join(root, 'index.html'))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : NOT_BUILT)
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Not Found')
    return
  }
  const ext = path.extname(file).toLowerCase()
  const headers: Record<string, string | number> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': HASHED.test(path.basename(file))
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  }
  if (!COMPRESSIBLE.has(ext) || stat.size < MIN_COMPRESS) {
    sendFile(req, res, file, stat, headers)
    return
  }
  headers.vary = 'Accept-Encoding'
  const coding = negotiate(req.headers['accept-encoding'])
  variant(file, stat, coding).then(
    (body) => {
      if (!body) return sendFile(req, res, file, stat, headers)
      const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}-${coding}"`
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ...headers, etag })
        res.end()
        return
      }
      res.writeHead(200, {
        ...headers,
        etag,
        'content-encoding': coding,
        'content-length': body.length,
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    },
    () => sendFile(req, res, file, stat, headers)
  )
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  stat: fs.Stats,
  headers: Record<string, string | number>
): void {
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ...headers, etag })
    res.end()
    return
  }
  res.writeHead(200, { ...headers, etag, 'content-length': stat.size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  fs.createReadStream(file).pipe(res)
}

// `name.<8+ hex>.ext`, as the H5 build names its JS and CSS (config/index.ts)
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt'])
const MIN_COMPRESS = 512 // bytes: below this the headers cost more than compression saves

export type Coding = 'br' | 'gzip' | 'identity'

/** The best coding the client accepts: brotli, then gzip, else none (q-values honoured). */
export function negotiate(header: string | string[] | undefined): Coding {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  const q = new Map<string, number>()
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qp ? Number(qp.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepts = (c: string) => (q.get(c) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return 'identity'
}

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

interface Cached {
  version: string
  codings: Map<Coding, Promise<Buffer | undefined>>
}
const cache = new Map<string, Cached>()

/** The file compressed with `coding`, once per file version; undefined if that saves nothing. */
function variant(file: string, stat: fs.Stats, coding: Coding): Promise<Buffer | undefined> {
  if (coding === 'identity') return Promise.resolve(undefined)
  const version = `${stat.size}:${stat.mtimeMs}`
  let entry = cache.get(file)
  if (entry?.version !== version) {
    entry = { version, codings: new Map() }
    cache.set(file, entry)
  }
  let pending = entry.codings.get(coding)
  if (!pending) {
    pending = fs.promises.readFile(file).then(async (raw) => {
      const packed =
        coding === 'br'
          ? await brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            })
          : await gzip(raw, { level: 9 })
      return packed.length < raw.length ? packed : undefined
    })
    pending.catch(() => entry?.codings.delete(coding)) // a failed read is retried next time
    entry.codings.set(coding, pending)
  }
  return pending
}
