// Keyset pagination on a time field: the cursor is `<epoch ms>_<seen>_<last id>`. Queries fetch
// with `>=` (or `<=`) the cursor time, ties ordered by `_id`, and drop what was already returned
// at that same instant, so items that disappear from the list (verified, claimed) never shift
// later pages the way offsets would. `seen` counts the items at that instant already returned,
// so the fetch can be sized to get past them however many share one millisecond.

export interface Cursor {
  at: Date
  id: string
  /** Items at `at` already returned by earlier pages. */
  seen: number
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null
  const m = /^(\d{1,15})_(\d{1,6})_(.{1,64})$/.exec(cursor)
  return m ? { at: new Date(Number(m[1])), seen: Number(m[2]), id: m[3] } : null
}

export const encodeCursor = (c: Cursor): string => `${c.at.getTime()}_${c.seen}_${c.id}`

/** The server returns at most 1,000 rows per query. */
const MAX_FETCH = 1000

/**
 * Rows to fetch for a page: the page, one more to know whether another follows, the rows at
 * the cursor's instant already returned, and a margin for rows inserted at that instant since.
 */
export const fetchSize = (limit: number, after: Cursor | null): number =>
  Math.min(MAX_FETCH, limit + 1 + (after?.seen ?? 0) + 20)

/** Cuts a page from rows fetched in order (ascending or descending on the time field). */
export function pageOf<D extends { _id: string }, T>(
  rows: D[],
  after: Cursor | null,
  limit: number,
  timeOf: (d: D) => unknown,
  view: (d: D) => T
): { items: T[]; nextCursor: string | null } {
  const ms = (d: D) => {
    const t = timeOf(d)
    return t instanceof Date ? t.getTime() : new Date(String(t)).getTime()
  }
  const fresh = after
    ? rows.filter((d) => !(ms(d) === after.at.getTime() && d._id <= after.id))
    : rows
  const page = fresh.slice(0, limit)
  const last = page[page.length - 1]
  if (fresh.length <= limit || !last) return { items: page.map(view), nextCursor: null }
  const lastMs = ms(last)
  const seenBefore = after && after.at.getTime() === lastMs ? after.seen : 0
  const seen = seenBefore + page.filter((d) => ms(d) === lastMs).length
  return {
    items: page.map(view),
    nextCursor: encodeCursor({ at: new Date(lastMs), id: last._id, seen }),
  }
}
