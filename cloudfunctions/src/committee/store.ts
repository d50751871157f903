import { DASHBOARD_MAX_MONTHS } from '@/contract/committee'
import { db, type Doc } from '../lib/cloud'
import {
  figuresOf,
  monthDocs,
  monthOf,
  monthStart,
  SOURCE_FIELDS,
  type MonthFigures,
  type Sources,
} from './figures'

// The console's own collections: `stats`, one pre-aggregated document per community-month that
// the committee timer rewrites from the raw collections (the dashboard reads only these), and
// `committeeExports`, the ledgers written to cloud storage (the timer deletes old ones).

/** One community-month of figures (`_id` `<communityId>:<YYYY-MM>`). */
export interface StatsDoc extends MonthFigures {
  _id: string
  communityId: string
  month: string
  computedAt: Date
}

export interface ExportDoc {
  _id: string
  communityId: string
  fileID: string
  createdAt: Date
}

export const stats = () => db().collection<StatsDoc>('stats')
export const exportsKept = () => db().collection<ExportDoc>('committeeExports')
export const statsId = (communityId: string, month: string) => `${communityId}:${month}`

/** The stored months of a community (at most DASHBOARD_MAX_MONTHS): one indexed query. */
export async function monthsOf(communityId: string, months: string[]): Promise<StatsDoc[]> {
  const { data } = await stats()
    .where({ communityId, month: db().command.in(months) })
    .limit(DASHBOARD_MAX_MONTHS)
    .get()
  return data
}

const PAGE = 1000

const msOf = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)))

/**
 * Every document matching `where` from `since` on by the time `field`, oldest first, read 1,000 at
 * a time by keyset (the next page starts at the last time read, skipping only the documents
 * already read at that very time), so each page costs the same however deep: one round trip per
 * page. Ties are in `_id` order `tie` (as the index holds them). `page` sees each page as read.
 */
export async function eachPage(
  collection: string,
  where: Record<string, unknown>,
  field: string,
  since: Date,
  options: { until?: Date; tie?: 'asc' | 'desc'; fields?: string[] },
  page: (docs: Doc[]) => Promise<void> | void
): Promise<number> {
  const _ = db().command
  const projection = options.fields
    ? Object.fromEntries([...options.fields, field].map((f) => [f, true]))
    : undefined
  let from = since.getTime()
  let same = 0
  let read = 0
  for (;;) {
    const time = options.until
      ? _.and(_.gte(new Date(from)), _.lt(options.until))
      : _.gte(new Date(from))
    let query = db()
      .collection(collection)
      .where({ ...where, [field]: time })
      .orderBy(field, 'asc')
      .orderBy('_id', options.tie ?? 'asc')
      .skip(same)
      .limit(PAGE)
    if (projection) query = query.field(projection)
    const { data } = await query.get()
    await page(data)
    read += data.length
    if (data.length < PAGE) return read
    const last = msOf(data[data.length - 1][field])
    const atLast = data.filter((d) => msOf(d[field]) === last).length
    same = last === from ? same + atLast : atLast
    from = last
  }
}

/** Every document of a community changed since `since` (the fields given). */
async function changedSince(
  collection: string,
  communityId: string,
  field: string,
  since: Date,
  fields: string[]
): Promise<Doc[]> {
  const out: Doc[] = []
  await eachPage(collection, { communityId }, field, since, { fields }, (docs) => {
    out.push(...docs)
  })
  return out
}

/**
 * Recomputes every month of a community from `fromMonth` to the current one from the raw
 * collections (each event lies in a document changed since its month began) and overwrites them:
 * idempotent, so overlapping runs are harmless. The months written.
 */
export async function recompute(
  communityId: string,
  fromMonth: string,
  now = new Date()
): Promise<number> {
  const since = monthStart(fromMonth)
  const read = (collection: string, key: keyof Sources, field = 'updatedAt') =>
    changedSince(collection, communityId, field, since, SOURCE_FIELDS[key])
  const [wishes, errands, matters, activities, ledger, topics] = await Promise.all([
    read('wishes', 'wishes'),
    read('errands', 'errands'),
    read('matters', 'matters'),
    read('volunteerActivities', 'activities'),
    read('volunteerLedger', 'ledger', 'at'),
    read('deliberations', 'topics'),
  ])
  const sources = { wishes, errands, matters, activities, ledger, topics }
  const figures = figuresOf(sources, fromMonth, now)
  const docs = monthDocs(communityId, figures, fromMonth, monthOf(now), now)
  for (const { _id, ...doc } of docs) await stats().doc(_id).set({ data: doc })
  return docs.length
}
