import { isDeepStrictEqual } from 'node:util'
import { ERROR_CODES } from '@/contract/errors'
import { toJson } from '../../../emulator/functions/event-json'
import type { TestEmulator } from '../../helpers/emulator'
import { PERSONAS } from '../helpers'

// A seeded fuzzer for the functions' actions: from a valid input per action it makes inputs that
// are wrong in every way a client can be wrong (types, missing and extra fields, huge and broken
// strings, operators, deep nesting, forged identities), sends them as several personas and checks
// what any caller must be able to rely on:
//   - HTTP 200 and the envelope: {ok: true, data} or {ok: false, error: {code, message, field?}};
//   - never INTERNAL;
//   - a refused call changes nothing in the database (its own request record aside).
// Runs are deterministic: a failure names its seed and case, and the same seed replays it.

/** mulberry32: small, fast, and the same sequence on every machine. */
export function makeRng(seed: number) {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  return {
    next,
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)],
  }
}
export type Rng = ReturnType<typeof makeRng>

/**
 * Callers: every persona, strangers without a profile (one whose OPENID looks like an operator
 * or a path, one very long), and a call without identity.
 */
export const CALLERS: readonly (string | null)[] = [
  ...Object.values(PERSONAS),
  'fuzz-stranger',
  '$ne',
  'a.b',
  'x'.repeat(300),
  null,
]

const nestedValue = (levels: number): unknown => {
  let v: unknown = 'x'
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v]
  return v
}

/** Strings a hostile client likes: limits, operators, paths, broken and exotic characters. */
const strings = (r: Rng): string =>
  r.pick([
    () => '',
    () => ' ',
    () => '\t\n',
    () => 'x'.repeat(r.pick([2, 21, 31, 101, 201, 501, 5_000, 100_000])),
    () => '字'.repeat(r.pick([1, 20, 30, 31, 100, 101, 200, 201, 500, 501])),
    () => '🌸'.repeat(r.int(40) + 1),
    () => '👨‍👩‍👧 一家人',
    () => '违禁测试词',
    () => '违 禁 测 试 词',
    () => '{"$gt":""}',
    () => '$where',
    () => '$ne',
    () => '$$ROOT',
    () => 'a.b',
    () => '../../etc/passwd',
    () => '\ud800',
    () => `半个\udc00字`,
    () => '\u202e反转\u202c',
    () => '\u200b\u200b',
    () => '\u0000',
    () => '<script>alert(1)</script>',
    () => "'; db.users.drop(); --",
    () => 'null',
    () => '5',
    () => '-1',
    () => '1e400',
    () => '__proto__',
    () => 'constructor',
    () => 'toString',
    () => r.pick([...Object.values(PERSONAS), 'system', 'g1', 'g2', 'g3', 'c1', 'c2', 'g1-b1']),
  ])()

/** Any value a JSON body can carry, weighted towards the troublesome ones. */
export function weird(r: Rng): unknown {
  return r.pick([
    () => strings(r),
    () => strings(r),
    () => strings(r),
    () => r.pick([null, true, false]),
    () => r.pick([0, -1, 1, 2, 5, 6, 0.5, -0, 1e21, -1e-7, 2 ** 53 + 1, 1e308, -1e308]),
    () => ({ $gt: '' }),
    () => ({ $ne: null }),
    () => ({ $regex: '.*' }),
    () => ({ $in: ['g1', 'g2'] }),
    () => ({ $where: 'sleep(1000)' }),
    () => [],
    () => ({}),
    () => [1, 'a', null, {}],
    () => Array.from({ length: r.pick([2, 21, 51, 1000]) }, (_, i) => `g${i}`),
    () => nestedValue(r.pick([3, 10, 31, 40, 500, 10_000])),
  ])()
}

/** Keys a client adds to claim an identity, a role, a state, or to reach the prototype. */
const EXTRA_KEYS = [
  'openid',
  '_openid',
  'OPENID',
  'userInfo',
  'roles',
  'isAdmin',
  'admin',
  'gridId',
  'communityId',
  'workerGridIds',
  'committeeCommunityId',
  'bindStatus',
  'verified',
  'authorOpenid',
  'claimerOpenid',
  'filedBy',
  'status',
  'slot',
  '_id',
  '$where',
  'a.b',
  '__proto__',
  'constructor',
  'prototype',
] as const

/** What a forged key is set to: mostly the values that would matter if it were believed. */
const forged = (r: Rng): unknown =>
  r.pick([
    () => PERSONAS.admin,
    () => ['admin', 'committee', 'gridWorker'],
    () => true,
    () => 'verified',
    () => 'done',
    () => ({ openId: PERSONAS.admin, appId: 'x' }),
    () => weird(r),
  ])()

const setKey = (obj: Record<string, unknown>, key: string, value: unknown): void => {
  // defineProperty, so that `__proto__` becomes a key of the body rather than its prototype.
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
}

/** One input for an action: its valid form, or that form broken in one or several ways. */
export function mutate(r: Rng, valid: Record<string, unknown>): unknown {
  const keys = Object.keys(valid)
  const input: Record<string, unknown> = { ...valid }
  const kind = r.int(20)
  if (kind < 3) return input // valid as far as the schema goes (the rule may still refuse)
  if (kind < 4) return weird(r) // not an object at all
  if (kind < 5) return undefined // no input
  const changes = kind < 15 ? 1 : 1 + r.int(4)
  for (let i = 0; i < changes; i++) {
    const how = r.int(4)
    if (how === 0 || !keys.length) {
      setKey(input, r.chance(0.7) ? r.pick(EXTRA_KEYS) : strings(r), forged(r))
    } else if (how === 1) {
      delete input[r.pick(keys)]
    } else {
      setKey(input, r.pick(keys), weird(r))
    }
  }
  return input
}

/** A requestId: mostly a fresh valid one, sometimes none, malformed, or one already used. */
export function requestIdFor(r: Rng, n: number, used: string[]): unknown {
  const k = r.int(20)
  if (k < 12) return `fz-${n}`
  if (k < 15) return undefined
  if (k < 17 && used.length) return r.pick(used)
  return r.pick([
    '',
    'x'.repeat(65),
    '../..',
    'a|b',
    '{"$gt":""}',
    12,
    null,
    [],
    { $ne: 1 },
    '\ud800',
  ])
}

/** The whole body: usually `{action, input, requestId}`, sometimes dressed up or stripped. */
export function bodyFor(r: Rng, action: string, input: unknown, requestId: unknown): string {
  const body: Record<string, unknown> = { action }
  if (input !== undefined) body.input = input
  if (requestId !== undefined) body.requestId = requestId
  const k = r.int(40)
  if (k === 0) body.action = weird(r)
  else if (k === 1) body.action = r.pick(['toString', '__proto__', 'constructor', 'hasOwnProperty'])
  else if (k === 2) Object.assign(body, { Type: 'Timer', TriggerName: 'autoConfirm' })
  else if (k === 3) body.userInfo = { openId: PERSONAS.admin, appId: 'wx-forged' }
  else if (k === 4) setKey(body, r.pick(EXTRA_KEYS), forged(r))
  // Written without recursion: a value nested 10,000 levels deep is part of the game.
  return toJson(body)
}

type Snapshot = Record<string, Record<string, unknown>[]>

/** Every collection, as stored (the emulator's in-process store: no round trips counted). */
export async function snapshot(emu: TestEmulator): Promise<Snapshot> {
  const db = emu.emulator.db
  const out: Snapshot = {}
  for (const name of db.collectionNames().sort()) out[name] = await db.find(name)
  return out
}

const withoutDoc = (s: Snapshot, id: string): Snapshot =>
  Object.fromEntries(Object.entries(s).map(([c, docs]) => [c, docs.filter((d) => d._id !== id)]))

/** What is wrong with an answer's envelope, or null; `error` is the refusal's error if any. */
function envelopeProblem(status: number, body: unknown): string | null {
  if (status !== 200) return `HTTP ${status}`
  const b = body as Record<string, unknown> | null
  if (!b || typeof b !== 'object') return 'not a JSON envelope'
  if (b.ok === true) return 'data' in b && Object.keys(b).length === 2 ? null : 'bad ok envelope'
  if (b.ok !== false) return 'no ok flag'
  return errorProblem(b.error as Record<string, unknown> | undefined)
}

function errorProblem(e: Record<string, unknown> | undefined): string | null {
  if (!e || typeof e !== 'object') return 'no error'
  if (!(ERROR_CODES as readonly unknown[]).includes(e.code)) return `unknown code ${String(e.code)}`
  if (e.code === 'INTERNAL') return 'INTERNAL'
  if (typeof e.message !== 'string' || !/[\u4e00-\u9fa5]/.test(e.message)) return 'no message'
  if (e.field !== undefined && (typeof e.field !== 'string' || !e.field)) return 'bad field'
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'field'].includes(k))
  return extra.length ? `extra error keys ${extra.join(',')}` : null
}

/** What a refusal changed, or null. It may leave one thing: its own request record, marked refused. */
function changeProblem(
  code: string,
  before: Snapshot,
  after: Snapshot,
  recordId: string | null
): string | null {
  if (recordId) {
    const mine = after.audit?.find((d) => d._id === recordId)
    const had = before.audit?.some((d) => d._id === recordId)
    if (mine && !had && mine.refused !== code) return 'refusal recorded with another code'
    before = withoutDoc(before, recordId)
    after = withoutDoc(after, recordId)
  }
  if (isDeepStrictEqual(before, after)) return null
  const changed = Object.keys(after).filter((c) => !isDeepStrictEqual(before[c], after[c]))
  return `refused (${code}) but changed ${changed.join(', ')}`
}

/** What is wrong with one answer, or null: the envelope, INTERNAL, or a refusal that changed data. */
export function judge(
  status: number,
  body: unknown,
  before: Snapshot,
  after: Snapshot,
  recordId: string | null
): string | null {
  const problem = envelopeProblem(status, body)
  if (problem) return problem
  const b = body as { ok: boolean; error?: { code: string } }
  return b.ok ? null : changeProblem(b.error!.code, before, after, recordId)
}

/** The request record a call leaves (docs/contract.md §2.4), if it has an identity and a valid requestId. */
const recordOf = (who: string | null, requestId: unknown): string | null =>
  who && typeof requestId === 'string' && /^[\w.:-]{1,64}$/.test(requestId)
    ? `${who}|${requestId}`
    : null

/** Calls and time of every fuzzAction in this process, for the summary line. */
export const fuzzTotals = { calls: 0, ms: 0 }

export interface FuzzFailure {
  seed: number
  case: number
  who: string | null
  body: string
  problem: string
  answer: string
}

/**
 * Sends `count` generated calls of `fn.action` one after another (so that each refusal can be
 * checked for changes) and returns every problem found.
 */
export async function fuzzAction(
  emu: TestEmulator,
  fn: string,
  action: string,
  seed: number,
  count: number,
  valid: (r: Rng) => Record<string, unknown>,
  /** Who the action is for (the author, the claimer…): they call as often as anyone else. */
  rightful: readonly string[] = []
): Promise<{ failures: FuzzFailure[]; answers: Record<string, number> }> {
  const r = makeRng(seed)
  const failures: FuzzFailure[] = []
  /** How many calls got each answer: `ok` or the error code. */
  const answers: Record<string, number> = {}
  const used: string[] = []
  const started = Date.now()
  let before = await snapshot(emu)
  for (let n = 0; n < count; n++) {
    const who = rightful.length && r.chance(0.5) ? r.pick(rightful) : r.pick(CALLERS)
    const requestId = requestIdFor(r, seed * 10_000 + n, used)
    const body = bodyFor(r, action, mutate(r, valid(r)), requestId)
    const res = await emu.callRaw(fn, who, body)
    const after = await snapshot(emu)
    const recordId = recordOf(who, requestId)
    if (recordId) used.push(requestId as string)
    const problem = judge(res.status, res.body, before, after, recordId)
    const answer = res.body?.ok ? 'ok' : String(res.body?.error?.code)
    answers[answer] = (answers[answer] ?? 0) + 1
    if (problem) {
      failures.push({
        seed,
        case: n,
        who,
        body: body.length > 300 ? `${body.slice(0, 300)}…` : body,
        problem,
        answer: res.text.slice(0, 300),
      })
    }
    before = after
  }
  fuzzTotals.calls += count
  fuzzTotals.ms += Date.now() - started
  return { failures, answers }
}

/** An action's valid input, and who it is for (they call half the time). */
export type ActionFuzz = [valid: (r: Rng) => Record<string, unknown>, rightful: string[]]

const CASES = Number(process.env.FUZZ_CASES ?? 200)
const SEED = Number(process.env.FUZZ_SEED ?? 7)

/**
 * One test per action of `fn`, each `FUZZ_CASES` (200) generated calls from its own seed; a
 * summary of the answers is printed at the end. Call inside a describe with the arrangements.
 */
export function fuzzEveryAction(
  emu: () => TestEmulator,
  fn: string,
  actions: Record<string, ActionFuzz>,
  seedOffset: number
): void {
  const tally: Record<string, Record<string, number>> = {}
  afterAll(() => {
    const lines = Object.entries(tally).map(([a, t]) => `${a} ${JSON.stringify(t)}`)
    console.log(`fuzz ${fn}: ${fuzzTotals.calls} calls in ${fuzzTotals.ms} ms\n${lines.join('\n')}`)
  })
  it.each(Object.keys(actions).map((a, i) => [a, SEED * 100 + seedOffset + i] as const))(
    `${fn}.%s (seed %i): the envelope, never INTERNAL, no change when refused`,
    async (action, seed) => {
      const [valid, rightful] = actions[action]
      const { failures, answers } = await fuzzAction(
        emu(),
        fn,
        action,
        seed,
        CASES,
        valid,
        rightful
      )
      expect(failures.slice(0, 5)).toEqual([])
      // The generator reaches the action's rule, not only its schema: some calls pass.
      expect(answers.ok).toBeGreaterThan(0)
      expect(answers.INVALID_INPUT).toBeGreaterThan(0)
      tally[action] = answers
    },
    120_000
  )
}
