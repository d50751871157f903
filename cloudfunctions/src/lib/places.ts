import { db } from './cloud'
import type { UserDoc } from './actor'
import { findById } from './store'

export interface CommunityDoc {
  _id: string
  name: string
  streetId: string
  streetName: string
}

export interface GridDoc {
  _id: string
  name: string
  communityId: string
  /** Denormalised from `communities` (names change rarely; saves a read on every binding). */
  communityName?: string
  buildings: { id: string; name: string }[]
}

// Communities and grids are small reference collections (declared `scan` in the manifest).
export const communities = () => db().collection<CommunityDoc>('communities')
export const grids = () => db().collection<GridDoc>('grids')

export const findGrid = (id: string) => findById<GridDoc>('grids', id)
export const findCommunity = (id: string) => findById<CommunityDoc>('communities', id)

/** What a new item (a wish, an errand, …) keeps of the resident it is for. */
export type ResidentSnapshot = Pick<
  UserDoc,
  | '_id'
  | 'nickname'
  | 'realName'
  | 'phone'
  | 'gridId'
  | 'gridName'
  | 'communityId'
  | 'buildingId'
  | 'buildingName'
  | 'room'
>

/**
 * The names of a resident's grid and building ('' when unknown). `bindGrid` writes them onto the
 * profile; only an older profile without them costs a lookup of the grid.
 */
export async function placeNamesOf(
  p: Pick<UserDoc, 'gridId' | 'gridName' | 'buildingId' | 'buildingName'>
): Promise<{ gridName: string; buildingName: string }> {
  if (p.gridName && p.buildingName) return { gridName: p.gridName, buildingName: p.buildingName }
  const { data } = await grids()
    .where({ _id: p.gridId ?? '' })
    .limit(1)
    .get()
  return {
    gridName: p.gridName || data[0]?.name || '',
    buildingName:
      p.buildingName || data[0]?.buildings.find((x) => x.id === p.buildingId)?.name || '',
  }
}
