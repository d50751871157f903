import { db } from './cloud'
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
