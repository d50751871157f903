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
beforeEach(async () => {
  await emu.reset()
  await emu.call('user', 'demo-newcomer', 'bindGrid', {
    gridId: 'g1',
    buildingId: 'g1-b1',
    room: '602',
    name: '吴新民',
    phone: '13911112222',
  })
})

describe('user.verifyResident', () => {
  it('shows the grid worker the pending resident in full, and verifying makes them 已认证', async () => {
    const queue = await emu.call('user', 'demo-gridworker-1', 'listPendingResidents', {})
    expect(queue).toMatchObject({
      ok: true,
      data: {
        // oldest binding first: the seed's neighbour who bound yesterday, then the newcomer
        items: [
          { openid: 'seed-g2-06', gridName: '第二网格', can: { verify: true } },
          {
            openid: 'demo-newcomer',
            name: '吴新民',
            phone: '13911112222',
            gridName: '第一网格',
            buildingName: '1号楼',
            room: '602',
            can: { verify: true },
          },
        ],
        nextCursor: null,
      },
    })
    const res = await emu.call('user', 'demo-gridworker-1', 'verifyResident', {
      openid: 'demo-newcomer',
      approve: true,
    })
    expect(res).toEqual({ ok: true, data: { openid: 'demo-newcomer', bindStatus: 'verified' } })
    const me = await emu.call('user', 'demo-newcomer', 'me')
    expect(me).toMatchObject({ ok: true, data: { verified: true, roles: ['resident'] } })
    const after = await emu.call('user', 'demo-gridworker-1', 'listPendingResidents', {})
    // the newcomer left the queue; the seed's neighbour still waits
    expect(after).toMatchObject({ ok: true, data: { items: [{ openid: 'seed-g2-06' }] } })
  })

  it('tells the resident by subscribe message', async () => {
    await emu.call('user', 'demo-committee-1', 'verifyResident', {
      openid: 'demo-newcomer',
      approve: true,
    })
    const messages = await emu.outbox('demo-newcomer')
    expect(messages).toHaveLength(1)
    expect(JSON.stringify(messages[0])).toContain('已认证')
  })

  it('a rejection shows its reason to the resident', async () => {
    await emu.call('user', 'demo-committee-1', 'verifyResident', {
      openid: 'demo-newcomer',
      approve: false,
      reason: '该房屋登记的住户不是您',
    })
    const me = await emu.call('user', 'demo-newcomer', 'me')
    expect(me).toMatchObject({
      ok: true,
      data: { bindStatus: 'rejected', verified: false, rejectReason: '该房屋登记的住户不是您' },
    })
  })

  it('a rejection reason the content check flags is CONTENT_REJECTED, and the binding still waits', async () => {
    const res = await emu.call('user', 'demo-gridworker-1', 'verifyResident', {
      openid: 'demo-newcomer',
      approve: false,
      reason: '违禁测试词',
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', field: 'reason' } })
    expect(await emu.call('user', 'demo-newcomer', 'me')).toMatchObject({
      ok: true,
      data: { bindStatus: 'pending', rejectReason: null },
    })
  })

  it.each([
    ['demo-resident-1', 'FORBIDDEN'],
    ['demo-volunteer-1', 'FORBIDDEN'],
    ['demo-newcomer', 'FORBIDDEN'],
  ])('%s may not verify (%s) and the binding stays pending', async (who, code) => {
    const res = await emu.call('user', who, 'verifyResident', {
      openid: 'demo-newcomer',
      approve: true,
    })
    expect(res).toMatchObject({ ok: false, error: { code } })
    const listed = await emu.call('user', who, 'listPendingResidents', {})
    expect(listed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const me = await emu.call('user', 'demo-newcomer', 'me')
    expect(me).toMatchObject({ ok: true, data: { bindStatus: 'pending' } })
  })

  it('a grid worker of other grids does not see or verify this one', async () => {
    await emu.call('user', 'demo-admin', 'setRoles', {
      openid: 'demo-resident-3',
      roles: ['gridWorker'],
      gridIds: ['g3'],
    })
    const queue = await emu.call('user', 'demo-resident-3', 'listPendingResidents', {})
    expect(queue).toMatchObject({ ok: true, data: { items: [] } })
    const res = await emu.call('user', 'demo-resident-3', 'verifyResident', {
      openid: 'demo-newcomer',
      approve: true,
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('of two verifiers racing, exactly one succeeds; the other gets CONFLICT', async () => {
    const results = await Promise.all([
      emu.call('user', 'demo-gridworker-1', 'verifyResident', {
        openid: 'demo-newcomer',
        approve: true,
      }),
      emu.call('user', 'demo-committee-1', 'verifyResident', {
        openid: 'demo-newcomer',
        approve: false,
        reason: '信息不符',
      }),
      emu.call('user', 'demo-admin', 'verifyResident', { openid: 'demo-newcomer', approve: true }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'CONFLICT',
      'CONFLICT',
    ])
  })

  it('rejects bad input and unknown residents', async () => {
    expect(
      await emu.call('user', 'demo-gridworker-1', 'verifyResident', {
        openid: 'demo-newcomer',
        approve: 'yes',
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'approve' },
    })
    expect(
      await emu.call('user', 'demo-gridworker-1', 'verifyResident', {
        openid: 'nobody',
        approve: true,
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(
      await emu.call('user', 'demo-gridworker-1', 'listPendingResidents', { limit: 500 })
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'limit' },
    })
  })
})
