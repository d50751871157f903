import { ExportMyDataInput, type ExportSection, type MyDataExport } from '@/contract/user'
import { AUDIT_LABELS } from '@/contract/viewer'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import type { Doc } from '../lib/cloud'
import { PERSONAL_DATA } from '../lib/personal-data'
import { shanghaiTime } from '../lib/time'
import { profileSection } from './view'

const plain = (doc: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(doc)) as Record<string, unknown>

const at = (d: Doc) => new Date(d.at as string | Date).getTime()

/** One line per audited step: when, what (in Chinese), and whether it was refused or for someone. */
function activityLine(entry: Doc): string {
  const label = AUDIT_LABELS[String(entry.action)] ?? String(entry.action)
  const detail = (entry.detail ?? {}) as Record<string, unknown>
  const notes = [entry.refused ? '未成功' : '', detail.onBehalfOf ? '代居民操作' : ''].filter(
    Boolean
  )
  return `${shanghaiTime(entry.at)} ${label}${notes.length ? `（${notes.join('，')}）` : ''}`
}

/**
 * Everything stored about the caller, read with the caller in one round trip: the profile, what
 * they did, and the records that hold their data - each record as the caller's own views show it
 * (the other party of a wish masked) - with a readable Chinese summary of the same.
 */
export const exportMyData = action(
  ExportMyDataInput,
  async ({ actor, joined }) => {
    const exportedAt = new Date()
    const grouped: MyDataExport['records'] = {}
    const sections: ExportSection[] = []
    PERSONAL_DATA.forEach((p, i) => {
      // No profile: nothing stored is theirs any more (a deleted account's records wait only for
      // the erasure timer to anonymise them, see user/erase).
      const docs = actor.user ? (joined[`records${i}`] ?? []) : []
      grouped[`${p.collection}.${p.ownerField}`] = docs.map((d) => plain(p.exported(actor, d)))
      sections.push({
        title: `${p.summary.title}（${docs.length} 条）`,
        lines: docs.map((d) => p.summary.line(actor, d)),
      })
    })
    const entries = [...(joined.activity ?? [])].sort((a, b) => at(b) - at(a))
    // A stored result may hold others' data (a wish as its reviewer saw it).
    const activity = entries.map(({ replay: _replay, ...entry }) => plain(entry))
    const summary: ExportSection[] = [
      {
        title: '导出说明',
        lines: [
          `导出时间：${shanghaiTime(exportedAt)}（北京时间）`,
          '以下是红邻保存的关于您的全部数据；涉及他人的信息按您在小程序中看到的方式显示。',
        ],
      },
      profileSection(actor.user),
      ...sections,
      { title: `操作记录（${entries.length} 条）`, lines: entries.map(activityLine) },
    ]
    return ok({
      exportedAt: exportedAt.toISOString(),
      summary,
      profile: actor.user ? plain(actor.user as unknown as Record<string, unknown>) : null,
      activity,
      records: grouped,
    })
  },
  {
    read: true,
    load: (_input, openid) => [
      { as: 'activity', from: 'audit', field: 'actorOpenid', equals: openid },
      ...PERSONAL_DATA.map((p, i) => ({
        as: `records${i}`,
        from: p.collection,
        field: p.ownerField,
        equals: openid,
      })),
    ],
  }
)
