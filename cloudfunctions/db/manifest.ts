// The database manifest: every collection, its indexes and its client rule, declared per domain
// in `collections/<domain>.json` (each `{ "collections": { "<name>": {…} } }`). The emulator
// checks every query against it, `npm run deploy -- db` creates it, the tests read it. A new
// domain adds one file to the folder; nothing here lists the domains.
import { readdirSync, readFileSync, statSync } from 'fs'
import path from 'path'

export interface IndexSpec {
  name: string
  fields: { name: string; direction: 1 | -1 | 'asc' | 'desc' | '2dsphere' }[]
  unique?: boolean
}

export interface CollectionSpec {
  /** small, bounded collection: any query may scan it */
  scan?: boolean
  /** client security rule (default: deny all; data goes through functions) */
  rules?: { read: boolean | string; write: boolean | string }
  indexes: IndexSpec[]
}

export interface Manifest {
  collections: Record<string, CollectionSpec>
}

export const collectionsDir = path.join(__dirname, 'collections')

/** Reads every `*.json` of `source` (a folder, or one file), in name order. */
export function loadManifest(source: string = collectionsDir): Manifest {
  const files = statSync(source).isDirectory()
    ? readdirSync(source)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(source, f))
    : [source]
  const collections: Record<string, CollectionSpec> = {}
  const from: Record<string, string> = {}
  for (const file of files) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as {
      collections?: Record<string, Partial<CollectionSpec>>
    }
    for (const [name, spec] of Object.entries(raw.collections ?? {})) {
      if (from[name]) {
        throw new Error(`collection ${name} is declared in both ${from[name]} and ${file}`)
      }
      from[name] = file
      collections[name] = { ...spec, indexes: spec.indexes ?? [] }
    }
  }
  return { collections }
}
