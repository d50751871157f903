import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

// Serves the H5 build (hash routing: every page is index.html, so only real files are served).

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
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': stat.size,
    // index.html must always be fresh after a rebuild; hashed assets could be cached, but
    // development wants every rebuild visible on reload.
    'cache-control': 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  fs.createReadStream(file).pipe(res)
}
