// Deploys Honglin to a real CloudBase environment:
//   npm run deploy              database manifest, cloud functions, then the mini-program upload
//   npm run deploy -- db|functions|weapp    one part only
//   npm run deploy -- --dry-run            print the plan, touch nothing
// Configuration comes from env vars (see README): HONGLIN_APPID, HONGLIN_PRIVATE_KEY_PATH,
// HONGLIN_ENV_ID, HONGLIN_VERSION, HONGLIN_DESC, and for the database TENCENTCLOUD_SECRETID /
// TENCENTCLOUD_SECRETKEY (a CAM key with access to the environment).
import fs from 'node:fs'
import path from 'node:path'
import { loadManifest, type Manifest } from '../cloudfunctions/db/manifest'

const root = path.resolve(__dirname, '..')

export interface DbPlan {
  collection: string
  securityRule: string
  createIndexes: {
    IndexName: string
    MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean }
  }[]
}

/** CloudBase's index key direction: ascending, descending or a geo (2dsphere) key. */
const directionOf = (
  d: Manifest['collections'][string]['indexes'][number]['fields'][number]['direction']
) => (d === '2dsphere' ? '2dsphere' : d === -1 || d === 'desc' ? '-1' : '1')

/** What `deploy db` applies: every collection, its indexes and its (deny-all) client rule. */
export function dbPlan(manifest: Manifest): DbPlan[] {
  return Object.entries(manifest.collections).map(([collection, spec]) => ({
    collection,
    securityRule: JSON.stringify(spec.rules ?? { read: false, write: false }),
    createIndexes: spec.indexes.map((ix) => ({
      IndexName: ix.name,
      MgoKeySchema: {
        MgoIndexKeys: ix.fields.map((f) => ({
          Name: f.name,
          Direction: directionOf(f.direction),
        })),
        MgoIsUnique: !!ix.unique,
      },
    })),
  }))
}

function env(name: string): string {
  const v = process.env[name]
  if (!v) throw new Error(`缺少环境变量 ${name}（见 README 的“部署”一节）`)
  return v
}

async function deployDb(dryRun: boolean) {
  const plan = dbPlan(loadManifest())
  if (dryRun) return console.log(JSON.stringify(plan, null, 2))
  const CloudBase = require('@cloudbase/manager-node')
  const app = new CloudBase({
    secretId: env('TENCENTCLOUD_SECRETID'),
    secretKey: env('TENCENTCLOUD_SECRETKEY'),
    envId: env('HONGLIN_ENV_ID'),
  })
  for (const p of plan) {
    await app.database.createCollectionIfNotExists(p.collection)
    const missing = []
    for (const ix of p.createIndexes) {
      const { Exists } = await app.database.checkIndexExists(p.collection, ix.IndexName)
      if (!Exists) missing.push(ix)
    }
    if (missing.length)
      await app.database.updateCollection(p.collection, { CreateIndexes: missing })
    await app.permission.modifyResourcePermission({
      resourceType: 'collection',
      resource: p.collection,
      permission: 'CUSTOM',
      securityRule: p.securityRule,
    })
    console.log(`db: ${p.collection} (${p.createIndexes.length} indexes, ${missing.length} new)`)
  }
}

function ciProject() {
  const ci = require('miniprogram-ci')
  return {
    ci,
    project: new ci.Project({
      appid: env('HONGLIN_APPID'),
      type: 'miniProgram',
      projectPath: root,
      privateKeyPath: env('HONGLIN_PRIVATE_KEY_PATH'),
      ignores: ['node_modules/**/*', 'cloudfunctions/src/**/*', 'src/**/*', 'test/**/*'],
    }),
  }
}

async function deployFunctions(dryRun: boolean) {
  const dist = path.join(root, 'cloudfunctions/dist')
  const names = fs.existsSync(dist) ? fs.readdirSync(dist) : []
  if (!names.length) throw new Error('先运行 npm run build:functions')
  if (dryRun) return console.log(`functions: ${names.join(', ')}`)
  const { ci, project } = ciProject()
  const envId = env('HONGLIN_ENV_ID')
  for (const name of names) {
    const fnPath = path.join(dist, name)
    const pkg = JSON.parse(fs.readFileSync(path.join(fnPath, 'package.json'), 'utf8'))
    await ci.cloud.uploadFunction({
      project,
      env: envId,
      name,
      path: fnPath,
      // The bundles carry wx-server-sdk; only a dependency left in package.json needs installing.
      remoteNpmInstall: Object.keys(pkg.dependencies ?? {}).length > 0,
    })
    const config = JSON.parse(fs.readFileSync(path.join(fnPath, 'config.json'), 'utf8'))
    if (config.triggers?.length) {
      await ci.cloud.createTimeTrigger({
        project,
        envId,
        functionName: name,
        triggersConfig: config.triggers,
      })
    }
    console.log(`function: ${name}`)
  }
}

async function deployWeapp(dryRun: boolean) {
  if (!fs.existsSync(path.join(root, 'dist/weapp/app.json')))
    throw new Error('先运行 npm run build:weapp')
  const version = process.env.HONGLIN_VERSION ?? require(path.join(root, 'package.json')).version
  if (dryRun) return console.log(`weapp: upload version ${version}`)
  const { ci, project } = ciProject()
  await ci.upload({
    project,
    version,
    desc: process.env.HONGLIN_DESC ?? `Honglin ${version}`,
    setting: { es6: true, minify: true },
    onProgressUpdate: () => undefined,
  })
  console.log(`weapp: uploaded ${version}`)
}

async function main() {
  const args = process.argv.slice(2)
  const dryRun = args.includes('--dry-run')
  const parts = args.filter((a) => !a.startsWith('--'))
  const all = parts.length === 0
  if (all || parts.includes('db')) await deployDb(dryRun)
  if (all || parts.includes('functions')) await deployFunctions(dryRun)
  if (all || parts.includes('weapp')) await deployWeapp(dryRun)
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`部署失败：${(e as Error).message}`)
    process.exit(1)
  })
}
