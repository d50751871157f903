// CloudBase timer triggers use a 7-field cron: `sec min hour day month weekday year`,
// evaluated in Beijing time (UTC+8) whatever the host's zone.
// Supported per field: `*`, `n`, `a-b`, `*/s`, `a-b/s`, `n/s`, lists of those, and month or
// weekday names (JAN, MON, ...). `?` in day or weekday means "any", as in Tencent Cloud's syntax.

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

interface FieldSpec {
  min: number
  max: number
  names?: string[]
  /** value of the first name: JAN is 1, SUN is 0 */
  nameBase?: number
}

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  {
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
    nameBase: 1,
  },
  { min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { min: 1970, max: 2199 }, // year
]

export interface Cron {
  source: string
  fields: Set<number>[]
  /** true when the field was `*` or `?`: day and weekday then do not restrict each other */
  any: boolean[]
}

function parseValue(raw: string, spec: FieldSpec): number {
  const upper = raw.toUpperCase()
  const named = spec.names ? spec.names.indexOf(upper) : -1
  const n = named >= 0 ? named + (spec.nameBase ?? 0) : Number(raw)
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
    throw new Error(`cron value ${raw} out of range ${spec.min}-${spec.max}`)
  }
  return n
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>()
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step in ${part}`)
    let lo: number
    let hi: number
    if (range === '*' || range === '?') {
      lo = spec.min
      hi = spec.max
    } else if (range.includes('-')) {
      const [a, b] = range.split('-')
      lo = parseValue(a, spec)
      hi = parseValue(b, spec)
    } else {
      lo = parseValue(range, spec)
      hi = stepText === undefined ? lo : spec.max
    }
    if (lo > hi) throw new Error(`bad cron range ${part}`)
    for (let v = lo; v <= hi; v += step) out.add(v)
  }
  return out
}

export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/)
  if (parts.length === 6) parts.push('*') // the year is optional in Tencent Cloud's syntax
  if (parts.length !== 7)
    throw new Error(`cron needs 7 fields (sec min hour day month weekday year): ${source}`)
  return {
    source,
    fields: parts.map((p, i) => parseField(p, FIELDS[i])),
    any: parts.map((p) => p === '*' || p === '?'),
  }
}

/** Does the cron fire at this instant (epoch ms, truncated to the second)? */
export function cronMatches(cron: Cron, epochMs: number): boolean {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS) // read with UTC getters = Beijing wall clock
  const [sec, min, hour, day, month, weekday, year] = cron.fields
  if (!sec.has(d.getUTCSeconds()) || !min.has(d.getUTCMinutes()) || !hour.has(d.getUTCHours())) {
    return false
  }
  if (!month.has(d.getUTCMonth() + 1) || !year.has(d.getUTCFullYear())) return false
  const dayOk = day.has(d.getUTCDate())
  const weekdayOk = weekday.has(d.getUTCDay())
  // Classic cron: when both day and weekday are restricted, either one matching is enough.
  if (!cron.any[3] && !cron.any[5]) return dayOk || weekdayOk
  return dayOk && weekdayOk
}

/**
 * Whether the cron fires at any whole second in (fromMs, toMs]. Used by the scheduler on every
 * tick, and to fire once when the emulator clock jumps forward over a scheduled time.
 */
export function cronFiresBetween(cron: Cron, fromMs: number, toMs: number): boolean {
  const start = Math.floor(fromMs / 1000) + 1
  const end = Math.floor(toMs / 1000)
  // Past a week of skipped time every common schedule has fired at least once.
  if (end - start > 7 * 24 * 3600) return true
  for (let s = start; s <= end; s++) {
    if (cronMatches(cron, s * 1000)) return true
  }
  return false
}
