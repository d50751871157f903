// npx tsx bench/volunteer-counts.ts [--sizes=1000,100000]: `user.counts` (the home badges, read
// on every visit) for a resident and a volunteer on the bench datasets (see dataset.ts), p50 / p95
// and round trips, on the built functions (npm run build:functions first).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi, ms, summary, table } from './lib'
import { spawnEmulator } from './process'
import { generate, writeDataDir } from './dataset'

const SAMPLES = 40
const arg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length)
const sizes = (arg ?? '1000,100000').split(',').map(Number)
const viewers = ['demo-resident-1', 'demo-volunteer-1', 'demo-committee-1']

async function measure(size: number): Promise<string[][]> {
  const { data } = generate(size)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-counts-'))
  writeDataDir(dir, data)
  const emu = await spawnEmulator(dir)
  try {
    const rows: string[][] = []
    for (const who of viewers) {
      await callApi(emu.url, 'user', who, 'counts') // the instance's cold start
      const samples: number[] = []
      let trips = 0
      let counts = {}
      for (let i = 0; i < SAMPLES; i++) {
        const a = await callApi(emu.url, 'user', who, 'counts')
        samples.push(a.ms)
        trips = Math.max(trips, a.roundTrips)
        counts = (a.body.data as { counts: Record<string, number> }).counts
      }
      const s = summary(samples)
      const vol = Object.entries(counts).filter(([k]) => k.startsWith('volunteer.'))
      rows.push([
        `${size}`,
        who,
        ms(s.p50),
        ms(s.p95),
        String(trips),
        vol.map(([k, v]) => `${k.slice(10)} ${v}`).join(', '),
      ])
    }
    return rows
  } finally {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const rows = [['size', 'viewer', 'p50', 'p95', 'trips', 'volunteer counts']]
  for (const size of sizes) rows.push(...(await measure(size)))
  console.log(table(rows))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
