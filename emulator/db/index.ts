// The emulator's CloudBase database: answers the JSON bodies that the real wx-server-sdk POSTs to
// /admin, backed by one persisted nedb file per collection (mingo supplies MongoDB semantics), and
// reports every query that no declared index would serve. The collections and indexes come from
// the project manifest (cloudfunctions/db/manifest.ts).
import { openService } from './service'
import type { DbService, DbServiceOptions } from './types'

export { loadManifest } from '../../cloudfunctions/db/manifest'
export type * from './types'

export function createDbService(opts: DbServiceOptions): Promise<DbService> {
  return openService(opts)
}
