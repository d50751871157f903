// The emulator's CloudBase database: answers the JSON bodies that the real wx-server-sdk POSTs to
// /admin, backed by one persisted nedb file per collection (mingo supplies MongoDB semantics), and
// reports every query that no declared index would serve.
import { readFileSync } from 'fs'
import path from 'path'
import { openService } from './service'

export interface IndexSpec {
  name: string
  fields: { name: string; direction: 1 | -1 | 'asc' | 'desc' }[]
  unique?: boolean
}
export interface CollectionSpec {
  scan?: boolean
  rules?: unknown
  indexes: IndexSpec[]
}
export interface Manifest {
  collections: Record<string, CollectionSpec>
}

export function loadManifest(
  file: string = path.resolve(__dirname, '../../cloudfunctions/db/collections.json')
): Manifest {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    collections?: Record<string, Partial<CollectionSpec>>
  }
  const collections: Record<string, CollectionSpec> = {}
  for (const [name, spec] of Object.entries(raw.collections ?? {})) {
    collections[name] = { ...spec, indexes: spec.indexes ?? [] }
  }
  return { collections }
}

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

export function createDbService(opts: DbServiceOptions): Promise<DbService> {
  return openService(opts)
}
