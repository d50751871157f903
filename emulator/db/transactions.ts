// Transactions as the service (MongoDB) runs them: snapshot isolation.
// - The snapshot is taken at the transaction's first read or write: it then reads the documents
//   as they were at that point (the collections keep earlier states while transactions are
//   open), plus its own buffered writes.
// - A write to a document that another open transaction has written, or that was written by
//   anyone since the snapshot, fails at once with DATABASE_TRANSACTION_CONFLICT, and the
//   transaction is over (the SDK's runTransaction then starts it again).
// - Reads are not validated: a transaction whose read documents changed meanwhile still commits
//   (write skew is possible, as on the service); at commit only its own writes are checked again.
// - Nothing touches the store until commit, which applies every write under the locks of the
//   collections involved.
import { DbError } from './errors'
import { compile } from './query'
import type { Change, Collection, WriteClock } from './store'
import type { Doc } from './wire'

// How long a transaction may live, from its start (the service's message says 30 seconds).
export const TRANSACTION_LIFETIME_MS = 30_000

export const transactionConflict = () =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
  )

export const transactionNotExist = () =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.'
  )

export class Transaction {
  private readonly writes = new Map<Collection, Map<unknown, Doc | null>>()
  // the write sequence number the transaction reads at; set by its first operation
  private snapshot: number | undefined

  constructor(
    readonly id: string,
    readonly startedAt: number,
    private readonly clock: WriteClock
  ) {}

  get readsAt(): number | undefined {
    return this.snapshot
  }

  collections(): Collection[] {
    return [...this.writes.keys()]
  }

  private begin(): number {
    this.snapshot ??= this.clock.seq
    return this.snapshot
  }

  // Documents matching `filter` as this transaction sees them, in natural order.
  view(coll: Collection, filter: Doc): Doc[] {
    const at = this.begin()
    const overlay = this.writes.get(coll)
    const { test, conj } = compile(filter)
    const changed = coll.changedSince(at)
    const seen = (id: unknown) => changed.has(id) || overlay?.has(id) === true
    const docs = coll.candidates(filter, conj).docs.filter((d) => !seen(d._id))
    for (const [id, then] of changed) if (then && !overlay?.has(id)) docs.push(then)
    for (const own of overlay?.values() ?? []) if (own) docs.push(own)
    return docs.filter(test).sort(coll.naturalOrder)
  }

  get(coll: Collection, id: unknown): Doc | undefined {
    const at = this.begin()
    const overlay = this.writes.get(coll)
    if (overlay?.has(id)) return overlay.get(id) ?? undefined
    return coll.at(id, at)
  }

  // Has this transaction a buffered write to `id`?
  hasWrite(coll: Collection, id: unknown): boolean {
    return this.writes.get(coll)?.has(id) === true
  }

  // Buffers writes. Throws a conflict when another open transaction (`others`) has written one
  // of the documents, or someone wrote it since the snapshot. Unique keys are checked now (as the
  // service does at write time) and again at commit.
  stage(coll: Collection, changes: Change[], others: Iterable<Transaction>): void {
    const at = this.begin()
    const rivals = [...others].filter((t) => t !== this)
    for (const c of changes) {
      if (coll.version(c.id) > at || rivals.some((t) => t.hasWrite(coll, c.id))) {
        throw transactionConflict()
      }
    }
    const next = new Map(this.writes.get(coll))
    for (const c of changes) next.set(c.id, c.after ?? null)
    coll.checkUnique(this.changesFrom(coll, next))
    this.writes.set(coll, next)
  }

  // True when a document this transaction wrote was written by someone else since its snapshot.
  conflicted(): boolean {
    const at = this.snapshot ?? this.clock.seq
    for (const [coll, overlay] of this.writes) {
      for (const id of overlay.keys()) if (coll.version(id) > at) return true
    }
    return false
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
}
