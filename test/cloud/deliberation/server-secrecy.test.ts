import type { Topic } from '@/contract/deliberation'
import { call, data, PERSONAS as P, useEmulator } from '../helpers'

// The secret ballot as stored: after online and meeting votes, every collection is read and no
// document ties a voter to a ballot. Receipts live only in their ballot's bin (not in the roll,
// the audit log, a request's stored replay or the outbox); roll entries hold no option and no
// time of voting; bins hold no openid, household or time. Responses other than the voter's own
// `vote` answer carry no receipt and no option.

const emu = useEmulator()
const HOUR = 3_600_000

async function votingTopic(unit: 'resident' | 'household'): Promise<Topic> {
  const t = data(
    await call(emu(), 'deliberation', P.committee, 'create', {
      title: '是否在2号楼加装电梯',
      background: '2号楼老人多，上下楼不便，拟申请加装电梯。',
      scope: { type: 'grid', id: 'g1' },
      options: ['同意加装', '暂缓', '不同意'],
      discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      votingEndsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      unit,
      quorum: 0,
    })
  )
  return data(await call(emu(), 'deliberation', P.committee, 'openVoting', { id: t.id }))
}

const dump = async () => {
  const db = emu().emulator.db
  const out: { collection: string; doc: Record<string, unknown>; text: string }[] = []
  for (const name of db.collectionNames()) {
    for (const doc of await db.find(name)) {
      out.push({ collection: name, doc, text: JSON.stringify(doc) })
    }
  }
  return out
}

describe('secret ballot', () => {
  it.each(['resident', 'household'] as const)(
    'no stored document links a voter to a ballot (%s topic)',
    async (unit) => {
      const t = await votingTopic(unit)
      const online = [
        { openid: P.resident1, optionIndex: 0 },
        { openid: P.resident2, optionIndex: 2 },
      ]
      const receipts = new Map<string, string>()
      for (const v of online) {
        const r = data(
          await call(
            emu(),
            'deliberation',
            v.openid,
            'vote',
            { id: t.id, optionIndex: v.optionIndex },
            `secret-${v.openid}`
          )
        )
        receipts.set(v.openid, r.receipt)
      }
      const meeting = data(
        await call(
          emu(),
          'deliberation',
          P.committee,
          'recordInPerson',
          { id: t.id, votes: [{ openid: P.volunteer1, optionIndex: 1 }] },
          'secret-meeting'
        )
      )
      const entry = meeting.entries[0]
      if (!entry.ok) throw new Error('meeting vote refused')
      receipts.set(P.volunteer1, entry.receipt)

      const docs = await dump()
      const bins = docs.filter(
        (d) => d.collection === 'deliberationBallots' && d.doc.topicId === t.id
      )
      for (const b of bins) {
        expect(Object.keys(b.doc).sort()).toEqual(['_id', 'ballots', 'topicId'])
        for (const ballot of b.doc.ballots as Record<string, unknown>[]) {
          expect(Object.keys(ballot).sort()).toEqual(['optionIndex', 'origin', 'receipt'])
        }
      }
      expect(bins.flatMap((b) => b.doc.ballots as unknown[])).toHaveLength(3)
      const opened = (await emu().emulator.db.find('deliberations', { _id: t.id }))[0]
      // one bin for this small roll, made when voting opened
      expect(bins.map((b) => b.doc._id)).toEqual([`${t.id}:0`])
      expect(opened.bins).toBe(1)
      const rolls = docs.filter(
        (d) => d.collection === 'deliberationVotes' && d.doc.topicId === t.id
      )
      expect(rolls).toHaveLength(3)
      for (const r of rolls) {
        expect(r.doc).not.toHaveProperty('optionIndex')
        expect(r.doc).not.toHaveProperty('receipt')
        expect(r.doc).not.toHaveProperty('origin')
        // The only time a roll entry holds is when voting opened, the same for everyone.
        expect(r.doc.createdAt).toEqual(opened.votingOpenedAt)
        // Its key names no openid and no room: topic, kind, then a hash.
        const [, kind, key] = String(r.doc._id).split(':')
        expect(kind).toMatch(/^[rh]$/)
        expect(key).toMatch(/^[0-9a-f]{16,}$/)
        expect(key).not.toMatch(/demo-/)
      }
      for (const [openid, receipt] of receipts) {
        const holding = docs.filter((d) => d.text.includes(receipt))
        // The receipt is in its bin and nowhere else (no audit entry, no replay, no roll).
        expect(holding.map((d) => d.collection)).toEqual(['deliberationBallots'])
        expect(holding[0].text).not.toContain(openid)
      }
      // The audit entries of the votes name the topic, never an option.
      const audits = docs.filter(
        (d) => d.collection === 'audit' && String(d.doc.action).startsWith('deliberation.')
      )
      for (const a of audits) expect(a.text).not.toMatch(/optionIndex/)

      // A repeated requestId answers as the first did, without the receipt.
      const replay = data(
        await call(
          emu(),
          'deliberation',
          P.resident1,
          'vote',
          { id: t.id, optionIndex: 0 },
          `secret-${P.resident1}`
        )
      )
      expect(replay.receipt).toBeNull()
      expect(replay.topic.myVote.receipt).toBeUndefined()

      // What the voter reads back holds no receipt and no option.
      const seen = JSON.stringify([
        data(await call(emu(), 'deliberation', P.resident1, 'get', { id: t.id })),
        data(await call(emu(), 'deliberation', P.resident1, 'list', {})),
        data(await call(emu(), 'user', P.resident1, 'exportMyData', {})),
      ])
      for (const receipt of receipts.values()) expect(seen).not.toContain(receipt)
      expect(seen).not.toMatch(/optionIndex/)

      // Nor do the subscribe messages sent when the result is published.
      data(await call(emu(), 'deliberation', P.committee, 'close', { id: t.id }))
      await emu().fireTimer('deliberation')
      const outbox = JSON.stringify(await emu().outbox())
      for (const receipt of receipts.values()) expect(outbox).not.toContain(receipt)

      // Once closed, the bins are as they were: every receipt still checks out.
      const after = (await emu().emulator.db.find('deliberationBallots', { topicId: t.id }))
        .flatMap((b) => b.ballots as { receipt: string }[])
        .map((b) => b.receipt)
      expect(after.sort()).toEqual([...receipts.values()].sort())
      for (const receipt of receipts.values()) {
        const check = data(
          await call(emu(), 'deliberation', P.resident1, 'verifyReceipt', { id: t.id, receipt })
        )
        expect(check.counted).toBe(true)
      }
    }
  )
})
