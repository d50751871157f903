// The `user` function in the bench (see section.ts).
import type { BenchSection } from './section'

export const userBench: BenchSection = {
  fn: 'user',
  scaled: [
    ['user.me (resident)', { who: 'demo-resident-1', action: 'me' }],
    ['user.counts (resident)', { who: 'demo-resident-1', action: 'counts' }],
    ['user.counts (grid worker)', { who: 'demo-gridworker-1', action: 'counts' }],
    ['user.counts (committee)', { who: 'demo-committee-1', action: 'counts' }],
    [
      'user.listResidents (grid worker)',
      { who: 'demo-gridworker-1', action: 'listResidents', input: {} },
    ],
    [
      'user.listResidents (committee)',
      { who: 'demo-committee-1', action: 'listResidents', input: {} },
    ],
    [
      'user.listPendingResidents (grid worker)',
      { who: 'demo-gridworker-1', action: 'listPendingResidents', input: {} },
    ],
    [
      'user.listPendingResidents (committee)',
      { who: 'demo-committee-1', action: 'listPendingResidents', input: {} },
    ],
  ],
  journey: [
    { who: 'demo-resident-1', action: 'me' },
    { who: 'demo-resident-1', action: 'counts' },
    { who: 'demo-newcomer', action: 'listGrids' },
    { who: 'demo-resident-1', action: 'myGrid' },
    {
      who: 'demo-newcomer',
      action: 'bindGrid',
      input: {
        gridId: 'g1',
        buildingId: 'g1-b1',
        room: '909',
        name: '测试居民',
        phone: '13900000000',
      },
      change: true,
    },
    { who: 'demo-gridworker-1', action: 'listPendingResidents', input: {} },
    { who: 'demo-gridworker-1', action: 'listResidents', input: {} },
    {
      who: 'demo-gridworker-1',
      action: 'verifyResident',
      input: { openid: 'demo-newcomer', approve: true },
      change: true,
    },
    { who: 'demo-resident-2', action: 'updateProfile', input: { elderMode: true }, change: true },
    {
      who: 'demo-committee-1',
      action: 'setRoles',
      input: { openid: 'demo-resident-2', roles: ['volunteer'] },
      change: true,
    },
    { who: 'demo-resident-2', action: 'exportMyData' },
    { who: 'demo-resident-2', action: 'deleteMe', change: true },
  ],
  // home (me + counts) on every visit; a profile change now and then
  mix: (who, n) =>
    n % 4 === 3
      ? { who, action: 'updateProfile', input: { elderMode: n % 8 === 3 }, change: true }
      : { who, action: n % 2 ? 'counts' : 'me' },
}
