// Bundles each cloud function under cloudfunctions/src/<fn>/ (shared lib and contract included)
// into cloudfunctions/dist/<fn>/ with the package.json and config.json CloudBase deploys.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const srcDir = path.join(root, 'cloudfunctions/src')
const outDir = path.join(root, 'cloudfunctions/dist')
const SDK_VERSION = '4.0.2'

export function functionNames(): string[] {
  return fs
    .readdirSync(srcDir)
    .filter((d) => d !== 'lib' && fs.existsSync(path.join(srcDir, d, 'index.ts')))
}

export async function buildFunctions(
  options: { minify?: boolean; bundleSdk?: boolean; outDir?: string } = {}
) {
  const names = functionNames()
  const bundleSdk = options.bundleSdk ?? true
  for (const name of names) {
    const dest = path.join(options.outDir ?? outDir, name)
    fs.mkdirSync(dest, { recursive: true })
    await build({
      entryPoints: [path.join(srcDir, name, 'index.ts')],
      outfile: path.join(dest, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: options.minify ?? true,
      sourcemap: false,
      legalComments: 'none',
      // wx-server-sdk is bundled in: a 1.8 MB upload instead of 0.5 MB, but a cold start
      // requires one file instead of walking node_modules (`npm run bench` prints both).
      external: bundleSdk ? [] : ['wx-server-sdk'],
      tsconfig: path.join(root, 'tsconfig.json'),
      logLevel: 'warning',
    })
    const configSrc = path.join(srcDir, name, 'config.json')
    const config = fs.existsSync(configSrc)
      ? JSON.parse(fs.readFileSync(configSrc, 'utf8'))
      : { permissions: { openapi: [] } }
    fs.writeFileSync(path.join(dest, 'config.json'), JSON.stringify(config, null, 2) + '\n')
    const pkg = {
      name,
      version: '1.0.0',
      private: true,
      main: 'index.js',
      dependencies: bundleSdk ? {} : { 'wx-server-sdk': SDK_VERSION },
    }
    fs.writeFileSync(path.join(dest, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  }
  return names
}

if (require.main === module) {
  buildFunctions()
    .then((names) =>
      console.log(`built cloud functions: ${names.join(', ')} → cloudfunctions/dist/`)
    )
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
