// Keyset pagination on a time field: the cursor is `<epoch ms>_<last id>`. Queries fetch with
// `>=` the cursor time (ties ordered by `_id`) and drop what was already returned at that same
// instant, so items that disappear from the list (verified, claimed) never shift later pages the
// way offsets would.

export interface Cursor {
  at: Date
  id: string
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null
  const m = /^(\d{1,15})_(.{1,64})$/.exec(cursor)
  return m ? { at: new Date(Number(m[1])), id: m[2] } : null
}

export const encodeCursor = (at: Date, id: string): string => `${at.getTime()}_${id}`

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
  return {
    items: page.map(view),
    nextCursor: fresh.length > limit && last ? encodeCursor(new Date(ms(last)), last._id) : null,
  }
}
