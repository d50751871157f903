// npm run bench: prints package sizes, cloud function cold starts, API latency and database
// round trips per action. Figures only; nothing here asserts a time.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../emulator/server'
import { reportSizes } from './sizes'
import { reportColdRequire } from './functions'
import { reportUser } from './user'
import { reportWish } from './wish'

const root = path.resolve(__dirname, '..')

function section(title: string, body: string) {
  console.log(`\n== ${title}\n${body}`)
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/weapp/app.json')))
    execSync('npm run build:weapp', { cwd: root, stdio: 'inherit' })
  execSync('npm run build:functions', { cwd: root, stdio: 'ignore' })
  section('weapp packages', reportSizes())
  section(
    'cloud function bundles: cold require (fresh node process, 7 runs)',
    await reportColdRequire()
  )

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-'))
  const emu = await startEmulator({ port: 0, dataDir, log: () => undefined })
  try {
    section('user function over the local API', await reportUser(emu))
    section('wish function over the local API', await reportWish(emu))
  } finally {
    await emu.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
