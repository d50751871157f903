import ExcelJS from 'exceljs'
import { randomBytes } from 'node:crypto'
import {
  EXPORT_FOLDER,
  EXPORT_KIND_LABELS,
  EXPORT_MAX_ROWS,
  ExportInput,
  type ExportResult,
} from '@/contract/committee'
import { maskName } from '@/contract/mask'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { db, tempFileUrls, uploadFile, type Doc } from '../lib/cloud'
import { HOUR } from '../lib/sweep'
import { users, type Actor } from '../lib/actor'
import { servesGrid } from '../lib/policy'
import { adminCommunity, chosenCommunity, isCommitteeOrAdmin } from './policy'
import { LEDGERS, type Extra } from './ledgers'
import { eachPage, exportsKept } from './store'

const PAGE = 1000
/** How long getTempFileURL's link works (its default). */
const URL_HOURS = 2
const SHANGHAI_MS = 8 * HOUR

/** The instant a day ('YYYY-MM-DD', Asia/Shanghai) begins. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS)

/**
 * The volunteers' names of the hours ledger as the exporter sees them in the app: from their
 * profiles (in full to who serves the community the hours were earned in, as on the roster, the
 * wish and the errand; masked otherwise), so hours credited a moment ago name their volunteer too.
 * One read per page of rows.
 */
async function namesOf(
  actor: Actor,
  communityId: string,
  rows: Doc[]
): Promise<Map<string, string>> {
  const openids = [...new Set(rows.map((r) => String(r.openid)))]
  const full = servesGrid(actor, { communityId })
  const names = new Map<string, string>()
  for (let i = 0; i < openids.length; i += PAGE) {
    const { data } = await users()
      .where({ _id: db().command.in(openids.slice(i, i + PAGE)) })
      .field({ realName: true, nickname: true })
      .limit(PAGE)
      .get()
    for (const u of data) {
      const name = u.realName || u.nickname || ''
      names.set(u._id, full ? name : maskName(name))
    }
  }
  return names
}

/**
 * A ledger of the community as an .xlsx file in cloud storage, answered with a temporary URL: the
 * committee of the community or an admin. Reads page through the rows (1,000 a query), so its
 * round trips grow with the rows: the one action over the read budget. Audited.
 */
export const exportLedger = action(
  ExportInput,
  async ({ actor, input, audit, joined }) => {
    if (!isCommitteeOrAdmin(actor)) return fail('FORBIDDEN', '只有社区两委或管理员可以导出台账')
    const chosen = actor.isAdmin
      ? adminCommunity(actor, input, joined)
      : { communityId: actor.committeeCommunityId ?? '' }
    if ('message' in chosen) return fail('INVALID_INPUT', chosen.message, 'communityId')
    const { communityId } = chosen
    const ledger = LEDGERS[input.kind]
    const _ = db().command
    const start = dayStart(input.from)
    const end = new Date(dayStart(input.to).getTime() + 24 * HOUR)
    const where = { communityId, [ledger.time]: _.and(_.gte(start), _.lt(end)) }
    const { total } = await db().collection(ledger.collection).where(where).count()
    if (total > EXPORT_MAX_ROWS) {
      return fail(
        'INVALID_INPUT',
        `共 ${total} 条，超过一次可导出的 ${EXPORT_MAX_ROWS} 条，请缩小日期范围`,
        'from'
      )
    }

    const label = EXPORT_KIND_LABELS[input.kind]
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet(label, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = ledger.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
    }))
    sheet.getRow(1).font = { bold: true }
    const rows = await eachPage(
      ledger.collection,
      { communityId },
      ledger.time,
      start,
      { until: end, tie: ledger.tie },
      async (data) => {
        const names = input.kind === 'hours' ? await namesOf(actor, communityId, data) : new Map()
        const extra: Extra = { names }
        for (const d of data) sheet.addRow(ledger.columns.map((c) => c.value(d, extra)))
      }
    )

    const fileName = `${label}_${input.from}_${input.to}.xlsx`
    const cloudPath = `${EXPORT_FOLDER}/${communityId}/${input.kind}-${input.from}-${input.to}-${randomBytes(6).toString('hex')}.xlsx`
    const content = Buffer.from(await book.xlsx.writeBuffer())
    const fileID = await uploadFile(cloudPath, content)
    const now = new Date()
    await exportsKept().add({ data: { communityId, fileID, createdAt: now } })
    const url = (await tempFileUrls([fileID])).get(fileID) ?? ''
    audit('committee.export', communityId, {
      kind: input.kind,
      from: input.from,
      to: input.to,
      rows,
    })
    return ok<ExportResult>({
      kind: input.kind,
      fileID,
      url,
      fileName,
      rows,
      expiresAt: new Date(now.getTime() + URL_HOURS * HOUR).toISOString(),
    })
  },
  { load: (input) => chosenCommunity(input) }
)
