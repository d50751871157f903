// Decides whether a query would be served by a declared index on the real service, so that a
// missing index shows up locally instead of as a slow query (or a timeout) in production.
import type { CollectionSpec, IndexSpec } from './index'
import type { SortSpec } from './query'
import { Doc, isPlainObject, isRegExp } from './wire'

export interface Verdict {
  served: boolean
  reason: string
}

interface FieldUse {
  constrained: boolean // an index on this field narrows the scan
  fixed: boolean // a single value: sorting by it is free
}

const RANGE = ['$gt', '$gte', '$lt', '$lte']

function classify(value: unknown): FieldUse {
  if (isRegExp(value)) return { constrained: false, fixed: false }
  if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
    const inList = Array.isArray(value.$in) ? value.$in : undefined
    const fixed = '$eq' in value || inList?.length === 1
    const constrained =
      fixed || inList !== undefined || '$all' in value || RANGE.some((op) => op in value)
    return { constrained, fixed }
  }
  return { constrained: true, fixed: true }
}

interface Shape {
  fields: Map<string, FieldUse>
  ors: Doc[][]
}

function shapeOf(query: Doc, shape: Shape = { fields: new Map(), ors: [] }): Shape {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      value.forEach((q) => isPlainObject(q) && shapeOf(q, shape))
    } else if (key === '$or' && Array.isArray(value)) {
      shape.ors.push(value.filter(isPlainObject))
    } else if (!key.startsWith('$')) {
      const use = classify(value)
      const prev = shape.fields.get(key)
      shape.fields.set(key, {
        constrained: use.constrained || !!prev?.constrained,
        fixed: use.fixed || !!prev?.fixed,
      })
    }
  }
  return shape
}

export function checkQuery(
  spec: CollectionSpec | undefined,
  query: Doc | undefined,
  order: SortSpec | undefined,
  options: { emptyIsCheap?: boolean } = {}
): Verdict {
  if (spec?.scan) return { served: true, reason: 'collection marked scan: true' }
  const indexes = spec?.indexes ?? []
  const orderFields = Object.keys(order ?? {})
  if (!query || Object.keys(query).length === 0) {
    return checkUnfiltered(indexes, orderFields, options.emptyIsCheap === true)
  }
  const shape = shapeOf(query)
  if (shape.fields.get('_id')?.constrained) return { served: true, reason: 'by _id' }
  const byIndex = checkIndexes(indexes, shape, orderFields)
  if (byIndex.served) return byIndex
  if (shape.ors.length > 0 && orBranchesServed(spec, query, shape, order)) {
    return { served: true, reason: 'every $or branch uses an index' }
  }
  return byIndex
}

function checkUnfiltered(
  indexes: IndexSpec[],
  orderFields: string[],
  emptyIsCheap: boolean
): Verdict {
  if (orderFields.length === 0 && emptyIsCheap) {
    return { served: true, reason: 'whole-collection count (metadata)' }
  }
  // With no filter an index can still deliver the order (a sort-only index scan).
  const idx = indexes.find(
    (i) => orderFields.length > 0 && orderFields.every((f, n) => i.fields[n]?.name === f)
  )
  if (idx) return { served: true, reason: `sort by index ${idx.name}` }
  return { served: false, reason: 'no filter: full collection scan' }
}

function checkIndexes(indexes: IndexSpec[], shape: Shape, orderFields: string[]): Verdict {
  const sortProblems: string[] = []
  for (const idx of indexes) {
    const names = idx.fields.map((f) => f.name)
    if (!shape.fields.get(names[0])?.constrained) continue
    const unsortable = orderFields.filter((f) => !names.includes(f) && !shape.fields.get(f)?.fixed)
    if (unsortable.length === 0) return { served: true, reason: `index ${idx.name}` }
    sortProblems.push(`index ${idx.name} cannot order by ${unsortable.join(', ')}`)
  }
  if (sortProblems.length) return { served: false, reason: sortProblems.join('; ') }
  const queried = [...shape.fields.keys()]
  return {
    served: false,
    reason: queried.length
      ? `no index leads with a constrained field (${queried.join(', ')})`
      : 'no indexable condition',
  }
}

// MongoDB can answer an $or with one index scan per branch.
function orBranchesServed(
  spec: CollectionSpec | undefined,
  query: Doc,
  shape: Shape,
  order: SortSpec | undefined
): boolean {
  const rest = { ...query }
  delete rest.$or
  return shape.ors.every((branches) =>
    branches.every((b) => checkQuery(spec, { ...rest, ...b }, order).served)
  )
}

// A $lookup is cheap when the joined collection can find matches by index.
export function checkLookup(spec: CollectionSpec | undefined, lookup: Doc): Verdict {
  if (spec?.scan) return { served: true, reason: 'collection marked scan: true' }
  const foreign = lookup.foreignField
  if (typeof foreign !== 'string') {
    return { served: false, reason: '$lookup with a pipeline: cannot check index use' }
  }
  if (foreign === '_id') return { served: true, reason: 'joins on _id' }
  const idx = (spec?.indexes ?? []).find((i) => i.fields[0]?.name === foreign)
  return idx
    ? { served: true, reason: `index ${idx.name}` }
    : { served: false, reason: `no index leads with ${foreign}` }
}
