import { MyGridInput } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { users } from '../lib/actor'
import { findGrid } from '../lib/places'
import { seesStaffContact } from './policy'
import { staffContact } from './view'

/** The caller's grid with its grid workers (masked for residents) and how many residents it has. */
export const myGrid = action(
  MyGridInput,
  async ({ actor }) => {
    const gridId = actor.gridId!
    const [grid, workers, residents] = await Promise.all([
      findGrid(gridId),
      users().where({ workerGridIds: gridId }).limit(50).get(),
      users().where({ gridId, bindStatus: 'verified' }).count(),
    ])
    if (!grid) return fail('NOT_FOUND', '网格不存在')
    const full = seesStaffContact(actor, grid.communityId)
    return ok({
      grid: {
        id: grid._id,
        name: grid.name,
        communityId: grid.communityId,
        communityName: actor.user?.communityName ?? '',
        buildingCount: grid.buildings.length,
      },
      workers: workers.data
        .filter((w) => w.roles.includes('gridWorker'))
        .map((w) => staffContact(w, full)),
      residentCount: residents.total,
    })
  },
  { gate: 'bound', read: true }
)
