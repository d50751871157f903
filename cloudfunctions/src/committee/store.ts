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

/** Every document of a community changed since `since` (the fields given), page by page. */
async function changedSince(
  collection: string,
  communityId: string,
  field: string,
  since: Date,
  fields: string[]
): Promise<Doc[]> {
  const out: Doc[] = []
  const projection = Object.fromEntries([...fields, field].map((f) => [f, true]))
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await db()
      .collection(collection)
      .where({ communityId, [field]: db().command.gte(since) })
      .orderBy(field, 'asc')
      .skip(skip)
      .limit(PAGE)
      .field(projection)
      .get()
    out.push(...data)
    if (data.length < PAGE) return out
  }
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
  const figures = figuresOf({ wishes, errands, matters, activities, ledger, topics }, fromMonth)
  const docs = monthDocs(communityId, figures, fromMonth, monthOf(now), now)
  for (const { _id, ...doc } of docs) await stats().doc(_id).set({ data: doc })
  return docs.length
}
