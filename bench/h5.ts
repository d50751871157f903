// H5 first load: the bytes a browser downloads to show the home page (index.html, the scripts and
// styles it names, and the home page's own chunk), fetched from the running emulator as a browser
// would, with no compression, gzip only, and brotli.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { kb, table } from './lib'

const root = path.resolve(__dirname, '..')

/** The URLs of a first visit: index.html's scripts and styles, then the first route's chunk. */
export function firstLoadUrls(dist = path.join(root, 'dist/h5')): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const urls = ['/']
  for (const m of html.matchAll(/<(?:script|link)[^>]*(?:src|href)="(\/[^"]+\.(?:js|css))"/g))
    urls.push(m[1])
  const app = urls.find((u) => /\/app\.[0-9a-f]+\.js$/.test(u))
  if (app) {
    // Taro's router table: {"path":"pages/home/index","load":…s.e(<chunk>)…}; the first is home
    const text = fs.readFileSync(path.join(dist, app), 'utf8')
    const chunk = /"path":"[^"]+","load":function[^{]*\{return\[\w+\.e\((\d+)\)/.exec(text)?.[1]
    if (chunk) {
      for (const dir of ['js', 'css']) {
        const files = fs.existsSync(path.join(dist, dir))
          ? fs.readdirSync(path.join(dist, dir))
          : []
        const file = files.find((f) => f.startsWith(`${chunk}.`) && f.endsWith(`.${dir}`))
        if (file) urls.push(`/${dir}/${file}`)
      }
    }
  }
  return urls
}

function transferBytes(base: string, url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers: { 'accept-encoding': encoding } }, (res) => {
        let n = 0
        res.on('data', (d: Buffer) => (n += d.length))
        res.on('end', () =>
          res.statusCode === 200 ? resolve(n) : reject(new Error(`${url}: ${res.statusCode}`))
        )
      })
      .on('error', reject)
  })
}

export async function h5FirstLoad(base: string) {
  const urls = firstLoadUrls()
  const rows: { url: string; identity: number; gzip: number; br: number }[] = []
  for (const url of urls) {
    rows.push({
      url,
      identity: await transferBytes(base, url, 'identity'),
      gzip: await transferBytes(base, url, 'gzip'),
      br: await transferBytes(base, url, 'gzip, deflate, br'),
    })
  }
  return rows
}

export async function reportH5(base: string): Promise<string> {
  if (!fs.existsSync(path.join(root, 'dist/h5/index.html')))
    return '(no H5 build: npm run build:h5)'
  const rows = await h5FirstLoad(base)
  const total = (k: 'identity' | 'gzip' | 'br') => rows.reduce((s, r) => s + r[k], 0)
  return table([
    ['first load', 'uncompressed', 'gzip', 'brotli'],
    ...rows.map((r) => [r.url, kb(r.identity), kb(r.gzip), kb(r.br)]),
    ['total', kb(total('identity')), kb(total('gzip')), kb(total('br'))],
  ])
}
