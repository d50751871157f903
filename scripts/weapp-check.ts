// Compiles the built mini-program (dist/weapp) with WeChat's own tooling, offline, because nobody
// can open it in WeChat DevTools here:
//   npx tsx scripts/weapp-check.ts [--project DIR] [--json FILE] [--verbose]
// 1. wcc / wcsc, WeChat's native WXML / WXSS compilers. miniprogram-ci ships none for Linux (its
//    CI build leaves the compiler paths empty and has no wcc.wasm), so they come from the
//    miniprogram-compiler package (@tarojs/webpack5-runner → miniprogram-simulate → it).
// 2. miniprogram-ci getCompiledResult with the settings scripts/deploy.ts uploads with: app.json,
//    page JSON, usingComponents and tabBar validation, and every JS, WXML and WXSS file through
//    its babel + terser, WXML minifier (lenient: an unclosed tag passes) and WXSS minifier.
//    What it returns is the upload package.
// 3. miniprogram-ci analyseCode and checkCodeQuality: dependency graph, package sizes, quality scan.
// Exits 1 on any compile error (miniprogram-ci is skipped after a wcc/wcsc error), 2 when there is
// no build. Nothing may reach WeChat's servers: see blockNetwork().
import crypto from 'node:crypto'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'

type MiniprogramCi = typeof import('miniprogram-ci')

const repoRoot = path.resolve(__dirname, '..')
// Used only when neither HONGLIN_APPID nor project.config.json names one. The offline calls below
// never validate the appid (touristappid works with miniprogram-ci 2.1.42); upload would.
const DUMMY_APPID = 'wx0000000000000000'
// Keep in sync with deployWeapp() in scripts/deploy.ts, so the package checked is the one uploaded.
const UPLOAD_SETTING = { es6: true, minify: true }
// miniprogram-ci's name for the main package.
export const MAIN = '__APP__'
const STEP_TIMEOUT_MS = 90_000

export interface PageReport {
  /** Page path as in app.json, subpackage root included. */
  page: string
  /** MAIN or the subpackage root. */
  pkg: string
  /** wcc produced a render function for it. */
  wxml: boolean
  /** wcsc compiled its stylesheet; null when the page has none. */
  wxss: boolean | null
  /** Its .js, .json and .wxml are in the upload package. */
  packed: boolean
  /** analyseCode has it as a Page module. */
  inGraph: boolean
}

export interface WeappCheckResult {
  ok: boolean
  appid: string
  miniprogramRoot: string
  compilers: { wcc: string; wcsc: string; miniprogramCi: string }
  /** Files given to wcc (WXML + WXS) and wcsc, and files in the upload package. */
  counts: { wxml: number; wxss: number; upload: number }
  /** miniprogram-ci did not run because wcc or wcsc failed. */
  miniprogramCiSkipped: boolean
  pages: PageReport[]
  errors: string[]
  /** Advisory: failed code-quality items and analyser notes; they do not fail the check. */
  findings: string[]
  sizes: {
    /** Bytes of the files getCompiledResult would upload, per package. */
    upload: Record<string, number>
    /** checkCodeQuality's PACKAGE_SIZE_LIMIT detail, keys as it reports them. */
    quality: Record<string, number>
    /** Bytes of every file in the build, per package (like du -b, without directory entries). */
    files: Record<string, number>
  }
  /** Requests miniprogram-ci tried to send, refused by the local blocking proxy. */
  blockedRequests: string[]
  timings: Record<string, number>
  /** What miniprogram-ci printed (shown with --verbose). */
  log: string[]
}

export class MissingBuildError extends Error {}

interface Layout {
  /** Directory holding project.config.json. */
  projectDir: string
  /** miniprogramRoot normalised: "dist/weapp/". */
  root: string
  dir: string
  pages: { page: string; pkg: string }[]
  subRoots: string[]
}

interface StagedLayout extends Layout {
  appid: string
}

/** Same normalisation miniprogram-ci applies when it formats project.config.json paths. */
export function normalizeRoot(root: string | undefined): string {
  const r = (root ?? '').replace(/\\/g, '/').replace(/^(\.?\/)+/, '')
  return r === '' || r === '.' ? '' : r.replace(/\/*$/, '/')
}

function readLayout(projectDir: string): Layout & { config: Record<string, unknown> } {
  const configPath = path.join(projectDir, 'project.config.json')
  if (!fs.existsSync(configPath)) throw new MissingBuildError(`${configPath} 不存在`)
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as Record<string, unknown>
  const root = normalizeRoot(config.miniprogramRoot as string | undefined)
  const dir = path.join(projectDir, root)
  const appJsonPath = path.join(dir, 'app.json')
  if (!fs.existsSync(appJsonPath)) {
    throw new MissingBuildError(`${appJsonPath} 不存在：先运行 npm run build:weapp`)
  }
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as {
    pages?: string[]
    subPackages?: { root: string; pages: string[] }[]
    subpackages?: { root: string; pages: string[] }[]
  }
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => ({
    root: s.root.replace(/^\/+|\/+$/g, ''),
    pages: s.pages,
  }))
  const pages = [
    ...(app.pages ?? []).map((page) => ({ page, pkg: MAIN })),
    ...subs.flatMap((s) => s.pages.map((p) => ({ page: `${s.root}/${p}`, pkg: s.root }))),
  ]
  return { projectDir, root, dir, pages, subRoots: subs.map((s) => s.root), config }
}

/** Which package a file (path relative to miniprogramRoot) belongs to. */
function packageOf(file: string, subRoots: string[]): string {
  const longestFirst = [...subRoots].sort((a, b) => b.length - a.length)
  const root = longestFirst.find((r) => file === r || file.startsWith(`${r}/`))
  return root ?? MAIN
}

function listFiles(dir: string, base = ''): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...listFiles(dir, rel))
    } else if (e.isFile()) out.push(rel)
  }
  return out.sort()
}

function execTool(bin: string, args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      bin,
      args,
      { cwd, maxBuffer: 256 * 1024 * 1024, timeout: STEP_TIMEOUT_MS, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        resolve({ code, stdout, stderr: stderr || (err && code === -1 ? err.message : '') })
      }
    )
  })
}

/**
 * Copies wcc and wcsc out of node_modules: the package ships them without the execute bit and its
 * own wrapper chmods them in place, which we do not want to do to a shared node_modules.
 */
function installCompilers(binDir: string): { wcc: string; wcsc: string } {
  let pkgDir: string
  try {
    pkgDir = path.dirname(
      require.resolve('miniprogram-compiler/package.json', { paths: [repoRoot] })
    )
  } catch {
    throw new Error(
      'miniprogram-compiler 未安装（它随 @tarojs/webpack5-runner → miniprogram-simulate 安装，提供 wcc/wcsc）'
    )
  }
  const platform = { linux: 'linux', darwin: 'mac', win32: 'windows' }[process.platform as string]
  if (!platform) throw new Error(`miniprogram-compiler 没有 ${process.platform} 版的 wcc/wcsc`)
  const ext = platform === 'windows' ? '.exe' : ''
  fs.mkdirSync(binDir, { recursive: true })
  const copy = (name: string) => {
    const to = path.join(binDir, name + ext)
    fs.copyFileSync(path.join(pkgDir, 'bin', platform, name + ext), to)
    fs.chmodSync(to, 0o755)
    return to
  }
  return { wcc: copy('wcc'), wcsc: copy('wcsc') }
}

/** Both compilers print their version when run without input. */
async function compilerVersion(bin: string): Promise<string> {
  const res = await execTool(bin, [], os.tmpdir())
  return /version\s+(v[\w.]+)/i.exec(res.stdout + res.stderr)?.[1] ?? 'unknown'
}

/** Compiles every WXML and WXS file in one wcc run, as DevTools does, then asks it for each page. */
async function compileWxml(wcc: string, layout: Layout, files: string[]) {
  const dir = layout.dir
  const wxml = files.filter((f) => f.endsWith('.wxml'))
  const wxs = files.filter((f) => f.endsWith('.wxs'))
  // wcc must be told which tags are custom components: "<count> <file.wxml> <n> <names…>…".
  const comps: string[] = []
  let count = 0
  for (const f of wxml) {
    const json = path.join(dir, f.replace(/\.wxml$/, '.json'))
    if (!fs.existsSync(json)) continue
    const using = (JSON.parse(fs.readFileSync(json, 'utf8')) as { usingComponents?: object })
      .usingComponents
    if (!using) continue
    count++
    comps.push(f, String(Object.keys(using).length), ...Object.keys(using))
  }
  const args = ['-d', '-cc', [count, ...comps].join(' '), ...wxml, ...wxs, '-gn', '$gwx']
  const res = await execTool(wcc, args, dir)
  const compiled = new Set<string>()
  const errors: string[] = []
  if (res.code !== 0) {
    errors.push(`wcc (exit ${res.code}): ${res.stderr.trim() || 'no output'}`)
    return { compiled, errors, files: wxml.length + wxs.length }
  }
  // The output defines $gwx(path) returning the page's render function; a page it cannot
  // return was not compiled. Evaluated in a bare context: it only needs `window`.
  const ctx: Record<string, unknown> = { window: {}, console: { log() {}, warn() {}, error() {} } }
  try {
    vm.runInNewContext(res.stdout, ctx, { timeout: 10_000 })
    const gwx = ctx.$gwx as (p: string) => unknown
    for (const { page } of layout.pages) {
      if (typeof gwx(`${page}.wxml`) === 'function') compiled.add(page)
    }
  } catch (e) {
    errors.push(`wcc output does not evaluate: ${(e as Error).message}`)
  }
  return { compiled, errors, files: wxml.length + wxs.length }
}

/** Compiles every WXSS file in one wcsc run: page and component styles first, as DevTools does. */
async function compileWxss(wcsc: string, layout: Layout, files: string[]) {
  const dir = layout.dir
  const wxss = files.filter((f) => f.endsWith('.wxss'))
  const hasJson = (f: string) => fs.existsSync(path.join(dir, f.replace(/\.wxss$/, '.json')))
  const first = wxss.filter(hasJson)
  const args = ['-db', '-pc', String(first.length), ...first, ...wxss.filter((f) => !hasJson(f))]
  const res = await execTool(wcsc, args, dir)
  const compiled = new Set<string>()
  const errors: string[] = []
  // Output is "key=value=key=value…" with "=" escaped inside values.
  const parts = res.stdout.split('=')
  const out = new Map<string, string>()
  for (let i = 0; i + 1 < parts.length; i += 2) out.set(parts[i], parts[i + 1])
  if (res.code !== 0) {
    const msg = res.stderr.replace(/error file count: \d+/, '').trim()
    errors.push(`wcsc (exit ${res.code}): ${msg || 'no output'}`)
    return { compiled, errors, files: wxss.length }
  }
  for (const { page } of layout.pages) if (out.has(`${page}.wxss`)) compiled.add(page)
  return { compiled, errors, files: wxss.length }
}

/**
 * miniprogram-ci asks servicewechat.com for the upload file-type whitelist during compile (and for
 * project attributes unless attr() is replaced), with no timeout. Route it through a local proxy
 * that refuses everything at once: nothing leaves the machine, nothing waits for a TCP timeout,
 * and it falls back to its built-in list. The env vars reach the compiler process it forks.
 */
async function blockNetwork(ci: MiniprogramCi) {
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    res.writeHead(403).end()
  })
  server.on('connect', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    seen.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const keys = ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'NO_PROXY', 'no_proxy']
  const saved = keys.map((k) => [k, process.env[k]] as const)
  for (const k of keys) {
    if (/no_proxy/i.test(k)) delete process.env[k]
    else process.env[k] = url
  }
  ci.proxy(url)
  return {
    seen,
    close() {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
      server.close()
    },
  }
}

/** Runs fn with console output collected into log: miniprogram-ci is chatty. */
async function quietly<T>(log: string[], fn: () => Promise<T>): Promise<T> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const saved = methods.map((m) => console[m])
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      log.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '))
    }
  }
  try {
    return await fn()
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i]))
  }
}

function withTimeout<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} 超时 (${STEP_TIMEOUT_MS} ms)`)),
      STEP_TIMEOUT_MS
    )
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/** Error text without the staging path or babel's code frame (one line of minified code). */
function tidy(message: string, stagingDir: string): string {
  return message
    .split(`${stagingDir}/`)
    .join('')
    .split(/\n\s*\n?>/)[0]
    .split('\n')
    .map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l.trim()))
    .filter(Boolean)
    .join(' ')
}

function addTo(sizes: Record<string, number>, key: string, bytes: number) {
  sizes[key] = (sizes[key] ?? 0) + bytes
}

/** Shared state of one run: every step adds to it instead of throwing. */
class Run {
  errors: string[] = []
  findings: string[] = []
  log: string[] = []
  timings: Record<string, number> = {}
  /** Where the project is staged; stripped from error messages. */
  constructor(readonly stagingDir: string) {}

  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const t = Date.now()
    try {
      return await fn()
    } finally {
      this.timings[name] = Date.now() - t
    }
  }

  /** A miniprogram-ci call: timed and bounded; a failure becomes an error, not a throw. */
  async ci<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await this.time(name, () => withTimeout(name, fn()))
    } catch (e) {
      const msg = (e as Error).message || String(e)
      this.errors.push(`miniprogram-ci ${name}: ${tidy(msg, this.stagingDir)}`)
      return undefined
    }
  }
}

/** Copies the build and a project.config.json pointing at it into a temporary directory. */
function stage(
  source: Layout,
  config: Record<string, unknown>,
  appid: string,
  projectDir: string
): StagedLayout {
  const dir = path.join(projectDir, source.root)
  fs.cpSync(source.dir, dir, { recursive: true })
  fs.writeFileSync(
    path.join(projectDir, 'project.config.json'),
    JSON.stringify({ ...config, appid, miniprogramRoot: source.root }, null, 2)
  )
  return { ...source, projectDir, dir, appid }
}

type CiProject = InstanceType<MiniprogramCi['Project']>

/** WeChat's package limits in MB, as miniprogram-ci knows them offline. */
interface Limits {
  MaxCodeSize: number
  MaxSubpackageSubCodeSize: number
  MaxSubpackageFullCodeSize: number
}

interface CiOutcome {
  version: string
  /** Upload package: file → bytes. */
  upload: Map<string, number>
  graphPages: Set<string>
  quality: Record<string, number>
  /** null when miniprogram-ci was skipped. */
  limits: Limits | null
  blocked: string[]
}

function offlineProject(ci: MiniprogramCi, layout: StagedLayout): CiProject {
  const project = new ci.Project({
    appid: layout.appid,
    type: 'miniProgram',
    projectPath: layout.projectDir,
    // Required by the constructor even offline; nothing here signs a request with it.
    privateKey: crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    }).privateKey,
  })
  // The default attr() fetches the appid's limits from servicewechat.com.
  project.attr = async () => ({ ...ci.DefaultProjectAttr })
  return project
}

/** The upload package: file → bytes. */
async function compiledPackage(run: Run, ci: MiniprogramCi, project: CiProject) {
  const out = await run.ci('getCompiledResult', () =>
    ci.getCompiledResult({
      project,
      version: '0.0.0',
      setting: UPLOAD_SETTING,
      onProgressUpdate: () => undefined,
    })
  )
  const upload = new Map<string, number>()
  for (const [file, content] of Object.entries(out ?? {})) {
    upload.set(file, typeof content === 'string' ? Buffer.byteLength(content) : content.length)
  }
  return upload
}

/** Pages in the dependency graph; module notes become findings. */
async function graphPages(run: Run, ci: MiniprogramCi, project: CiProject) {
  const graph = await run.ci('analyseCode', () => ci.analyseCode(project))
  const pages = new Set<string>()
  for (const m of graph?.modules ?? []) {
    if (m.type === 'Page') pages.add(m.path.replace(/\.json$/, ''))
    // The analyser records parser warnings as module errors too: advisory only.
    const notes = [...(m.errors ?? []), ...(m.buildError ? [m.buildError] : [])]
    for (const n of notes) run.findings.push(`analyseCode ${m.path}: ${n}`)
  }
  return pages
}

/** checkCodeQuality's package sizes; failed items become findings. */
async function qualityScan(run: Run, ci: MiniprogramCi, project: CiProject) {
  const items = await run.ci('checkCodeQuality', () => ci.checkCodeQuality(project))
  let sizes: Record<string, number> = {}
  for (const item of items ?? []) {
    if (item.name === 'PACKAGE_SIZE_LIMIT' && item.detail) {
      sizes = item.detail as Record<string, number>
    }
    if (!item.success) run.findings.push(`${item.name}: ${item.text}`)
  }
  // Each quality check swallows its own exceptions and reports success; a missing size table is
  // the visible sign the analysis broke.
  if (items && !sizes[MAIN]) run.errors.push('checkCodeQuality reported no package sizes')
  return sizes
}

async function runMiniprogramCi(run: Run, layout: StagedLayout): Promise<CiOutcome> {
  const ci = await run.time(
    'require miniprogram-ci',
    async () => require('miniprogram-ci') as MiniprogramCi
  )
  const net = await blockNetwork(ci)
  try {
    const project = offlineProject(ci, layout)
    return {
      version: (require('miniprogram-ci/package.json') as { version: string }).version,
      upload: await compiledPackage(run, ci, project),
      graphPages: await graphPages(run, ci, project),
      quality: await qualityScan(run, ci, project),
      limits: ci.DefaultProjectAttr.setting,
      blocked: net.seen,
    }
  } finally {
    net.close()
  }
}

function skippedCi(): CiOutcome {
  const version = (require('miniprogram-ci/package.json') as { version: string }).version
  return {
    version,
    upload: new Map(),
    graphPages: new Set(),
    quality: {},
    limits: null,
    blocked: [],
  }
}

/** Main package, each subpackage, and the whole app against WeChat's limits. */
function checkLimits(run: Run, upload: Record<string, number>, limits: Limits) {
  const mb = 1024 * 1024
  for (const [pkg, bytes] of Object.entries(upload)) {
    const limit = pkg === MAIN ? limits.MaxCodeSize : limits.MaxSubpackageSubCodeSize
    if (bytes > limit * mb) run.errors.push(`${pkg} 包 ${bytes} 字节，超过 ${limit} MB`)
  }
  const total = Object.values(upload).reduce((a, b) => a + b, 0)
  if (total > limits.MaxSubpackageFullCodeSize * mb) {
    run.errors.push(`整个小程序 ${total} 字节，超过 ${limits.MaxSubpackageFullCodeSize} MB`)
  }
}

/** Per-page results, and an error for each page a step that otherwise ran did not cover. */
function pageReports(
  run: Run,
  layout: Layout,
  files: string[],
  wxml: { compiled: Set<string>; errors: string[] },
  wxss: { compiled: Set<string>; errors: string[] },
  upload: Map<string, number>,
  graphPages: Set<string>
): PageReport[] {
  const pages = layout.pages.map(({ page, pkg }) => ({
    page,
    pkg,
    wxml: wxml.compiled.has(page),
    wxss: files.includes(`${page}.wxss`) ? wxss.compiled.has(page) : null,
    packed: ['.js', '.json', '.wxml'].every((ext) => upload.has(page + ext)),
    inGraph: graphPages.has(page),
  }))
  // After a whole-step failure every page is missing; that error already says why.
  const missing = (ran: boolean, test: (p: PageReport) => boolean, what: string) => {
    if (ran) for (const p of pages) if (test(p)) run.errors.push(`${p.page}: ${what}`)
  }
  missing(wxml.errors.length === 0, (p) => !p.wxml, 'wcc did not compile its .wxml')
  missing(wxss.errors.length === 0, (p) => p.wxss === false, 'wcsc did not compile its .wxss')
  missing(upload.size > 0, (p) => !p.packed, 'missing from the upload package')
  missing(graphPages.size > 0, (p) => !p.inGraph, 'not a page in the analyseCode graph')
  return pages
}

export async function checkWeapp(options: { projectDir?: string } = {}): Promise<WeappCheckResult> {
  const started = Date.now()
  const { config, ...source } = readLayout(path.resolve(options.projectDir ?? repoRoot))
  const appid = process.env.HONGLIN_APPID || (config.appid as string | undefined) || DUMMY_APPID
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-weapp-check-'))
  const run = new Run(path.join(tmp, 'project'))
  // miniprogram-ci prints progress, and its file watchers keep printing after its calls return.
  return quietly(run.log, async () => {
    try {
      // Check a snapshot: a concurrent `taro build` empties dist/weapp first. The copy's
      // project.config.json gets miniprogramRoot normalised: miniprogram-ci 2.1.42 reassigns the
      // raw "./dist/weapp" to the project while compiling, its file index is keyed
      // "dist/weapp/…", so its unused-file analysis fails ("The file app.json doesn't exist") and
      // it packs every file.
      const layout = stage(source, config, appid, run.stagingDir)
      const result = await checkStaged(run, layout, path.join(tmp, 'bin'))
      run.timings.total = Date.now() - started
      return { ...result, appid }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
}

async function checkStaged(
  run: Run,
  layout: StagedLayout,
  binDir: string
): Promise<Omit<WeappCheckResult, 'appid'>> {
  const files = listFiles(layout.dir)
  const bins = installCompilers(binDir)
  const wxml = await run.time('wcc', () => compileWxml(bins.wcc, layout, files))
  const wxss = await run.time('wcsc', () => compileWxss(bins.wcsc, layout, files))
  run.errors.push(...wxml.errors, ...wxss.errors)

  // Stop at native compile errors, as DevTools does: miniprogram-ci's babel + terser pass takes
  // 10–30 s here, and the errors above must be fixed first anyway.
  const nativeFailed = run.errors.length > 0
  const ci = nativeFailed ? skippedCi() : await runMiniprogramCi(run, layout)
  const sizes: WeappCheckResult['sizes'] = { upload: {}, quality: ci.quality, files: {} }
  for (const [f, bytes] of ci.upload) addTo(sizes.upload, packageOf(f, layout.subRoots), bytes)
  for (const f of files) {
    const bytes = fs.statSync(path.join(layout.dir, f)).size
    addTo(sizes.files, packageOf(f, layout.subRoots), bytes)
  }
  if (ci.limits) checkLimits(run, sizes.upload, ci.limits)
  const pages = pageReports(run, layout, files, wxml, wxss, ci.upload, ci.graphPages)
  return {
    ok: run.errors.length === 0,
    miniprogramRoot: layout.root,
    compilers: {
      wcc: await compilerVersion(bins.wcc),
      wcsc: await compilerVersion(bins.wcsc),
      miniprogramCi: ci.version,
    },
    counts: { wxml: wxml.files, wxss: wxss.files, upload: ci.upload.size },
    miniprogramCiSkipped: nativeFailed,
    pages,
    errors: run.errors,
    findings: run.findings,
    sizes,
    blockedRequests: ci.blocked,
    timings: run.timings,
    log: run.log,
  }
}

const kb = (n: number | undefined) => (n === undefined ? '-' : `${(n / 1024).toFixed(1)} KB`)
const sum = (o: Record<string, number>) =>
  Object.keys(o).length > 0 ? Object.values(o).reduce((a, b) => a + b, 0) : undefined

export function formatSummary(r: WeappCheckResult, verbose = false): string {
  const subs = [...new Set(r.pages.filter((p) => p.pkg !== MAIN).map((p) => p.pkg))].sort()
  const n = r.pages.length
  const count = (test: (p: PageReport) => boolean) => r.pages.filter(test).length
  const styled = count((p) => p.wxss !== null)
  const row = (name: string, upload?: number, quality?: number, files?: number) =>
    `  ${name.padEnd(22)}${kb(upload).padStart(12)}${kb(quality).padStart(14)}${kb(files).padStart(12)}`
  const lines = [
    `weapp-check ${r.miniprogramRoot} (appid ${r.appid})`,
    `  wcc ${r.compilers.wcc}: ${r.counts.wxml} WXML/WXS files; wcsc ${r.compilers.wcsc}: ${r.counts.wxss} WXSS files`,
    r.miniprogramCiSkipped
      ? `  miniprogram-ci ${r.compilers.miniprogramCi}: skipped until the wcc/wcsc errors are fixed`
      : `  miniprogram-ci ${r.compilers.miniprogramCi}: getCompiledResult (es6 + minify, as deploy uploads) ${r.counts.upload} files; analyseCode; checkCodeQuality`,
    `  pages: ${n} (${n - count((p) => p.pkg !== MAIN)} main, ${subs.length} subpackages); ` +
      `wcc ${count((p) => p.wxml)}/${n}, wcsc ${count((p) => p.wxss === true)}/${styled} with styles, ` +
      `packed ${count((p) => p.packed)}/${n}, in graph ${count((p) => p.inGraph)}/${n}`,
    `  ${'package'.padEnd(22)}${'upload'.padStart(12)}${'quality scan'.padStart(14)}${'files'.padStart(12)}`,
  ]
  for (const pkg of [MAIN, ...subs]) {
    const quality = r.sizes.quality[pkg === MAIN ? pkg : `${pkg}/`]
    lines.push(row(pkg, r.sizes.upload[pkg], quality, r.sizes.files[pkg]))
  }
  lines.push(row('total', sum(r.sizes.upload), sum(r.sizes.quality), sum(r.sizes.files)))
  if (r.findings.length > 0) {
    lines.push('  code-quality findings:', ...r.findings.map((f) => `    - ${f}`))
  }
  if (r.blockedRequests.length > 0) {
    lines.push(`  blocked network requests: ${[...new Set(r.blockedRequests)].join(', ')}`)
  }
  if (verbose) lines.push('  miniprogram-ci log:', ...r.log.map((l) => `    ${l}`))
  lines.push(...r.errors.map((e) => `  ERROR ${e}`))
  const verdict = r.ok ? 'OK' : `FAILED: ${r.errors.length} error(s)`
  lines.push(`  ${verdict} in ${(r.timings.total / 1000).toFixed(1)} s`)
  return lines.join('\n')
}

async function main() {
  const args = process.argv.slice(2)
  const flag = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const result = await checkWeapp({ projectDir: flag('--project') })
  const jsonOut = flag('--json')
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2))
  console.log(formatSummary(result, args.includes('--verbose')))
  return result.ok ? 0 : 1
}

if (require.main === module) {
  // Explicit exit: miniprogram-ci leaves a forked compiler process and file watchers running.
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof MissingBuildError) {
        console.error(e.message)
        process.exit(2)
      }
      console.error(`weapp-check 失败：${(e as Error).stack ?? String(e)}`)
      process.exit(1)
    }
  )
}
