import {
  MATTER_ESCALATE_HOURS,
  MATTER_OVERDUE_HOURS,
  MATTER_PURGE_DAYS,
  MATTER_REOPEN_DAYS,
} from '@/contract/matter'
import {
  call,
  clockAt,
  CM,
  data,
  DAY,
  expectError,
  fetchUrl,
  GW,
  HOUR,
  MatterFlow,
  MINUTE,
  pathOf,
  photo,
  R1,
  R2,
  TPL,
  useEmulator,
} from './helpers'

// The `matter` timer (every 10 minutes), reached through the clock and timer endpoints:
// unaccepted 24 h at level grid → level community (the committee told); overdue after 72 h;
// resolved and unrated 7 days → closed; 90 days after closed or withdrawn the photos leave cloud
// storage and the reporter's room and phone are purged.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

const after = (ms: number) => flow().after(ms)

const audits = async (id: string, action: string) =>
  emu().emulator.db.find('audit', { targetId: id, action })

describe('matter timer: escalation', () => {
  it(`unaccepted ${MATTER_ESCALATE_HOURS} h at level grid: level community, the committee told, audited; not before`, async () => {
    const m = await flow().reported(R1)
    await after(MATTER_ESCALATE_HOURS * HOUR - 5 * MINUTE)
    expect(data(await flow().get(R1, m.id)).level).toBe('grid')
    expect(await flow().messagesAbout(CM, m.id)).toEqual([])

    await after(6 * MINUTE)
    const up = data(await flow().get(CM, m.id))
    expect(up).toMatchObject({ level: 'community', status: 'reported', can: { accept: true } })
    expect(up.timeline.at(-1)?.type).toBe('autoEscalated')
    expect(await flow().messagesAbout(CM, m.id)).toEqual([TPL.alert])
    expect(await audits(m.id, 'matter.autoEscalate')).toEqual([
      expect.objectContaining({ actorOpenid: 'system' }),
    ])
    expect(await flow().ids(CM, 'queue')).toContain(m.id)
    expect(await flow().ids(GW, 'queue')).not.toContain(m.id)
    // Running again changes nothing and tells nobody again.
    await after(MINUTE)
    expect(await flow().messagesAbout(CM, m.id)).toEqual([TPL.alert])
    expect(
      data(await flow().get(CM, m.id)).timeline.filter((t) => t.type === 'autoEscalated')
    ).toHaveLength(1)
  })

  it('matters of both grids due in the same run: each one escalated and told', async () => {
    const a = await flow().reported(R1)
    const b = await flow().reported('demo-resident-3', { content: '第二网格的井盖松动了' })
    await after(MATTER_ESCALATE_HOURS * HOUR + MINUTE)
    for (const m of [a, b]) {
      expect(data(await flow().get(CM, m.id)).level).toBe('community')
      expect(await flow().messagesAbout(CM, m.id)).toEqual([TPL.alert])
    }
  })

  it('an accepted matter is never escalated by the timer', async () => {
    const m = await flow().handling(R1)
    await after(MATTER_ESCALATE_HOURS * HOUR + HOUR)
    expect(data(await flow().get(R1, m.id))).toMatchObject({ level: 'grid', status: 'handling' })
    expect(await flow().messagesAbout(CM, m.id)).toEqual([])
  })

  it('a withdrawn matter is never escalated', async () => {
    const m = await flow().withdrawn(R1)
    await after(MATTER_ESCALATE_HOURS * HOUR + HOUR)
    expect(data(await flow().get(R1, m.id))).toMatchObject({ level: 'grid', status: 'withdrawn' })
  })
})

describe('matter timer: overdue', () => {
  it(`accepted and unresolved ${MATTER_OVERDUE_HOURS} h: overdue, counted for the grid worker; resolving ends it`, async () => {
    const m = await flow().handling(R1)
    await after(MATTER_OVERDUE_HOURS * HOUR - HOUR)
    expect(data(await flow().get(GW, m.id)).overdue).toBe(false)
    const before = (await flow().counts(GW))['matter.overdue'] ?? 0
    await after(HOUR + MINUTE)
    expect(data(await flow().get(GW, m.id)).overdue).toBe(true)
    const flagged = (await flow().listAll(GW, 'queue')).filter((x) => x.overdue).length
    expect((await flow().counts(GW))['matter.overdue']).toBe(flagged)
    expect(flagged).toBeGreaterThan(before)
    const done = data(await call(emu(), 'matter', GW, 'resolve', { id: m.id, text: '已修好' }))
    expect(done.status).toBe('resolved')
    expect((await flow().counts(GW))['matter.overdue']).toBe(flagged - 1)
  })

  it(`unaccepted ${MATTER_OVERDUE_HOURS} h at level community: overdue for the committee`, async () => {
    const m = await flow().escalated(R1)
    await after(MATTER_OVERDUE_HOURS * HOUR + MINUTE)
    const late = data(await flow().get(CM, m.id))
    expect(late).toMatchObject({ overdue: true, level: 'community', status: 'reported' })
    expect((await flow().counts(CM))['matter.overdue']).toBeGreaterThanOrEqual(1)
    expect((await flow().listAll(CM, 'queue'))[0].overdue).toBe(true)
  })
})

describe('matter timer: auto-close and the reopen window', () => {
  it(`resolved and unrated ${MATTER_REOPEN_DAYS} days: closed without a rating; not before; then reopen is refused`, async () => {
    const m = await flow().resolved(R1)
    const rated = await flow().closed(R2)
    await after(MATTER_REOPEN_DAYS * DAY - HOUR)
    expect(data(await flow().get(R1, m.id))).toMatchObject({
      status: 'resolved',
      can: { reopen: true, rate: true },
    })
    await after(HOUR + MINUTE)
    const closed = data(await flow().get(R1, m.id))
    expect(closed).toMatchObject({
      status: 'closed',
      rating: null,
      reopenUntil: null,
      can: { reopen: false, rate: false },
    })
    expect(closed.timeline.at(-1)?.type).toBe('autoClosed')
    expect(closed.endedAt).not.toBeNull()
    expect(await audits(m.id, 'matter.autoClose')).toEqual([
      expect.objectContaining({ actorOpenid: 'system' }),
    ])
    expect(data(await flow().get(R2, rated.id))).toMatchObject({ status: 'closed', rating: 5 })
    expectError(await flow().call(R1, 'reopen', { id: m.id, reason: '又坏了' }), 'CONFLICT')
    expect((await flow().counts(R1))['matter.toRate'] ?? 0).toBe(0)
  })

  it('reopened within the window, it is not closed by the timer', async () => {
    const m = await flow().resolved(R1)
    await emu().advanceClock(6 * DAY)
    data(await call(emu(), 'matter', R1, 'reopen', { id: m.id, reason: '灯又不亮了' }))
    await after(2 * DAY)
    expect(data(await flow().get(R1, m.id)).status).not.toBe('closed')
  })
})

describe('matter timer: purge', () => {
  it.each([
    [
      'closed',
      async (photos: string[]) => {
        const m = await flow().resolved(R1, { photos })
        return data(await call(emu(), 'matter', R1, 'rate', { id: m.id, rating: 5 }))
      },
    ],
    [
      'withdrawn',
      async (photos: string[]) => {
        const m = await flow().reported(R1, { photos })
        return data(await call(emu(), 'matter', R1, 'withdraw', { id: m.id }))
      },
    ],
  ])(
    `${MATTER_PURGE_DAYS} days after %s: the photos leave storage (their URLs fail), room and phone purged`,
    async (_s, make) => {
      const photos = [await photo(emu(), R1, 'purge-a'), await photo(emu(), R1, 'purge-b')]
      const kept = await photo(emu(), R2, 'other-matter')
      const other = await flow().reported(R2, { photos: [kept] })
      const m = await make(photos)
      await after((MATTER_PURGE_DAYS - 1) * DAY)
      const still = data(await flow().get(R1, m.id))
      expect(still.reporter.room).toBe('101')
      const urls = still.photos.map((p) => p.url!)
      expect(urls).toHaveLength(2)
      for (const url of urls) expect((await fetchUrl(url)).status).toBe(200)

      await after(DAY + HOUR)
      for (const p of photos) {
        expect(emu().emulator.storage.files.stat(pathOf(p))).toBeUndefined()
      }
      for (const url of urls) expect((await fetchUrl(url)).status).not.toBe(200)
      for (const who of [R1, GW]) {
        const purged = data(await flow().get(who, m.id))
        expect(purged.reporter).toMatchObject({ room: null, phone: null })
        expect(purged.photos.every((p) => p.url === null)).toBe(true)
        expect(JSON.stringify(purged)).not.toMatch(/13800000001/)
      }
      const stored = await emu().emulator.db.find('matters', { _id: m.id })
      expect(JSON.stringify(stored)).not.toMatch(/13800000001|"101"/)
      expect(await audits(m.id, 'matter.purge')).toHaveLength(1)
      // Another matter's photo stays.
      expect(emu().emulator.storage.files.stat(pathOf(kept))).toBeDefined()
      const live = data(await flow().get(R2, other.id))
      expect((await fetchUrl(live.photos[0].url!)).status).toBe(200)
    }
  )
})
