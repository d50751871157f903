// `$jsonSchema` as MongoDB reads it: JSON Schema draft 4 without $ref and format, plus `bsonType`.
// A schema is checked when the query is compiled (an unknown keyword or a malformed value fails
// the query, as on the service) and yields a predicate over documents.
import { DbError } from './errors'
import { canonical, Doc, isDate, isPlainObject, isRegExp } from './wire'

type Check = (v: unknown) => boolean

const bad = (message: string) =>
  new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] $jsonSchema: ${message}`)

// JSON Schema `type` names and MongoDB `bsonType` aliases → value test.
const TYPES: Record<string, Check> = {
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  // bsonType only
  double: (v) => typeof v === 'number',
  int: (v) => Number.isInteger(v),
  long: (v) => Number.isInteger(v),
  decimal: (v) => typeof v === 'number',
  bool: (v) => typeof v === 'boolean',
  date: (v) => isDate(v),
  regex: (v) => isRegExp(v),
  objectId: () => false,
  integer: (v) => Number.isInteger(v),
}
const JSON_TYPES = new Set(['object', 'array', 'string', 'number', 'boolean', 'null'])

const num = (schema: Doc, key: string): number => {
  const v = schema[key]
  if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(`${key} must be a number`)
  return v
}

const typeCheck = (names: unknown, allowed: (n: string) => boolean, key: string): Check => {
  const list = Array.isArray(names) ? names : [names]
  const checks = list.map((n) => {
    if (typeof n !== 'string' || !allowed(n) || !TYPES[n])
      throw bad(`unknown ${key} '${String(n)}'`)
    return TYPES[n]
  })
  return (v) => checks.some((c) => c(v))
}

const isObj: Check = (v) => isPlainObject(v)
const isStr: Check = (v) => typeof v === 'string'
const isNum: Check = (v) => typeof v === 'number'
const isArr: Check = (v) => Array.isArray(v)
// a keyword about one kind of value accepts every other kind
const onlyFor =
  (test: Check, check: Check): Check =>
  (v) =>
    !test(v) || check(v)
const fields = (v: unknown) => v as Doc
const items = (v: unknown) => v as unknown[]

function patterns(schema: Doc): RegExp[] {
  const p = schema.patternProperties
  return Object.keys(isPlainObject(p) ? p : {}).map((k) => new RegExp(k))
}

// keyword → its check (undefined: nothing to check on its own, e.g. exclusiveMinimum)
type Keyword = (value: unknown, schema: Doc, key: string) => Check | undefined

const bound =
  (cmp: (x: number, n: number, exclusive: boolean) => boolean, flag: string): Keyword =>
  (_v, schema, key) => {
    const n = num(schema, key)
    const exclusive = schema[flag] === true
    return onlyFor(isNum, (v) => cmp(v as number, n, exclusive))
  }

const sized =
  (test: Check, size: (v: unknown) => number, atLeast: boolean): Keyword =>
  (_v, schema, key) => {
    const n = num(schema, key)
    return onlyFor(test, (v) => (atLeast ? size(v) >= n : size(v) <= n))
  }

const combine =
  (mode: 'all' | 'any' | 'one'): Keyword =>
  (value, _s, key) => {
    if (!Array.isArray(value) || value.length === 0) throw bad(`${key} must be a non-empty array`)
    const subs = value.map(compileSchema)
    if (mode === 'all') return (v) => subs.every((c) => c(v))
    if (mode === 'any') return (v) => subs.some((c) => c(v))
    return (v) => subs.filter((c) => c(v)).length === 1
  }

const flag =
  (accept: (v: unknown) => boolean, what: string): Keyword =>
  (value, _s, key) => {
    if (!accept(value)) throw bad(`${key} must be ${what}`)
    return undefined
  }

const KEYWORDS: Record<string, Keyword> = {
  title: () => undefined,
  description: () => undefined,
  type: (value) => typeCheck(value, (n) => JSON_TYPES.has(n), 'type'),
  bsonType: (value) => typeCheck(value, () => true, 'bsonType'),
  enum: (value) => {
    if (!Array.isArray(value) || value.length === 0) throw bad('enum must be a non-empty array')
    const allowed = new Set(value.map((x) => canonical({ x })))
    return (v) => allowed.has(canonical({ x: v }))
  },
  required: (value) => {
    if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) {
      throw bad('required must be an array of field names')
    }
    return onlyFor(isObj, (v) => value.every((f) => fields(v)[f] !== undefined))
  },
  properties: (value) => {
    if (!isPlainObject(value)) throw bad('properties must be an object')
    const props = Object.entries(value).map(([f, s]) => [f, compileSchema(s)] as const)
    return onlyFor(isObj, (v) =>
      props.every(([f, c]) => fields(v)[f] === undefined || c(fields(v)[f]))
    )
  },
  patternProperties: (value) => {
    if (!isPlainObject(value)) throw bad('patternProperties must be an object')
    const pats = Object.entries(value).map(([p, s]) => [new RegExp(p), compileSchema(s)] as const)
    return onlyFor(isObj, (v) =>
      Object.entries(fields(v)).every(([f, x]) => pats.every(([re, c]) => !re.test(f) || c(x)))
    )
  },
  additionalProperties: (value, schema) => {
    const known = new Set(Object.keys(isPlainObject(schema.properties) ? schema.properties : {}))
    const pats = patterns(schema)
    const extra = (f: string) => !known.has(f) && !pats.some((re) => re.test(f))
    if (value === true) return undefined
    const c: Check = value === false ? () => false : compileSchema(value)
    return onlyFor(isObj, (v) => Object.entries(fields(v)).every(([f, x]) => !extra(f) || c(x)))
  },
  minProperties: sized(isObj, (v) => Object.keys(fields(v)).length, true),
  maxProperties: sized(isObj, (v) => Object.keys(fields(v)).length, false),
  dependencies: (value) => {
    if (!isPlainObject(value)) throw bad('dependencies must be an object')
    const deps = Object.entries(value).map(([f, d]) => {
      const c: Check = Array.isArray(d)
        ? (v) => d.every((g) => fields(v)[g as string] !== undefined)
        : compileSchema(d)
      return [f, c] as const
    })
    return onlyFor(isObj, (v) => deps.every(([f, c]) => fields(v)[f] === undefined || c(v)))
  },
  minimum: bound((x, n, ex) => (ex ? x > n : x >= n), 'exclusiveMinimum'),
  maximum: bound((x, n, ex) => (ex ? x < n : x <= n), 'exclusiveMaximum'),
  exclusiveMinimum: flag((v) => typeof v === 'boolean', 'a boolean'),
  exclusiveMaximum: flag((v) => typeof v === 'boolean', 'a boolean'),
  multipleOf: (_v, schema, key) => {
    const n = num(schema, key)
    if (n <= 0) throw bad('multipleOf must be positive')
    return onlyFor(isNum, (v) => Number.isInteger((v as number) / n))
  },
  minLength: sized(isStr, (v) => [...(v as string)].length, true),
  maxLength: sized(isStr, (v) => [...(v as string)].length, false),
  pattern: (value) => {
    if (typeof value !== 'string') throw bad('pattern must be a string')
    const re = new RegExp(value)
    return onlyFor(isStr, (v) => re.test(v as string))
  },
  items: (value, schema) => {
    if (!Array.isArray(value)) {
      const c = compileSchema(value)
      return onlyFor(isArr, (v) => items(v).every(c))
    }
    const each = value.map(compileSchema)
    const rest = schema.additionalItems
    const restCheck: Check =
      rest === false ? () => false : isPlainObject(rest) ? compileSchema(rest) : () => true
    return onlyFor(isArr, (v) =>
      items(v).every((x, i) => (i < each.length ? each[i](x) : restCheck(x)))
    )
  },
  additionalItems: flag((v) => typeof v === 'boolean' || isPlainObject(v), 'a boolean or a schema'),
  minItems: sized(isArr, (v) => items(v).length, true),
  maxItems: sized(isArr, (v) => items(v).length, false),
  uniqueItems: (value) =>
    value === true
      ? onlyFor(isArr, (v) => {
          const seen = items(v).map((x) => canonical({ x }))
          return new Set(seen).size === seen.length
        })
      : undefined,
  allOf: combine('all'),
  anyOf: combine('any'),
  oneOf: combine('one'),
  not: (value) => {
    const c = compileSchema(value)
    return (v) => !c(v)
  },
}

export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) throw bad('a schema must be an object')
  const checks: Check[] = []
  for (const [key, value] of Object.entries(schema)) {
    const keyword = KEYWORDS[key]
    if (!keyword) throw bad(`keyword '${key}' is not supported`)
    const check = keyword(value, schema, key)
    if (check) checks.push(check)
  }
  return (v) => checks.every((c) => c(v))
}
