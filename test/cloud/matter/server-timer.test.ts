import { codePng } from '../../../emulator/openapi/png'
import { call, data, PERSONAS as P, useEmulator } from '../helpers'

// The server helper's own checks of the `matter` timer and of what holds under races: escalation
// after 24 h, the overdue flag and the queue's order, auto-close after 7 days, the purge of photos
// and contact 90 days after the end, 20 seconds at once, the daily report limit, and a deleted
// reporter's photos.

const emu = useEmulator()
const HOUR = 3600_000
const DAY = 24 * HOUR

async function upload(openid: string, name: string): Promise<string> {
  const form = new FormData()
  const bytes = codePng(name, 'pages/index/index', 120)
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), `${name}.png`)
  const res = await fetch(`${emu().url}/api/_upload`, {
    method: 'POST',
    headers: { 'X-Openid': openid },
    body: form,
  })
  return ((await res.json()) as { data: { fileID: string } }).data.fileID
}

const report = async (who: string, content: string, photos?: string[]) =>
  data(await call(emu(), 'matter', who, 'report', { category: 'environment', content, photos }))
const timer = async () => (await emu().fireTimer('matter'))[0]!.result.data
const levelOf = async (id: string) =>
  data(await call(emu(), 'matter', P.committee, 'get', { id })).level
const stored = (fileID: string) =>
  emu().emulator.storage.files.stat(fileID.slice(fileID.indexOf('/uploads/') + 1))

describe('matter: the timer', () => {
  it('unaccepted for 24 h in the grid goes to the community (committee told); 72 h later it is overdue and first in the queue', async () => {
    const late = await report(P.resident1, '楼道里堆满了纸箱，没人清理')
    await emu().advanceClock(DAY - HOUR)
    await timer()
    expect(await levelOf(late.id)).toBe('grid')
    const fresh = await report(P.resident2, '小区门口的垃圾桶坏了')
    await emu().advanceClock(2 * HOUR)
    expect((await timer()).escalated).toBeGreaterThanOrEqual(1)
    expect(await levelOf(fresh.id)).toBe('grid')
    const up = data(await call(emu(), 'matter', P.committee, 'get', { id: late.id }))
    expect(up).toMatchObject({ level: 'community', status: 'reported', overdue: false })
    expect(up.timeline.at(-1)).toMatchObject({ type: 'autoEscalated', by: '系统' })
    expect(up.can.accept).toBe(true)
    const told = await emu().outbox(P.committee)
    expect(told.some((m) => String(m.page).includes(late.id))).toBe(true)

    // Ten hours later the grid worker sends the other one up: 72 h after the first went up,
    // only the first is overdue, and it comes before the other.
    await emu().advanceClock(10 * HOUR)
    data(
      await call(emu(), 'matter', P.gridWorker, 'escalate', { id: fresh.id, reason: '需要协调' })
    )
    await emu().advanceClock(62 * HOUR + 30 * 60_000)
    expect((await timer()).overdue).toBeGreaterThanOrEqual(1)
    const queue = data(await call(emu(), 'matter', P.committee, 'list', { scope: 'queue' }))
    const ours = queue.items.filter((m) => [late.id, fresh.id].includes(m.id))
    expect(ours.map((m) => [m.id, m.overdue])).toEqual([
      [late.id, true],
      [fresh.id, false],
    ])
    expect(queue.items[0]!.overdue).toBe(true)
    const counts = data(await call(emu(), 'user', P.committee, 'counts', {}))
    expect(counts.counts['matter.overdue']).toBeGreaterThanOrEqual(1)
  })

  it('resolved and unrated for 7 days is closed; the reporter can no longer reopen it', async () => {
    const m = await report(P.resident1, '健身器材的螺丝松了')
    data(await call(emu(), 'matter', P.gridWorker, 'accept', { id: m.id }))
    data(await call(emu(), 'matter', P.gridWorker, 'resolve', { id: m.id, text: '已紧固' }))
    await emu().advanceClock(7 * DAY + HOUR)
    const reopen = await call(emu(), 'matter', P.resident1, 'reopen', {
      id: m.id,
      reason: '又松了',
    })
    expect(reopen).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await timer()).closed).toBeGreaterThanOrEqual(1)
    const closed = data(await call(emu(), 'matter', P.resident1, 'get', { id: m.id }))
    expect(closed).toMatchObject({ status: 'closed', rating: null, can: { rate: false } })
  })

  it('90 days after it ended, its photos leave storage and the reporter’s room and phone are purged', async () => {
    const photo = await upload(P.resident1, 'stairs')
    const m = await report(P.resident1, '楼梯扶手断了，老人上下楼危险', [photo])
    data(await call(emu(), 'matter', P.resident1, 'withdraw', { id: m.id }))
    await emu().advanceClock(89 * DAY)
    await timer()
    expect(stored(photo)).toBeDefined()
    const kept = data(await call(emu(), 'matter', P.gridWorker, 'get', { id: m.id }))
    expect(kept.photos[0]!.url).toMatch(/^http/)
    expect(kept.reporter.room).toBe('101')
    await emu().advanceClock(2 * DAY)
    expect((await timer()).purged).toBeGreaterThanOrEqual(1)
    expect(stored(photo)).toBeUndefined()
    const purged = data(await call(emu(), 'matter', P.gridWorker, 'get', { id: m.id }))
    expect(purged).toMatchObject({ photos: [], photoCount: 0 })
    expect(purged.reporter).toMatchObject({ room: null, phone: null })
  })
})

describe('matter: races and erasure', () => {
  it('20 seconds at once by one resident count once', async () => {
    const m = await report(P.resident1, '晚上广场舞音乐声太大')
    const all = await Promise.all(
      Array.from({ length: 20 }, () => call(emu(), 'matter', P.resident2, 'second', { id: m.id }))
    )
    expect(all.filter((r) => r.ok)).toHaveLength(1)
    const now = data(await call(emu(), 'matter', P.resident2, 'get', { id: m.id }))
    expect(now).toMatchObject({ seconds: 1, mySecond: true })
  })

  it('eight reports at once by one resident: five a day get through', async () => {
    const all = await Promise.all(
      Array.from({ length: 8 }, (_x, n) =>
        call(emu(), 'matter', P.resident3, 'report', {
          category: 'other',
          content: `想反映的第 ${n + 1} 件事`,
        })
      )
    )
    expect(all.filter((r) => r.ok)).toHaveLength(5)
    expect(all.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
      Array(3).fill('LIMIT_EXCEEDED')
    )
  })

  it('a reporter who deletes their account: their photos leave storage, their matters are anonymised', async () => {
    const photo = await upload(P.resident1, 'gate')
    const m = await report(P.resident1, '小区北门的门禁坏了', [photo])
    data(await call(emu(), 'matter', P.resident2, 'second', { id: m.id }))
    data(await call(emu(), 'user', P.resident1, 'deleteMe', {}))
    await emu().fireTimer('user')
    expect(stored(photo)).toBeUndefined()
    const left = data(await call(emu(), 'matter', P.gridWorker, 'get', { id: m.id }))
    expect(left).toMatchObject({ photos: [], seconds: 1 })
    expect(left.reporter).toMatchObject({ name: '已注销用户', room: null, phone: null })
  })
})
