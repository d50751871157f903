import fs from 'node:fs'
import path from 'node:path'
import { demoPersonas } from './seed'
import { REPO_ROOT, startEmulator } from './server'

// `npm start` / `npm run emulator`: the local CloudBase on 127.0.0.1, with data that survives
// restarts, timer triggers on their schedule, and the H5 build at /.

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080)
  const dataDir = path.resolve(REPO_ROOT, process.env.HONGLIN_DATA_DIR ?? '.emulator-data')
  const functionsDir = path.resolve(
    REPO_ROOT,
    process.env.HONGLIN_FUNCTIONS_DIR ?? path.join('cloudfunctions', 'dist')
  )
  const staticDir = path.resolve(
    REPO_ROOT,
    process.env.HONGLIN_STATIC_DIR ?? path.join('dist', 'h5')
  )
  const shown = path.relative(process.cwd(), dataDir).startsWith('..')
    ? dataDir
    : path.relative(process.cwd(), dataDir) || '.'
  const firstStart = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0

  const emu = await startEmulator({
    port,
    dataDir,
    functionsDir,
    staticDir,
    timers: true,
    seed: true,
  })
  const functions = fs.existsSync(functionsDir)
    ? fs
        .readdirSync(functionsDir)
        .filter((f) => fs.existsSync(path.join(functionsDir, f, 'index.js')))
    : []

  const lines = [
    '',
    `红邻 Honglin 本地模拟器  ${emu.url}/`,
    '',
    `  数据 data:        ${shown}${firstStart ? '（已载入演示数据 demo data loaded）' : ''}`,
    `  云函数 functions: ${functions.length ? functions.join(', ') : `none found in ${functionsDir} — run npm run build:functions`}`,
    fs.existsSync(path.join(staticDir, 'index.html'))
      ? ''
      : '  H5 未构建 not built: run npm run build:h5',
    '',
    '  演示账号 personas (open as):',
    ...demoPersonas.map(
      (p) => `    ${`${emu.url}/?as=${p.openid}`.padEnd(emu.url.length + 24)} ${p.label}`
    ),
    '',
    `  重置演示数据 reset demo data:  curl -X POST ${emu.url}/api/_reset`,
    `  (or stop, delete ${shown}, start again)`,
    '  Ctrl+C 停止 stop',
    '',
  ]
  process.stdout.write(lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n') + '\n')

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping…\n`)
    emu
      .stop()
      .then(() => process.exit(0))
      .catch((e: Error) => {
        process.stderr.write(`${e.stack ?? e.message}\n`)
        process.exit(1)
      })
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((e: Error & { code?: string }) => {
  if (e.code === 'EADDRINUSE') {
    process.stderr.write(
      `Port ${process.env.PORT ?? 8080} is in use: stop the other server or set PORT.\n`
    )
  } else {
    process.stderr.write(`${e.stack ?? e.message}\n`)
  }
  process.exit(1)
})
