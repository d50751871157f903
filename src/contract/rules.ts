// Input rules as plain data, and the one checker both sides run: the zod schemas (zod-rules.ts,
// server and subpackages) and the pages' live checks (main package: no zod). A domain declares
// its rules in <domain>.rules.ts; nothing else restates a limit or a message.

/** Characters as people count them: code points, so an emoji is one. */
export const textLength = (s: string): number => [...s].length

/** What any text field answers when it holds a broken character (an unpaired UTF-16 surrogate). */
export const BROKEN_TEXT = '包含无法识别的字符，请删除后重试'

/**
 * Holds half of a UTF-16 surrogate pair on its own: not a character, and no store, search or
 * message can carry it faithfully. (A loop, not a regex: lookbehind breaks older weapp engines.)
 */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    const next = s.charCodeAt(i + 1)
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true
    i++ // a whole pair
  }
  return false
}

/** How deeply a request may nest (the request object itself is level 1); inputs need 3 or 4. */
export const MAX_INPUT_DEPTH = 32

/**
 * The top-level key under which `value` nests deeper than `max` levels, or null. Iterative, so a
 * body nested 10,000 levels deep is measured, not a stack overflow.
 */
export function tooDeep(value: unknown, max: number = MAX_INPUT_DEPTH): string | null {
  if (!value || typeof value !== 'object') return null
  const stack: [unknown, number, string][] = Object.entries(value).map(([k, v]) => [v, 2, k])
  while (stack.length) {
    const [v, depth, key] = stack.pop()!
    if (!v || typeof v !== 'object') continue
    if (depth > max) return key
    for (const child of Object.values(v)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1, key])
    }
  }
  return null
}

/** An id picked from a list (grid, building, resident…). */
export const idRule = (label: string): TextRule => ({
  required: `${label}格式不正确`,
  blank: `请选择${label}`,
  max: { value: 64, message: `${label}格式不正确` },
})

/** The same rule for a field that may be left out or blank (its limits and pattern still hold). */
export const optionalRule = ({ required: _r, blank: _b, ...rest }: TextRule): TextRule => rest

export interface Limit {
  value: number
  message: string
}

/** A text field, trimmed before any check. */
export interface TextRule {
  /** Message when the field is missing; absent: the field is optional and may be blank. */
  required?: string
  /** Message when present but not text (default: `required`, else 格式不正确). */
  type?: string
  /** Message when blank after trimming (default: `min`'s, else `required`'s, else `pattern`'s). */
  blank?: string
  min?: Limit
  max?: Limit
  pattern?: { re: RegExp; message: string }
  /** Message when the text is not a real calendar day written 'YYYY-MM-DD' (2026-02-30 is not). */
  day?: string
  /** Message when the text is not an ISO-8601 time with its zone ('2026-12-01T09:00:00+08:00'). */
  instant?: string
}

/** A whole number, or with `step` a multiple of it (hours in halves: 0.5). */
export interface IntRule {
  required: string
  /** Message for a fraction (with `step`: for a number that is not a multiple of it). */
  int: string
  step?: number
  min?: Limit
  max?: Limit
}

/** One of a fixed set of values. */
export interface ChoiceRule {
  values: readonly string[]
  message: string
}

export type FieldRule = TextRule | IntRule | ChoiceRule

/** Times are ISO strings, ms numbers or Asia/Shanghai days ('YYYY-MM-DD'); `now`/`today` are the checker's clock. */
type TimeRef<F extends string> = F | 'now' | 'today'

/** Rules between fields, checked the same on both sides. `field` is where the message shows. */
export type CrossRule<F extends string = string> =
  /** `field` is required when `when` equals `is` (e.g. a rejection needs its reason). */
  | { kind: 'requiredIf'; field: F; when: F; is: unknown; message: string }
  /** At least one of `fields` is given. */
  | { kind: 'anyOf'; fields: readonly F[]; field: F; message: string }
  /** `field` comes before `than` (or at the same time with `orEqual`). */
  | { kind: 'before'; field: F; than: TimeRef<F>; orEqual?: boolean; message: string }
  /** `field` is not before `from` and at most `maxMs` after it (e.g. a date within 14 days). */
  | { kind: 'within'; field: F; from: TimeRef<F>; maxMs: number; message: string }
  /** A day and a slot of it whose end ('HH:mm', Asia/Shanghai) has not passed. */
  | { kind: 'slotOpen'; date: F; slot: F; ends: Readonly<Record<string, string>>; message: string }
  /** A list of `min`–`max` entries, no two the same (after trimming). */
  | { kind: 'list'; field: F; min: number; max: number; message: string; distinct?: string }

export const isChoiceRule = (r: FieldRule): r is ChoiceRule => 'values' in r
export const isIntRule = (r: FieldRule): r is IntRule => 'int' in r

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim())

/** Blank after trimming: fine for a free optional field, else the most fitting message. */
const checkBlank = (rule: TextRule): string | undefined =>
  rule.blank ?? rule.min?.message ?? rule.required ?? rule.pattern?.message

export function checkText(rule: TextRule, raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return rule.required
  if (typeof raw !== 'string') return rule.type ?? rule.required ?? '格式不正确'
  const v = raw.trim()
  if (hasLoneSurrogate(v)) return BROKEN_TEXT
  if (!v) return checkBlank(rule)
  const n = textLength(v)
  if (rule.min && n < rule.min.value) return rule.min.message
  if (rule.max && n > rule.max.value) return rule.max.message
  if (rule.pattern && !rule.pattern.re.test(v)) return rule.pattern.message
  if (rule.day && !isCalendarDay(v)) return rule.day
  if (rule.instant && !isInstant(v)) return rule.instant
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** An ISO-8601 time with its zone, on a real day, that parses. */
export function isInstant(v: string): boolean {
  const m = INSTANT_RE.exec(v)
  return !!m && isCalendarDay(m[1]) && !Number.isNaN(Date.parse(v))
}

/** 'YYYY-MM-DD' naming a day that exists (Date.parse rolls 02-30 over to March: this does not). */
export function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

export function checkInt(rule: IntRule, v: unknown): string | undefined {
  if (typeof v !== 'number' || Number.isNaN(v)) return rule.required
  if (!Number.isFinite(v) || !Number.isInteger(v / (rule.step ?? 1))) return rule.int
  if (rule.min && v < rule.min.value) return rule.min.message
  if (rule.max && v > rule.max.value) return rule.max.message
}

export function checkField(rule: FieldRule, v: unknown): string | undefined {
  if (isChoiceRule(rule)) return rule.values.includes(v as string) ? undefined : rule.message
  if (isIntRule(rule)) return checkInt(rule, v)
  return checkText(rule, v)
}

const DAY = 86_400_000
const SHANGHAI = 8 * 3_600_000

/** Start of the Asia/Shanghai day holding `ms`. */
export const shanghaiDay = (ms: number): number =>
  Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI

function timeOf(v: unknown): number | null {
  if (typeof v === 'number') return v
  if (typeof v !== 'string' || !v) return null
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v)
  return Number.isNaN(t) ? null : t
}

export interface Issue {
  field: string
  message: string
}

type Values = Partial<Record<string, unknown>>
type Clock = (r: TimeRef<string>) => number | null
type Checks = {
  [K in CrossRule['kind']]: (
    rule: Extract<CrossRule, { kind: K }>,
    values: Values,
    clock: Clock,
    now: number
  ) => Issue | null
}

/** Each kind of rule between fields: the issue, or null when it holds (or waits for its inputs). */
const CHECKS: Checks = {
  requiredIf: (r, v) => (v[r.when] === r.is && blank(v[r.field]) ? r : null),
  anyOf: (r, v) => (r.fields.every((f) => v[f] === undefined) ? r : null),
  before: (r, v, clock) => {
    const a = timeOf(v[r.field])
    const b = clock(r.than)
    if (a === null || b === null) return null
    return a < b || (r.orEqual && a === b) ? null : r
  },
  within: (r, v, clock) => {
    const a = timeOf(v[r.field])
    const from = clock(r.from)
    if (a === null || from === null) return null
    return a >= from && a - from <= r.maxMs ? null : r
  },
  slotOpen: (r, v, _clock, now) => {
    const day = timeOf(v[r.date])
    const end = r.ends[String(v[r.slot])]
    if (day === null || !end) return null
    const [h, m] = end.split(':').map(Number)
    return day + (h * 60 + m) * 60_000 > now ? null : { field: r.slot, message: r.message }
  },
  list: (r, v) => {
    const list = v[r.field]
    if (!Array.isArray(list)) return null
    if (list.length < r.min || list.length > r.max) return r
    const seen = list.map((x) => (typeof x === 'string' ? x.trim() : x))
    const repeated = new Set(seen).size !== seen.length
    return r.distinct && repeated ? { field: r.field, message: r.distinct } : null
  },
}

/** The first message per field of the rules between fields; a rule whose inputs are missing waits. */
export function checkCross<F extends string>(
  rules: readonly CrossRule<F>[],
  values: Partial<Record<F, unknown>>,
  now: number = Date.now()
): Issue[] {
  const v = values as Values
  const clock: Clock = (r) => (r === 'now' ? now : r === 'today' ? shanghaiDay(now) : timeOf(v[r]))
  const issues: Issue[] = []
  for (const rule of rules as readonly CrossRule[]) {
    const check = CHECKS[rule.kind] as (
      r: CrossRule,
      v: Values,
      c: Clock,
      n: number
    ) => Issue | null
    const problem = check(rule, v, clock, now)
    if (problem && !issues.some((i) => i.field === problem.field)) {
      issues.push({ field: problem.field, message: problem.message })
    }
  }
  return issues
}

export type Errors<F extends string> = Partial<Record<F, string>>

/** Every field's first message, then the cross-field ones where a field has none yet. */
export function checkForm<F extends string>(
  fields: Partial<Record<F, FieldRule>>,
  cross: readonly CrossRule<F>[],
  values: Partial<Record<F, unknown>>,
  now?: number
): Errors<F> {
  const errors: Errors<F> = {}
  for (const f of Object.keys(fields) as F[]) {
    const message = checkField(fields[f]!, values[f])
    if (message) errors[f] = message
  }
  for (const { field, message } of checkCross(cross, values, now)) {
    errors[field as F] ??= message
  }
  return errors
}
