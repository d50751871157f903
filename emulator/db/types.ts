// Types of the database service, apart from index.ts so that the implementation files import them
// without importing the module that imports them (no cycle through index.ts).
import type { Manifest } from '../../cloudfunctions/db/manifest'

export type { CollectionSpec, IndexSpec, Manifest } from '../../cloudfunctions/db/manifest'

export interface QueryEvent {
  collection: string
  action: string
  served: boolean
  reason?: string
  query?: unknown
  order?: unknown
}

export interface DbServiceOptions {
  dataDir: string
  manifest: Manifest
  // epoch ms as the emulator's (possibly shifted) clock sees it; used for serverDate
  now: () => number
  onQuery?: (event: QueryEvent, tag: string | undefined) => void
}

export interface QueryStats {
  served: number
  unserved: number
  // "collection action: reason" → count
  unservedQueries: Record<string, number>
}

export interface DbService {
  // One POST /admin JSON body in, the JSON reply the SDK expects out. Never throws: errors become
  // {requestId, code, message}. `tag` is passed through to onQuery.
  handle(body: Record<string, unknown>, tag?: string): Promise<Record<string, unknown>>
  // Drops every collection's data, recreates manifest collections, inserts these documents.
  resetAll(seed: Record<string, Record<string, unknown>[]>): Promise<void>
  // Is the store empty (first start)?
  isEmpty(): Promise<boolean>
  // Plain reads for local tooling and tests (no index check), as deep copies.
  find(collection: string, filter?: Record<string, unknown>): Promise<Record<string, unknown>[]>
  close(): Promise<void>
  // Additions: counters of served/unserved queries since start (or the last reset).
  queryStats(): QueryStats
  resetQueryStats(): void
  // Names of the collections that currently exist.
  collectionNames(): string[]
}
