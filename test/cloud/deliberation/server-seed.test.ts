import { createHash } from 'node:crypto'
import { call, data, PERSONAS as P, useEmulator } from '../helpers'
import { storedBallots } from './helpers'

// The demo topics as people meet them: one in discussion with comments, one in voting with
// neighbours' ballots in its bins and every persona still free to vote, one closed with a result
// that checks out and the committee's updates; the timer has nothing to catch up on.

const emu = useEmulator()

describe('the demo topics', () => {
  it('shows a resident an open discussion and an open vote, and the closed result', async () => {
    const open = data(await call(emu(), 'deliberation', P.resident1, 'list', {}))
    expect(open.items.map((t) => t.phase).sort()).toEqual(['discussion', 'voting'])
    const voting = open.items.find((t) => t.phase === 'voting')!
    expect(voting.turnout).toBeGreaterThan(0)
    expect(voting.can.vote).toBe(true)
    const discussion = open.items.find((t) => t.phase === 'discussion')!
    const comments = data(
      await call(emu(), 'deliberation', P.resident1, 'listComments', { id: discussion.id })
    )
    expect(comments.items.length).toBeGreaterThan(0)

    const closed = data(await call(emu(), 'deliberation', P.resident1, 'list', { scope: 'closed' }))
    expect(closed.items).toHaveLength(1)
    const done = closed.items[0]
    expect(done.updates.length).toBeGreaterThan(0)
    const result = data(await call(emu(), 'deliberation', P.resident1, 'result', { id: done.id }))
    expect(result.outcome).toBe('decided')
    const ballots = await storedBallots(emu(), done.id)
    expect(ballots.length).toBe(result.turnout)
    const pairs = ballots.map((b) => `${b.receipt}:${b.optionIndex}`).sort()
    expect(result.tallyHash).toBe(createHash('sha256').update(pairs.join('\n')).digest('hex'))
  })

  it('leaves every persona free to vote: none of them is on a roll', async () => {
    const open = data(await call(emu(), 'deliberation', P.committee, 'list', {}))
    const voting = open.items.find((t) => t.phase === 'voting')!
    for (const who of [P.resident1, P.resident2, P.resident3, P.volunteer1, P.volunteer2]) {
      const t = data(await call(emu(), 'deliberation', who, 'get', { id: voting.id }))
      expect({ who, voted: t.myVote.voted, can: t.can.vote }).toEqual({
        who,
        voted: false,
        can: true,
      })
    }
    const r4 = data(await call(emu(), 'deliberation', 'demo-resident-4', 'get', { id: voting.id }))
    expect(r4.myVote.voted).toBe(false)
  })

  it('leaves the deliberation timer nothing to do right after a reset', async () => {
    expect(await emu().fireTimer('deliberation')).toEqual([
      {
        name: 'deliberation',
        result: { ok: true, data: { opened: 0, closed: 0, messages: 0, turnouts: 0 } },
      },
    ])
  })
})
