// `wish` over the local HTTP API with 50,000 wishes in the community: list latency, database
// round trips per action (targets: list/get ≤ 2, state changes ≤ 4 with the audit entry), and
// whether every query was served by a declared index.
import type { Emulator } from '../emulator/server'
import { demoData } from '../emulator/seed'
import { callApi, ms, summary, table, type ApiAnswer } from './lib'

const WISHES = 50_000
const STATUSES = [
  'open',
  'claimed',
  'fulfilled',
  'done',
  'done',
  'done',
  'rejected',
  'cancelled',
] as const
const CATEGORIES = ['daily', 'study', 'health', 'companionship', 'other'] as const

function seedWishes(now: number): Record<string, unknown>[] {
  const base = demoData(new Date(now))
  const authors = (base.users as Record<string, unknown>[]).filter(
    (u) => u.bindStatus === 'verified'
  )
  return Array.from({ length: WISHES }, (_, i) => {
    const a = authors[i % authors.length]
    const status = STATUSES[i % STATUSES.length]
    const at = new Date(now - (WISHES - i) * 60_000)
    const id = `bench-${String(i).padStart(6, '0')}`
    const claimed = ['claimed', 'fulfilled', 'done'].includes(status)
    return {
      _id: id,
      title: `心愿 ${i}`,
      content: '帮忙修一下楼道的灯',
      category: CATEGORIES[i % CATEGORIES.length],
      status,
      gridId: a.gridId,
      gridName: a.gridName,
      communityId: a.communityId,
      slot: id, // seeded wishes do not hold their authors' active slots
      authorOpenid: a._id,
      authorNickname: a.nickname,
      authorName: a.realName,
      authorPhone: a.phone,
      authorBuildingName: a.buildingName,
      authorRoom: a.room,
      filedBy: null,
      claimerOpenid: claimed ? 'demo-volunteer-1' : null,
      claimerNickname: claimed ? '志强' : null,
      claimerName: claimed ? '赵志强' : null,
      claimerPhone: claimed ? '13800000005' : null,
      reviewedBy: 'demo-gridworker-1',
      rejectReason: status === 'rejected' ? '不属于心愿范围' : null,
      releaseReason: null,
      fulfillNote: null,
      rating: status === 'done' ? 5 : null,
      thanks: status === 'done' ? '谢谢你们！' : null,
      autoConfirmed: false,
      createdAt: at,
      reviewedAt: at,
      claimedAt: claimed ? at : null,
      fulfilledAt: ['fulfilled', 'done'].includes(status) ? at : null,
      doneAt: status === 'done' ? at : null,
      cancelledAt: status === 'cancelled' ? at : null,
      updatedAt: at,
      timeline: [{ at, type: 'created', text: '发布了心愿' }],
    }
  })
}

async function latency(run: () => Promise<ApiAnswer>, n: number) {
  const samples: number[] = []
  let roundTrips = 0
  for (let i = 0; i < n; i++) {
    const r = await run()
    if (!r.body.ok) throw new Error(`bench call failed: ${JSON.stringify(r.body.error)}`)
    samples.push(r.ms)
    roundTrips = r.roundTrips
  }
  return { ...summary(samples), roundTrips }
}

export async function reportWish(emu: Emulator): Promise<string> {
  const base = emu.url
  const now = emu.clock.now()
  const loadStart = Date.now()
  await emu.db.resetAll({ ...demoData(new Date(now)), wishes: seedWishes(now) })
  const loadMs = Date.now() - loadStart
  emu.db.resetQueryStats()

  const call = (who: string, action: string, input?: unknown) =>
    callApi(base, 'wish', who, action, input)
  await call('demo-resident-1', 'list', { scope: 'community' }) // cold start of the instance

  const lists: [string, () => Promise<ApiAnswer>][] = [
    [
      'list community (first page of 20)',
      () => call('demo-resident-1', 'list', { scope: 'community' }),
    ],
    [
      'list grid, status open',
      () => call('demo-resident-1', 'list', { scope: 'grid', status: 'open' }),
    ],
    [
      'list community done (wish wall)',
      () => call('demo-resident-2', 'list', { scope: 'community', status: 'done' }),
    ],
    ['list mine', () => call('demo-resident-1', 'list', { scope: 'mine' })],
    ['list claimed', () => call('demo-volunteer-1', 'list', { scope: 'claimed' })],
    ['get', () => call('demo-resident-1', 'get', { id: 'bench-049995' })],
  ]
  const lrows: (string | number)[][] = [['query', 'p50', 'p95', 'db round trips']]
  for (const [name, run] of lists) {
    const s = await latency(run, 200)
    lrows.push([`wish.${name}`, ms(s.p50), ms(s.p95), s.roundTrips])
  }
  // Deep pagination: the 50th page through keyset cursors.
  let cursor: string | undefined
  let deep: ApiAnswer | undefined
  for (let p = 0; p < 50; p++) {
    deep = await call('demo-resident-1', 'list', { scope: 'community', cursor })
    cursor = (deep.body.data as { nextCursor: string | null }).nextCursor ?? undefined
  }
  lrows.push(['wish.list community, page 50', ms(deep!.ms), '', deep!.roundTrips])

  const steps: [string, string, (ids: Record<string, string>) => unknown][] = [
    [
      'demo-resident-2',
      'create',
      () => ({
        title: '想学用手机挂号',
        content: '请志愿者教我在手机上预约医院',
        category: 'study',
      }),
    ],
    ['demo-gridworker-1', 'review', (ids) => ({ id: ids.wish, approve: true })],
    ['demo-volunteer-1', 'claim', (ids) => ({ id: ids.wish })],
    ['demo-volunteer-1', 'release', (ids) => ({ id: ids.wish, reason: '临时出差' })],
    ['demo-volunteer-1', 'claim', (ids) => ({ id: ids.wish })],
    ['demo-volunteer-1', 'fulfill', (ids) => ({ id: ids.wish, note: '已经教会了' })],
    ['demo-resident-2', 'confirm', (ids) => ({ id: ids.wish, rating: 5, thanks: '太感谢了' })],
    [
      'demo-resident-2',
      'create',
      () => ({ title: '需要一根拐杖', content: '腿脚不便', category: 'daily' }),
    ],
    ['demo-resident-2', 'cancel', (ids) => ({ id: ids.wish })],
    [
      'demo-gridworker-1',
      'createFor',
      () => ({
        residentOpenid: 'demo-resident-1',
        title: '陪老人聊聊天',
        content: '每周一次',
        category: 'companionship',
      }),
    ],
    ['demo-resident-1', 'stats', () => ({})],
  ]
  const srows: (string | number)[][] = [['action', 'result', 'db round trips', 'target']]
  const ids: Record<string, string> = {}
  for (const [who, action, input] of steps) {
    const r = await call(who, action, input(ids))
    if (r.body.ok && action.startsWith('create')) ids.wish = (r.body.data as { id: string }).id
    const target = action === 'stats' ? '' : '≤ 4'
    srows.push([`wish.${action}`, r.body.ok ? 'ok' : r.body.error!.code, r.roundTrips, target])
  }
  const q = emu.db.queryStats()
  return [
    `${WISHES.toLocaleString('en')} wishes loaded in ${(loadMs / 1000).toFixed(1)} s`,
    '',
    table(lrows),
    '',
    table(srows),
    '',
    `queries: ${q.served} served by a declared index, ${q.unserved} not${q.unserved ? `: ${JSON.stringify(q.unservedQueries)}` : ''}`,
  ].join('\n')
}
