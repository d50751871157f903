import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import type { Join } from '../lib/load'
import type { MatterDoc } from './store'

// Who acted, as the public sees them (timeline `by`, the `handler` label): never a real name,
// room or phone. And who is told: the people read with the caller.

export const RESIDENT = '居民'
export const SYSTEM = '系统'
export const COMMITTEE = '社区两委'

/** The handler's public label: '网格员 <nickname>' at level grid, '社区两委' at level community. */
export const handlerLabel = (actor: Actor, m: Pick<MatterDoc, 'level'>): string =>
  m.level === 'grid' ? `网格员 ${actor.user?.nickname || ''}`.trim() : COMMITTEE

/** The grid workers of the caller's grid, read with the caller (a report tells them). */
export const gridWorkersOfCaller: Join = {
  as: 'workers',
  from: 'users',
  field: 'workerGridIds',
  actorField: 'gridId',
}

/** The committee of the target matter's community, read with it (an escalation tells them). */
export const committeeOfMatter: Join = {
  as: 'committee',
  from: 'users',
  field: 'committeeCommunityId',
  targetField: 'communityId',
}

/** The openids of joined users who hold `role` (the joined field alone does not grant it). */
export const holdersOf = (joined: Record<string, Doc[]>, as: string, role: string): string[] =>
  (joined[as] ?? [])
    .filter((u) => ((u.roles as string[] | undefined) ?? []).includes(role))
    .map((u) => u._id)
