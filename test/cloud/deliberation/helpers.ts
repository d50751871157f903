import { createHash } from 'node:crypto'
import {
  DELIBERATION_TEMPLATES,
  type CreateTopicInput,
  type Topic,
  type TopicComment,
  type TopicListScope,
  type TopicPage,
  type VoteResult,
} from '@/contract/deliberation'
import type { Envelope, Json, TestEmulator } from '../../helpers/emulator'
import { call, data, newResident, PERSONAS } from '../helpers'

// The deliberation domain's arrangements, on the shared cloud-test setup (../helpers): topics
// brought into each phase through their actions (create → openVoting → vote → close), the timer,
// and what a test needs to compute on its own (the eligible roll from the users collection, the
// tally hash from the receipts it collected).

export {
  call,
  callWithStats,
  data,
  expectError,
  newResident,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'

/** 张桂兰, g1, 1号楼 101 */
export const R1: string = PERSONAS.resident1
/** 李建国, g1, another household */
export const R2: string = PERSONAS.resident2
/** 王秀英, g2 */
export const R3: string = PERSONAS.resident3
/** 张伟, g1, the same household as R1 */
export const R4 = 'demo-resident-4'
/** 赵志强, g1 resident */
export const V1: string = PERSONAS.volunteer1
/** 陈晓燕, g2 resident */
export const V2: string = PERSONAS.volunteer2
/** 刘芳, grid worker of g1 and g2 */
export const GW: string = PERSONAS.gridWorker
/** 周卫东, committee of c1 */
export const CM: string = PERSONAS.committee
export const ADMIN: string = PERSONAS.admin
export const NEWCOMER: string = PERSONAS.newcomer

/** A verified resident of the second community (c2, grid g3). */
export const C2_RESIDENT = 'test-c2-resident'
export const newC2Resident = (emu: TestEmulator): Promise<void> =>
  newResident(emu, C2_RESIDENT, { gridId: 'g3', buildingId: 'g3-b1' })

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** The subscribe-message template ids as the emulator's outbox shows them. */
export const TPL = {
  votingOpened: `HONGLIN_TPL_${DELIBERATION_TEMPLATES.votingOpened}`,
  resultPublished: `HONGLIN_TPL_${DELIBERATION_TEMPLATES.resultPublished}`,
} as const

export const OPTIONS = ['同意加装休闲长椅', '暂不加装'] as const

const iso = (ms: number) => new Date(ms).toISOString()

/** A valid create input whenever it is made: discussion for 2 days, voting 3 more. */
export function topicInput(
  emu: TestEmulator,
  patch: Partial<CreateTopicInput> = {}
): CreateTopicInput {
  const now = emu.emulator.clock.now()
  return {
    title: '三号楼前是否加装休闲长椅',
    background:
      '不少老人反映散步时没有地方歇脚，物业提出在三号楼前空地加装两张长椅，请大家议一议。',
    scope: { type: 'grid', id: 'g1' },
    options: [...OPTIONS],
    discussionEndsAt: iso(now + 2 * DAY),
    votingEndsAt: iso(now + 5 * DAY),
    unit: 'resident',
    quorum: 0,
    ...patch,
  }
}

/** sha256 hex of the sorted `receipt:optionIndex` pairs joined by '\n' (docs/contract.md §4.4). */
export function tallyHashOf(ballots: { receipt: string; optionIndex: number }[]): string {
  const lines = ballots.map((b) => `${b.receipt}:${b.optionIndex}`).sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

type Doc = Record<string, Json>

/**
 * Fixture: the topic's bins removed and, with `jammed`, one put back that holds no list (as a
 * broken write would leave it), so no ballot can go in until the bins are removed again.
 */
export async function jamBins(emu: TestEmulator, topicId: string, jammed = true): Promise<void> {
  const db = emu.emulator.db
  await db.handle({
    action: 'database.removeDocument',
    collectionName: 'deliberationBallots',
    queryType: 'WHERE',
    multi: true,
    query: JSON.stringify({ topicId }),
  })
  if (!jammed) return
  const reply = await db.handle({
    action: 'database.insertDocument',
    collectionName: 'deliberationBallots',
    data: [{ _id: `${topicId}:0`, topicId, ballots: 'jammed' }],
  })
  if (reply.code) throw new Error(`jamBins: ${JSON.stringify(reply)}`)
}

/** Every ballot stored for a topic: its bins (natural order), each bin's ballots in order. */
export async function storedBallots(
  emu: TestEmulator,
  topicId: string
): Promise<{ optionIndex: number; receipt: string; origin: string }[]> {
  const bins = (await emu.emulator.db.find('deliberationBallots', { topicId })) as Doc[]
  return bins.flatMap(
    (b) => b.ballots as { optionIndex: number; receipt: string; origin: string }[]
  )
}

/** The eligible roll as the users collection holds it now, computed apart from the server. */
export async function rollOf(
  emu: TestEmulator,
  scope: { type: 'grid' | 'community'; id: string }
): Promise<{ residents: string[]; households: number }> {
  const users = (await emu.emulator.db.find('users')) as Doc[]
  const inScope = users.filter(
    (u) =>
      u.bindStatus === 'verified' &&
      (scope.type === 'grid' ? u.gridId === scope.id : u.communityId === scope.id)
  )
  const households = new Set(inScope.map((u) => `${u.buildingId}|${u.room}`))
  return { residents: inScope.map((u) => u._id as string), households: households.size }
}

export class DelibFlow {
  constructor(private emu: TestEmulator) {}

  /** An untyped call (for bad input); typed ones go through `call(emu, 'deliberation', …)`. */
  call<T = Topic>(who: string | null, action: string, input?: unknown, requestId?: string) {
    return this.emu.call<T>('deliberation', who, action, input, requestId)
  }

  async create(who = CM, patch: Partial<CreateTopicInput> = {}): Promise<Topic> {
    return data(await call(this.emu, 'deliberation', who, 'create', topicInput(this.emu, patch)))
  }

  /** A topic whose voting is open (opened early by the committee). */
  async voting(who = CM, patch: Partial<CreateTopicInput> = {}): Promise<Topic> {
    const t = await this.create(who, patch)
    return data(await call(this.emu, 'deliberation', CM, 'openVoting', { id: t.id }))
  }

  vote(who: string, id: string, optionIndex: number, requestId?: string) {
    return call(this.emu, 'deliberation', who, 'vote', { id, optionIndex }, requestId)
  }

  async voted(who: string, id: string, optionIndex: number): Promise<VoteResult> {
    return data(await this.vote(who, id, optionIndex))
  }

  async close(id: string, who = CM): Promise<Topic> {
    return data(await call(this.emu, 'deliberation', who, 'close', { id }))
  }

  /** A closed topic with these online votes: `[[openid, optionIndex], …]`. */
  async closed(
    votes: [string, number][],
    patch: Partial<CreateTopicInput> = {}
  ): Promise<{ topic: Topic; receipts: { receipt: string; optionIndex: number }[] }> {
    const t = await this.voting(CM, patch)
    const receipts: { receipt: string; optionIndex: number }[] = []
    for (const [who, optionIndex] of votes) {
      receipts.push({ receipt: (await this.voted(who, t.id, optionIndex)).receipt, optionIndex })
    }
    return { topic: await this.close(t.id), receipts }
  }

  get(who: string, id: string): Promise<Envelope<Topic>> {
    return call(this.emu, 'deliberation', who, 'get', { id })
  }

  async topic(who: string, id: string): Promise<Topic> {
    return data(await this.get(who, id))
  }

  /** Every topic a viewer lists, following the cursor to the end. */
  async listAll(who: string, scope?: TopicListScope): Promise<Topic[]> {
    const items: Topic[] = []
    let cursor: string | undefined
    for (let page = 0; page < 50; page++) {
      const res: TopicPage = data(
        await call(this.emu, 'deliberation', who, 'list', {
          ...(scope ? { scope } : {}),
          limit: 50,
          ...(cursor ? { cursor } : {}),
        })
      )
      items.push(...res.items)
      if (!res.nextCursor) return items
      cursor = res.nextCursor
    }
    throw new Error('list never ended')
  }

  async ids(who: string, scope?: TopicListScope): Promise<string[]> {
    return (await this.listAll(who, scope)).map((t) => t.id)
  }

  async comment(
    who: string,
    id: string,
    content = '我赞成，老人们确实需要歇脚的地方'
  ): Promise<TopicComment> {
    return data(await call(this.emu, 'deliberation', who, 'comment', { id, content }))
  }

  async comments(who: string, id: string): Promise<TopicComment[]> {
    const items: TopicComment[] = []
    let cursor: string | undefined
    for (let page = 0; page < 50; page++) {
      const res = data(
        await call(this.emu, 'deliberation', who, 'listComments', {
          id,
          limit: 50,
          ...(cursor ? { cursor } : {}),
        })
      )
      items.push(...res.items)
      if (!res.nextCursor) return items
      cursor = res.nextCursor
    }
    throw new Error('listComments never ended')
  }

  async commentAs(who: string, topicId: string, commentId: string): Promise<TopicComment> {
    const found = (await this.comments(who, topicId)).find((c) => c.id === commentId)
    if (!found) throw new Error(`comment ${commentId} not listed for ${who}`)
    return found
  }

  /** Runs the deliberation timer; every trigger answers ok. */
  async tick(): Promise<void> {
    const triggers = await this.emu.fireTimer('deliberation')
    expect(triggers.length).toBeGreaterThan(0)
    for (const t of triggers) expect(t.result).toMatchObject({ ok: true })
  }

  async counts(who: string): Promise<Record<string, number | undefined>> {
    return data(await call(this.emu, 'user', who, 'counts', {})).counts
  }

  /** Messages of a template to someone about one topic (their page names its id). */
  async messagesAbout(touser: string, id: string): Promise<string[]> {
    return (await this.emu.outbox(touser))
      .filter((m) => (m.page ?? '').includes(id))
      .map((m) => m.templateId)
  }

  /** Everyone who got a template's message about one topic. */
  async recipients(templateId: string, id: string): Promise<string[]> {
    return (await this.emu.outbox())
      .filter((m) => m.templateId === templateId && (m.page ?? '').includes(id))
      .map((m) => m.touser)
      .sort()
  }

  /** Entries of the audit log for one action. */
  async audited(action: string): Promise<Doc[]> {
    return ((await this.emu.emulator.db.find('audit')) as Doc[]).filter((a) => a.action === action)
  }

  /** Documents stored per collection: to check that a refusal stored nothing. */
  async census(): Promise<Record<string, number>> {
    const db = this.emu.emulator.db
    const out: Record<string, number> = {}
    for (const name of db.collectionNames()) {
      if (name === 'audit') continue // a refusal with a requestId records itself
      out[name] = (await db.find(name)).length
    }
    return out
  }
}
