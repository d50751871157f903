import ExcelJS from 'exceljs'
import {
  COMMUNITY_MESSAGES,
  EXPORT_FOLDER,
  EXPORT_KEEP_HOURS,
  EXPORT_KIND_LABELS,
  EXPORT_KINDS,
  EXPORT_MAX_DAYS,
  EXPORT_MAX_ROWS,
  type ExportKind,
  type ExportResult,
} from '@/contract/committee'
import { ERRAND_STATUS_LABELS } from '@/contract/errand'
import { MATTER_STATUS_LABELS } from '@/contract/matter'
import { WISH_STATUS_LABELS } from '@/contract/wish'
import { toWire } from '../../../emulator/db/wire'
import type { TestEmulator } from '../../helpers/emulator'
import { pathOf } from '../matter/helpers'
import {
  ADMIN,
  call,
  callWithStats,
  CM,
  data,
  DAY,
  expectError,
  FULL_PHONE,
  GW,
  HOUR,
  ms,
  P,
  R1,
  raw,
  runTimer,
  shanghaiDate,
  useEmulator,
  V1,
  V2,
  type Doc,
} from './helpers'

// `committee.export`: each ledger (台账) as an .xlsx in cloud storage, downloaded through its
// temporary URL and opened with a spreadsheet reader: the sheet, the Chinese headers, one row
// per item of the range (counted from the raw collections), local times and Chinese labels, no
// full phone and no room. Committee and admins only, audited; a range over EXPORT_MAX_ROWS
// refused before anything is written; the timer removes old files.

const emu = useEmulator()

/** The headers of each ledger, as a committee reads them. */
const HEADERS: Record<ExportKind, string[]> = {
  wishes: [
    '提出时间',
    '心愿',
    '类别',
    '网格',
    '楼栋',
    '提出人',
    '联系电话',
    '状态',
    '认领人',
    '点亮时间',
    '评价',
  ],
  errands: [
    '预约时间',
    '类型',
    '服务日期',
    '时段',
    '网格',
    '楼栋',
    '预约人',
    '联系电话',
    '状态',
    '代办员',
    '接单时间',
    '办结时间',
    '评价',
  ],
  matters: [
    '反映时间',
    '类别',
    '内容',
    '网格',
    '楼栋',
    '反映人',
    '联系电话',
    '状态',
    '处理人',
    '办结时间',
    '评价',
  ],
  hours: ['记录时间', '志愿者', '来源', '事项', '时长（小时）', '已计入'],
  activities: [
    '开始时间',
    '结束时间',
    '活动',
    '范围',
    '地点',
    '名额',
    '报名',
    '到场',
    '时长（小时）',
    '组织者',
  ],
}

/** Where each ledger's rows come from and by which time they are chosen and ordered. */
const SOURCE: Record<ExportKind, { collection: string; time: string }> = {
  wishes: { collection: 'wishes', time: 'createdAt' },
  errands: { collection: 'errands', time: 'createdAt' },
  matters: { collection: 'matters', time: 'createdAt' },
  hours: { collection: 'volunteerLedger', time: 'at' },
  activities: { collection: 'volunteerActivities', time: 'startAt' },
}

const STATUS_LABELS: Partial<Record<ExportKind, Record<string, string>>> = {
  wishes: WISH_STATUS_LABELS,
  errands: ERRAND_STATUS_LABELS,
  matters: MATTER_STATUS_LABELS,
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/
const localTime = (at: unknown) =>
  new Date(ms(at) + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ')

/** The days of the range, Asia/Shanghai: a year up to today. */
const yearToToday = (e: TestEmulator) => {
  const now = e.emulator.clock.now()
  return { from: shanghaiDate(now - (EXPORT_MAX_DAYS - 1) * DAY), to: shanghaiDate(now) }
}

/** The raw documents a ledger of c1 holds for a range, oldest first (ties by id). */
async function expectedRows(e: TestEmulator, kind: ExportKind, from: string, to: string) {
  const { collection, time } = SOURCE[kind]
  const start = Date.parse(`${from}T00:00:00+08:00`)
  const end = Date.parse(`${to}T00:00:00+08:00`) + DAY
  return (await raw(e, collection))
    .filter((d) => d.communityId === 'c1' && ms(d[time]) >= start && ms(d[time]) < end)
    .sort((a, b) => ms(a[time]) - ms(b[time]) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}

/** Downloads a ledger through its temporary URL and reads it with exceljs. */
async function open(res: ExportResult): Promise<ExcelJS.Worksheet> {
  const got = await fetch(res.url)
  expect(got.status).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await got.arrayBuffer()) as unknown as ExcelJS.Buffer)
  expect(book.worksheets).toHaveLength(1)
  return book.worksheets[0]
}

const rowsOf = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = []
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

/** A volunteer activity held just now, V1 and V2 attending: rows in the hours and activities ledgers. */
async function heldActivity(e: TestEmulator): Promise<void> {
  const now = e.emulator.clock.now()
  const a = data(
    await call(e, 'volunteer', CM, 'createActivity', {
      title: '敬老院陪伴活动',
      description: '陪伴老人聊天、读报',
      location: '幸福里敬老院',
      startAt: new Date(now + 2 * HOUR).toISOString(),
      endAt: new Date(now + 4 * HOUR).toISOString(),
      signupDeadline: new Date(now + HOUR).toISOString(),
      quota: 5,
      hours: 2,
      scope: { type: 'community', id: 'c1' },
    })
  )
  for (const who of [V1, V2]) data(await call(e, 'volunteer', who, 'signup', { activityId: a.id }))
  await e.advanceClock(3 * HOUR)
  data(await call(e, 'volunteer', CM, 'confirmAttendance', { activityId: a.id, openids: [V1, V2] }))
}

/** The volunteers' real names (the committee knows them) of ledger entries. */
async function namesOf(entries: Doc[]): Promise<string[]> {
  const names = new Map((await raw(emu(), 'users')).map((u: Doc) => [u._id, u.realName]))
  return entries.map((d) => names.get(d.openid))
}

const exported = async (kind: ExportKind, range = yearToToday(emu()), who = CM) =>
  data(await call(emu(), 'committee', who, 'export', { kind, ...range }))

describe('committee.export', () => {
  it.each(EXPORT_KINDS)(
    '%s: the spreadsheet has the headers, the rows of the range, local times, labels and no personal data',
    async (kind) => {
      await heldActivity(emu())
      await runTimer(emu(), 'volunteer')
      const range = yearToToday(emu())
      const res = await exported(kind, range)
      const docs = await expectedRows(emu(), kind, range.from, range.to)
      expect(docs.length).toBeGreaterThan(0)

      expect(res).toMatchObject({
        kind,
        rows: docs.length,
        fileName: `${EXPORT_KIND_LABELS[kind]}_${range.from}_${range.to}.xlsx`,
      })
      expect(Date.parse(res.expiresAt)).toBeGreaterThan(emu().emulator.clock.now())
      // Saved in cloud storage under exports/<community>/.
      expect(pathOf(res.fileID)).toMatch(new RegExp(`^${EXPORT_FOLDER}/c1/${kind}-.+\\.xlsx$`))
      expect(emu().emulator.storage.files.stat(pathOf(res.fileID))).toBeTruthy()

      const sheet = await open(res)
      expect(sheet.name).toBe(EXPORT_KIND_LABELS[kind])
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      for (const c of sheet.columns) expect(c.width).toBeGreaterThan(0)
      const [header, ...rows] = rowsOf(sheet)
      expect(header).toEqual(HEADERS[kind])
      expect(rows).toHaveLength(docs.length)

      // Oldest first, in local time (Asia/Shanghai).
      const { time } = SOURCE[kind]
      expect(rows.map((r) => r[0])).toEqual(docs.map((d) => localTime(d[time])))
      for (const r of rows) expect(String(r[0])).toMatch(LOCAL_TIME)
      // A column's values row by row (rows of the same minute in any order: ties are the
      // server's to order), against what each document says.
      const column = (header: string, value: (d: Doc) => unknown) => {
        const col = HEADERS[kind].indexOf(header)
        const keyed = (pairs: unknown[][]) => pairs.map((p) => JSON.stringify(p)).sort()
        expect(keyed(rows.map((r) => [r[0], r[col] ?? null]))).toEqual(
          keyed(docs.map((d) => [localTime(d[time]), value(d) ?? null]))
        )
      }
      // Status labels in Chinese, as the app shows them; grid names, never a grid id.
      const labels = STATUS_LABELS[kind]
      if (labels) column('状态', (d) => labels[d.status])
      if (HEADERS[kind].includes('网格')) column('网格', (d) => d.gridName)

      // No full phone anywhere; a phone column is masked; the building without the room.
      const cells = rows.flat().map((v) => String(v ?? ''))
      for (const c of cells) expect(c).not.toMatch(FULL_PHONE)
      const phone = HEADERS[kind].indexOf('联系电话')
      if (phone >= 0) {
        for (const r of rows) expect(String(r[phone] ?? '')).toMatch(/^(\d{3}\*{4}\d{4})?$/)
      }
      const building = HEADERS[kind].indexOf('楼栋')
      if (building >= 0) {
        for (const r of rows) expect(String(r[building] ?? '')).toMatch(/^(\d+号楼)?$/)
        const roomField = { wishes: 'authorRoom', errands: 'bookerRoom', matters: 'reporterRoom' }[
          kind as 'wishes' | 'errands' | 'matters'
        ]
        const rooms = new Set(docs.map((d) => d[roomField]).filter(Boolean))
        for (const c of cells) expect(rooms.has(c)).toBe(false)
        // Names in full: the committee serves these residents.
        const [header, field] = {
          wishes: ['提出人', 'authorName'],
          errands: ['预约人', 'bookerName'],
          matters: ['反映人', 'reporterName'],
        }[kind as 'wishes' | 'errands' | 'matters']
        column(header, (d) => d[field])
      }

      if (kind === 'hours') {
        const names = await namesOf(docs)
        column('志愿者', (d) => names[docs.indexOf(d)])
      }

      // Audited: who, which ledger, which range, how many rows.
      const audit = (await raw(emu(), 'audit')).filter((a) => a.action === 'committee.export')
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({
        actorOpenid: CM,
        detail: { kind, from: range.from, to: range.to, rows: docs.length },
      })
    }
  )

  // The names come from the volunteers' profiles, not from the totals the volunteer timer keeps:
  // hours credited since its last run (a volunteer's first hours) name their volunteer too.
  it('hours credited since the volunteer timer last ran name their volunteer too', async () => {
    await heldActivity(emu())
    const today = shanghaiDate(emu().emulator.clock.now())
    const res = await exported('hours', { from: today, to: today })
    const docs = await expectedRows(emu(), 'hours', today, today)
    expect(res.rows).toBe(2)
    const [, ...rows] = rowsOf(await open(res))
    const names = await namesOf(docs)
    expect(names.every((n) => typeof n === 'string' && n.length > 1)).toBe(true)
    expect(rows.map((r) => r[1])).toEqual(names)
  })

  it('a range of a single day: only its rows', async () => {
    await heldActivity(emu())
    const today = shanghaiDate(emu().emulator.clock.now())
    const res = await exported('hours', { from: today, to: today })
    expect(res.rows).toBe((await expectedRows(emu(), 'hours', today, today)).length)
    expect(res.rows).toBeGreaterThanOrEqual(2)
    const empty = await exported('activities', { from: '2020-01-01', to: '2020-01-31' })
    expect(empty.rows).toBe(0)
    const [header, ...rows] = rowsOf(await open(empty))
    expect(header).toEqual(HEADERS.activities)
    expect(rows).toEqual([])
  })

  it('only the committee and admins may export', async () => {
    for (const who of [R1, V1, GW, P.newcomer]) {
      expectError(
        await call(emu(), 'committee', who, 'export', { kind: 'wishes', ...yearToToday(emu()) }),
        'FORBIDDEN'
      )
    }
    // An admin names the community.
    const res = data(
      await call(emu(), 'committee', ADMIN, 'export', {
        kind: 'matters',
        ...yearToToday(emu()),
        communityId: 'c1',
      })
    )
    expect(pathOf(res.fileID)).toMatch(/^exports\/c1\//)
    expect(
      emu()
        .emulator.storage.files.list()
        .filter((f) => /^exports\//.test(f.cloudPath))
    ).toHaveLength(1)
  })

  it("an admin's community: one that does not exist, or none at all, is refused on communityId", async () => {
    const range = yearToToday(emu())
    const missing = await call(emu(), 'committee', ADMIN, 'export', {
      kind: 'wishes',
      ...range,
      communityId: 'no-such-community',
    })
    expectError(missing, 'INVALID_INPUT', 'communityId')
    if (!missing.ok) expect(missing.error.message).toBe(COMMUNITY_MESSAGES.missing)
    // The street admin is bound to no community: naming none, they are asked to choose one.
    const unbound = await call(emu(), 'committee', ADMIN, 'export', { kind: 'wishes', ...range })
    expectError(unbound, 'INVALID_INPUT', 'communityId')
    if (!unbound.ok) expect(unbound.error.message).toBe(COMMUNITY_MESSAGES.choose)
    expect(emu().emulator.storage.files.list()).toEqual([])
    expect((await raw(emu(), 'audit')).filter((a) => a.action === 'committee.export')).toEqual([])
  })

  it('wrong input: each on its field', async () => {
    const today = shanghaiDate(emu().emulator.clock.now())
    const tomorrow = shanghaiDate(emu().emulator.clock.now() + DAY)
    const bad = (input: Record<string, unknown>, field: string) =>
      emu()
        .call('committee', CM, 'export', input)
        .then((res) => expectError(res, 'INVALID_INPUT', field))
    await bad({ kind: 'people', from: today, to: today }, 'kind')
    await bad({ from: today, to: today }, 'kind')
    await bad({ kind: 'wishes', to: today }, 'from')
    await bad({ kind: 'wishes', from: '2026-02-30', to: today }, 'from')
    await bad({ kind: 'wishes', from: today, to: '2026/01/01' }, 'to')
    await bad({ kind: 'wishes', from: tomorrow, to: tomorrow }, 'from')
    await bad({ kind: 'wishes', from: '2025-01-01', to: '2024-12-31' }, 'from')
    await bad(
      {
        kind: 'wishes',
        from: shanghaiDate(emu().emulator.clock.now() - EXPORT_MAX_DAYS * DAY),
        to: today,
      },
      'to'
    )
  })

  it(`more than ${EXPORT_MAX_ROWS} rows: refused on 'from', nothing written`, async () => {
    const now = emu().emulator.clock.now()
    const [model] = await raw(emu(), 'wishes')
    const docs = Array.from({ length: EXPORT_MAX_ROWS + 1 - 0 }, (_x, i) =>
      toWire({
        ...model,
        _id: `many-${i}`,
        slot: `many-${i}`,
        communityId: 'c1',
        createdAt: new Date(now - (i % 300) * DAY),
      })
    )
    const reply = await emu().emulator.db.handle({
      action: 'database.insertDocument',
      collectionName: 'wishes',
      data: docs,
    })
    expect(reply.code).toBeFalsy()
    const res = await call(emu(), 'committee', CM, 'export', {
      kind: 'wishes',
      ...yearToToday(emu()),
    })
    expectError(res, 'INVALID_INPUT', 'from')
    if (!res.ok) expect(res.error.message).toMatch(/缩小|范围/)
    expect(emu().emulator.storage.files.list()).toEqual([])
    expect((await raw(emu(), 'audit')).filter((a) => a.action === 'committee.export')).toEqual([])
  }, 120_000)

  it('its round trips: 5, one more per 1,000 rows, and the names of each page of hours', async () => {
    const now = emu().emulator.clock.now()
    const insert = async (collection: string, docs: Doc[]) => {
      const reply = await emu().emulator.db.handle({
        action: 'database.insertDocument',
        collectionName: collection,
        data: docs.map((d) => toWire(d)),
      })
      expect(reply.code).toBeFalsy()
    }
    const [wish] = await raw(emu(), 'wishes')
    await insert(
      'wishes',
      Array.from({ length: 2_500 }, (_x, i) => ({
        ...wish,
        _id: `trips-${i}`,
        slot: `trips-${i}`,
        communityId: 'c1',
        createdAt: new Date(now - (i % 20) * DAY - HOUR),
      }))
    )
    await insert(
      'volunteerLedger',
      Array.from({ length: 1_500 }, (_x, i) => ({
        _id: `trips-hours-${i}`,
        openid: i % 2 ? V1 : V2,
        communityId: 'c1',
        source: 'activity',
        refId: `trips-activity-${i}`,
        title: '志愿活动',
        hours: 2,
        at: new Date(now - (i % 20) * DAY - HOUR),
        year: new Date(now).getUTCFullYear(),
        credited: true,
        pending: '',
        batch: 'test',
        createdAt: new Date(now - (i % 20) * DAY - HOUR),
      }))
    )
    await runTimer(emu(), 'volunteer')
    const empty = { from: '2020-01-01', to: '2020-01-31' }
    for (const range of [yearToToday(emu()), empty]) {
      for (const kind of ['wishes', 'hours'] as const) {
        const { result, roundTrips } = await callWithStats(
          emu(),
          'committee',
          CM,
          'export',
          { kind, ...range },
          `trips-${kind}-${range.from}`
        )
        const { rows } = data(result)
        expect(rows).toBe((await expectedRows(emu(), kind, range.from, range.to)).length)
        // Every page is read until one holds fewer than 1,000 (an empty one after a full one);
        // the names are read for each page that holds rows.
        const names = kind === 'hours' ? Math.ceil(rows / 1000) : 0
        expect({ kind, rows, roundTrips }).toEqual({
          kind,
          rows,
          roundTrips: 5 + Math.floor(rows / 1000) + names,
        })
      }
    }
  }, 60_000)

  it(`the timer removes ledgers older than ${EXPORT_KEEP_HOURS} hours`, async () => {
    const res = await exported('matters')
    await emu().advanceClock((EXPORT_KEEP_HOURS - 1) * HOUR)
    await runTimer(emu(), 'committee')
    expect(emu().emulator.storage.files.stat(pathOf(res.fileID))).toBeTruthy()
    await emu().advanceClock(2 * HOUR)
    await runTimer(emu(), 'committee')
    expect(emu().emulator.storage.files.stat(pathOf(res.fileID))).toBeFalsy()
  })
})
