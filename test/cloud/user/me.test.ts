import {
  expectAllQueriesIndexed,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())
afterEach(() => expectAllQueriesIndexed(emu))

describe('user.me', () => {
  it('tells a verified resident who they are, with grid and roles from the database', async () => {
    const res = await emu.call('user', 'demo-resident-1', 'me')
    expect(res).toMatchObject({
      ok: true,
      data: {
        openid: 'demo-resident-1',
        roles: ['resident'],
        verified: true,
        bindStatus: 'verified',
        grid: {
          id: 'g1',
          name: '第一网格',
          communityId: 'c1',
          communityName: '幸福里社区',
          room: '101',
        },
        realName: '张桂兰',
        phone: '13800000001',
      },
    })
  })

  it('works before binding: grid is null and nothing is verified', async () => {
    const res = await emu.call('user', 'demo-newcomer', 'me')
    expect(res).toMatchObject({
      ok: true,
      data: { openid: 'demo-newcomer', grid: null, verified: false, roles: [] },
    })
    const stranger = await emu.call('user', 'o-first-visit', 'me')
    expect(stranger).toMatchObject({
      ok: true,
      data: { openid: 'o-first-visit', grid: null, nickname: '微信用户' },
    })
  })

  it.each([
    ['demo-gridworker-1', true],
    ['demo-committee-1', true],
    ['demo-admin', true],
    ['demo-resident-1', false],
  ])(
    'offers %s grid QR codes (can user.gridCode) → %s, as user.gridCode serves them',
    async (who, offered) => {
      const me = await emu.call<{ can: Record<string, boolean> }>('user', who, 'me')
      expect(me.ok && me.data.can['user.gridCode']).toBe(offered)
      const code = await emu.call('user', who, 'gridCode', { gridId: 'g1' })
      expect(code.ok).toBe(offered)
    }
  )

  it('answers UNAUTHENTICATED to a caller without identity', async () => {
    expect(await emu.call('user', null, 'me')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('rejects an unknown action and a non-JSON body with INVALID_INPUT', async () => {
    expect(await emu.call('user', 'demo-resident-1', 'becomeAdmin')).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '不支持的操作', field: 'action' },
    })
    const raw = await emu.callRaw('user', 'demo-resident-1', '{"action": "me"')
    expect(raw.status).toBe(200)
    expect(raw.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(typeof raw.body.error.message).toBe('string')
  })

  it('ignores an openid or roles smuggled into input', async () => {
    const res = await emu.call('user', 'demo-resident-2', 'me', {
      openid: 'demo-admin',
      roles: ['admin'],
    })
    expect(res).toMatchObject({
      ok: true,
      data: { openid: 'demo-resident-2', roles: ['resident'] },
    })
  })

  it('gives 60 interleaved concurrent callers each their own identity', async () => {
    const personas = [
      'demo-resident-1',
      'demo-resident-2',
      'demo-resident-3',
      'demo-newcomer',
      'demo-volunteer-1',
      'demo-volunteer-2',
      'demo-gridworker-1',
      'demo-committee-1',
      'demo-admin',
      'o-visitor',
    ]
    const calls = Array.from({ length: 60 }, (_, i) => personas[i % personas.length])
    const results = await Promise.all(calls.map((openid) => emu.call('user', openid, 'me')))
    results.forEach((res, i) => {
      expect(res.ok).toBe(true)
      if (res.ok) expect(res.data.openid).toBe(calls[i])
    })
  })

  it('costs one database round trip', async () => {
    const { result, roundTrips } = await emu.callWithStats('user', 'demo-resident-1', 'me')
    expect(result.ok).toBe(true)
    expect(roundTrips).toBe(1)
  })
})
