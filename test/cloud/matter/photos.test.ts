import { MAX_PHOTO_BYTES } from '@/contract/files'
import type { Matter } from '@/contract/matter'
import {
  call,
  callWithStats,
  clockAt,
  data,
  expectError,
  fetchUrl,
  GW,
  h5Upload,
  HOUR,
  jpegOf,
  MatterFlow,
  MINUTE,
  pathOf,
  photo,
  png,
  R1,
  R2,
  READ_TRIPS,
  report,
  sdkUpload,
  storedPaths,
  useEmulator,
} from './helpers'

// Photos of a matter in cloud storage: uploaded by the weapp through the SDK or by the H5 app
// through POST /api/_upload, checked on report (the reporter's own upload, present, small enough,
// passing the image check), answered by `get` as temporary URLs that fetch the bytes and expire
// after 2 h of the emulator's clock; `list` answers the cover only.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('a report with photos', () => {
  it('one from the weapp (SDK) and one from H5: get answers both as temporary URLs that fetch the bytes', async () => {
    const weapp = await sdkUpload(emu(), R1, 'lamp-weapp.png', png('lamp-weapp'))
    const h5 = await photo(emu(), R1, 'lamp-h5')
    const m = data(await call(emu(), 'matter', R1, 'report', report({ photos: [weapp, h5] })))
    expect(m.photoCount).toBe(2)
    expect(m.photos.map((p) => p.fileID)).toEqual([weapp, h5])
    const { result, roundTrips } = await callWithStats(emu(), 'matter', R2, 'get', { id: m.id })
    expect(roundTrips).toBeLessThanOrEqual(READ_TRIPS)
    const got = data(result)
    expect(got.photoCount).toBe(2)
    expect(got.photos.map((p) => p.fileID)).toEqual([weapp, h5])
    const [a, b] = got.photos.map((p) => p.url!)
    expect((await fetchUrl(a)).bytes.equals(png('lamp-weapp'))).toBe(true)
    expect((await fetchUrl(b)).bytes.equals(png('lamp-h5'))).toBe(true)
  })

  it('the list answers the cover only, with its URL, and how many photos there are', async () => {
    const ids = [
      await photo(emu(), R1, 'cover'),
      await photo(emu(), R1, 'second'),
      await photo(emu(), R1, 'third'),
    ]
    const m = data(await call(emu(), 'matter', R1, 'report', report({ photos: ids })))
    for (const [who, scope] of [
      [R1, 'mine'],
      [R2, 'grid'],
      [GW, 'queue'],
    ] as const) {
      const item = (await flow().listAll(who, scope)).find((x) => x.id === m.id)!
      expect([who, item.photoCount, item.photos.map((p) => p.fileID)]).toEqual([who, 3, [ids[0]]])
      expect((await fetchUrl(item.photos[0].url!)).bytes.equals(png('cover'))).toBe(true)
    }
  })

  it('one storage call answers every URL: get with 3 photos, a page of covers', async () => {
    const ids = [
      await photo(emu(), R1, 'one-a'),
      await photo(emu(), R1, 'one-b'),
      await photo(emu(), R1, 'one-c'),
    ]
    const m = await flow().reported(R1, { photos: ids })
    await flow().reported(R1, { photos: [await photo(emu(), R1, 'one-d')] })
    const storageCalls = async (action: string, input: object) => {
      const res = await emu().callRaw('matter', R2, JSON.stringify({ action, input }))
      expect(res.body.ok).toBe(true)
      return Number(res.headers['x-storage-calls'])
    }
    expect(await storageCalls('get', { id: m.id })).toBe(1)
    expect(await storageCalls('list', { scope: 'grid' })).toBe(1)
  })

  it('a temporary URL stops working 2 h later (emulator clock); a fresh get works again', async () => {
    const m = await flow().reported(R1, { photos: [await photo(emu(), R1, 'expiring')] })
    const url = data(await flow().get(R2, m.id)).photos[0].url!
    await emu().advanceClock(2 * HOUR - MINUTE)
    expect((await fetchUrl(url)).status).toBe(200)
    await emu().advanceClock(2 * MINUTE)
    expect((await fetchUrl(url)).status).toBe(403)
    const fresh = data(await flow().get(R2, m.id)).photos[0].url!
    const again = await fetchUrl(fresh)
    expect(again.status).toBe(200)
    expect(again.bytes.equals(png('expiring'))).toBe(true)
  })

  it('photos survive a restart of the emulator', async () => {
    const m = await flow().reported(R1, { photos: [await photo(emu(), R1, 'kept')] })
    await emu().restart()
    const url = data(await flow().get(R2, m.id)).photos[0].url!
    expect((await fetchUrl(url)).bytes.equals(png('kept'))).toBe(true)
  })

  it('a photo of exactly the largest size is taken', async () => {
    const up = await h5Upload(emu(), R1, { bytes: jpegOf(MAX_PHOTO_BYTES), name: 'max.jpg' })
    data(await call(emu(), 'matter', R1, 'report', report({ photos: [up.body.data.fileID] })))
  })
})

describe('a photo gone from storage', () => {
  it('get and list answer it without a URL, never an error', async () => {
    const gone = await photo(emu(), R1, 'gone-later')
    const stays = await photo(emu(), R1, 'stays')
    const m = await flow().reported(R1, { photos: [gone, stays] })
    emu().emulator.storage.files.remove(pathOf(gone))
    const got = data(await flow().get(R2, m.id))
    expect(got.photos.map((p) => [p.fileID, p.url === null])).toEqual([
      [gone, true],
      [stays, false],
    ])
    const item = (await flow().listAll(R2, 'grid')).find((x) => x.id === m.id)!
    expect(item.photos).toEqual([{ fileID: gone, url: null }])
  })
})

describe('bad photos: a clear error and nothing stored', () => {
  /** Reports with `photos` and checks that nothing changed: matters, counts, the queue, storage. */
  async function refused(
    photos: unknown,
    code: string,
    message?: RegExp
  ): Promise<{ ok: false; error: { code: string; message: string; field?: string } }> {
    const before = {
      count: await flow().count(),
      mine: await flow().counts(R1),
      staff: await flow().counts(GW),
      stored: storedPaths(emu()),
      told: (await emu().outbox(GW)).length,
    }
    const res = await flow().call<Matter>(R1, 'report', { ...report(), photos })
    expectError(res, code, 'photos')
    if (message && !res.ok) expect(res.error.message).toMatch(message)
    expect(await flow().count()).toBe(before.count)
    expect(await flow().counts(R1)).toEqual(before.mine)
    expect(await flow().counts(GW)).toEqual(before.staff)
    expect(storedPaths(emu())).toEqual(before.stored)
    expect(await emu().outbox(GW)).toHaveLength(before.told)
    return res as never
  }

  it.each([
    ['a web URL', 'https://example.com/lamp.png'],
    ['a local temp path', 'wxfile://tmp_abc.png'],
    ['a file ID outside the uploads folder', 'MATTERS'],
    ['a path that climbs out of the folder', 'CLIMB'],
    ['her own path in another environment', 'ENV'],
  ])('%s is not one of our file IDs: INVALID_INPUT', async (_l, given) => {
    const own = await photo(emu(), R1, 'own')
    const fileID =
      given === 'MATTERS'
        ? own.replace(/\/uploads\/[^/]+\//, '/matters/')
        : given === 'CLIMB'
          ? own.replace(/\/uploads\/([^/]+)\//, '/uploads/$1/../demo-resident-2/')
          : given === 'ENV'
            ? own.replace(/^cloud:\/\/[^/]+\//, 'cloud://other-env.6f74-other-env-1300000001/')
            : given
    await refused([fileID], 'INVALID_INPUT')
  })

  it("another resident's upload: INVALID_INPUT", async () => {
    const theirs = await photo(emu(), R2, 'theirs')
    await refused([theirs], 'INVALID_INPUT', /自己/)
    // Through the SDK too (a weapp upload into someone else's folder).
    const sdk = await sdkUpload(emu(), R2, 'theirs-weapp.png')
    await refused([sdk], 'INVALID_INPUT')
  })

  it('a file ID of her folder that was never uploaded: INVALID_INPUT, 照片不存在', async () => {
    const own = await photo(emu(), R1, 'exists')
    await refused([own.replace(/[^/]+\.png$/, 'never-uploaded.png')], 'INVALID_INPUT', /不存在/)
    // One good photo does not carry a missing one.
    await refused([own, own.replace(/[^/]+\.png$/, 'gone.png')], 'INVALID_INPUT', /不存在/)
  })

  it.each([
    ['an object', {}],
    ['null in the list', [null]],
    ['a file ID of 400 characters', [`cloud://x.y/uploads/demo-resident-1/${'a'.repeat(380)}.png`]],
  ])('photos as %s: INVALID_INPUT', async (_l, photos) => {
    const res = await flow().call(R1, 'report', { ...report(), photos })
    expectError(res, 'INVALID_INPUT')
    expect(!res.ok && res.error.field).toMatch(/^photos/)
  })

  it('4 photos: INVALID_INPUT', async () => {
    const ids = []
    for (let n = 0; n < 4; n++) ids.push(await photo(emu(), R1, `four-${n}`))
    await refused(ids, 'INVALID_INPUT')
  })

  it('the same photo twice: INVALID_INPUT', async () => {
    const one = await photo(emu(), R1, 'twice')
    await refused([one, one], 'INVALID_INPUT')
  })

  it('a photo over 1 MB (the app compresses before upload): INVALID_INPUT, 太大', async () => {
    const up = await h5Upload(emu(), R1, { bytes: jpegOf(MAX_PHOTO_BYTES + 1), name: 'big.jpg' })
    expect(up.status).toBe(200)
    await refused([up.body.data.fileID], 'INVALID_INPUT', /太大/)
  })

  it('bytes that are not an image, uploaded through the SDK under an image name: INVALID_INPUT', async () => {
    const text = await sdkUpload(emu(), R1, 'note.png', Buffer.from('这不是一张图片'))
    await refused([text], 'INVALID_INPUT')
  })

  it('a photo the image check flags (its name holds "risky"): CONTENT_REJECTED', async () => {
    const h5 = await h5Upload(emu(), R1, { bytes: png('risky-h5'), name: 'risky-lamp.png' })
    await refused([h5.body.data.fileID], 'CONTENT_REJECTED')
    const weapp = await sdkUpload(emu(), R1, 'risky-weapp.png')
    const clean = await photo(emu(), R1, 'clean')
    await refused([clean, weapp], 'CONTENT_REJECTED')
  })
})

describe('POST /api/_upload refuses what is not a photo, storing nothing', () => {
  it('a file over 10 MB: INVALID_INPUT on file', async () => {
    const before = storedPaths(emu())
    const big = Buffer.concat([png('big'), Buffer.alloc(10 * 1024 * 1024)])
    const res = await h5Upload(emu(), R1, { bytes: big, name: 'big.png' })
    expect(res).toMatchObject({
      status: 413,
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'file' } },
    })
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(storedPaths(emu())).toEqual(before)
  })

  it('a text file, even named .png: INVALID_INPUT on file', async () => {
    const before = storedPaths(emu())
    for (const [name, type] of [
      ['note.txt', 'text/plain'],
      ['fake.png', 'image/png'],
    ]) {
      const res = await h5Upload(emu(), R1, { bytes: Buffer.from('不是图片'), name, type })
      expect(res).toMatchObject({
        status: 400,
        body: { ok: false, error: { code: 'INVALID_INPUT', field: 'file' } },
      })
    }
    expect(storedPaths(emu())).toEqual(before)
  })
})
