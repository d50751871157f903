import { MyGridInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import type { UserDoc } from '../lib/actor'
import type { GridDoc } from '../lib/places'
import { countersOf, countOf, joinedCounters } from '../lib/counters'
import { seesStaffContact } from './policy'
import { staffContact } from './view'

/**
 * The caller's grid with its grid workers (in full, with 拨打, for its verified residents and
 * staff; masked while the binding waits) and how many verified residents it has (a kept
 * counter): all read with the caller, one round trip.
 */
export const myGrid = action(
  MyGridInput,
  async ({ actor, joined }) => {
    const gridId = actor.gridId!
    const grid = (joined.grid ?? []).find((g) => g._id === gridId) as unknown as GridDoc | undefined
    if (!grid) return fail('NOT_FOUND', '网格不存在')
    const counted = joinedCounters(joined, 'home').find((d) => d.communityId === grid.communityId)
    const workers = (joined.workers ?? []) as unknown as UserDoc[]
    const full = seesStaffContact(actor, { gridId, communityId: grid.communityId })
    return ok({
      grid: {
        id: grid._id,
        name: grid.name,
        communityId: grid.communityId,
        communityName: actor.user?.communityName ?? '',
        buildingCount: grid.buildings.length,
      },
      workers: workers
        .filter((w) => w.roles.includes('gridWorker') && w.workerGridIds?.includes(gridId))
        .sort((a, b) => (a._id < b._id ? -1 : 1))
        .map((w) => staffContact(actor, w, full)),
      residentCount: countOf(counted?.grids[gridId], 'user.verified'),
    })
  },
  {
    gate: 'bound',
    read: true,
    load: () => [
      { as: 'grid', from: 'grids', field: '_id', actorField: 'gridId' },
      { as: 'workers', from: 'users', field: 'workerGridIds', actorField: 'gridId' },
      countersOf.home,
    ],
  }
)
