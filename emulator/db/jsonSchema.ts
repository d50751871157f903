// `$jsonSchema` as MongoDB reads it: JSON Schema draft 4 without $ref and format, plus `bsonType`.
// A schema is checked when the query is compiled (an unknown keyword or a malformed value fails
// the query, as on the service) and yields a predicate over documents.
import { DbError } from './errors'
import { canonical, Doc, isDate, isPlainObject, isRegExp } from './wire'

type Check = (v: unknown) => boolean

const bad = (message: string) =>
  new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] $jsonSchema: ${message}`)

const IGNORED = new Set(['title', 'description'])

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

export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) throw bad('a schema must be an object')
  const checks: Check[] = []
  const onlyFor =
    (test: Check, check: Check): Check =>
    (v) =>
      !test(v) || check(v)
  const isObj: Check = (v) => isPlainObject(v)
  const isStr: Check = (v) => typeof v === 'string'
  const isNum: Check = (v) => typeof v === 'number'
  const isArr: Check = (v) => Array.isArray(v)

  for (const [key, value] of Object.entries(schema)) {
    if (IGNORED.has(key)) continue
    switch (key) {
      case 'type':
        checks.push(typeCheck(value, (n) => JSON_TYPES.has(n), 'type'))
        break
      case 'bsonType':
        checks.push(typeCheck(value, () => true, 'bsonType'))
        break
      case 'enum': {
        if (!Array.isArray(value) || value.length === 0) throw bad('enum must be a non-empty array')
        const allowed = new Set(value.map((x) => canonical({ x })))
        checks.push((v) => allowed.has(canonical({ x: v })))
        break
      }
      case 'required': {
        if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) {
          throw bad('required must be an array of field names')
        }
        checks.push(onlyFor(isObj, (v) => value.every((f) => (v as Doc)[f] !== undefined)))
        break
      }
      case 'properties': {
        if (!isPlainObject(value)) throw bad('properties must be an object')
        const props = Object.entries(value).map(([f, s]) => [f, compileSchema(s)] as const)
        checks.push(
          onlyFor(isObj, (v) =>
            props.every(([f, c]) => (v as Doc)[f] === undefined || c((v as Doc)[f]))
          )
        )
        break
      }
      case 'patternProperties': {
        if (!isPlainObject(value)) throw bad('patternProperties must be an object')
        const pats = Object.entries(value).map(
          ([p, s]) => [new RegExp(p), compileSchema(s)] as const
        )
        checks.push(
          onlyFor(isObj, (v) =>
            Object.entries(v as Doc).every(([f, x]) => pats.every(([re, c]) => !re.test(f) || c(x)))
          )
        )
        break
      }
      case 'additionalProperties': {
        const known = new Set(
          Object.keys(isPlainObject(schema.properties) ? schema.properties : {})
        )
        const pats = Object.keys(
          isPlainObject(schema.patternProperties) ? schema.patternProperties : {}
        ).map((p) => new RegExp(p))
        const extra = (f: string) => !known.has(f) && !pats.some((re) => re.test(f))
        if (typeof value === 'boolean') {
          if (!value) checks.push(onlyFor(isObj, (v) => !Object.keys(v as Doc).some(extra)))
        } else {
          const c = compileSchema(value)
          checks.push(
            onlyFor(isObj, (v) => Object.entries(v as Doc).every(([f, x]) => !extra(f) || c(x)))
          )
        }
        break
      }
      case 'minProperties': {
        const n = num(schema, key)
        checks.push(onlyFor(isObj, (v) => Object.keys(v as Doc).length >= n))
        break
      }
      case 'maxProperties': {
        const n = num(schema, key)
        checks.push(onlyFor(isObj, (v) => Object.keys(v as Doc).length <= n))
        break
      }
      case 'dependencies': {
        if (!isPlainObject(value)) throw bad('dependencies must be an object')
        const deps = Object.entries(value).map(([f, d]) => {
          const c: Check = Array.isArray(d)
            ? (v) => d.every((g) => (v as Doc)[g as string] !== undefined)
            : compileSchema(d)
          return [f, c] as const
        })
        checks.push(
          onlyFor(isObj, (v) => deps.every(([f, c]) => (v as Doc)[f] === undefined || c(v)))
        )
        break
      }
      case 'minimum':
      case 'maximum': {
        const n = num(schema, key)
        const exclusive =
          schema[key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true
        const cmp =
          key === 'minimum'
            ? (x: number) => (exclusive ? x > n : x >= n)
            : (x: number) => (exclusive ? x < n : x <= n)
        checks.push(onlyFor(isNum, (v) => cmp(v as number)))
        break
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (typeof value !== 'boolean') throw bad(`${key} must be a boolean`)
        break
      case 'multipleOf': {
        const n = num(schema, key)
        if (n <= 0) throw bad('multipleOf must be positive')
        checks.push(onlyFor(isNum, (v) => Number.isInteger((v as number) / n)))
        break
      }
      case 'minLength':
      case 'maxLength': {
        const n = num(schema, key)
        const len = (s: string) => [...s].length
        checks.push(
          onlyFor(isStr, (v) =>
            key === 'minLength' ? len(v as string) >= n : len(v as string) <= n
          )
        )
        break
      }
      case 'pattern': {
        if (typeof value !== 'string') throw bad('pattern must be a string')
        const re = new RegExp(value)
        checks.push(onlyFor(isStr, (v) => re.test(v as string)))
        break
      }
      case 'items': {
        if (Array.isArray(value)) {
          const each = value.map(compileSchema)
          const rest = schema.additionalItems
          const restCheck: Check | undefined =
            rest === false ? () => false : isPlainObject(rest) ? compileSchema(rest) : undefined
          checks.push(
            onlyFor(isArr, (v) =>
              (v as unknown[]).every((x, i) =>
                i < each.length ? each[i](x) : restCheck ? restCheck(x) : true
              )
            )
          )
        } else {
          const c = compileSchema(value)
          checks.push(onlyFor(isArr, (v) => (v as unknown[]).every(c)))
        }
        break
      }
      case 'additionalItems':
        if (typeof value !== 'boolean' && !isPlainObject(value)) {
          throw bad('additionalItems must be a boolean or a schema')
        }
        break
      case 'minItems':
      case 'maxItems': {
        const n = num(schema, key)
        checks.push(
          onlyFor(isArr, (v) =>
            key === 'minItems' ? (v as unknown[]).length >= n : (v as unknown[]).length <= n
          )
        )
        break
      }
      case 'uniqueItems':
        if (value === true) {
          checks.push(
            onlyFor(isArr, (v) => {
              const seen = (v as unknown[]).map((x) => canonical({ x }))
              return new Set(seen).size === seen.length
            })
          )
        }
        break
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        if (!Array.isArray(value) || value.length === 0)
          throw bad(`${key} must be a non-empty array`)
        const subs = value.map(compileSchema)
        if (key === 'allOf') checks.push((v) => subs.every((c) => c(v)))
        else if (key === 'anyOf') checks.push((v) => subs.some((c) => c(v)))
        else checks.push((v) => subs.filter((c) => c(v)).length === 1)
        break
      }
      case 'not': {
        const c = compileSchema(value)
        checks.push((v) => !c(v))
        break
      }
      default:
        throw bad(`keyword '${key}' is not supported`)
    }
  }
  return (v) => checks.every((c) => c(v))
}
