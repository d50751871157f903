// The request handler: one `POST /admin` body (what @cloudbase/database sends through
// wx-server-sdk) in, the reply it parses out. See index.ts for the public interface.
import { promises as fs } from 'fs'
import path from 'path'
import type { DbService, DbServiceOptions, QueryEvent, QueryStats } from './types'
import { collectionNotExist, DbError, duplicateKey, invalidParam } from './errors'
import { findNear } from './geo'
import {
  checkLookup,
  checkQuery,
  correlatedQuery,
  geoNearKey,
  lookupQuery,
  Verdict,
} from './indexCheck'
import { withLocks } from './mutex'
import {
  aggregate,
  applyReplace,
  applyUpdate,
  compile,
  isOperatorUpdate,
  parseOrder,
  pathValues,
  project,
  select,
  seedFromFilter,
  SelectOptions,
  SortSpec,
} from './query'
import { Change, Collection, COLLECTION_NAME, WriteClock } from './store'
import {
  Transaction,
  TRANSACTION_LIFETIME_MS,
  transactionConflict,
  transactionNotExist,
} from './transactions'
import {
  clone,
  Doc,
  fromStore,
  isPlainObject,
  newId,
  parseWire,
  parseWireObject,
  randomRequestId,
  storable,
  stripUndefined,
  toWire,
} from './wire'

type Body = Record<string, unknown>
type Reply = Record<string, unknown>

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000
// Measured on the real service: an aggregate without any $limit stage returns 20 rows.
const AGGREGATE_DEFAULT_LIMIT = 20
const COMPACT_EVERY_MS = 60_000
const COMPACT_AFTER_WRITES = 500

// Where reads and writes go: straight to the store, or through a transaction's buffer.
interface Scope {
  // matching documents in _id order
  match(coll: Collection, filter: Doc): Doc[]
  // what select() makes of the matching documents
  select(coll: Collection, filter: Doc, opts: SelectOptions): Doc[]
  count(coll: Collection, filter: Doc): number
  write(coll: Collection, changes: Change[]): Promise<void>
  exists(coll: Collection, id: unknown): boolean
}

export class Service implements DbService {
  private readonly collections = new Map<string, Collection>()
  private readonly transactions = new Map<string, Transaction>()
  private readonly clock = new WriteClock()
  private stats: QueryStats = { served: 0, unserved: 0, unservedQueries: {} }
  private timer?: NodeJS.Timeout
  private closed = false

  constructor(private readonly opts: DbServiceOptions) {}

  async open(): Promise<void> {
    await fs.mkdir(this.opts.dataDir, { recursive: true })
    const files = await fs.readdir(this.opts.dataDir)
    const names = new Set(files.filter((f) => f.endsWith('.db')).map((f) => f.slice(0, -3)))
    for (const name of Object.keys(this.opts.manifest.collections)) names.add(name)
    for (const name of names) {
      if (COLLECTION_NAME.test(name)) await this.openCollection(name)
    }
    this.timer = setInterval(() => void this.compactBusy(), COMPACT_EVERY_MS)
    this.timer.unref()
  }

  // ---- public interface -------------------------------------------------------------------

  async handle(body: Body, tag?: string): Promise<Reply> {
    const requestId = randomRequestId()
    try {
      if (this.closed) throw new DbError('SYS_ERR', 'database service is closed')
      if (!isPlainObject(body)) throw invalidParam('request body must be a JSON object')
      const reply = await this.dispatch(body, tag)
      return { requestId, ...reply }
    } catch (e) {
      if (e instanceof DbError) return { requestId, code: e.code, message: e.message }
      return { requestId, code: 'SYS_ERR', message: `[InternalError] ${(e as Error).message}` }
    }
  }

  async resetAll(seed: Record<string, Record<string, unknown>[]>): Promise<void> {
    for (const tx of [...this.transactions.values()]) this.end(tx)
    const old = [...this.collections.values()]
    await withLocks(
      old.map((c) => ({ name: c.name, mutex: c.mutex })),
      async () => {
        for (const c of old) await c.drop()
        this.collections.clear()
      }
    )
    for (const name of Object.keys(this.opts.manifest.collections)) await this.openCollection(name)
    const now = this.opts.now()
    for (const [name, docs] of Object.entries(seed)) {
      const coll = this.collections.get(name) ?? (await this.openCollection(name))
      const changes = docs.map((d) => {
        const doc = stripUndefined(clone(d)) as Doc
        if (doc._id === undefined) doc._id = newId(now)
        return { id: doc._id, after: storable(doc) }
      })
      await coll.mutex.run(async () => {
        coll.checkUnique(changes)
        await coll.apply(changes)
      })
    }
  }

  async isEmpty(): Promise<boolean> {
    return [...this.collections.values()].every((c) => c.count() === 0)
  }

  async find(collection: string, filter: Record<string, unknown> = {}): Promise<Doc[]> {
    const coll = this.collections.get(collection)
    if (!coll) return []
    return coll.mutex.run(() => fromStore(clone(this.direct.match(coll, filter))))
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    for (const c of this.collections.values()) await c.compact()
  }

  queryStats(): QueryStats {
    return clone(this.stats)
  }

  resetQueryStats(): void {
    this.stats = { served: 0, unserved: 0, unservedQueries: {} }
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort()
  }

  // ---- dispatch ---------------------------------------------------------------------------

  private async dispatch(body: Body, tag?: string): Promise<Reply> {
    const action = body.action
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(body, tag)
      case 'database.calculateDocument':
        return this.calculateDocument(body, tag)
      case 'database.insertDocument':
        return this.insertDocument(body)
      case 'database.modifyDocument':
        return this.modifyDocument(body, tag, false)
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(body, tag, true)
      case 'database.removeDocument':
        return this.removeDocument(body, tag)
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(body, tag)
      case 'database.addCollection':
        return this.addCollection(body)
      case 'database.startTransaction':
        return this.startTransaction()
      case 'database.commitTransaction':
        return this.commitTransaction(body)
      case 'database.abortTransaction':
        this.end(this.transaction(body.transactionId))
        return {}
      default:
        throw invalidParam(`unsupported action: ${String(action)}`)
    }
  }

  private async getDocument(body: Body, tag?: string): Promise<Reply> {
    const coll = this.need(body.collectionName)
    const now = this.opts.now()
    const filter = parseWireObject(body.query, now, 'query') ?? {}
    const order = parseOrder(parseWire(body.order, now))
    const projection = parseWireObject(body.projection, now, 'projection')
    const offset = Math.max(0, Number(body.offset) || 0)
    const requested = Number(body.limit) || 0
    const limit = requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT
    const scope = this.scope(body)
    this.report(coll, 'getDocument', body, filter, order, tag)
    // $near/$nearSphere answer nearest first
    const near = order ? undefined : findNear(filter)
    const rank = near && ((doc: Doc) => near.near.distance(pathValues(doc, near.path)))
    const rows = await coll.mutex.run(() =>
      scope.select(coll, filter, { sort: order, skip: offset, limit, projection, rank })
    )
    return { data: { list: rows.map(toWire), limit, offset } }
  }

  private async calculateDocument(body: Body, tag?: string): Promise<Reply> {
    const coll = this.need(body.collectionName)
    const filter = parseWireObject(body.query, this.opts.now(), 'query') ?? {}
    this.report(coll, 'calculateDocument', body, filter, undefined, tag, true)
    const scope = this.scope(body)
    const total = await coll.mutex.run(() => scope.count(coll, filter))
    return { data: { total } }
  }

  private async insertDocument(body: Body): Promise<Reply> {
    const coll = this.need(body.collectionName)
    const now = this.opts.now()
    const raw = Array.isArray(body.data) ? body.data : [body.data]
    if (raw.length === 0) throw invalidParam('data must not be empty')
    const docs = raw.map((r) => {
      const doc = parseWireObject(r, now, 'document')
      if (!doc) throw invalidParam('document must be an object')
      if (doc._id === undefined || doc._id === null) doc._id = newId(now)
      if (typeof doc._id !== 'string' && typeof doc._id !== 'number') {
        throw invalidParam('_id must be a string or a number')
      }
      // keep _id first, as the real service returns it
      const { _id, ...rest } = doc
      return storable({ _id, ...rest } as Doc)
    })
    const scope = this.scope(body)
    await coll.mutex.run(async () => {
      for (const d of docs) {
        if (scope.exists(coll, d._id)) {
          throw duplicateKey(coll.name, '_id_', `{ _id: ${JSON.stringify(d._id)} }`)
        }
      }
      await scope.write(
        coll,
        docs.map((d) => ({ id: d._id, after: d }))
      )
    })
    return { data: { insertedIds: docs.map((d) => d._id) } }
  }

  private async modifyDocument(
    body: Body,
    tag: string | undefined,
    returnDoc: boolean
  ): Promise<Reply> {
    const coll = this.need(body.collectionName)
    const now = this.opts.now()
    const filter = parseWireObject(body.query, now, 'query') ?? {}
    const data = parseWireObject(body.data, now, 'data')
    if (!data || Object.keys(data).length === 0)
      throw invalidParam('update data must be a non-empty object')
    const multi = returnDoc ? false : body.multi === true
    const merge = body.merge !== false
    const upsert = body.upsert === true
    const operator = isOperatorUpdate(data)
    if (!merge && operator) {
      throw new DbError(
        'DATABASE_INVALID_OPERRATOR',
        'a replacement document cannot contain update operators'
      )
    }
    if (!operator) storable(data) // refuses '$' names
    const update: Doc = operator || !merge ? data : { $set: data }
    this.report(
      coll,
      returnDoc ? 'modifyAndReturnDoc' : 'modifyDocument',
      body,
      filter,
      undefined,
      tag
    )
    const scope = this.scope(body)

    return coll.mutex.run(async () => {
      const matched = scope.match(coll, filter)
      const targets = multi ? matched : matched.slice(0, 1)
      const changes: Change[] = []
      let last: Doc | undefined
      for (const before of targets) {
        const out = merge ? applyUpdate(before, update, filter, false) : applyReplace(before, data)
        last = out.doc
        if (out.changed) changes.push({ id: before._id, before, after: out.doc })
      }
      let upsertId: unknown
      if (targets.length === 0 && upsert) {
        last = upserted(
          filter,
          now,
          merge
            ? (base) => applyUpdate(base, update, filter, true)
            : (base) => applyReplace(base, data)
        )
        upsertId = last._id
        changes.push({ id: upsertId, after: last })
      }
      for (const c of changes) c.after = storable(c.after)
      if (changes.length) await scope.write(coll, changes)
      const reply = modifyReply({
        merge,
        returnDoc,
        matched: targets.length,
        changed: changes.length,
        upsertId,
        last,
      })
      return { data: reply }
    })
  }

  private async removeDocument(body: Body, tag?: string): Promise<Reply> {
    const coll = this.need(body.collectionName)
    const filter = parseWireObject(body.query, this.opts.now(), 'query') ?? {}
    const multi = body.multi === true
    this.report(coll, 'removeDocument', body, filter, undefined, tag)
    const scope = this.scope(body)
    return coll.mutex.run(async () => {
      const matched = scope.match(coll, filter)
      const targets = multi ? matched : matched.slice(0, 1)
      if (targets.length)
        await scope.write(
          coll,
          targets.map((d) => ({ id: d._id, before: d }))
        )
      return { data: { deleted: targets.length } }
    })
  }

  private async aggregateDocuments(body: Body, tag?: string): Promise<Reply> {
    const coll = this.need(body.collectionName)
    const now = this.opts.now()
    if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array')
    const pipeline: Doc[] = body.stages.map((s) => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw invalidParam('invalid stage')
      return { [s.stageKey]: parseWire(s.stageValue, now) }
    })
    const first = pipeline[0]
    const match = first && isPlainObject(first.$match) ? first.$match : undefined
    const rest = match ? pipeline.slice(1) : pipeline
    const geoNear = first && isPlainObject(first.$geoNear) ? first.$geoNear : undefined
    if (geoNear) {
      // the service measures the key given, else the field of the collection's 2dsphere index
      const { key, verdict } = geoNearKey(coll.spec, geoNear.key)
      if (key !== undefined) geoNear.key = key
      this.emit(
        { collection: coll.name, action: 'aggregateDocuments', ...verdict, query: geoNear },
        tag
      )
    } else this.report(coll, 'aggregateDocuments', body, match ?? {}, undefined, tag)
    for (const stage of pipeline) {
      const lookup = stage.$lookup
      if (isPlainObject(lookup) && typeof lookup.from === 'string') {
        const from = this.collections.get(lookup.from)
        this.emit(
          {
            collection: lookup.from,
            action: 'aggregateDocuments.$lookup',
            ...checkLookup(from?.spec, lookup),
            query: lookup,
          },
          tag
        )
      }
    }
    if (!pipeline.some((s) => '$limit' in s)) rest.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
    const rows = await coll.mutex.run(() => {
      const all = (name: string) => clone(this.collections.get(name)?.all() ?? [])
      let docs = clone(this.direct.match(coll, match ?? {}))
      let pending: Doc[] = []
      // An equality $lookup finds its matches through the joined collection's indexes, as the
      // service does, and so does an uncorrelated pipeline that starts like a query (one read for
      // every document, its further stages run on what that read selects); only another pipeline
      // $lookup reads the joined collection whole.
      for (const stage of rest) {
        const query = pipelinedLookup(stage, (name) => this.collections.get(name))
        if (query) {
          if (pending.length) docs = aggregate(docs, pending, all)
          pending = []
          const selected = this.direct.select(query.from, query.match, query.opts)
          const found = query.rest.length ? aggregate(clone(selected), query.rest, all) : selected
          docs = docs.map((d) => ({ ...d, [query.as]: clone(found) }))
          continue
        }
        const correlated = correlatedLookup(stage, (name) => this.collections.get(name))
        if (correlated) {
          if (pending.length) docs = aggregate(docs, pending, all)
          pending = []
          // The candidates by index (a superset: a query's equality also matches arrays holding
          // the value, and null missing fields), then the stage itself over them only.
          docs = docs.flatMap((d) => {
            const found = this.direct.match(correlated.from, correlated.filter(d))
            return aggregate([d], [stage], (name) =>
              name === correlated.from.name ? clone(found) : all(name)
            )
          })
          continue
        }
        const join = indexedLookup(stage, (name) => this.collections.get(name))
        if (!join) {
          pending.push(stage)
          continue
        }
        if (pending.length) docs = aggregate(docs, pending, all)
        pending = []
        docs = docs.map((d) => ({
          ...d,
          [join.as]: clone(this.direct.match(join.from, join.filter(d))),
        }))
      }
      return pending.length ? aggregate(docs, pending, all) : docs
    })
    return { data: { list: rows.map(toWire) } }
  }

  private async addCollection(body: Body): Promise<Reply> {
    const name = body.collectionName
    if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
      throw invalidParam(`invalid collection name: ${String(name)}`)
    }
    if (this.collections.has(name)) {
      throw new DbError('DATABASE_REQUEST_FAILED', `[ResourceInUse] Table exist: ${name}`)
    }
    await this.openCollection(name)
    return {}
  }

  // ---- transactions -----------------------------------------------------------------------

  private startTransaction(): Reply {
    this.transaction(undefined, false) // ends expired ones
    const tx = new Transaction(randomRequestId(), this.opts.now(), this.clock)
    this.transactions.set(tx.id, tx)
    this.clock.recording = true
    // @cloudbase/database reads transactionId from the top level of the reply
    return { transactionId: tx.id }
  }

  private async commitTransaction(body: Body): Promise<Reply> {
    const tx = this.transaction(body.transactionId)
    this.end(tx)
    const colls = tx.collections()
    await withLocks(
      colls.map((c) => ({ name: c.name, mutex: c.mutex })),
      async () => {
        if (tx.conflicted()) throw transactionConflict()
        const plan = colls.map((c) => ({ coll: c, changes: tx.changes(c) }))
        for (const p of plan) p.coll.checkUnique(p.changes)
        for (const p of plan) if (p.changes.length) await p.coll.apply(p.changes)
      }
    )
    return {}
  }

  // The open transaction `id`; ends every transaction past its lifetime first. Throws the
  // service's "does not exist" error when `id` is not open (committed, aborted, expired, failed
  // on a conflict) unless `required` is false.
  private transaction(id: unknown, required?: true): Transaction
  private transaction(id: unknown, required: false): Transaction | undefined
  private transaction(id: unknown, required = true): Transaction | undefined {
    const oldest = this.opts.now() - TRANSACTION_LIFETIME_MS
    for (const tx of [...this.transactions.values()]) if (tx.startedAt < oldest) this.end(tx)
    const tx = typeof id === 'string' ? this.transactions.get(id) : undefined
    if (!tx && required) throw transactionNotExist()
    return tx
  }

  // Closes a transaction and lets the collections forget the states no open one can read.
  private end(tx: Transaction): void {
    this.transactions.delete(tx.id)
    const open = [...this.transactions.values()]
    this.clock.recording = open.length > 0
    const oldest = open.length
      ? Math.min(...open.map((t) => t.readsAt ?? this.clock.seq))
      : undefined
    for (const c of this.collections.values()) c.forget(oldest)
  }

  // ---- helpers ----------------------------------------------------------------------------

  private readonly direct: Scope = {
    match: (coll, filter) => {
      const { test, conj } = compile(filter)
      const { docs, indexed } = coll.candidates(filter, conj)
      const found = docs.filter(test)
      // a full scan has natural order already, an index lookup does not
      return indexed ? found.sort(coll.naturalOrder) : found
    },
    select: (coll, filter, opts) => {
      // A sorted read of a simple filter walks a declared index in the requested order and stops
      // at the page's end; otherwise every match is collected and select() sorts them.
      const { test, conj } = compile(filter)
      if (opts.sort && Object.keys(opts.sort).length && conj.simple) {
        const skip = opts.skip ?? 0
        const need = opts.limit !== undefined ? skip + opts.limit : Infinity
        const rows = coll.ordered(conj.fields, opts.sort, need, test)
        if (rows) return project(rows.slice(skip), opts.projection)
      }
      const { docs, indexed } = coll.candidates(filter, conj)
      return select(
        docs.filter(test),
        {},
        {
          ...opts,
          natural: indexed ? coll.naturalOrder : undefined,
        }
      )
    },
    count: (coll, filter) => {
      const { test, conj } = compile(filter)
      return coll.candidates(filter, conj).docs.filter(test).length
    },
    write: async (coll, changes) => {
      coll.checkUnique(changes)
      await coll.apply(changes)
    },
    exists: (coll, id) => coll.byId(id) !== undefined,
  }

  private scope(body: Body): Scope {
    if (
      body.transactionId === undefined ||
      body.transactionId === null ||
      body.transactionId === ''
    ) {
      return this.direct
    }
    const tx = this.transaction(body.transactionId)
    return {
      match: (coll, filter) => tx.view(coll, filter),
      select: (coll, filter, opts) => select(tx.view(coll, filter), {}, opts),
      count: (coll, filter) => tx.view(coll, filter).length,
      write: async (coll, changes) => {
        try {
          tx.stage(coll, changes, this.transactions.values())
        } catch (e) {
          // a conflict ends the transaction, as on the service
          if (e instanceof DbError && e.code === 'DATABASE_TRANSACTION_CONFLICT') this.end(tx)
          throw e
        }
      },
      exists: (coll, id) => tx.get(coll, id) !== undefined,
    }
  }

  private need(name: unknown): Collection {
    if (typeof name !== 'string' || !name) throw invalidParam('collectionName is required')
    const coll = this.collections.get(name)
    if (!coll) throw collectionNotExist(name)
    return coll
  }

  private async openCollection(name: string): Promise<Collection> {
    const coll = await Collection.open(
      this.opts.dataDir,
      name,
      this.opts.manifest.collections[name],
      this.clock
    )
    this.collections.set(name, coll)
    return coll
  }

  private report(
    coll: Collection,
    action: string,
    body: Body,
    filter: Doc,
    order: SortSpec | undefined,
    tag: string | undefined,
    emptyIsCheap = false
  ): void {
    const verdict: Verdict =
      body.queryType === 'DOC'
        ? { served: true, reason: 'by _id' }
        : checkQuery(coll.spec, filter, order, { emptyIsCheap })
    this.emit({ collection: coll.name, action, ...verdict, query: filter, order }, tag)
  }

  private emit(event: QueryEvent, tag: string | undefined): void {
    if (event.served) this.stats.served++
    else {
      this.stats.unserved++
      const key = `${event.collection} ${event.action}: ${event.reason}`
      this.stats.unservedQueries[key] = (this.stats.unservedQueries[key] ?? 0) + 1
    }
    try {
      this.opts.onQuery?.(event, tag)
    } catch {
      // a faulty listener must not fail the query
    }
  }

  private async compactBusy(): Promise<void> {
    for (const c of this.collections.values()) {
      if (!this.closed && c.pendingWrites >= COMPACT_AFTER_WRITES) {
        await c.compact()
      }
    }
  }
}

// What modifyDocument answers. `updated` is what the service counts: for an update (operators,
// or set() merging) the documents it changed; for a replacement (doc.set) and updateAndReturn the
// documents they matched, changed or not; 0 for an upsert that inserted.
function modifyReply(r: {
  merge: boolean
  returnDoc: boolean
  matched: number
  changed: number
  upsertId: unknown
  last: Doc | undefined
}): Doc {
  const counted = !r.merge || r.returnDoc ? r.matched : r.changed
  const reply: Doc = { updated: r.upsertId === undefined ? counted : 0 }
  if (r.upsertId !== undefined) reply.upsert_id = r.upsertId
  if (r.returnDoc) reply.doc = r.last ? toWire(r.last) : null
  return reply
}

// The document an upsert creates: the filter's equalities, an _id (the filter's or a new one),
// then the update or replacement; _id first, as the service returns it.
function upserted(filter: Doc, now: number, apply: (base: Doc) => { doc: Doc }): Doc {
  const seed = seedFromFilter(filter)
  const { _id, ...rest } = apply({ ...seed, _id: seed._id ?? newId(now) }).doc
  return { _id, ...rest }
}

export async function openService(opts: DbServiceOptions): Promise<Service> {
  const service = new Service({ ...opts, dataDir: path.resolve(opts.dataDir) })
  await service.open()
  return service
}

/**
 * A `$lookup {from, localField, foreignField, as}` stage as a per-document filter on the joined
 * collection (MongoDB's equality join: an array local value matches any of its elements, a
 * missing one matches documents whose field is null or missing), or null for any other stage.
 */
function indexedLookup(
  stage: Doc,
  collection: (name: string) => Collection | undefined
): { from: Collection; as: string; filter: (d: Doc) => Doc } | null {
  const l = stage.$lookup
  if (!isPlainObject(l)) return null
  const { from, localField, foreignField, as } = l
  if (typeof localField !== 'string' || typeof foreignField !== 'string') return null
  if (typeof as !== 'string' || typeof from !== 'string' || 'pipeline' in l) return null
  const joined = collection(from)
  if (!joined) return null
  return {
    from: joined,
    as,
    filter: (d) => {
      const local = valueAt(d, localField)
      if (Array.isArray(local)) return { [foreignField]: { $in: local } }
      return { [foreignField]: { $eq: local === undefined ? null : local } }
    },
  }
}

/**
 * A correlated pipeline `$lookup` bound by equalities (see `correlatedQuery`), as a per-document
 * filter of candidates on the joined collection, or null.
 */
function correlatedLookup(
  stage: Doc,
  collection: (name: string) => Collection | undefined
): { from: Collection; filter: (d: Doc) => Doc } | null {
  const l = stage.$lookup
  if (!isPlainObject(l) || typeof l.as !== 'string' || typeof l.from !== 'string') return null
  const query = correlatedQuery(l)
  const from = query && collection(l.from)
  if (!query || !from) return null
  const vars = l.let as Doc
  const valueOf = (d: Doc, name: string) => {
    const v = vars[name]
    const got = typeof v === 'string' && v.startsWith('$') ? valueAt(d, v.slice(1)) : v
    return got === undefined ? null : got
  }
  return {
    from,
    filter: (d) => ({
      ...query.match,
      ...Object.fromEntries(
        Object.entries(query.bound).map(([field, name]) => [field, { $eq: valueOf(d, name) }])
      ),
    }),
  }
}

/** An uncorrelated pipeline `$lookup` that reads like one query (see `lookupQuery`), or null. */
function pipelinedLookup(
  stage: Doc,
  collection: (name: string) => Collection | undefined
): { from: Collection; as: string; match: Doc; opts: SelectOptions; rest: Doc[] } | null {
  const l = stage.$lookup
  if (!isPlainObject(l) || typeof l.as !== 'string' || typeof l.from !== 'string') return null
  const query = lookupQuery(l)
  const from = query && collection(l.from)
  if (!query || !from) return null
  const { match, sort, skip, limit, project, rest } = query
  return { from, as: l.as, match, opts: { sort, skip, limit, projection: project }, rest }
}

/** The value at a dotted path of a document (undefined when absent). */
function valueAt(doc: Doc, path: string): unknown {
  let v: unknown = doc
  for (const key of path.split('.')) {
    if (!isPlainObject(v)) return undefined
    v = (v as Doc)[key]
  }
  return v
}
