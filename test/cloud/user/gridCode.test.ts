import { PNG } from 'pngjs'
import QrCodeReader from 'qrcode-reader'
import { GRID_CODE_PAGE, gridOfScene } from '@/contract/user'
import { readPngText } from '../../../emulator/openapi/png'
import {
  call,
  callWithStats,
  data,
  expectError,
  PERSONAS as P,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'

// user.gridCode: the grid's 小程序码 a grid worker shows door to door. Scanning it opens binding
// with the grid chosen; locally the code is a real QR code of the scene.

const emu = useEmulator()

/** What a phone's camera reads off a PNG data URL. */
function scan(image: string): Promise<string> {
  const png = PNG.sync.read(Buffer.from(image.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return new Promise((resolve, reject) => {
    const reader = new QrCodeReader()
    reader.callback = (err, value) => (err || !value ? reject(err) : resolve(value.result))
    reader.decode({ width: png.width, height: png.height, data: png.data })
  })
}

describe('user.gridCode', () => {
  it('gives the grid worker a code that opens binding with their grid', async () => {
    const code = data(await call(emu(), 'user', P.gridWorker, 'gridCode', { gridId: 'g2' }))
    expect(code).toMatchObject({ gridId: 'g2', gridName: '第二网格', scene: 'g=g2' })
    expect(code.image).toMatch(/^data:image\/png;base64,/)
    const scanned = await scan(code.image)
    expect(scanned).toBe('g=g2')
    const png = Buffer.from(code.image.split(',')[1], 'base64')
    expect(readPngText(png)).toMatchObject({ page: GRID_CODE_PAGE, scene: 'g=g2' })
    // the binding page reads the grid back from the scene, as WeChat hands it over (URL-encoded)
    expect(gridOfScene(encodeURIComponent(scanned))).toBe('g2')
    expect(gridOfScene(scanned)).toBe('g2')
    for (const other of ['', 'a=act1', 'g=', 'g=g1&x=1', '%E0%A4%A']) {
      expect(gridOfScene(other)).toBeNull()
    }
  })

  it('the committee of its community and an admin get it too', async () => {
    for (const who of [P.committee, P.admin]) {
      const code = data(await call(emu(), 'user', who, 'gridCode', { gridId: 'g1' }))
      expect(await scan(code.image)).toBe('g=g1')
    }
  })

  it.each([
    ['a resident of the grid', P.resident1, 'g1'],
    ['a volunteer', P.volunteer1, 'g1'],
    ['someone never bound', P.newcomer, 'g1'],
    ['a stranger without a profile', 'o-stranger', 'g1'],
    ['the committee, for another community', P.committee, 'g3'],
    ['a grid worker, for a grid they do not serve', P.gridWorker, 'g3'],
  ])('%s is FORBIDDEN', async (_who, openid, gridId) => {
    expectError(await call(emu(), 'user', openid, 'gridCode', { gridId }), 'FORBIDDEN', 'gridId')
  })

  it('an unknown grid is NOT_FOUND, a malformed one INVALID_INPUT, no caller UNAUTHENTICATED', async () => {
    expectError(
      await call(emu(), 'user', P.gridWorker, 'gridCode', { gridId: 'g404' }),
      'NOT_FOUND',
      'gridId'
    )
    for (const input of [{}, { gridId: '' }, { gridId: 42 }, { gridId: 'x'.repeat(200) }]) {
      expectError(
        await emu().call('user', P.gridWorker, 'gridCode', input),
        'INVALID_INPUT',
        'gridId'
      )
    }
    expectError(await emu().call('user', null, 'gridCode', { gridId: 'g1' }), 'UNAUTHENTICATED')
  })

  it('is audited, and costs a read and a write', async () => {
    const { result, roundTrips } = await callWithStats(
      emu(),
      'user',
      P.gridWorker,
      'gridCode',
      { gridId: 'g1' },
      'grid-code-1'
    )
    expect(result.ok).toBe(true)
    expect(roundTrips).toBeLessThanOrEqual(Math.min(READ_TRIPS, WRITE_TRIPS))
    const entries = await emu().emulator.db.find('audit', { action: 'user.gridCode' })
    expect(entries).toEqual([
      expect.objectContaining({ actorOpenid: P.gridWorker, targetId: 'g1' }),
    ])
    // A refusal leaves no entry.
    await call(emu(), 'user', P.resident1, 'gridCode', { gridId: 'g1' })
    expect(await emu().emulator.db.find('audit', { action: 'user.gridCode' })).toHaveLength(1)
  })
})
