import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { negotiate, serveStatic } from '../../emulator/routes/static'

// The H5 build as a browser gets it: text assets compressed as Accept-Encoding allows, hashed
// assets cacheable for a long time, everything else revalidated.

let dir: string
let server: http.Server
let base: string
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `'第${i}行'`).join(', ')}]\n`

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-static-'))
  fs.mkdirSync(path.join(dir, 'js'))
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><title>红邻</title>${'<p>红邻</p>'.repeat(200)}`
  )
  fs.writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), script)
  fs.writeFileSync(path.join(dir, 'tiny.js'), 'x()')
  fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7))
  server = http.createServer((req, res) => {
    serveStatic(dir, req, res, new URL(req.url ?? '/', 'http://x').pathname)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(dir, { recursive: true, force: true })
})

function get(file: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${base}${file}`, { headers }, (res) => {
          const parts: Buffer[] = []
          res.on('data', (d: Buffer) => parts.push(d))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(parts),
            })
          )
        })
        .on('error', reject)
    }
  )
}

test('brotli when accepted, else gzip, else the plain file; same content either way', async () => {
  const plain = await get('/js/app.1a2b3c4d.js')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body.toString()).toBe(script)

  const br = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' })
  expect(br.headers['content-encoding']).toBe('br')
  expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script)
  expect(br.body.length).toBeLessThan(plain.body.length / 3)
  expect(Number(br.headers['content-length'])).toBe(br.body.length)

  const gz = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' })
  expect(gz.headers['content-encoding']).toBe('gzip')
  expect(zlib.gunzipSync(gz.body).toString()).toBe(script)

  for (const res of [plain, br, gz]) expect(res.headers.vary).toBe('Accept-Encoding')
})

test('hashed assets are cached for a year; index.html is revalidated by its ETag', async () => {
  const js = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br' })
  expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  const index = await get('/', { 'accept-encoding': 'gzip' })
  expect(index.headers['cache-control']).toBe('no-cache')
  expect(index.headers['content-encoding']).toBe('gzip')
  expect(zlib.gunzipSync(index.body).toString()).toContain('红邻')
  const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': index.headers.etag! })
  expect(again.status).toBe(304)
  expect(again.body.length).toBe(0)
  const otherCoding = await get('/', {
    'accept-encoding': 'br',
    'if-none-match': index.headers.etag!,
  })
  expect(otherCoding.status).toBe(200)
})

test('a changed file is compressed again', async () => {
  const file = path.join(dir, 'index.html')
  const before = fs.readFileSync(file, 'utf8')
  fs.writeFileSync(file, before.replace('<title>红邻</title>', '<title>红邻 新版</title>'))
  const res = await get('/index.html', { 'accept-encoding': 'br' })
  expect(zlib.brotliDecompressSync(res.body).toString()).toContain('红邻 新版')
})

test('images and tiny files go out as they are', async () => {
  const png = await get('/logo.png', { 'accept-encoding': 'br, gzip' })
  expect(png.headers['content-encoding']).toBeUndefined()
  expect(png.body.length).toBe(4096)
  const tiny = await get('/tiny.js', { 'accept-encoding': 'br, gzip' })
  expect(tiny.headers['content-encoding']).toBeUndefined()
  expect(tiny.body.toString()).toBe('x()')
})

test('Accept-Encoding negotiation honours q-values and wildcards', () => {
  expect(negotiate('gzip, deflate, br')).toBe('br')
  expect(negotiate('br;q=0, gzip')).toBe('gzip')
  expect(negotiate('gzip;q=0.5, br;q=0')).toBe('gzip')
  expect(negotiate('*')).toBe('br')
  expect(negotiate('*;q=0')).toBe('identity')
  expect(negotiate('identity')).toBe('identity')
  expect(negotiate(undefined)).toBe('identity')
})
