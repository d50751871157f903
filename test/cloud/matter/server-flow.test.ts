import type { Matter } from '@/contract/matter'
import { codePng } from '../../../emulator/openapi/png'
import { call, data, expectError, PERSONAS as P, useEmulator } from '../helpers'

// The server helper's own walk through the matter flow (the black-box tests live beside it):
// a report with a photo the H5 app uploaded, the board, 附议, the grid worker's handling, the
// rating; an escalation the committee handles; the photo checks.

const emu = useEmulator()

/** A real PNG, different for each label. */
const png = (label: string): Buffer => codePng(label, 'pages/index/index', 120)

/** POST /api/_upload as the H5 app sends it; the file ID. */
async function upload(openid: string, name = 'lamp.png', bytes = png(name)): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name)
  const res = await fetch(`${emu().url}/api/_upload`, {
    method: 'POST',
    headers: { 'X-Openid': openid },
    body: form,
  })
  const body = (await res.json()) as { ok: boolean; data: { fileID: string } }
  if (!body.ok) throw new Error(JSON.stringify(body))
  return body.data.fileID
}

const lamp = {
  category: 'facility' as const,
  content: '3号楼门口的路灯坏了一个星期',
  place: '3号楼门口',
}

describe('matter: the server walk', () => {
  it('a resident reports a broken lamp with a photo; a neighbour seconds; the grid worker handles it; the resident rates it', async () => {
    const photo = await upload(P.resident1)
    const m = data(await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos: [photo] }))
    expect(m).toMatchObject({ status: 'reported', level: 'grid', photoCount: 1, mine: true })
    expect(m.photos[0]!.url).toMatch(/^http/)
    const got = await fetch(m.photos[0]!.url!)
    expect(got.status).toBe(200)

    const board = data(await call(emu(), 'matter', P.resident2, 'list', { scope: 'grid' }))
    const seen = board.items.find((x) => x.id === m.id)!
    expect(seen.reporter).toMatchObject({ name: '张*', room: null, phone: null })
    expect(seen.can.second).toBe(true)

    const s = data(await call(emu(), 'matter', P.resident2, 'second', { id: m.id }))
    expect(s).toMatchObject({ seconds: 1, mySecond: true, can: { second: false } })
    expectError(await call(emu(), 'matter', P.resident2, 'second', { id: m.id }), 'CONFLICT')
    expectError(await call(emu(), 'matter', P.resident1, 'second', { id: m.id }), 'FORBIDDEN')

    const q = data(await call(emu(), 'matter', P.gridWorker, 'list', { scope: 'queue' }))
    expect(q.items.map((x) => x.id)).toContain(m.id)
    const a = data(await call(emu(), 'matter', P.gridWorker, 'accept', { id: m.id }))
    expect(a).toMatchObject({ status: 'handling', handler: '网格员 刘网格员' })
    data(await call(emu(), 'matter', P.gridWorker, 'reply', { id: m.id, text: '已联系物业' }))
    const r = data(
      await call(emu(), 'matter', P.gridWorker, 'resolve', { id: m.id, text: '已更换灯泡' })
    )
    expect(r).toMatchObject({ status: 'resolved', resolution: '已更换灯泡' })
    const mine = data(await call(emu(), 'matter', P.resident1, 'get', { id: m.id }))
    expect(mine.can).toMatchObject({ rate: true, reopen: true })
    const closed = data(await call(emu(), 'matter', P.resident1, 'rate', { id: m.id, rating: 5 }))
    expect(closed).toMatchObject({ status: 'closed', rating: 5 })
    expect(closed.timeline.map((t) => t.by)).toEqual([
      '居民',
      '网格员 刘网格员',
      '网格员 刘网格员',
      '网格员 刘网格员',
      '居民',
    ])
    const told = await emu().outbox(P.resident1)
    expect(told.length).toBeGreaterThanOrEqual(3)
  })

  it('a grid worker escalates; the committee accepts, turns it into a topic, and resolves it', async () => {
    const m = data(
      await call(emu(), 'matter', P.resident3, 'report', {
        category: 'parking',
        content: '小区主干道晚上被占道停车，消防车进不来',
      })
    )
    const up = data(
      await call(emu(), 'matter', P.gridWorker, 'escalate', { id: m.id, reason: '需要社区协调' })
    )
    expect(up).toMatchObject({
      level: 'community',
      status: 'reported',
      escalateReason: '需要社区协调',
    })
    expect((await emu().outbox(P.committee)).length).toBe(1)
    expectError(await call(emu(), 'matter', P.gridWorker, 'accept', { id: m.id }), 'FORBIDDEN')
    data(await call(emu(), 'matter', P.committee, 'accept', { id: m.id }))
    const res = await call(emu(), 'matter', P.committee, 'toDeliberation', {
      id: m.id,
      title: '东门停车怎么管',
      background: '居民反映东门口乱停车，请大家议一议。',
      scope: { type: 'community', id: 'c1' },
      options: ['划线停车', '禁止停车'],
      discussionEndsAt: new Date(Date.now() + 86_400_000).toISOString(),
      votingEndsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      unit: 'household',
      quorum: 30,
    })
    const deliberating = data(res)
    expect(deliberating).toMatchObject({ status: 'deliberating', handler: '社区两委' })
    const topic = data(
      await call(emu(), 'deliberation', P.resident3, 'get', { id: deliberating.deliberationId! })
    )
    expect(topic).toMatchObject({ matterId: m.id, title: '东门停车怎么管' })
    // Still the committee's to carry out: in its queue until resolved.
    const q = data(await call(emu(), 'matter', P.committee, 'list', { scope: 'queue' }))
    expect(q.items.map((x: Matter) => x.id)).toContain(m.id)
    const r = data(
      await call(emu(), 'matter', P.committee, 'resolve', { id: m.id, text: '划了禁停线' })
    )
    expect(r).toMatchObject({ status: 'resolved', handler: '社区两委' })
  })

  it('photos: another person’s, missing, risky, 4 → clear errors and nothing stored', async () => {
    const theirs = await upload(P.resident2)
    expectError(
      await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos: [theirs] }),
      'INVALID_INPUT',
      'photos'
    )
    const risky = await upload(P.resident1, 'risky-lamp.png')
    expectError(
      await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos: [risky] }),
      'CONTENT_REJECTED',
      'photos'
    )
    const gone = theirs.replace('demo-resident-2', 'demo-resident-1')
    const missing = await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos: [gone] })
    expectError(missing, 'INVALID_INPUT', 'photos')
    expect(!missing.ok && missing.error.message).toBe('照片不存在，请重新上传')
    // Over 1 MB (the upload takes 10 MB; the report does not), and not a file ID at all.
    const big = await upload(
      P.resident1,
      'big.png',
      Buffer.concat([png('big'), Buffer.alloc(1_100_000)])
    )
    const large = await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos: [big] })
    expectError(large, 'INVALID_INPUT', 'photos')
    expect(!large.ok && large.error.message).toBe('照片太大，请重新选择')
    for (const photos of [
      ['https://example.com/a.png'],
      ['cloud://x.y/uploads/demo-resident-1/../a.png'],
    ]) {
      expectError(
        await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos }),
        'INVALID_INPUT',
        'photos'
      )
    }
    const four = [1, 2, 3, 4].map((n) => `${big.slice(0, -4)}${n}.png`)
    expectError(
      await call(emu(), 'matter', P.resident1, 'report', { ...lamp, photos: four }),
      'INVALID_INPUT',
      'photos'
    )
    const mine = data(await call(emu(), 'matter', P.resident1, 'list', { scope: 'mine' }))
    expect(mine.items).toEqual([])
  })
})
