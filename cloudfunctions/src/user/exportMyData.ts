import { ExportMyDataInput, type MyDataExport } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import type { Doc } from '../lib/cloud'
import { PERSONAL_DATA } from '../lib/personal-data'

const plain = (doc: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(doc)) as Record<string, unknown>

const at = (d: Doc) => new Date(d.at as string | Date).getTime()

/**
 * Everything stored about the caller: profile, what they did, and the records they own, read
 * with the caller in one round trip.
 */
export const exportMyData = action(
  ExportMyDataInput,
  async ({ actor, joined }) => {
    const grouped: MyDataExport['records'] = {}
    PERSONAL_DATA.forEach((p, i) => {
      grouped[`${p.collection}.${p.ownerField}`] = (joined[`records${i}`] ?? []).map(plain)
    })
    const activity = [...(joined.activity ?? [])]
      .sort((a, b) => at(b) - at(a))
      // A stored result may hold others' data (a wish as its reviewer saw it).
      .map(({ replay: _replay, ...entry }) => plain(entry))
    return ok({
      exportedAt: new Date().toISOString(),
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
