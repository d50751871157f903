import { db } from './cloud'

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

export async function findGrid(gridId: string): Promise<GridDoc | null> {
  const { data } = await grids().where({ _id: gridId }).limit(1).get()
  return data[0] ?? null
}

export async function findCommunity(id: string): Promise<CommunityDoc | null> {
  const { data } = await communities().where({ _id: id }).limit(1).get()
  return data[0] ?? null
}
