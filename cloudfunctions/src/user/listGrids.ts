import { ListGridsInput, type GridsTree } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { communities, grids } from '../lib/places'

export const listGrids = action(
  ListGridsInput,
  async () => {
    const [cs, gs] = await Promise.all([
      communities().orderBy('_id', 'asc').limit(1000).get(),
      grids().orderBy('_id', 'asc').limit(1000).get(),
    ])
    const tree: GridsTree = {
      communities: cs.data.map((c) => ({
        id: c._id,
        name: c.name,
        grids: gs.data
          .filter((g) => g.communityId === c._id)
          .map((g) => ({
            id: g._id,
            name: g.name,
            buildings: g.buildings.map((b) => ({ id: b.id, name: b.name })),
          })),
      })),
    }
    return ok(tree)
  },
  { gate: 'identity', read: true }
)
