// `user` over the local HTTP API: me latency over 1,000 calls, and database round trips per
// action (each costs 5–20 ms on the real service, so this is our production latency proxy).
import type { Emulator } from '../emulator/server'
import { callApi, ms, summary, table } from './lib'

export async function reportUser(emu: Emulator): Promise<string> {
  const base = emu.url
  for (let i = 0; i < 50; i++) await callApi(base, 'user', 'demo-resident-1', 'me') // warm the instance
  const samples: number[] = []
  for (let i = 0; i < 1000; i++)
    samples.push((await callApi(base, 'user', 'demo-resident-1', 'me')).ms)
  const s = summary(samples)

  const personas = ['demo-resident-1', 'demo-resident-2', 'demo-volunteer-1', 'demo-committee-1']
  const burst = (perClient: number) =>
    Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < perClient; i++)
          await callApi(base, 'user', personas[w % personas.length], 'me')
      })
    )
  await burst(10) // the pool grows to 8 instances; their cold starts are not throughput
  const started = Date.now()
  await burst(250)
  const throughput = 2000 / ((Date.now() - started) / 1000)

  await emu.reset()
  const steps: [string, string, unknown][] = [
    ['demo-resident-1', 'me', undefined],
    ['demo-newcomer', 'listGrids', undefined],
    ['demo-resident-1', 'myGrid', undefined],
    [
      'demo-newcomer',
      'bindGrid',
      { gridId: 'g1', buildingId: 'g1-b1', room: '909', name: '测试居民', phone: '13900000000' },
    ],
    ['demo-gridworker-1', 'listPendingResidents', {}],
    ['demo-gridworker-1', 'listResidents', {}],
    ['demo-gridworker-1', 'verifyResident', { openid: 'demo-newcomer', approve: true }],
    ['demo-resident-2', 'updateProfile', { elderMode: true }],
    ['demo-committee-1', 'setRoles', { openid: 'demo-resident-2', roles: ['volunteer'] }],
    ['demo-resident-2', 'exportMyData', undefined],
    ['demo-resident-2', 'deleteMe', undefined],
  ]
  const rows: (string | number)[][] = [['action', 'ok', 'db round trips', 'unindexed']]
  for (const [who, action, input] of steps) {
    const r = await callApi(base, 'user', who, action, input)
    rows.push([`user.${action}`, r.body.ok ? 'ok' : r.body.error!.code, r.roundTrips, r.unindexed])
  }
  await emu.reset()
  return [
    `user.me over the local API, 1,000 sequential calls: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`,
    `user.me, 8 concurrent clients × 250 calls (warm pool): ${throughput.toFixed(0)} calls/s`,
    '',
    table(rows),
  ].join('\n')
}
