// The `wish` function in the bench (see section.ts).
import type { BenchSection } from './section'

const list = (who: string, scope: string, status?: string) => ({
  who,
  action: 'list',
  input: status ? { scope, status } : { scope },
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
    {
      who: 'demo-gridworker-1',
      action: 'review',
      inputFrom: (ids) => ({ id: ids.wish, approve: true }),
      change: true,
    },
    {
      who: 'demo-volunteer-1',
      action: 'claim',
      inputFrom: (ids) => ({ id: ids.wish }),
      change: true,
    },
    {
      who: 'demo-volunteer-1',
      action: 'release',
      inputFrom: (ids) => ({ id: ids.wish, reason: '临时出差' }),
      change: true,
    },
    {
      who: 'demo-volunteer-1',
      action: 'claim',
      inputFrom: (ids) => ({ id: ids.wish }),
      change: true,
    },
    {
      who: 'demo-volunteer-1',
      action: 'fulfill',
      inputFrom: (ids) => ({ id: ids.wish, note: '已经教会了' }),
      change: true,
    },
    {
      who: 'demo-resident-2',
      action: 'confirm',
      inputFrom: (ids) => ({ id: ids.wish, rating: 5, thanks: '太感谢了' }),
      change: true,
    },
    {
      who: 'demo-resident-2',
      action: 'create',
      input: { title: '需要一根拐杖', content: '腿脚不便', category: 'daily' },
      change: true,
      keep: (data, ids) => (ids.wish = (data as { id: string }).id),
    },
    {
      who: 'demo-resident-2',
      action: 'cancel',
      inputFrom: (ids) => ({ id: ids.wish }),
      change: true,
    },
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
