import path from 'node:path'
import { readPngText, PNG_SIGNATURE } from '../../emulator/openapi/png'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'

// The WeChat open-API fakes, called as a cloud function calls them: through the real
// wx-server-sdk's cloud.openapi (multipart + protobuf to /admin), see the wxapi fixture.

const functionsDir = path.join(__dirname, '..', 'fixtures', 'functions')
let emu: TestEmulator
const logs: string[] = []

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir, log: (l) => logs.push(l) })
})

afterAll(() => emu?.stop())

const openapi = (api: string, params: Record<string, unknown>, openid = 'demo-resident-1') =>
  emu.callWithStats('wxapi', openid, 'call', { api, params })

describe('security.msgSecCheck', () => {
  test('ordinary text passes', async () => {
    const { result, roundTrips } = await openapi('security.msgSecCheck', {
      openid: 'demo-resident-1',
      scene: 2,
      version: 2,
      content: '想请志愿者帮忙修一下楼道的灯',
    })
    expect(result).toMatchObject({
      ok: true,
      data: { errCode: 0, result: { suggest: 'pass', label: 100 }, traceId: expect.any(String) },
    })
    expect(roundTrips).toBe(0) // open-API calls are not database round trips
  })

  test.each([
    ['违禁测试词', 21000],
    ['周末一起去赌 博吧', 20006],
    ['专业代开发票', 20008],
  ])('"%s" is risky with label %d', async (content, label) => {
    const { result } = await openapi('security.msgSecCheck', {
      openid: 'demo-resident-1',
      scene: 2,
      version: 2,
      content,
    })
    expect(result).toMatchObject({ ok: true, data: { result: { suggest: 'risky', label } } })
  })

  test('a v2 check without openid fails like the real API (errcode 40003)', async () => {
    const { result } = await openapi('security.msgSecCheck', {
      scene: 2,
      version: 2,
      content: '你好',
    })
    expect(result).toMatchObject({ ok: false, error: { errCode: 40003 } })
  })

  test('v1 reports risky content as errcode 87014', async () => {
    const { result } = await openapi('security.msgSecCheck', { content: '违禁测试词' })
    expect(result).toMatchObject({ ok: false, error: { errCode: 87014 } })
  })
})

describe('subscribeMessage.send', () => {
  test('a valid message lands in the outbox, newest first', async () => {
    await emu.request('POST', '/api/_outbox/clear', {})
    for (const title of ['第一条', '第二条']) {
      const { result } = await openapi('subscribeMessage.send', {
        touser: 'demo-resident-2',
        templateId: 'TPL_WISH',
        page: 'packages/wish/detail/index?id=w1',
        data: { thing1: { value: title }, time2: { value: '2025-01-01 10:00' } },
        miniprogramState: 'developer',
      })
      expect(result).toMatchObject({ ok: true, data: { errCode: 0 } })
    }
    const items = await emu.outbox('demo-resident-2')
    expect(items).toEqual([
      expect.objectContaining({
        touser: 'demo-resident-2',
        templateId: 'TPL_WISH',
        page: 'packages/wish/detail/index?id=w1',
        data: { thing1: { value: '第二条' }, time2: { value: '2025-01-01 10:00' } },
        miniprogramState: 'developer',
        fn: 'wxapi',
        sentAt: expect.any(String),
      }),
      expect.objectContaining({ data: expect.objectContaining({ thing1: { value: '第一条' } }) }),
    ])
    expect(await emu.outbox('demo-resident-1')).toEqual([])
  })

  test('a thing value over 20 characters is rejected with 47003 and not stored', async () => {
    await emu.request('POST', '/api/_outbox/clear', {})
    const { result } = await openapi('subscribeMessage.send', {
      touser: 'demo-resident-2',
      templateId: 'TPL_WISH',
      data: { thing1: { value: '这是一段明显超过二十个字的模板消息内容用来测试长度限制' } },
    })
    expect(result).toMatchObject({ ok: false, error: { errCode: 47003 } })
    expect(await emu.outbox()).toEqual([])
  })

  test('the outbox survives a restart and is cleared by _reset', async () => {
    await openapi('subscribeMessage.send', {
      touser: 'demo-resident-3',
      templateId: 'T',
      data: { thing1: { value: '你好' } },
    })
    await emu.restart()
    expect(await emu.outbox('demo-resident-3')).toHaveLength(1)
    await emu.reset()
    expect(await emu.outbox()).toEqual([])
  })
})

describe('other APIs', () => {
  test('wxacode.getUnlimited returns a PNG that carries its scene', async () => {
    const { result } = await openapi('wxacode.getUnlimited', {
      scene: 'a=act1',
      page: 'packages/volunteer/checkin/index',
      checkPath: false,
      width: 300,
    })
    expect(result).toMatchObject({ ok: true, data: { contentType: 'image/png', errCode: 0 } })
    if (!result.ok) return
    const png = Buffer.from(result.data.base64, 'base64')
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    expect(readPngText(png)).toMatchObject({
      scene: 'a=act1',
      page: 'packages/volunteer/checkin/index',
    })
  })

  test('wxacode.getUnlimited rejects a scene over 32 characters (40169)', async () => {
    const { result } = await openapi('wxacode.getUnlimited', { scene: 'x'.repeat(33) })
    expect(result).toMatchObject({ ok: false, error: { errCode: 40169 } })
  })

  test('phonenumber.getPhoneNumber answers a phone:<number> code, and 40029 otherwise', async () => {
    const { result } = await openapi('phonenumber.getPhoneNumber', { code: 'phone:13800000001' })
    expect(result).toMatchObject({
      ok: true,
      data: {
        phoneInfo: {
          phoneNumber: '13800000001',
          purePhoneNumber: '13800000001',
          countryCode: '86',
          watermark: { appid: 'wx-honglin-local', timestamp: expect.any(Number) },
        },
      },
    })
    const bad = await openapi('phonenumber.getPhoneNumber', { code: 'abc' })
    expect(bad.result).toMatchObject({ ok: false, error: { errCode: 40029 } })
  })

  test('an API missing from config.json permissions fails with -604101', async () => {
    const { result } = await openapi('wxacode.createQRCode', { path: 'pages/index/index' })
    expect(result).toMatchObject({ ok: false, error: { errCode: -604101 } })
    expect(logs.some((l) => l.includes('wxacode.createQRCode'))).toBe(true)
  })

  test('an API the emulator does not provide fails with -604101 even when declared', async () => {
    const { result } = await openapi('customerServiceMessage.send', {
      touser: 'x',
      msgtype: 'text',
    })
    expect(result).toMatchObject({ ok: false, error: { errCode: -604101 } })
  })
})
