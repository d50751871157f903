// Dates on the wire are ISO strings; calendar dates and slots are in Asia/Shanghai (UTC+8, no
// DST) whatever the server's zone.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

export const iso = (d: unknown): string | null =>
  d instanceof Date ? d.toISOString() : typeof d === 'string' ? d : null

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const shanghaiDate = (at: Date = new Date()): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

/** Start of the Asia/Shanghai calendar year containing `at`, as an instant. */
export function shanghaiYearStart(at: Date = new Date()): Date {
  const year = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear()
  return new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS)
}

/** The Asia/Shanghai calendar year of an instant. */
export const shanghaiYear = (at: Date = new Date()): number =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear()

/** `YYYY-MM-DD HH:mm` of an instant in Asia/Shanghai, for people to read; '' when unknown. */
export function shanghaiTime(at: unknown): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : NaN
  if (Number.isNaN(ms)) return ''
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
