// Cold `require` time of each cloud function bundle, measured in fresh Node processes (what an
// SCF cold start pays before the first request), with wx-server-sdk bundled in (as deployed)
// and external, so the trade-off stays visible.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'
import { kb, ms, summary, table } from './lib'

const root = path.resolve(__dirname, '..')
const RUNS = 7

function coldRequire(file: string): number[] {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`
  return Array.from({ length: RUNS }, () =>
    Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }))
  )
}

export async function reportColdRequire(): Promise<string> {
  const bundledDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bundled-'))
  // Inside the repo, so that `require('wx-server-sdk')` finds node_modules as it would on SCF.
  const externalDir = fs.mkdtempSync(path.join(root, 'cloudfunctions', '.bench-external-'))
  try {
    const names = await buildFunctions({ outDir: bundledDir, bundleSdk: true })
    await buildFunctions({ outDir: externalDir, bundleSdk: false })
    const rows: (string | number)[][] = [
      [
        'function',
        'sdk bundled (deployed)',
        'cold require p50',
        'sdk external',
        'cold require p50',
      ],
    ]
    for (const name of names) {
      const bun = path.join(bundledDir, name, 'index.js')
      const ext = path.join(externalDir, name, 'index.js')
      rows.push([
        name,
        kb(fs.statSync(bun).size),
        ms(summary(coldRequire(bun)).p50),
        kb(fs.statSync(ext).size),
        ms(summary(coldRequire(ext)).p50),
      ])
    }
    return table(rows)
  } finally {
    fs.rmSync(bundledDir, { recursive: true, force: true })
    fs.rmSync(externalDir, { recursive: true, force: true })
  }
}
