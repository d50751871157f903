import type { Topic } from '@/contract/deliberation'
import { call, data, expectError, PERSONAS as P, useEmulator } from '../helpers'

// The server's own walk through a topic: create, list, get, open voting, vote (once per
// household), close, result. The black-box suite beside it covers every action and error path.

const emu = useEmulator()
const HOUR = 3_600_000
const R4 = 'demo-resident-4'

const topicInput = (unit: 'resident' | 'household' = 'household') => ({
  title: '小区东门加装休闲长椅',
  background: '东门附近老人较多，建议加装两张长椅，费用由公共收益支出。',
  scope: { type: 'grid' as const, id: 'g1' },
  options: ['同意', '不同意'],
  discussionEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
  votingEndsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
  unit,
  quorum: 50,
})

describe('a household topic from creation to result', () => {
  it('is created, listed, opened, voted once per household and closed with its tally', async () => {
    const t: Topic = data(await call(emu(), 'deliberation', P.committee, 'create', topicInput()))
    expect(t).toMatchObject({ phase: 'discussion', eligibleCount: null, turnout: 0 })
    expect(t.can.openVoting).toBe(true)

    const listed = data(await call(emu(), 'deliberation', P.resident1, 'list', {}))
    expect(listed.items.map((i) => i.id)).toContain(t.id)
    const r3 = data(await call(emu(), 'deliberation', P.resident3, 'list', {}))
    expect(r3.items.map((i) => i.id)).not.toContain(t.id)
    expectError(await call(emu(), 'deliberation', P.resident3, 'get', { id: t.id }), 'NOT_FOUND')

    expectError(
      await call(emu(), 'deliberation', P.resident1, 'vote', { id: t.id, optionIndex: 0 }),
      'CONFLICT'
    )
    const open = data(await call(emu(), 'deliberation', P.committee, 'openVoting', { id: t.id }))
    expect(open.phase).toBe('voting')
    expect(open.eligibleCount).toBeGreaterThan(0)

    const v = data(
      await call(emu(), 'deliberation', P.resident1, 'vote', { id: t.id, optionIndex: 0 })
    )
    expect(v.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(v.topic.turnout).toBe(1)
    expect(v.topic.myVote).toMatchObject({ voted: true, byHousehold: false })

    const son = await call(emu(), 'deliberation', R4, 'vote', { id: t.id, optionIndex: 1 })
    expectError(son, 'CONFLICT')
    const sonView = data(await call(emu(), 'deliberation', R4, 'get', { id: t.id }))
    expect(sonView.myVote).toMatchObject({
      voted: false,
      byHousehold: true,
      householdVoter: '桂兰阿姨',
    })
    expect(sonView.can.vote).toBe(false)

    expectError(await call(emu(), 'deliberation', P.resident1, 'result', { id: t.id }), 'CONFLICT')
    data(await call(emu(), 'deliberation', P.resident2, 'vote', { id: t.id, optionIndex: 0 }))
    const closed = data(await call(emu(), 'deliberation', P.committee, 'close', { id: t.id }))
    expect(closed.phase).toBe('closed')
    const result = data(await call(emu(), 'deliberation', P.resident1, 'result', { id: t.id }))
    expect(result).toMatchObject({
      counts: [2, 0],
      turnout: 2,
      byOrigin: { online: 2, meeting: 0 },
    })
    const check = data(
      await call(emu(), 'deliberation', P.resident1, 'verifyReceipt', {
        id: t.id,
        receipt: v.receipt,
      })
    )
    expect(check).toEqual({ counted: true, optionIndex: 0, origin: 'online' })
  })
})
