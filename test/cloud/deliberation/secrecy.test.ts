import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Json } from '../../helpers/emulator'
import { newResident } from '../helpers'
import {
  CM,
  data,
  GW,
  R1,
  R2,
  R3,
  R4,
  storedBallots,
  topicInput,
  useEmulator,
  V1,
  V2,
} from './helpers'

// The secret ballot, proved on everything there is: after online and meeting votes on a resident
// topic and a household topic, closed and counted, every document of every collection of the
// emulator's database (the audit log and the requestId replay store among them), every response
// the voters and the staff received, and every subscribe message sent are read, and none of them
// links a voter (openid, name, nickname, phone, household) to a ballot (its receipt or option).

const emu = useEmulator()

type Doc = Record<string, Json>

interface Voter {
  openid: string
  /** strings that name this voter, one of them enough */
  names: string[]
  household: [buildingId: string, room: string]
  receipts: string[]
}

interface Seen {
  viewer: string
  action: string
  body: Json
}

/** Every string leaf and every key of a value. */
function leaves(
  value: Json,
  out: { strings: string[]; keys: [string, Json][] } = { strings: [], keys: [] }
) {
  if (typeof value === 'string') out.strings.push(value)
  else if (value instanceof Date) out.strings.push(value.toISOString())
  else if (Array.isArray(value)) for (const v of value) leaves(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.strings.push(k)
      out.keys.push([k, v])
      leaves(v, out)
    }
  }
  return out
}

/** Does a value name this voter? */
function names(value: Json, v: Voter): boolean {
  const { strings } = leaves(value)
  const [building, room] = v.household
  const roomRe = new RegExp(`(^|[^0-9])${room}($|[^0-9])`)
  return (
    strings.some((s) => s.includes(v.openid) || v.names.includes(s)) ||
    strings.some((s) => s.includes(building) && roomRe.test(s.replace(building, ''))) ||
    (strings.includes(building) && strings.includes(room))
  )
}

/** The keys under which a value could carry a choice: any `option…` but the list of options. */
function choiceKeys(value: Json, lists: string[][]): string[] {
  const found: string[] = []
  for (const [k, v] of leaves(value).keys) {
    if (/choice|ballot|selected|picked/i.test(k) && v !== null && typeof v !== 'boolean') {
      found.push(k)
    }
    if (!/option/i.test(k)) continue
    // a topic's whole list of options (ours, or a demo topic's) is no choice
    const isTheList =
      Array.isArray(v) &&
      (lists.some((l) => l.length === v.length && l.every((x, i) => x === v[i])) ||
        (v.length >= 2 &&
          v.every((x) => typeof x === 'string') &&
          !lists.flat().some((l) => v.includes(l))))
    if (!isTheList && v !== null && v !== undefined) found.push(k)
  }
  return found
}

/** A label on its own (the full list of options is the topic, not a choice). */
function loneLabels(value: Json, lists: string[][]): string[] {
  const { strings } = leaves(value)
  return lists.flatMap((labels) => {
    const present = labels.filter((l) => strings.includes(l))
    return present.length === labels.length ? [] : present
  })
}

const hasTime = (value: Json): boolean => {
  if (value instanceof Date) return true
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)
  if (typeof value === 'number') return value > 1e12 // epoch ms
  if (Array.isArray(value)) return value.some(hasTime)
  if (value && typeof value === 'object') return Object.values(value).some(hasTime)
  return false
}

const LABELS_A = ['甲：加装带靠背的长椅', '乙：加装石凳', '丙：不加装']
const LABELS_B = ['同意安装电梯', '反对安装电梯']
const LISTS = [LABELS_A, LABELS_B]

/** What a document that names a voter must not hold: their receipt, an option, a ballot's id. */
function linkProblems(where: string, doc: Json, v: Voter, ballotIds: Set<string>): string[] {
  const out: string[] = []
  const text = JSON.stringify(doc)
  for (const r of v.receipts) if (text.includes(r)) out.push(`${where}: ${v.openid} with a receipt`)
  const keys = choiceKeys(doc, LISTS)
  if (keys.length) out.push(`${where}: ${v.openid} with ${keys.join(', ')}`)
  const lone = loneLabels(doc, LISTS)
  if (lone.length) out.push(`${where}: ${v.openid} with the option ${lone.join(', ')}`)
  const link = leaves(doc).strings.find((x) => ballotIds.has(x) && x !== String(doc?._id))
  if (link) out.push(`${where}: ${v.openid} with the id of a ballot ${link}`)
  return out
}

/** The documents holding receipts (the bins): they name nobody and hold no time. */
function ballotProblems(ballots: [string, Doc][], voters: Voter[], everyone: string[]): string[] {
  const problems: string[] = []
  for (const [where, doc] of ballots) {
    const { strings } = leaves(doc)
    const who = everyone.filter((o) => strings.some((x) => x.includes(o)))
    if (who.length) problems.push(`${where}: a ballot names ${who.join(', ')}`)
    for (const v of voters) if (names(doc, v)) problems.push(`${where}: a ballot names ${v.openid}`)
    // a time could be matched with the roll's or the audit log's
    if (hasTime(doc)) problems.push(`${where}: a ballot holds a time`)
  }
  return problems
}

/** 1. Every document of every collection: ballots name no one and hold no time; nothing else links. */
async function storedProblems(voters: Voter[], everyone: string[]): Promise<string[]> {
  const db = emu().emulator.db
  const receipts = voters.flatMap((v) => v.receipts)
  const stored: [string, Doc][] = []
  for (const name of db.collectionNames()) {
    for (const doc of (await db.find(name)) as Doc[])
      stored.push([`${name}/${String(doc._id)}`, doc])
  }
  const ballots = stored.filter(([, doc]) => receipts.some((r) => JSON.stringify(doc).includes(r)))
  const problems: string[] = []
  const lost = receipts.filter((r) => !ballots.some(([, doc]) => JSON.stringify(doc).includes(r)))
  if (lost.length) problems.push(`${lost.length} receipts stored nowhere`)
  const ballotIds = new Set(ballots.map(([, doc]) => String(doc._id)))
  problems.push(...ballotProblems(ballots, voters, everyone))
  for (const [where, doc] of stored) {
    for (const v of voters)
      if (names(doc, v)) problems.push(...linkProblems(where, doc, v, ballotIds))
  }
  // The roll and the ballots in separate stores (docs/contract.md §4.4): a collection of ballots
  // holds nobody's name, or reading it in stored order would pair each voter with the ballot
  // written beside them.
  const ballotStores = new Set(ballots.map(([where]) => where.split('/')[0]))
  for (const [i, [where, doc]] of stored.entries()) {
    if (!ballotStores.has(where.split('/')[0])) continue
    for (const v of voters.filter((x) => names(doc, x))) {
      const next = JSON.stringify(stored[i + 1]?.[1] ?? null)
      const beside = v.receipts.some((r) => next.includes(r))
        ? ', the next document their ballot'
        : ''
      problems.push(`${where}: stored with the ballots, names ${v.openid}${beside}`)
    }
  }
  return problems
}

/**
 * 2. Every response: receipts only in the voter's own vote answer and in the committee's answer to
 * the meeting entry; no choice beside a voter (verifyReceipt answers the holder of the receipt);
 * no per-option figure before close.
 */
function responseProblems(seen: Seen[], voters: Voter[], sealed: number): string[] {
  const problems: string[] = []
  for (const [i, s] of seen.entries()) {
    const text = JSON.stringify(s.body)
    const where = `${s.viewer} ${s.action}`
    for (const v of voters) {
      const mayHold =
        (s.action === 'vote' && s.viewer === v.openid) ||
        (s.action === 'recordInPerson' && s.viewer === CM)
      if (!mayHold && v.receipts.some((r) => text.includes(r))) {
        problems.push(`${where}: holds ${v.openid}'s receipt`)
      }
      if (s.action === 'verifyReceipt' || !(names(s.body, v) || s.viewer === v.openid)) continue
      const keys = choiceKeys(s.body, LISTS)
      if (keys.length) problems.push(`${where}: names ${v.openid} with ${keys.join(', ')}`)
    }
    if (i < sealed && /"counts"|"winner"|"tallyHash"/.test(text)) {
      problems.push(`${where}: per-option figures before close`)
    }
  }
  return problems
}

/** 3. Subscribe messages: the same words to everyone told about a topic, and no receipt. */
async function outboxProblems(topicIds: string[], voters: Map<string, Voter>): Promise<string[]> {
  const about = (await emu().outbox()).filter((m) =>
    topicIds.some((id) => (m.page ?? '').includes(id))
  )
  const problems: string[] = about.length ? [] : ['no message about the topics']
  const receipts = [...voters.values()].flatMap((v) => v.receipts)
  const byKind = new Map<string, Set<string>>()
  for (const m of about) {
    const key = `${m.templateId} ${m.page}`
    const set = byKind.get(key) ?? new Set<string>()
    // a message may greet its recipient by name; beyond that, everyone reads the same
    let words = JSON.stringify(m.data)
    for (const n of voters.get(m.touser)?.names ?? []) words = words.split(n).join('*')
    set.add(words)
    byKind.set(key, set)
    if (receipts.some((r) => JSON.stringify(m).includes(r))) {
      problems.push(`message to ${m.touser}: a receipt`)
    }
  }
  for (const [key, variants] of byKind) {
    if (variants.size > 1) problems.push(`messages ${key}: differ from recipient to recipient`)
  }
  return problems
}

/** 4. The data folder line by line (the database files keep earlier versions of documents). */
function fileProblems(voters: Voter[]): string[] {
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
  const problems: string[] = []
  for (const file of files(emu().dataDir)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    for (const v of voters) {
      const bad = lines.some(
        (line) => line.includes(v.openid) && v.receipts.some((r) => line.includes(r))
      )
      if (bad) problems.push(`${path.basename(file)}: a line with ${v.openid} and their receipt`)
    }
  }
  return problems
}

describe('secret ballot: nothing stored, answered or sent links a voter to a choice', () => {
  it('online and meeting votes on a resident topic and a household topic', async () => {
    const seen: Seen[] = []
    const as = async <T = Json>(
      viewer: string,
      action: string,
      input: Json,
      requestId: string | undefined = randomUUID()
    ): Promise<T> => {
      const res = await emu().call<T>('deliberation', viewer, action, input, requestId)
      seen.push({ viewer, action, body: res })
      return data(res)
    }
    const read = async (viewer: string, action: string, input: Json) => {
      const res = await emu().call('deliberation', viewer, action, input)
      seen.push({ viewer, action, body: res })
      return res
    }

    const users = (await emu().emulator.db.find('users')) as Doc[]
    const voters = new Map<string, Voter>()
    for (const openid of [R1, R2, R3, R4, V1, V2]) {
      const u = users.find((x) => x._id === openid)!
      voters.set(openid, {
        openid,
        names: [u.realName, u.nickname, u.phone].filter(Boolean),
        household: [u.buildingId, u.room],
        receipts: [],
      })
    }
    const cast = async (who: string, id: string, optionIndex: number) => {
      const r = await as<{ receipt: string }>(who, 'vote', { id, optionIndex })
      voters.get(who)!.receipts.push(r.receipt)
    }
    const meet = async (id: string, votes: [string, number][]) => {
      const r = await as<{ entries: { ok: boolean; receipt?: string }[] }>(CM, 'recordInPerson', {
        id,
        votes: votes.map(([openid, optionIndex]) => ({ openid, optionIndex })),
      })
      r.entries.forEach((e, i) => {
        if (e.ok) voters.get(votes[i][0])!.receipts.push(e.receipt!)
      })
    }

    // A resident topic of g1 and a household topic of the community.
    const a = await as<{ id: string }>(
      GW,
      'create',
      topicInput(emu(), { options: LABELS_A, title: '三号楼前休闲座椅' })
    )
    const b = await as<{ id: string }>(
      CM,
      'create',
      topicInput(emu(), {
        options: LABELS_B,
        title: '老楼加装电梯',
        unit: 'household',
        scope: { type: 'community', id: 'c1' },
      })
    )
    const topics = [a.id, b.id]
    await as(R2, 'comment', { id: a.id, content: '石凳夏天太烫' })
    await as(GW, 'openVoting', { id: a.id })
    await as(CM, 'openVoting', { id: b.id })

    await cast(R1, a.id, 0)
    await cast(R4, a.id, 2)
    await meet(a.id, [
      [R2, 1],
      [V1, 0],
    ])
    await cast(R1, b.id, 0)
    await cast(R3, b.id, 1)
    await meet(b.id, [
      [R2, 0],
      [V2, 1],
      [R4, 1], // refused: the household voted online
    ])
    // Everyone looks, the son among them (told the household voted, and who).
    for (const who of [R1, R2, R3, R4, V1, V2, GW, CM]) {
      await read(who, 'list', {})
      await read(who, 'list', { scope: 'open' })
      for (const id of topics) await read(who, 'get', { id })
      await read(who, 'listComments', { id: a.id })
    }
    const sealed = seen.length
    await as(GW, 'close', { id: a.id })
    await as(CM, 'close', { id: b.id })
    for (const who of [R1, R3, R4, GW, CM]) {
      for (const id of topics) {
        if ((await read(who, 'get', { id })).ok) await read(who, 'result', { id })
      }
      await read(who, 'list', { scope: 'closed' })
    }
    for (const v of voters.values()) {
      for (const receipt of v.receipts) {
        for (const id of topics) await read(v.openid, 'verifyReceipt', { id, receipt })
      }
    }
    await as(CM, 'addUpdate', { id: a.id, text: '长椅已订购' })
    await emu().fireTimer('deliberation')

    const all = [...voters.values()]
    expect(all.flatMap((v) => v.receipts)).toHaveLength(8)
    const everyone = users.map((u) => u._id as string)
    expect({
      stored: await storedProblems(all, everyone),
      responses: responseProblems(seen, all, sealed),
      messages: await outboxProblems(topics, voters),
      files: fileProblems(all),
    }).toEqual({ stored: [], responses: [], messages: [], files: [] })
  })

  it('while voting is open, the order the ballots are stored in does not follow the voting order', async () => {
    // 30 residents, verified before voting opens, vote one after another in a known order.
    const N = 30
    const who = Array.from({ length: N }, (_x, i) => `test-order-${String(i).padStart(2, '0')}`)
    for (const [i, openid] of who.entries()) {
      await newResident(emu(), openid, { gridId: 'g1', buildingId: 'g1-b2' }, String(700 + i))
    }
    const t = data(
      await emu().call<{ id: string }>('deliberation', GW, 'create', topicInput(emu()))
    )
    data(await emu().call('deliberation', GW, 'openVoting', { id: t.id }))
    const receipts: string[] = []
    for (const [i, openid] of who.entries()) {
      const r = data(
        await emu().call<{ receipt: string }>(
          'deliberation',
          openid,
          'vote',
          { id: t.id, optionIndex: i % 2 },
          randomUUID()
        )
      )
      receipts.push(r.receipt)
    }
    // Still open: the bins as stored (natural order), each bin's ballots in order.
    expect(
      data(await emu().call<{ phase: string }>('deliberation', GW, 'get', { id: t.id })).phase
    ).toBe('voting')
    const order = (await storedBallots(emu(), t.id)).map((b) => b.receipt)
    expect([...order].sort()).toEqual([...receipts].sort())
    const place = receipts.map((r) => order.indexOf(r)) // the k-th voter's ballot's place
    // If storage followed the voting order (or ran backwards) the k-th voter's ballot would sit
    // at place k (or N-1-k). For a uniformly random order the number of voters at their own
    // place is at most 9 but with probability P(≥10 fixed points) ≤ 1/10! ≈ 2.8e-7; the same
    // for the reversed order. The inversions (pairs stored in the other order than cast) of a
    // random order have mean N(N-1)/4 = 217.5 and sd √(N(N-1)(2N+5)/72) ≈ 28.0: outside
    // mean ± 6 sd (a sorted order has 0, a reversed one 435) with probability about 2e-9.
    // Together the test fails by bad luck less than once in a million runs.
    const fixed = place.filter((p, k) => p === k).length
    const reversed = place.filter((p, k) => p === N - 1 - k).length
    let inversions = 0
    for (let a = 0; a < N; a++)
      for (let b = a + 1; b < N; b++) if (place[a] > place[b]) inversions++
    expect({ fixed: Math.min(fixed, 9), reversed: Math.min(reversed, 9) }).toEqual({
      fixed,
      reversed,
    })
    expect(Math.abs(inversions - 217.5)).toBeLessThan(6 * 28.0)
    // No bin holds an openid, a household (building, room or the roll's hashed key) or a time.
    const bins = (await emu().emulator.db.find('deliberationBallots', { topicId: t.id })) as Doc[]
    const rolls = (await emu().emulator.db.find('deliberationVotes', { topicId: t.id })) as Doc[]
    expect(rolls).toHaveLength(N)
    const text = JSON.stringify(bins)
    const leaks = [
      ...who.filter((o) => text.includes(o)),
      ...rolls.map((r) => String(r._id).split(':').pop()!).filter((k) => text.includes(k)),
      ...(text.includes('g1-b2') ? ['g1-b2'] : []),
    ]
    expect(leaks).toEqual([])
    expect(bins.filter(hasTime)).toEqual([])
  })
})
