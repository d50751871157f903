import type { ViewerCounts } from '@/contract/viewer'
import type { Counted, DomainCounters } from '../lib/counters'
import type { Doc } from '../lib/cloud'
import { isStaff } from '../lib/policy'
import type { TopicDoc } from './store'

// What the deliberation domain counts. Open topics and comments awaiting a moderator are few, so
// they are read with the viewer (an open topic carries its grid or community, a comment awaiting
// review its community and grids) and cost no counter write; nothing is counted per grid. Pure.

type Counts = ViewerCounts['counts']

export const topicCounted: Counted<Pick<TopicDoc, 'communityId'>> = {
  collection: 'deliberations',
  fields: ['communityId'],
  place: () => null,
  keys: () => [],
}

const distinct = (...lists: (Doc[] | undefined)[]): Doc[] => {
  const seen = new Map<string, Doc>()
  for (const d of lists.flatMap((l) => l ?? [])) seen.set(d._id, d)
  return [...seen.values()]
}

export const deliberationCounters: DomainCounters = {
  counted: topicCounted as Counted<never>,
  viewerLoads: () => [
    { as: 'delibOpenGrid', from: 'deliberations', field: 'openGrid', actorField: 'gridId' },
    {
      as: 'delibOpenCommunity',
      from: 'deliberations',
      field: 'openCommunity',
      actorField: 'communityId',
    },
    {
      as: 'delibAwaitingCommunity',
      from: 'deliberationComments',
      field: 'awaitingCommunity',
      actorField: 'committeeCommunityId',
    },
    {
      as: 'delibAwaitingGrids',
      from: 'deliberationComments',
      field: 'awaitingGrids',
      actorField: 'workerGridIds',
    },
  ],
  viewerCounts(actor, _year, _grids, joined) {
    const out: Counts = {}
    if (actor.verified) {
      const open = distinct(
        joined.delibOpenGrid,
        joined.delibOpenCommunity
      ) as unknown as TopicDoc[]
      out['deliberation.open'] = open.length
      out['deliberation.voting'] = open.filter((t) => t.phase === 'voting').length
    }
    if (isStaff(actor) && !actor.isAdmin) {
      out['deliberation.reported'] = distinct(
        joined.delibAwaitingCommunity,
        joined.delibAwaitingGrids
      ).length
    }
    return out
  },
}
