import type { ActionName, InputOf } from '@/contract/api'
import type { Topic, TopicComment } from '@/contract/deliberation'
import {
  callWithStats,
  CM,
  data,
  DelibFlow,
  GW,
  R1,
  R2,
  R4,
  READ_TRIPS,
  topicInput,
  useEmulator,
  V1,
  WRITE_TRIPS,
} from './helpers'

// Every deliberation action, called as the app calls it (a change with a requestId), within its
// database round-trip budget: reads 2, changes 4, the caller, the audit entry and the request's
// record included; the replay of a change within the read budget.

const emu = useEmulator()
const flow = () => new DelibFlow(emu())
/**
 * Meeting votes write three documents apart (the roll entries, a ballot bin, the topic's
 * `meetingVotes` timeline step) besides the caller's read and the audit entry: one round trip
 * over WRITE_TRIPS (docs/architecture.md §5, the secret ballot). Votes and the opening of a vote
 * are within WRITE_TRIPS.
 */
const MEETING_VOTE_TRIPS = WRITE_TRIPS + 1
let seq = 0

async function within<A extends ActionName<'deliberation'>>(
  who: string,
  action: A,
  input: InputOf<'deliberation', A>,
  budget: number
) {
  const requestId = budget >= WRITE_TRIPS ? `budget-${++seq}` : undefined
  const { result, roundTrips } = await callWithStats(
    emu(),
    'deliberation',
    who,
    action,
    input,
    requestId
  )
  expect({ action, ok: result.ok }).toEqual({ action, ok: true })
  expect({ action, roundTrips }).toEqual({ action, roundTrips: Math.min(roundTrips, budget) })
  if (requestId) {
    const replay = await callWithStats(emu(), 'deliberation', who, action, input, requestId)
    expect({ action, replay: replay.roundTrips }).toEqual({
      action,
      replay: Math.min(replay.roundTrips, READ_TRIPS),
    })
  }
  return data(result)
}

describe('deliberation round trips with a requestId', () => {
  it('every action', async () => {
    const t = (await within(CM, 'create', topicInput(emu()), WRITE_TRIPS)) as Topic
    await within(R1, 'get', { id: t.id }, READ_TRIPS)
    await within(R1, 'list', {}, READ_TRIPS)
    await within(R1, 'list', { scope: 'open' }, READ_TRIPS)
    await within(GW, 'list', { scope: 'closed' }, READ_TRIPS)
    const c = (await within(
      R1,
      'comment',
      { id: t.id, content: '赞成' },
      WRITE_TRIPS
    )) as TopicComment
    await within(R2, 'listComments', { id: t.id }, READ_TRIPS)
    await within(R2, 'reportComment', { commentId: c.id }, WRITE_TRIPS)
    await within(R4, 'reportComment', { commentId: c.id }, WRITE_TRIPS)
    await within(V1, 'reportComment', { commentId: c.id }, WRITE_TRIPS) // the third hides it
    await within(GW, 'hideComment', { commentId: c.id, reason: '广告' }, WRITE_TRIPS)
    await within(CM, 'restoreComment', { commentId: c.id }, WRITE_TRIPS)
    await within(CM, 'openVoting', { id: t.id }, WRITE_TRIPS)
    await within(R1, 'vote', { id: t.id, optionIndex: 0 }, WRITE_TRIPS)
    await within(R2, 'vote', { id: t.id, optionIndex: 1 }, WRITE_TRIPS)
    await within(
      CM,
      'recordInPerson',
      {
        id: t.id,
        votes: [
          { openid: V1, optionIndex: 1 },
          { openid: R4, optionIndex: 0 },
        ],
      },
      MEETING_VOTE_TRIPS
    )
    await within(R1, 'get', { id: t.id }, READ_TRIPS)
    await within(CM, 'close', { id: t.id }, WRITE_TRIPS)
    await within(R1, 'result', { id: t.id }, READ_TRIPS)
    await within(R1, 'result', { id: t.id }, READ_TRIPS) // the tally hash kept, not recounted
    await within(R2, 'verifyReceipt', { id: t.id, receipt: 'AAAA-BBBB-CCCC-DDDD' }, READ_TRIPS)
    await within(CM, 'followUp', { id: t.id, ...topicInput(emu()) }, WRITE_TRIPS)
    const d = await flow().closed([[R1, 0]])
    await within(CM, 'addUpdate', { id: d.topic.id, text: '长椅已安装' }, WRITE_TRIPS)
    await within(R1, 'get', { id: d.topic.id }, READ_TRIPS)
  })

  it('refused votes stay within the budget too: a second vote, a racing double tap', async () => {
    const t = await flow().voting()
    await flow().voted(R1, t.id, 0)
    const again = await callWithStats(
      emu(),
      'deliberation',
      R1,
      'vote',
      { id: t.id, optionIndex: 1 },
      'again-1'
    )
    expect(again.result.ok).toBe(false)
    expect(again.roundTrips).toBeLessThanOrEqual(WRITE_TRIPS)
    const race = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        callWithStats(emu(), 'deliberation', R2, 'vote', { id: t.id, optionIndex: 0 }, `tap-${i}`)
      )
    )
    expect(race.filter((r) => r.result.ok)).toHaveLength(1)
    expect(Math.max(...race.map((r) => r.roundTrips))).toBeLessThanOrEqual(WRITE_TRIPS)
  })

  it('a household vote, with the son told who voted', async () => {
    const t = await flow().voting(CM, { unit: 'household', scope: { type: 'community', id: 'c1' } })
    await within(R1, 'vote', { id: t.id, optionIndex: 0 }, WRITE_TRIPS)
    await within(R4, 'get', { id: t.id }, READ_TRIPS)
    await within(R4, 'list', { scope: 'open' }, READ_TRIPS)
  })
})
