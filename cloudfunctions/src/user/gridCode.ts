import { GRID_CODE_PAGE, GridCodeInput, gridScene } from '@/contract/user'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { openapi } from '../lib/cloud'
import type { GridDoc } from '../lib/places'
import { servesGrid } from '../lib/policy'

/**
 * The grid's 小程序码 for a grid worker going door to door: a grid worker of that grid, the
 * committee of its community (or an admin) gets it; scanning it opens binding with the grid
 * chosen. The grid is read with the caller; the code comes from `wxacode.getUnlimited`.
 */
export const gridCode = action(
  GridCodeInput,
  async ({ actor, joined, audit }) => {
    const grid = (joined.grid?.[0] ?? null) as unknown as GridDoc | null
    if (!grid) return fail('NOT_FOUND', '网格不存在', 'gridId')
    if (!servesGrid(actor, { gridId: grid._id, communityId: grid.communityId })) {
      return fail('FORBIDDEN', '只有本网格的网格员或社区两委可以生成网格码', 'gridId')
    }
    const scene = gridScene(grid._id)
    // checkPath false: the code also works before the page is published (trial and develop).
    const res = await openapi<{ buffer: Buffer | Uint8Array; contentType?: string }>(
      'wxacode',
      'getUnlimited',
      { scene, page: GRID_CODE_PAGE, checkPath: false }
    )
    audit('user.gridCode', grid._id, { scene })
    const image = `data:image/png;base64,${Buffer.from(res.buffer).toString('base64')}`
    return ok({ gridId: grid._id, gridName: grid.name, scene, image })
  },
  { load: (input) => [{ as: 'grid', from: 'grids', field: '_id', equals: input.gridId }] }
)
