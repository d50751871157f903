import { randomBytes } from 'node:crypto'
import { ERRAND_TYPE_LABELS, type ErrandType } from '@/contract/errand'
import { LEDGER_SOURCES, type LedgerSource } from '@/contract/volunteer'
import { db } from '../lib/cloud'
import { auditMany } from '../lib/audit'
import { isDuplicateKey } from '../lib/store'
import { shanghaiYear } from '../lib/time'
import type { UserDoc } from '../lib/actor'
import { round1 } from './policy'
import { reportsAsPartyMember, unitKey } from './counters'
import {
  STATE,
  ledger,
  ledgerId,
  settingsColl,
  settingsOf,
  totals,
  units,
  yearId,
  years,
  type LedgerDoc,
  type SettingsDoc,
  type TotalsDoc,
  type YearDoc,
} from './store'

// The hours ledger's timer work. Wishes that reached `done` and errands that reached `closed`
// become entries (walked by their indexed end time from where the last run stopped, less a margin
// for done times committed late; from the beginning the first time, which is the backfill; an entry's id is unique per item and person,
// so a walk over the same items again adds nothing). Then the entries not summed yet are summed
// into each volunteer's totals, per-year totals and per-work-unit hours (双报到), each entry
// exactly once: a run claims a
// batch with one conditional write and sums what it claimed.

const BATCH = 500
const MAX_BATCHES = 20

interface Cursor {
  _id: string
  wishAt?: Date | null
  errandAt?: Date | null
}

interface DoneItem {
  _id: string
  communityId: string
  openid: string | null
  title: string
  at: Date
}

const state = () => db().collection<Cursor>(STATE)

async function settingsFor(communityIds: string[]): Promise<Map<string, SettingsDoc>> {
  const ids = [...new Set(communityIds)].filter(Boolean)
  const _ = db().command
  const { data } = ids.length
    ? await settingsColl()
        .where({ _id: _.in(ids) })
        .limit(1000)
        .get()
    : { data: [] as SettingsDoc[] }
  const found = new Map(data.map((s) => [s._id, s]))
  return new Map(ids.map((id) => [id, settingsOf(id, found.get(id) ?? null)]))
}

type Owned = DoneItem & { openid: string }

/** The items (with a person to credit) whose entries are not in the ledger yet. */
async function notCredited(source: LedgerSource, items: DoneItem[]): Promise<Owned[]> {
  const owned = items.filter((w): w is Owned => !!w.openid)
  if (!owned.length) return []
  const _ = db().command
  const { data } = await ledger()
    .where({ _id: _.in(owned.map((w) => ledgerId(source, w._id, w.openid))) })
    .field({ _id: true })
    .limit(1000)
    .get()
  const seen = new Set(data.map((e) => e._id))
  return owned.filter((w) => !seen.has(ledgerId(source, w._id, w.openid)))
}

/** Inserts new entries in one write; how many. */
async function insertAll(entries: LedgerDoc[]): Promise<number> {
  if (!entries.length) return 0
  try {
    await ledger().add({ data: entries.map((e) => ({ ...e })) })
    return entries.length
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // Another run inserted some meanwhile: one at a time.
    let n = 0
    for (const e of entries) {
      try {
        await ledger().add({ data: { ...e } })
        n++
      } catch (e2) {
        if (!isDuplicateKey(e2)) throw e2
      }
    }
    return n
  }
}

const entryOf = (source: LedgerSource, item: Owned, hours: number): LedgerDoc => {
  const at = new Date(item.at)
  return {
    _id: ledgerId(source, item._id, item.openid),
    openid: item.openid,
    communityId: item.communityId,
    source,
    refId: item._id,
    title: item.title,
    hours,
    at,
    year: shanghaiYear(at),
    credited: false,
    pending: item.openid,
    batch: '',
    createdAt: new Date(),
  }
}

/**
 * How far before the cursor each run reads again: an item whose done time was taken before a run
 * but committed after it sorts behind that run's cursor. Entries are unique per item and person,
 * so what is read twice is credited once.
 */
export const RESUME_MARGIN_MS = 10 * 60_000

/** One source's items done since the cursor (less the margin), walked in order; the entries inserted. */
async function walk(
  source: 'wish' | 'errand',
  cursor: Date,
  read: (from: Date) => Promise<DoneItem[]>,
  hoursOf: (s: SettingsDoc) => number
): Promise<{ inserted: number; reached: Date }> {
  let from = new Date(Math.max(0, cursor.getTime() - RESUME_MARGIN_MS))
  let reached = cursor
  let inserted = 0
  for (let i = 0; i < MAX_BATCHES; i++) {
    const items = await read(from)
    if (!items.length) break
    // Only what is not credited yet costs the settings' read and the insert.
    const fresh = await notCredited(source, items)
    if (fresh.length) {
      const settings = await settingsFor(fresh.map((w) => w.communityId))
      const entries = fresh
        .map((w) => entryOf(source, w, hoursOf(settings.get(w.communityId)!)))
        .filter((e) => e.hours > 0)
      inserted += await insertAll(entries)
    }
    const last = new Date(items[items.length - 1].at)
    // The cursor never moves back (the margin is re-read from it each run).
    if (last.getTime() > reached.getTime()) reached = last
    // A full batch all at one instant cannot move on: stop (the next run retries it).
    if (items.length < BATCH || last.getTime() === from.getTime()) break
    from = last
  }
  return { inserted, reached }
}

/** Ledger entries for every wish done and errand closed since the last run (the first: all). */
export async function importDone(): Promise<{ wishes: number; errands: number }> {
  const _ = db().command
  const { data } = await state().where({ _id: 'ledger' }).limit(1).get()
  const cur = data[0]
  const epoch = new Date(0)
  const wishes = await walk(
    'wish',
    cur?.wishAt ? new Date(cur.wishAt) : epoch,
    async (from) => {
      const { data: rows } = await db()
        .collection<{
          _id: string
          communityId: string
          claimerOpenid: string | null
          title: string
          doneAt: Date
        }>('wishes')
        .where({ status: 'done', doneAt: _.gte(from) })
        .orderBy('doneAt', 'asc')
        .field({ _id: true, communityId: true, claimerOpenid: true, title: true, doneAt: true })
        .limit(BATCH)
        .get()
      return rows.map((w) => ({
        _id: w._id,
        communityId: w.communityId,
        openid: w.claimerOpenid,
        title: w.title,
        at: w.doneAt,
      }))
    },
    (s) => s.wishHours
  )
  const errands = await walk(
    'errand',
    cur?.errandAt ? new Date(cur.errandAt) : epoch,
    async (from) => {
      const { data: rows } = await db()
        .collection<{
          _id: string
          communityId: string
          agentOpenid: string | null
          type: ErrandType
          endedAt: Date
        }>('errands')
        .where({ status: 'closed', endedAt: _.gte(from) })
        .orderBy('endedAt', 'asc')
        .field({ _id: true, communityId: true, agentOpenid: true, type: true, endedAt: true })
        .limit(BATCH)
        .get()
      return rows.map((e) => ({
        _id: e._id,
        communityId: e.communityId,
        openid: e.agentOpenid,
        title: `红色代办：${ERRAND_TYPE_LABELS[e.type] ?? '代办'}`,
        at: e.endedAt,
      }))
    },
    (s) => s.errandHours
  )
  await state()
    .doc('ledger')
    .set({ data: { wishAt: wishes.reached, errandAt: errands.reached } })
  return { wishes: wishes.inserted, errands: errands.inserted }
}

type Sums = {
  hours: number
  count: number
  bySource: Record<string, number>
  years: Map<number, number>
  firstAt: Date
}

/** Adds to a document by id, creating it the first time (a concurrent creation: add to it). */
async function upsert(
  coll: 'totals' | 'years' | 'units',
  id: string,
  inc: Record<string, unknown>,
  create: Record<string, unknown>
): Promise<void> {
  const ref = coll === 'totals' ? totals() : coll === 'years' ? years() : units()
  const res = await ref.where({ _id: id }).update({ data: inc })
  if (res.stats.updated === 1) return
  try {
    await ref.add({ data: { _id: id, ...create } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await ref.where({ _id: id }).update({ data: inc })
  }
}

/** Sums the entries not summed yet into the totals; how many entries and volunteers. */
export async function credit(): Promise<{ entries: number; volunteers: number }> {
  const _ = db().command
  let entries = 0
  const touched = new Set<string>()
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { data: waiting } = await ledger()
      .where({ credited: false })
      .orderBy('at', 'asc')
      .field({ _id: true })
      .limit(BATCH)
      .get()
    if (!waiting.length) break
    const batch = randomBytes(8).toString('hex')
    await ledger()
      .where({ _id: _.in(waiting.map((e) => e._id)), credited: false })
      .update({ data: { credited: true, pending: '', batch } })
    const { data: mine } = await ledger().where({ batch }).limit(1000).get()
    entries += mine.length
    await sum(mine)
    mine.forEach((e) => touched.add(e.openid))
    if (waiting.length < BATCH) break
  }
  return { entries, volunteers: touched.size }
}

/** The 双报到 report's party members (see counters.ts): their hours go to their work unit. */
function unitOf(u: UserDoc | undefined, communityId: string) {
  if (!u || !communityId || !reportsAsPartyMember(u)) return null
  return { communityId, workUnit: (u.volunteer as { workUnit?: string | null }).workUnit || '' }
}

/** Who a volunteer is on the honor roll and the 双报到 report: their profile now, else as last kept. */
function personOf(u: UserDoc | undefined, t: TotalsDoc | undefined) {
  const kept = {
    communityId: t?.communityId ?? '',
    nickname: t?.nickname ?? '',
    name: t?.name ?? '',
  }
  const who = u
    ? { communityId: u.communityId ?? '', nickname: u.nickname ?? '', name: u.realName ?? '' }
    : kept
  const v = (u?.volunteer ?? {}) as { partyMember?: boolean; workUnit?: string | null }
  const party = {
    partyMember: !!v.partyMember,
    workUnit: v.workUnit || '',
    partyOf: v.partyMember ? who.communityId : '',
  }
  return { who, party, unit: unitOf(u, who.communityId) }
}

async function sum(mine: LedgerDoc[]): Promise<void> {
  if (!mine.length) return
  const by = new Map<string, Sums>()
  for (const e of mine) {
    const s = by.get(e.openid) ?? {
      hours: 0,
      count: 0,
      bySource: {},
      years: new Map<number, number>(),
      firstAt: new Date(e.at),
    }
    s.hours += e.hours
    s.count += 1
    s.bySource[e.source] = (s.bySource[e.source] ?? 0) + e.hours
    s.years.set(e.year, (s.years.get(e.year) ?? 0) + e.hours)
    if (new Date(e.at) < s.firstAt) s.firstAt = new Date(e.at)
    by.set(e.openid, s)
  }
  const _ = db().command
  const ids = [...by.keys()]
  const [{ data: people }, { data: before }] = await Promise.all([
    db()
      .collection<UserDoc>('users')
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
    totals()
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  ])
  const user = new Map(people.map((u) => [u._id, u]))
  const prior = new Map(before.map((t) => [t._id, t]))
  const now = new Date()
  const byUnit = new Map<string, { communityId: string; workUnit: string; hours: number }>()
  for (const openid of ids) {
    const { unit } = personOf(user.get(openid), prior.get(openid))
    if (!unit) continue
    const id = `${unit.communityId}:${unitKey(unit.workUnit)}`
    const u = byUnit.get(id) ?? { ...unit, hours: 0 }
    u.hours += by.get(openid)!.hours
    byUnit.set(id, u)
  }
  await Promise.all(
    [...byUnit].map(([id, u]) =>
      upsert(
        'units',
        id,
        { hours: _.inc(u.hours), updatedAt: now },
        {
          communityId: u.communityId,
          unitKey: unitKey(u.workUnit),
          workUnit: u.workUnit,
          hours: u.hours,
          createdAt: now,
          updatedAt: now,
        }
      )
    )
  )
  await Promise.all(
    ids.map(async (openid) => {
      const s = by.get(openid)!
      const { who, party } = personOf(user.get(openid), prior.get(openid))
      const inc: Record<string, unknown> = {
        ...who,
        ...party,
        total: _.inc(s.hours),
        entryCount: _.inc(s.count),
        updatedAt: now,
      }
      for (const [src, h] of Object.entries(s.bySource)) inc[`bySource.${src}`] = _.inc(h)
      const bySource = Object.fromEntries(LEDGER_SOURCES.map((x) => [x, s.bySource[x] ?? 0]))
      const t0 = prior.get(openid)
      const totalNow = round1((t0?.total ?? 0) + s.hours)
      const created: Omit<TotalsDoc, '_id'> = {
        openid,
        ...who,
        ...party,
        total: s.hours,
        entryCount: s.count,
        bySource: bySource as TotalsDoc['bySource'],
        firstAt: s.firstAt,
        createdAt: now,
        updatedAt: now,
      }
      await upsert('totals', openid, inc, { ...created })
      await Promise.all(
        [...s.years].map(([year, h]) => {
          const y: Omit<YearDoc, '_id'> = {
            openid,
            ...who,
            year,
            hours: h,
            total: totalNow,
            createdAt: now,
          }
          return upsert(
            'years',
            yearId(openid, year),
            { ...who, hours: _.inc(h), total: totalNow },
            { ...y }
          )
        })
      )
    })
  )
  await auditMany(
    'volunteer.credit',
    ids.map((openid) => ({
      targetId: openid,
      detail: { hours: round1(by.get(openid)!.hours), entries: by.get(openid)!.count },
    }))
  )
}
