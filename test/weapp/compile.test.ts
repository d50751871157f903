// Runs scripts/weapp-check.ts on copies of the weapp build: the build as it is must compile with
// WeChat's compilers, and the same build with one broken WXML file must not.
// Child processes rather than an import: miniprogram-ci keeps module-level state, forks a
// compiler process and leaves file watchers running, none of which belongs in a jest worker.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { WeappCheckResult } from '../../scripts/weapp-check'

const root = path.resolve(__dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')
const script = path.join(root, 'scripts/weapp-check.ts')
const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as {
  miniprogramRoot: string
}
const build = path.join(root, config.miniprogramRoot)

interface CheckRun {
  code: number
  output: string
  result?: WeappCheckResult
}

function check(projectDir: string): Promise<CheckRun> {
  const json = path.join(projectDir, 'result.json')
  const args = [script, '--project', projectDir, '--json', json]
  return new Promise((resolve) => {
    execFile(tsx, args, { cwd: root, timeout: 110_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
      const result = fs.existsSync(json)
        ? (JSON.parse(fs.readFileSync(json, 'utf8')) as WeappCheckResult)
        : undefined
      resolve({ code, output: stdout + stderr, result })
    })
  })
}

/** Pages listed in app.json, subpackage pages with their root. */
function appPages(dir: string): { pages: string[]; subRoots: string[] } {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
  }
  const subs = app.subPackages ?? []
  return {
    pages: [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))],
    subRoots: subs.map((s) => s.root),
  }
}

/** The JSON report, or the run's output as the failure message when there is none. */
function resultOf(run: CheckRun): WeappCheckResult {
  if (!run.result) throw new Error(`weapp-check wrote no report (exit ${run.code}):\n${run.output}`)
  return run.result
}

let tmp: string
let snapshot: string
let good: CheckRun
let broken: CheckRun
let missing: CheckRun
const brokenPage = () => appPages(snapshot).pages[0]

/** A project directory: the repo's project.config.json and a copy of the build where it points. */
function project(name: string, withBuild = true): string {
  const dir = path.join(tmp, name)
  fs.mkdirSync(dir, { recursive: true })
  fs.copyFileSync(path.join(root, 'project.config.json'), path.join(dir, 'project.config.json'))
  if (withBuild) fs.cpSync(snapshot, path.join(dir, config.miniprogramRoot), { recursive: true })
  return dir
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(build, 'app.json'))) {
    throw new Error(`${build}/app.json 不存在：先运行 npm run build:weapp`)
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-weapp-test-'))
  // One snapshot for every case, in case a rebuild empties dist/weapp meanwhile.
  snapshot = path.join(tmp, 'snapshot')
  fs.cpSync(build, snapshot, { recursive: true })

  const brokenDir = project('broken')
  const wxml = path.join(brokenDir, config.miniprogramRoot, `${brokenPage()}.wxml`)
  fs.appendFileSync(wxml, '\n<view class="broken">\n')

  // In parallel. The good run takes 10–30 s (miniprogram-ci's babel + terser pass); the others
  // stop early.
  ;[good, broken, missing] = await Promise.all([
    check(project('good')),
    check(brokenDir),
    check(project('missing', false)),
  ])
  // `testTimeout` in a jest project is not applied to hooks: the three runs get their own budget
  // (on a busy machine they take well over the global 30 s).
}, 180000)

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

describe('the weapp build, compiled by WeChat tooling', () => {
  it('compiles every page in app.json, subpackages included, without errors', () => {
    const r = resultOf(good)
    expect(r.errors).toEqual([])
    expect(good.code).toBe(0)
    const { pages } = appPages(snapshot)
    expect(r.pages.map((p) => p.page).sort()).toEqual([...pages].sort())
    // wxss is null for a page without a stylesheet.
    const failed = r.pages.filter((p) => !p.wxml || p.wxss === false || !p.packed || !p.inGraph)
    expect(failed).toEqual([])
  })

  it('reports the main and subpackage sizes miniprogram-ci sees', () => {
    const r = resultOf(good)
    const { subRoots } = appPages(snapshot)
    expect(r.sizes.upload.__APP__).toBeGreaterThan(0)
    expect(r.sizes.quality.__APP__).toBeGreaterThan(0)
    for (const sub of subRoots) {
      expect(r.sizes.upload[sub]).toBeGreaterThan(0)
      expect(r.sizes.quality[`${sub}/`]).toBeGreaterThan(0)
    }
    expect(good.output).toMatch(/OK in/)
  })

  it('keeps the main package within 450 KB and free of zod (its rules run zod-free)', () => {
    const r = resultOf(good)
    expect(r.sizes.upload.__APP__).toBeLessThanOrEqual(450 * 1024)
    const { subRoots } = appPages(snapshot)
    const mainJs = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const full = path.join(dir, d.name)
        const rel = path.relative(snapshot, full).split(path.sep).join('/')
        if (d.isDirectory()) return subRoots.includes(rel) ? [] : mainJs(full)
        return d.name.endsWith('.js') ? [full] : []
      })
    const withZod = mainJs(snapshot).filter((f) =>
      /\$ZodType|ZodError|zod\/v4/.test(fs.readFileSync(f, 'utf8'))
    )
    expect(withZod).toEqual([])
  })

  it('keeps the chart library (F2) in the committee subpackage, out of the main package', () => {
    const { subRoots } = appPages(snapshot)
    expect(subRoots).toContain('packages/committee')
    // F2 draws on the canvas with quadratic curves; nothing else in the app does.
    const drawsCharts = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const full = path.join(dir, d.name)
        if (d.isDirectory()) return drawsCharts(full)
        return d.name.endsWith('.js') && fs.readFileSync(full, 'utf8').includes('quadraticCurveTo')
          ? [path.relative(snapshot, full).split(path.sep).join('/')]
          : []
      })
    const found = drawsCharts(snapshot)
    expect(found.length).toBeGreaterThan(0)
    expect(found.filter((f) => !f.startsWith('packages/committee/'))).toEqual([])
  })

  it('reports a broken WXML file as a wcc error and fails', () => {
    const r = resultOf(broken)
    expect(broken.code).toBe(1)
    expect(r.ok).toBe(false)
    const wcc = r.errors.filter((e) => e.startsWith('wcc '))
    expect(wcc).toHaveLength(1)
    expect(wcc[0]).toContain(`${brokenPage()}.wxml:`)
    expect(r.pages.find((p) => p.page === brokenPage())?.wxml).toBe(false)
    expect(broken.output).toMatch(/FAILED/)
  })

  it('asks for a build when there is none', () => {
    expect(missing.code).toBe(2)
    expect(missing.output).toContain('先运行 npm run build:weapp')
  })
})
