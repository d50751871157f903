import path from 'node:path'
import { codePng } from '../../emulator/openapi/png'
import { BUCKET } from '../../emulator/storage'
import { startTestEmulator, type Json, type TestEmulator } from '../helpers/emulator'

// Cloud storage as a cloud function uses it: the real wx-server-sdk's uploadFile, getTempFileURL,
// downloadFile and deleteFile (see the `files` fixture), the temporary URLs the emulator serves,
// the H5 app's POST /api/_upload, and the image check's `risky` mark.

const functionsDir = path.join(__dirname, '..', 'fixtures', 'functions')
let emu: TestEmulator

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir, log: () => undefined })
})

afterAll(() => emu?.stop())

const TWO_HOURS = 2 * 60 * 60 * 1000
const MINUTE = 60 * 1000
const FILE_ID = new RegExp(`^cloud://honglin-local\\.${BUCKET}/`)

/** A real PNG, different for each `label`. */
const png = (label: string): Buffer => codePng(label, 'pages/index/index', 280)

/** Runs an action of the `files` fixture as `openid`; storage calls come from X-Storage-Calls. */
async function files(action: string, input: unknown, openid = 'demo-resident-1') {
  const res = await emu.callRaw('files', openid, JSON.stringify({ action, input }))
  return { result: res.body as Json, storageCalls: Number(res.headers['x-storage-calls']) }
}

async function upload(cloudPath: string, bytes: Buffer): Promise<string> {
  const { result } = await files('upload', { cloudPath, base64: bytes.toString('base64') })
  if (!result.ok) throw new Error(`upload failed: ${JSON.stringify(result)}`)
  return result.data.fileID as string
}

async function tempUrl(fileID: string, maxAge?: number): Promise<Json> {
  const fileList = maxAge === undefined ? [fileID] : [{ fileID, maxAge }]
  const { result } = await files('tempUrls', { fileList })
  return result.data.fileList[0]
}

async function fetchBytes(url: string) {
  const res = await fetch(encodeURI(url))
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  }
}

/** POST /api/_upload as the H5 app sends it. */
async function h5Upload(
  file: { bytes: Buffer; name: string; type: string } | null,
  openid: string | null,
  extra: Record<string, string> = {}
) {
  const form = new FormData()
  if (file)
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  for (const [k, v] of Object.entries(extra)) form.append(k, v)
  const res = await fetch(`${emu.url}/api/_upload`, {
    method: 'POST',
    headers: openid ? { 'X-Openid': openid } : {},
    body: form,
  })
  return { status: res.status, body: (await res.json()) as Json }
}

const storedPaths = () => emu.emulator.storage.files.list().map((f) => f.cloudPath)

describe('through the real SDK in a cloud function', () => {
  test('uploadFile stores the bytes and answers a cloud:// file ID, in two storage calls', async () => {
    const { result, storageCalls } = await files('upload', {
      cloudPath: 'matters/lamp.png',
      base64: png('lamp').toString('base64'),
    })
    expect(result.ok).toBe(true)
    expect(result.data.fileID).toMatch(FILE_ID)
    expect(result.data.fileID.endsWith('/matters/lamp.png')).toBe(true)
    expect(storageCalls).toBe(2) // the upload metadata, then the PUT
    expect(emu.emulator.storage.files.stat('matters/lamp.png')).toMatchObject({
      fileID: result.data.fileID,
      size: png('lamp').length,
      contentType: 'image/png',
      fn: 'files',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })

  test('a PUT without the authorization getUploadMetadata gave is refused and stores nothing', async () => {
    const res = await fetch(`${emu.url}/tcb-cos/matters/forged.png`, {
      method: 'PUT',
      headers: { authorization: 'forged', 'x-cos-meta-fileid': 'forged' },
      body: new Uint8Array(png('forged')),
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('<Code>AccessDenied</Code>')
    expect(emu.emulator.storage.files.stat('matters/forged.png')).toBeUndefined()
  })

  test('getTempFileURL answers a URL that serves the same bytes with an image type', async () => {
    const fileID = await upload('matters/bench.png', png('bench'))
    const { result, storageCalls } = await files('tempUrls', { fileList: [fileID] })
    expect(storageCalls).toBe(1)
    expect(result.data.fileList).toEqual([
      {
        fileID,
        status: 0,
        errMsg: 'ok',
        maxAge: 7200,
        tempFileURL: expect.stringContaining('/matters/bench.png?sign='),
      },
    ])
    const got = await fetchBytes(result.data.fileList[0].tempFileURL)
    expect(got.status).toBe(200)
    expect(got.contentType).toBe('image/png')
    expect(got.bytes.equals(png('bench'))).toBe(true)
  })

  test('a cloud path in Chinese survives the round trip', async () => {
    const fileID = await upload('照片/路灯 坏了.png', png('cn'))
    const url = (await tempUrl(fileID)).tempFileURL
    expect((await fetchBytes(url)).bytes.equals(png('cn'))).toBe(true)
    const { result } = await files('download', { fileID })
    expect(Buffer.from(result.data.base64, 'base64').equals(png('cn'))).toBe(true)
  })

  test('a temporary URL expires two hours later on the emulator clock', async () => {
    const fileID = await upload('matters/expiry.png', png('expiry'))
    const { tempFileURL } = await tempUrl(fileID)
    await emu.advanceClock(TWO_HOURS - MINUTE)
    expect((await fetchBytes(tempFileURL)).status).toBe(200)
    await emu.advanceClock(2 * MINUTE)
    expect((await fetchBytes(tempFileURL)).status).toBe(403)
    // a fresh one works again
    expect((await fetchBytes((await tempUrl(fileID)).tempFileURL)).status).toBe(200)
    await emu.setClock(0)
  })

  test('maxAge is honoured, up to one day', async () => {
    const fileID = await upload('matters/short.png', png('short'))
    const short = await tempUrl(fileID, 60)
    expect(short).toMatchObject({ status: 0, maxAge: 60 })
    expect((await tempUrl(fileID, 30 * 24 * 3600)).maxAge).toBe(86400)
    await emu.advanceClock(2 * MINUTE)
    expect((await fetchBytes(short.tempFileURL)).status).toBe(403)
    await emu.setClock(0)
  })

  test('a tampered temporary URL is refused', async () => {
    const fileID = await upload('matters/sign.png', png('sign'))
    const { tempFileURL } = await tempUrl(fileID)
    const other = tempFileURL.replace('/matters/sign.png', '/matters/lamp.png')
    expect((await fetchBytes(other)).status).toBe(403)
  })

  test('files that do not exist get a per-file error, the others their URL', async () => {
    const fileID = await upload('matters/one.png', png('one'))
    const missing = fileID.replace('one.png', 'none.png')
    const { result } = await files('tempUrls', { fileList: [fileID, missing, 'not-a-file-id'] })
    const [found, absent, foreign] = result.data.fileList
    expect(found).toMatchObject({ status: 0, errMsg: 'ok' })
    expect(absent).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' })
    expect(foreign.status).not.toBe(0)
    expect(foreign.tempFileURL).toBe('')
  })

  test('more than 50 files in one getTempFileURL call is an error', async () => {
    const fileID = await upload('matters/many.png', png('many'))
    const { result } = await files('tempUrls', { fileList: Array(51).fill(fileID) })
    expect(result.ok).toBe(false)
  })

  test('downloadFile answers the bytes, in two storage calls', async () => {
    const fileID = await upload('matters/download.png', png('download'))
    const { result, storageCalls } = await files('download', { fileID })
    expect(result).toMatchObject({ ok: true, data: { statusCode: 200 } })
    expect(Buffer.from(result.data.base64, 'base64').equals(png('download'))).toBe(true)
    expect(storageCalls).toBe(2) // the URL, then the GET
  })

  test('downloadFile of a missing file rejects', async () => {
    const fileID = (await upload('matters/gone.png', png('gone'))).replace('gone', 'never')
    const { result } = await files('download', { fileID })
    expect(result.ok).toBe(false)
  })

  test('deleteFile removes the file: its URL answers 404, a second delete reports it missing', async () => {
    const fileID = await upload('matters/delete.png', png('delete'))
    const { tempFileURL } = await tempUrl(fileID)
    const { result, storageCalls } = await files('remove', { fileList: [fileID] })
    expect(result.data.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }])
    expect(storageCalls).toBe(1)
    expect((await fetchBytes(tempFileURL)).status).toBe(404)
    expect(await tempUrl(fileID)).toMatchObject({ status: -503003, tempFileURL: '' })
    const again = await files('remove', { fileList: [fileID] })
    expect(again.result.data.fileList[0]).toMatchObject({ fileID, status: -503003 })
  })

  test('uploading to the same cloud path replaces the file', async () => {
    const fileID = await upload('matters/replace.png', png('first'))
    expect(await upload('matters/replace.png', png('second'))).toBe(fileID)
    const { result } = await files('download', { fileID })
    expect(Buffer.from(result.data.base64, 'base64').equals(png('second'))).toBe(true)
  })

  test('an invalid cloud path is refused and nothing is stored', async () => {
    const before = storedPaths()
    for (const cloudPath of ['/lead.png', 'a/../b.png', 'a//b.png']) {
      const { result } = await files('upload', {
        cloudPath,
        base64: png('x').toString('base64'),
      })
      expect(result.ok).toBe(false)
    }
    expect(storedPaths()).toEqual(before)
  })
})

describe('POST /api/_upload (the H5 app)', () => {
  const photo = (label: string, name = `${label}.png`) => ({
    bytes: png(label),
    name,
    type: 'image/png',
  })

  test('stores an image under uploads/<openid>/ and answers its file ID', async () => {
    const res = await h5Upload(photo('h5'), 'demo-resident-2')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true, data: { fileID: expect.stringMatching(FILE_ID) } })
    expect(res.body.data.fileID).toMatch(/\/uploads\/demo-resident-2\/[0-9a-f-]{36}\.png$/)
    // a function reads it back through the SDK
    const { tempFileURL } = await tempUrl(res.body.data.fileID)
    const got = await fetchBytes(tempFileURL)
    expect(got.contentType).toBe('image/png')
    expect(got.bytes.equals(png('h5'))).toBe(true)
    const meta = emu.emulator.storage.files.stat(res.body.data.fileID.replace(FILE_ID, ''))
    expect(meta).toMatchObject({ owner: 'demo-resident-2', size: png('h5').length, name: 'h5.png' })
  })

  test('the type comes from the bytes: a JPEG named .png is stored as a JPEG', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)])
    const res = await h5Upload({ bytes: jpeg, name: 'x.png', type: 'image/png' }, 'demo-resident-1')
    expect(res.body.data.fileID).toMatch(/\.jpg$/)
    const got = await fetchBytes((await tempUrl(res.body.data.fileID)).tempFileURL)
    expect(got.contentType).toBe('image/jpeg')
  })

  test('a chosen cloudPath is used; another resident cannot overwrite it', async () => {
    const mine = await h5Upload(photo('mine'), 'demo-resident-1', {
      cloudPath: 'avatars/demo-resident-1.png',
    })
    expect(mine.body.data.fileID.endsWith('/avatars/demo-resident-1.png')).toBe(true)
    const theirs = await h5Upload(photo('theirs'), 'demo-resident-3', {
      cloudPath: 'avatars/demo-resident-1.png',
    })
    expect(theirs).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'FORBIDDEN', field: 'cloudPath' } },
    })
    const got = await fetchBytes((await tempUrl(mine.body.data.fileID)).tempFileURL)
    expect(got.bytes.equals(png('mine'))).toBe(true)
  })

  test('without X-Openid it is UNAUTHENTICATED and nothing is stored', async () => {
    const before = storedPaths()
    const res = await h5Upload(photo('anon'), null)
    expect(res).toMatchObject({
      status: 401,
      body: { ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } },
    })
    expect(storedPaths()).toEqual(before)
  })

  test('a file over 10 MB is refused with a clear message and nothing is stored', async () => {
    const before = storedPaths()
    const big = Buffer.concat([png('big'), Buffer.alloc(10 * 1024 * 1024)])
    const res = await h5Upload(
      { bytes: big, name: 'big.png', type: 'image/png' },
      'demo-resident-1'
    )
    expect(res).toMatchObject({
      status: 413,
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'file' } },
    })
    expect(res.body.error.message).toContain('10 MB')
    expect(storedPaths()).toEqual(before)
  })

  test.each([
    ['a text file', Buffer.from('hello'), 'note.txt', 'text/plain'],
    ['text that claims to be a PNG', Buffer.from('hello'), 'fake.png', 'image/png'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg', 'image/svg+xml'],
  ])('%s is not an image: INVALID_INPUT on file, nothing stored', async (_, bytes, name, type) => {
    const before = storedPaths()
    const res = await h5Upload({ bytes, name, type }, 'demo-resident-1')
    expect(res).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'file' } },
    })
    expect(storedPaths()).toEqual(before)
  })

  test('no file field is INVALID_INPUT on file', async () => {
    const res = await h5Upload(null, 'demo-resident-1', { note: 'x' })
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'file' } })
  })

  test('a bad cloudPath is INVALID_INPUT on cloudPath', async () => {
    const res = await h5Upload(photo('bad'), 'demo-resident-1', { cloudPath: '../etc/x.png' })
    expect(res).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'cloudPath' } },
    })
  })
})

describe('security.imgSecCheck', () => {
  test('a stored photo whose name contains "risky" is flagged (87014), others pass', async () => {
    const risky = await h5Upload(
      { bytes: png('risky-photo'), name: 'risky-lamp.png', type: 'image/png' },
      'demo-resident-1'
    )
    const clean = await h5Upload(
      { bytes: png('clean-photo'), name: 'lamp.png', type: 'image/png' },
      'demo-resident-1'
    )
    const flagged = await files('checkStored', { fileID: risky.body.data.fileID })
    expect(flagged.result).toMatchObject({ ok: false, error: { errCode: 87014 } })
    const passed = await files('checkStored', { fileID: clean.body.data.fileID })
    expect(passed.result).toMatchObject({ ok: true, data: { errCode: 0 } })
  })

  test('a file uploaded by a function under a risky cloud path is flagged', async () => {
    const fileID = await upload('matters/risky.png', png('risky-path'))
    const { result } = await files('checkStored', { fileID })
    expect(result).toMatchObject({ ok: false, error: { errCode: 87014 } })
  })

  test('bytes that are not stored pass; non-images fail with 40004, over 1 MB with 40006', async () => {
    const fresh = await files('checkBytes', { base64: png('never-stored').toString('base64') })
    expect(fresh.result).toMatchObject({ ok: true, data: { errCode: 0 } })
    const text = await files('checkBytes', { base64: Buffer.from('hi').toString('base64') })
    expect(text.result).toMatchObject({ ok: false, error: { errCode: 40004 } })
    const big = Buffer.concat([png('big-check'), Buffer.alloc(1024 * 1024)])
    const large = await files('checkBytes', { base64: big.toString('base64') })
    expect(large.result).toMatchObject({ ok: false, error: { errCode: 40006 } })
  })
})

describe('persistence', () => {
  test('files survive a restart; _reset removes them', async () => {
    const fileID = await upload('matters/keep.png', png('keep'))
    const h5 = await h5Upload(
      { bytes: png('keep-h5'), name: 'k.png', type: 'image/png' },
      'demo-resident-4'
    )
    await emu.restart()
    const { result } = await files('download', { fileID })
    expect(Buffer.from(result.data.base64, 'base64').equals(png('keep'))).toBe(true)
    const got = await fetchBytes((await tempUrl(h5.body.data.fileID)).tempFileURL)
    expect(got.bytes.equals(png('keep-h5'))).toBe(true)
    expect(emu.emulator.storage.files.stat('matters/keep.png')?.createdAt).toEqual(
      expect.any(String)
    )

    await emu.reset()
    expect(await tempUrl(fileID)).toMatchObject({ status: -503003 })
    expect(storedPaths()).toEqual([])
  })
})
