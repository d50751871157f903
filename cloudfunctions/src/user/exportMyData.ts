import { ExportMyDataInput, type MyDataExport } from '@/contract/user'
import { action } from '../lib/router'
import { ok } from '../lib/result'
import { db } from '../lib/cloud'
import { PERSONAL_DATA } from '../lib/personal-data'

const plain = (doc: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(doc)) as Record<string, unknown>

/** Everything stored about the caller: profile, what they did, and the records they own. */
export const exportMyData = action(
  ExportMyDataInput,
  async ({ actor }) => {
    const [activity, ...records] = await Promise.all([
      db()
        .collection('audit')
        .where({ actorOpenid: actor.openid })
        .orderBy('at', 'desc')
        // A stored result may hold others' data (a wish as its reviewer saw it).
        .field({ replay: false })
        .limit(1000)
        .get(),
      ...PERSONAL_DATA.map((p) =>
        db()
          .collection(p.collection)
          .where({ [p.ownerField]: actor.openid })
          .limit(1000)
          .get()
      ),
    ])
    const grouped: MyDataExport['records'] = {}
    PERSONAL_DATA.forEach((p, i) => {
      const key = `${p.collection}.${p.ownerField}`
      grouped[key] = records[i].data.map(plain)
    })
    return ok({
      exportedAt: new Date().toISOString(),
      profile: actor.user ? plain(actor.user as unknown as Record<string, unknown>) : null,
      activity: activity.data.map(plain),
      records: grouped,
    })
  },
  { read: true }
)
