import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadManifest } from '../../../cloudfunctions/db/manifest'

describe('the database manifest', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-manifest-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, collections: unknown) =>
    fs.writeFileSync(path.join(dir, file), JSON.stringify({ collections }))

  it('gathers the collections of every domain file in the folder', () => {
    write('a.json', { one: { indexes: [{ name: 'x', fields: [{ name: 'x', direction: 1 }] }] } })
    write('b.json', { two: { scan: true } })
    fs.writeFileSync(path.join(dir, 'notes.md'), 'not a manifest')
    expect(loadManifest(dir).collections).toEqual({
      one: { indexes: [{ name: 'x', fields: [{ name: 'x', direction: 1 }] }] },
      two: { scan: true, indexes: [] },
    })
  })

  it('refuses a collection declared by two files', () => {
    write('a.json', { same: {} })
    write('b.json', { same: {} })
    expect(() => loadManifest(dir)).toThrow(/same is declared in both/)
  })

  it("holds the project's collections, one file per domain", () => {
    const { collections } = loadManifest()
    expect(Object.keys(collections)).toEqual(
      expect.arrayContaining(['users', 'wishes', 'communities', 'grids', 'audit', 'counters'])
    )
  })
})
