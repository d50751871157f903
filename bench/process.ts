// The emulator in its own process, started as `npm start` starts it (tsx emulator/main.ts, timers
// on), on a given data folder: the bench measures it from outside, over HTTP, like the app.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'

const root = path.resolve(__dirname, '..')

export interface EmulatorProcess {
  url: string
  /** ms from spawn until /api/_health answered */
  startMs: number
  /** resident memory (RSS) of the emulator's server process, in bytes */
  rss(): number
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get(`${url}/api/_health`, (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      })
      .on('error', () => resolve(false))
  })
}

// The server is the node process whose command line runs emulator/main.ts (tsx runs it in a
// child of its own); function instances are its children and are not counted.
function serverPid(group: number): number | undefined {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(group)], { encoding: 'utf8' })
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+(.*)/))
    .filter(([, args]) => args?.includes('emulator/main.ts') && !args.includes('tsx/dist/cli'))
  return rows.length ? Number(rows[rows.length - 1][0]) : undefined
}

function rssOf(pid: number | undefined): number {
  if (!pid) return NaN
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024
  } catch {
    return NaN
  }
}

export async function spawnEmulator(
  dataDir: string,
  env: Record<string, string> = {}
): Promise<EmulatorProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['emulator/main.ts'],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), HONGLIN_DATA_DIR: dataDir },
      detached: true, // its own process group, so that stop() ends it and its instances
      stdio: ['ignore', 'ignore', 'pipe'],
    }
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
  let exited = false
  // Detached, it would outlive a bench stopped with Ctrl-C or a kill: end its group with us.
  const orphan = () => {
    if (!exited) process.kill(-child.pid!, 'SIGKILL')
  }
  const interrupted = (signal: NodeJS.Signals) => {
    orphan()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('exit', orphan)
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  child.once('exit', () => {
    exited = true
    process.off('exit', orphan)
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
  })
  while (!(await healthy(url))) {
    if (exited) throw new Error(`the emulator did not start:\n${stderr}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  const startMs = Date.now() - started
  const pid = serverPid(child.pid!)
  return {
    url,
    startMs,
    rss: () => rssOf(pid),
    stop: async () => {
      if (exited) return
      const gone = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid!, 'SIGTERM')
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))])
      if (!exited) process.kill(-child.pid!, 'SIGKILL')
    },
  }
}
