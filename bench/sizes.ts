// Weapp package sizes: the main package and each subpackage, against the bare Taro floor and
// our budget. WeChat limits each package to 2 MB; a small main package opens the app faster.
import fs from 'node:fs'
import path from 'node:path'
import { kb, table } from './lib'

const root = path.resolve(__dirname, '..')
export const TARO_FLOOR = 294 * 1024
export const MAIN_BUDGET = 450 * 1024

function bytesUnder(dir: string, skip: string[] = []): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (skip.includes(full)) continue
    total += entry.isDirectory() ? bytesUnder(full, skip) : fs.statSync(full).size
  }
  return total
}

export function weappSizes(dist = path.join(root, 'dist/weapp')) {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const subs: { root: string }[] = app.subPackages ?? app.subpackages ?? []
  const subDirs = subs.map((s) => path.join(dist, s.root))
  return {
    main: bytesUnder(dist, subDirs),
    subpackages: subs.map((s) => ({ root: s.root, bytes: bytesUnder(path.join(dist, s.root)) })),
  }
}

export function reportSizes(): string {
  const s = weappSizes()
  const rows: (string | number)[][] = [['package', 'bytes', 'size', 'note']]
  rows.push([
    'main',
    s.main,
    kb(s.main),
    `floor ${kb(TARO_FLOOR)} (+${kb(s.main - TARO_FLOOR)}), budget ${kb(MAIN_BUDGET)} ${s.main <= MAIN_BUDGET ? 'OK' : 'OVER'}`,
  ])
  for (const sub of s.subpackages) rows.push([sub.root, sub.bytes, kb(sub.bytes), ''])
  return table(rows)
}
