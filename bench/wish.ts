// The `wish` function in the bench (see section.ts).
import type { BenchSection, JourneyStep } from './section'

const list = (who: string, scope: string, status?: string) => ({
  who,
  action: 'list',
  input: status ? { scope, status } : { scope },
})

// a state change on the wish the journey created last
const onWish = (who: string, action: string, extra: Record<string, unknown> = {}): JourneyStep => ({
  who,
  action,
  inputFrom: (ids) => ({ id: ids.wish, ...extra }),
  change: true,
})

export const wishBench: BenchSection = {
  fn: 'wish',
  scaled: [
    ['wish.stats (resident)', { who: 'demo-resident-1', action: 'stats', input: {} }],
    ['wish.list mine', list('demo-resident-1', 'mine')],
    ['wish.list claimed (volunteer)', list('demo-volunteer-1', 'claimed')],
    ['wish.list grid (resident)', list('demo-resident-1', 'grid')],
    ['wish.list grid, open', list('demo-resident-1', 'grid', 'open')],
    ['wish.list community (resident)', list('demo-resident-1', 'community')],
    ['wish.list community, done (wall)', list('demo-resident-2', 'community', 'done')],
    ['wish.list grid (grid worker, all)', list('demo-gridworker-1', 'grid')],
    ['wish.list community (committee, all)', list('demo-committee-1', 'community')],
    ['wish.list review (grid worker)', list('demo-gridworker-1', 'review')],
    ['wish.list review (committee)', list('demo-committee-1', 'review')],
    ['wish.list review (admin)', list('demo-admin', 'review')],
  ],
  journey: [
    {
      who: 'demo-resident-2',
      action: 'create',
      input: {
        title: '想学用手机挂号',
        content: '请志愿者教我在手机上预约医院',
        category: 'study',
      },
      change: true,
      keep: (data, ids) => (ids.wish = (data as { id: string }).id),
    },
    { who: 'demo-resident-2', action: 'get', inputFrom: (ids) => ({ id: ids.wish }) },
    { who: 'demo-resident-2', action: 'list', input: { scope: 'mine' } },
    { who: 'demo-resident-2', action: 'stats', input: {} },
    onWish('demo-gridworker-1', 'review', { approve: true }),
    onWish('demo-volunteer-1', 'claim'),
    onWish('demo-volunteer-1', 'release', { reason: '临时出差' }),
    onWish('demo-volunteer-1', 'claim'),
    onWish('demo-volunteer-1', 'fulfill', { note: '已经教会了' }),
    onWish('demo-resident-2', 'confirm', { rating: 5, thanks: '太感谢了' }),
    {
      who: 'demo-resident-2',
      action: 'create',
      input: { title: '需要一根拐杖', content: '腿脚不便', category: 'daily' },
      change: true,
      keep: (data, ids) => (ids.wish = (data as { id: string }).id),
    },
    onWish('demo-resident-2', 'cancel'),
    {
      who: 'demo-gridworker-1',
      action: 'createFor',
      input: {
        residentOpenid: 'demo-resident-1',
        title: '陪老人聊聊天',
        content: '每周一次',
        category: 'companionship',
      },
      change: true,
    },
  ],
  // the wish wall, the grid's list and the stats, as residents browse
  mix: (who, n) =>
    [
      list(who, 'community'),
      { who, action: 'stats', input: {} },
      list(who, 'grid'),
      list(who, 'community', 'done'),
    ][n % 4],
}
