// Optimistic transactions. Reads go to the store (recording each document's version) or to the
// transaction's own buffered writes; nothing touches the store until commit, which re-checks the
// recorded versions under the locks of every collection involved and then applies all writes.
import { compareIds } from './plain'
import { compile } from './query'
import type { Change, Collection } from './store'
import type { Doc } from './wire'

export { compareIds }

const byId = (a: Doc, b: Doc) => compareIds(a._id, b._id)

export class Transaction {
  private readonly reads = new Map<Collection, Map<unknown, number>>()
  private readonly writes = new Map<Collection, Map<unknown, Doc | null>>()
  lastUsed = Date.now()

  constructor(readonly id: string) {}

  collections(): Collection[] {
    return [...new Set([...this.reads.keys(), ...this.writes.keys()])]
  }

  // Documents matching `filter` as this transaction sees them, in _id order.
  view(coll: Collection, filter: Doc): Doc[] {
    const overlay = this.writes.get(coll)
    const { test, conj } = compile(filter)
    const stored = coll.candidates(filter, conj).docs.filter((d) => !overlay?.has(d._id) && test(d))
    for (const d of stored) this.noteRead(coll, d._id)
    const own = overlay ? [...overlay.values()].filter((d): d is Doc => d !== null && test(d)) : []
    return [...stored, ...own].sort(byId)
  }

  get(coll: Collection, id: unknown): Doc | undefined {
    const overlay = this.writes.get(coll)
    if (overlay?.has(id)) return overlay.get(id) ?? undefined
    this.noteRead(coll, id)
    return coll.byId(id)
  }

  // Buffers writes; unique keys are checked now (as the real service does at write time) and
  // again at commit.
  stage(coll: Collection, changes: Change[]): void {
    let overlay = this.writes.get(coll)
    if (!overlay) this.writes.set(coll, (overlay = new Map()))
    const next = new Map(overlay)
    for (const c of changes) {
      this.noteRead(coll, c.id)
      next.set(c.id, c.after ?? null)
    }
    coll.checkUnique(this.changesFrom(coll, next))
    this.writes.set(coll, next)
  }

  // True when no document this transaction read or wrote changed since.
  unchanged(): boolean {
    for (const [coll, versions] of this.reads) {
      for (const [id, v] of versions) if (coll.version(id) !== v) return false
    }
    return true
  }

  changes(coll: Collection): Change[] {
    return this.changesFrom(coll, this.writes.get(coll) ?? new Map())
  }

  private changesFrom(coll: Collection, overlay: Map<unknown, Doc | null>): Change[] {
    const out: Change[] = []
    for (const [id, after] of overlay) {
      const before = coll.byId(id)
      if (!before && !after) continue
      out.push({ id, before, after: after ?? undefined })
    }
    return out
  }

  private noteRead(coll: Collection, id: unknown): void {
    let versions = this.reads.get(coll)
    if (!versions) this.reads.set(coll, (versions = new Map()))
    if (!versions.has(id)) versions.set(id, coll.version(id))
  }
}
