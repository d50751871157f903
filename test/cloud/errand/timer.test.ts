import {
  call,
  clockAt,
  CM,
  DAY,
  data,
  ErrandFlow,
  GW,
  HOUR,
  MINUTE,
  R1,
  R1_FULL,
  R2,
  R3,
  redAgent,
  TPL,
  useEmulator,
  V1,
  type Today,
} from './helpers'

// The `errand` timer (every 10 minutes), reached through the clock endpoint: escalation grid →
// community (4 h) → committee (24 h), expiry when the slot passes unaccepted, the 48 h overdue
// flag, auto-close 3 days after completion, and the purge of personal data 30 days after the end.

const emu = useEmulator()
const flow = () => new ErrandFlow(emu())
const G2_AGENT = 'test-agent-g2'
const CONTACT = '13912345678'
let day: Today

beforeEach(async () => {
  day = await clockAt(emu(), '09:00')
})

/** Moves the clock on by `ms` (from where it is) and runs the timer. */
const after = async (ms: number) => {
  await emu().advanceClock(ms)
  await flow().tick()
}

describe('errand timer: escalation', () => {
  it('unaccepted for 4 h: level community, grid workers told, an agent of another grid finds it in the pool and takes it', async () => {
    await redAgent(emu(), G2_AGENT, 'g2')
    const e = await flow().requested(R1, { date: day.plus(2), slot: 'evening' })
    await after(4 * HOUR - 5 * MINUTE)
    expect(data(await flow().get(R1, e.id)).level).toBe('grid')
    expect(await flow().ids(G2_AGENT, 'pool')).not.toContain(e.id)

    await after(6 * MINUTE)
    const up = data(await flow().get(R1, e.id))
    expect(up).toMatchObject({ level: 'community', status: 'requested' })
    expect(up.timeline.map((t) => t.type)).toEqual(['booked', 'escalated'])
    expect(await flow().messagesAbout(GW, e.id)).toContain(TPL.alert)
    expect(await flow().messagesAbout(G2_AGENT, e.id)).toContain(TPL.pool)
    const pool = await flow().listAll(G2_AGENT, 'pool')
    expect(pool.find((x) => x.id === e.id)).toMatchObject({
      level: 'community',
      can: { accept: true },
    })
    // The level shows in every list.
    expect((await flow().listAll(R1, 'mine')).find((x) => x.id === e.id)?.level).toBe('community')
    expect((await flow().listAll(GW, 'managed')).find((x) => x.id === e.id)?.level).toBe(
      'community'
    )
    const taken = data(await call(emu(), 'errand', G2_AGENT, 'accept', { id: e.id }))
    expect(taken).toMatchObject({ status: 'accepted', booker: R1_FULL })
    // Running again changes nothing and sends nothing new.
    const sent = (await emu().outbox()).filter((m) => (m.page ?? '').includes(e.id)).length
    await after(MINUTE)
    expect((await emu().outbox()).filter((m) => (m.page ?? '').includes(e.id))).toHaveLength(sent)
    expect(
      data(await flow().get(R1, e.id)).timeline.filter((t) => t.type === 'escalated')
    ).toHaveLength(1)
  })

  it('errands of both grids escalated in the same run: each one is told to its grid workers and to the agents whose pool it enters', async () => {
    // Was a server bug: only the first errand of each community's batch was told about.
    await redAgent(emu(), G2_AGENT, 'g2')
    const g1 = await flow().requested(R1, { date: day.plus(2) })
    const g2 = await flow().requested(R3, { date: day.plus(2) })
    await after(4 * HOUR + MINUTE)
    for (const e of [g1, g2]) {
      expect(data(await flow().get(GW, e.id)).level).toBe('community')
      expect([e.gridId, await flow().messagesAbout(GW, e.id)]).toEqual([e.gridId, [TPL.alert]])
    }
    expect(await flow().messagesAbout(G2_AGENT, g1.id)).toEqual([TPL.pool])
    expect(await flow().messagesAbout(V1, g2.id)).toEqual([TPL.pool])
  })

  it('unaccepted for 24 h: level committee, the committee told', async () => {
    const e = await flow().requested(R1, { date: day.plus(3), slot: 'evening' })
    await after(4 * HOUR + MINUTE)
    expect(await flow().messagesAbout(CM, e.id)).not.toContain(TPL.alert)
    await after(20 * HOUR)
    const up = data(await flow().get(CM, e.id))
    expect(up).toMatchObject({ level: 'committee', status: 'requested' })
    expect(up.timeline.filter((t) => t.type === 'escalated')).toHaveLength(2)
    expect(await flow().messagesAbout(CM, e.id)).toContain(TPL.alert)
    expect((await flow().counts(CM))['errand.escalated']).toBeGreaterThanOrEqual(1)
  })

  it('an accepted errand is never escalated', async () => {
    const e = await flow().accepted(R1, V1, { date: day.plus(3), slot: 'evening' })
    await after(25 * HOUR)
    expect(data(await flow().get(R1, e.id)).level).toBe('grid')
    expect(await flow().messagesAbout(GW, e.id)).toEqual([])
  })

  it('jumping straight past 24 h goes to committee in one run', async () => {
    const e = await flow().requested(R1, { date: day.plus(3), slot: 'evening' })
    await after(24 * HOUR + MINUTE)
    expect(data(await flow().get(R1, e.id)).level).toBe('committee')
  })
})

describe('errand timer: expiry', () => {
  it('never accepted and its slot over: expired, the booker told, her place freed', async () => {
    const e = await flow().requested(R1, { date: day.date, slot: 'morning', phone: CONTACT })
    await flow().requested(R1)
    await after(2 * HOUR + 50 * MINUTE) // 11:50
    expect(data(await flow().get(R1, e.id)).status).toBe('requested')
    await after(15 * MINUTE) // 12:05
    const gone = data(await flow().get(R1, e.id))
    expect(gone).toMatchObject({ status: 'expired', can: { cancel: false, accept: false } })
    expect(gone.endedAt).not.toBeNull()
    expect(gone.timeline.at(-1)?.type).toBe('expired')
    expect(await flow().messagesAbout(R1, e.id)).toContain(TPL.expired)
    expect(await flow().ids(V1, 'pool')).not.toContain(e.id)
    data(
      await call(emu(), 'errand', R1, 'book', {
        type: 'other',
        detail: '再约一次',
        date: day.plus(1),
        slot: 'morning',
      })
    )
  })

  it('due for escalation and expiry in the same run: it expires, and nobody is told of an escalation', async () => {
    const e = await flow().requested(R1, { date: day.date, slot: 'morning' })
    await after(4 * HOUR + 5 * MINUTE) // 13:05: 4 h after booking, and the morning is over
    const gone = data(await flow().get(R1, e.id))
    expect(gone).toMatchObject({ status: 'expired', level: 'grid' })
    expect(gone.timeline.map((t) => t.type)).toEqual(['booked', 'expired'])
    expect(await flow().messagesAbout(GW, e.id)).toEqual([])
    expect(await flow().messagesAbout(R1, e.id)).toEqual([TPL.expired])
  })

  it('an accepted errand whose slot is over does not expire', async () => {
    const e = await flow().accepted(R1, V1, { date: day.date, slot: 'morning' })
    await after(4 * HOUR)
    expect(data(await flow().get(R1, e.id)).status).toBe('accepted')
  })
})

describe('errand timer: help', () => {
  it('a help errand is escalated like any other, and expires 24 h after the call rather than at a slot end', async () => {
    const { errand } = data(await call(emu(), 'errand', R1, 'help', {}))
    await after(4 * HOUR + MINUTE)
    expect(data(await flow().get(R1, errand.id))).toMatchObject({
      level: 'community',
      status: 'requested',
    })
    await after(13 * HOUR) // 02:01 the next day: every slot of its date is over
    expect(data(await flow().get(R1, errand.id)).status).toBe('requested')
    await after(7 * HOUR) // 24 h 01 min after the call
    expect(data(await flow().get(R1, errand.id)).status).toBe('expired')
    expect(await flow().messagesAbout(R1, errand.id)).toContain(TPL.expired)
  })
})

/** The grid worker's overdue count, and the overdue errands their managed list shows. */
async function overdueSeen(): Promise<{ count: number; ids: string[] }> {
  const accepted = await flow().listAll(GW, 'managed', 'accepted')
  return {
    count: (await flow().counts(GW))['errand.overdue'] ?? 0,
    ids: accepted.filter((x) => x.overdue).map((x) => x.id),
  }
}

/**
 * How far the overdue count moved because of `mine`: the move less what the other errands (the
 * demo data's: its accepted errand turns overdue too) moved it by, as the list shows them.
 */
async function overdueMoved(before: { count: number; ids: string[] }, mine: string) {
  const now = await overdueSeen()
  const others = (ids: string[]) => ids.filter((id) => id !== mine).length
  return now.count - before.count - (others(now.ids) - others(before.ids))
}

describe('errand timer: overdue', () => {
  it('accepted 48 h and not completed: overdue, the grid worker told; completing still works', async () => {
    const e = await flow().accepted(R1, V1, { date: day.plus(1), slot: 'evening' })
    const before = await overdueSeen()
    await after(47 * HOUR)
    expect(data(await flow().get(R1, e.id)).overdue).toBe(false)
    await after(HOUR + MINUTE)
    const late = data(await flow().get(GW, e.id))
    expect(late).toMatchObject({ overdue: true, status: 'accepted' })
    expect(late.timeline.at(-1)?.type).toBe('overdue')
    expect(await flow().messagesAbout(GW, e.id)).toContain(TPL.alert)
    expect(await overdueMoved(before, e.id)).toBe(1)
    expect((await flow().listAll(V1, 'assigned')).find((x) => x.id === e.id)?.overdue).toBe(true)
    // Told once.
    await after(HOUR)
    expect((await flow().messagesAbout(GW, e.id)).filter((t) => t === TPL.alert)).toHaveLength(1)
    data(await call(emu(), 'errand', V1, 'complete', { id: e.id }))
    expect(await overdueMoved(before, e.id)).toBe(0)
  })

  it('two errands overdue in the same run: the grid worker is told about each', async () => {
    // Was a server bug: only the first errand of each grid was told about.
    const a = await flow().accepted(R1, V1, { date: day.plus(1), slot: 'morning' })
    const b = await flow().accepted(R2, V1, { date: day.plus(1), slot: 'afternoon' })
    await after(48 * HOUR + MINUTE)
    for (const e of [a, b]) {
      expect(data(await flow().get(GW, e.id)).overdue).toBe(true)
      expect(await flow().messagesAbout(GW, e.id)).toEqual([TPL.alert])
    }
  })

  it('a released overdue errand is no longer overdue, nor counted as such', async () => {
    const before = await overdueSeen()
    const e = await flow().accepted(R1, V1)
    await after(48 * HOUR + MINUTE)
    expect(await overdueMoved(before, e.id)).toBe(1)
    const back = data(await call(emu(), 'errand', V1, 'release', { id: e.id, reason: '办不了' }))
    expect(back.overdue).toBe(false)
    expect(await overdueMoved(before, e.id)).toBe(0)
  })
})

describe('errand timer: auto-close', () => {
  it('completed and not confirmed for 3 days: closed without a rating; not before', async () => {
    const e = await flow().completed(R1, V1)
    const signed = await flow().closed('demo-resident-2', V1)
    await after(3 * DAY - HOUR)
    expect(data(await flow().get(R1, e.id)).status).toBe('completed')
    await after(HOUR + MINUTE)
    const closed = data(await flow().get(R1, e.id))
    expect(closed).toMatchObject({ status: 'closed', rating: null, can: { confirm: false } })
    expect(closed.timeline.at(-1)?.type).toBe('autoClosed')
    expect(closed.endedAt).not.toBeNull()
    expect(data(await flow().get(V1, signed.id))).toMatchObject({ status: 'closed', rating: 5 })
    const audit = await emu().emulator.db.find('audit', {
      targetId: e.id,
      action: 'errand.autoClose',
    })
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: 'system' })])
  })
})

describe('errand timer: purge', () => {
  it.each([
    ['closed', () => flow().closed(R1, V1, { phone: CONTACT })],
    [
      'cancelled',
      async () => {
        const e = await flow().requested(R1, { phone: CONTACT })
        return data(await call(emu(), 'errand', R1, 'cancel', { id: e.id }))
      },
    ],
  ])(
    '30 days after %s: detail, room and phones erased for everyone; the rest stays',
    async (_s, make) => {
      const e = await make()
      await after(29 * DAY)
      const kept = data(await flow().get(R1, e.id))
      expect(kept.detail).not.toBeNull()
      expect(kept.booker.room).toBe('101')
      expect(kept.contactPhone).toBe(CONTACT)
      await after(DAY + HOUR)
      for (const who of [R1, GW]) {
        const purged = data(await flow().get(who, e.id))
        expect(purged).toMatchObject({
          detail: null,
          contactPhone: null,
          booker: { room: null, phone: null },
          status: e.status,
          type: e.type,
        })
        expect(JSON.stringify(purged)).not.toMatch(/13912345678|13800000001|降压药/)
      }
      const stored = await emu().emulator.db.find('errands', { _id: e.id })
      expect(JSON.stringify(stored)).not.toMatch(/13912345678|降压药/)
    }
  )

  it('an expired errand is purged 30 days after it expired', async () => {
    const e = await flow().requested(R1, { date: day.date, slot: 'morning', phone: CONTACT })
    await after(3 * HOUR + 5 * MINUTE)
    expect(data(await flow().get(R1, e.id)).status).toBe('expired')
    await after(30 * DAY + HOUR)
    expect(data(await flow().get(R1, e.id))).toMatchObject({ detail: null, contactPhone: null })
  })
})
